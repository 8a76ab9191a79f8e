"""The third set of real pages, whose truth is snippets, as benchmarks/_snippets.py reads it.

Checked on a made-up set in the layout of trafilatura's real-world tests (a test file naming
each page's URL and asserting on snippets, and a ``cache/`` of pages): the tests need none of
the set's data.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_BENCHMARKS = Path(__file__).parent.parent / "benchmarks"

#: A test file in the set's layout. It imports a module that does not exist, so it fails if
#: anything runs it: the loader must only read it.
_TESTS = '''
import no_such_module_anywhere

MOCK_PAGES = {
'https://www.example.org/news/1': 'example.org.news.html',
'https://blog.example.co.uk/post': 'example.co.uk.post.html',
'https://quiet.example.net/': 'quiet.example.net.html',
}

def load_mock_page(url, xml_flag=False):
    raise RuntimeError("never run")

@pytest.mark.parametrize("xmloutput", [False, True])
def test_extract(xmloutput):
    result = load_mock_page('https://www.example.org/news/1', xmloutput)
    assert 'The council met' in result and 'Share this' not in result and 'A slip' \
        and 'Menu' not in result
    if xmloutput is False:
        assert 'plain text only' in result
    if xmloutput is True:
        assert 'xml only' in result
    # assert 'commented out' in result

    result = load_mock_page('https://quiet.example.net/', xmloutput)
    # assert 'nothing is checked here' in result

    result = load_mock_page('https://blog.example.co.uk/post', xmloutput)
    assert 'Grüße' in result and ' Reply' not in result and '' not in result

    result = load_mock_page('https://www.example.org/news/1', xmloutput)
    assert 'The council met' in result and 'Newsletter' not in result
'''


@pytest.fixture(scope="module")
def modules() -> tuple[ModuleType, ModuleType]:
    """benchmarks/_snippets.py and _pages.py, imported as the scripts import them."""
    if str(_BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(_BENCHMARKS))
    loaded = []
    for name in ("_snippets", "_pages"):
        if name not in sys.modules:
            spec = importlib.util.spec_from_file_location(name, _BENCHMARKS / f"{name}.py")
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module  # dataclasses look their module up while being built
            spec.loader.exec_module(module)
        loaded.append(sys.modules[name])
    return loaded[0], loaded[1]


def _make_set(root: Path, tests: str = _TESTS, pages: bool = True) -> Path:
    folder = root / "trafilatura-1.1.0" / "tests"
    (folder / "cache").mkdir(parents=True)
    (folder / "realworld_tests.py").write_text(tests, encoding="utf-8")
    if pages:
        (folder / "cache" / "example.org.news.html").write_text(
            "<p>The council met.</p><p>Share this</p>", encoding="utf-8")
        (folder / "cache" / "example.co.uk.post.html").write_bytes(
            "<p>Viele Grüße</p>".encode("cp1252"))
        (folder / "cache" / "quiet.example.net.html").write_text("<p>Quiet.</p>",
                                                                 encoding="utf-8")
    return folder


def test_snippets_are_read_from_the_asserts_never_run(
        modules: tuple[ModuleType, ModuleType], tmp_path: Path) -> None:
    """Each page gets the in / not in snippets of the asserts after its load, merged when the
    page is loaded again; the plain-text branch of an ``if xmloutput`` counts, the XML one, a
    bare string, an empty one and a comment do not; a page without snippets is left out."""
    snippets, _ = modules
    pages = snippets.load_snippet_pages(_make_set(tmp_path))
    assert [p.url for p in pages] == ["https://www.example.org/news/1",
                                      "https://blog.example.co.uk/post"]
    news, blog = pages
    assert news.with_ == ("The council met", "plain text only")
    assert news.without == ("Share this", "Menu", "Newsletter")
    assert blog.with_ == ("Grüße",)
    assert blog.without == (" Reply",)
    assert news.path.name == "example.org.news.html"


def test_load_pages_knows_the_set_by_its_files(modules: tuple[ModuleType, ModuleType],
                                               tmp_path: Path) -> None:
    """The tests/ folder or the distribution's root is recognised; a page's site is drawn from
    its URL and its half from its site, and its bytes are kept as served."""
    _, pages_module = modules
    folder = _make_set(tmp_path)
    for given in (folder, folder.parent):
        pages = pages_module.load_pages([given])
        assert [(p.corpus, p.site, p.half, p.truth) for p in pages] == [
            ("trafilatura", "example.org", "held-out", ""),
            ("trafilatura", "example.co.uk", "dev", ""),
        ]
        assert pages[1].raw == "<p>Viele Grüße</p>".encode("cp1252")
        assert pages[1].with_snippets == ("Grüße",)
    assert list(pages_module.groups(pages)) == ["trafilatura dev", "trafilatura held-out"]


def test_a_broken_set_is_named_in_the_error(modules: tuple[ModuleType, ModuleType],
                                            tmp_path: Path) -> None:
    """A missing page, a URL asserted on but not listed, and a file without MOCK_PAGES each
    stop the run with a message naming the file."""
    snippets, pages_module = modules
    missing = _make_set(tmp_path / "a", pages=False)
    with pytest.raises(SystemExit, match=r"example\.org\.news\.html"):
        snippets.load_snippet_pages(missing)
    unlisted = _make_set(tmp_path / "b", _TESTS.replace(
        "'https://quiet.example.net/': 'quiet.example.net.html',\n", "").replace(
        "'https://quiet.example.net/', xmloutput)\n",
        "'https://quiet.example.net/', xmloutput)\n    assert 'x' in result\n"))
    with pytest.raises(SystemExit, match=r"realworld_tests\.py: 'https://quiet"):
        snippets.load_snippet_pages(unlisted)
    no_dict = _make_set(tmp_path / "c", "def test_nothing():\n    pass\n")
    with pytest.raises(SystemExit, match="no MOCK_PAGES"):
        snippets.load_snippet_pages(no_dict)
    with pytest.raises(SystemExit, match=r"realworld_tests\.py"):
        pages_module.load_pages([tmp_path])


def test_snippet_score_counts_found_absent_and_passing(
        modules: tuple[ModuleType, ModuleType]) -> None:
    """White space is one space on both sides, case counts, and a snippet's edge spaces must
    meet a word's edge (or the text's)."""
    snippets, _ = modules
    output = "The  council\nmet today.\nReplying is closed"
    score = snippets.snippet_score(output, ["council met", "Council met", "today."],
                                   [" eplying", "Replying", "Share"])
    assert (score.with_found, score.with_total) == (2, 3)
    assert (score.without_absent, score.without_total) == (2, 3)
    assert (score.pages_passing, score.pages) == (0, 1)
    assert snippets.snippet_score("Reply", [], [" Reply "]).without_absent == 0
    passing = snippets.snippet_score("All of it.", ["All of it."], ["Menu"])
    total = score + passing
    assert total.shares() == pytest.approx((75.0, 75.0, 50.0))
    assert snippets.SnippetScore().shares()[0] != snippets.SnippetScore().shares()[0]  # NaN


def test_lines_are_labelled_by_the_snippets_on_them(
        modules: tuple[ModuleType, ModuleType]) -> None:
    """A "with" snippet marks every line it spans content, even where a "without" one falls
    too; a "without" snippet alone marks boilerplate; the rest is unjudged."""
    snippets, _ = modules
    lines = ["Menu", "The story  begins here.", "It ends.", "Share this", "Date", "Menu again"]
    labels = snippets.label_by_snippets(lines, ["begins here. It", "Date"],
                                        ["Share", " Menu", "Date"])
    assert labels == ["boilerplate", "content", "content", "boilerplate", "content",
                      "boilerplate"]
    assert snippets.label_by_snippets(["a", "b"], [], []) == ["unjudged", "unjudged"]


def _script(name: str) -> ModuleType:
    """A benchmark script, imported once under a name of its own."""
    key = f"{name}_benchmark"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, _BENCHMARKS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


def test_extraction_scores_snippet_pages_by_snippets(
        modules: tuple[ModuleType, ModuleType]) -> None:
    """A group whose truth is snippets gets the snippet columns, pooled over its pages."""
    bench = _script("extraction")
    pages = [bench.Page("a", "<p>x</p>", "", "trafilatura held-out", ("kept line",), ("Menu",)),
             bench.Page("b", "<p>y</p>", "", "trafilatura held-out", ("lost",), ())]
    result = bench.score([0.001, 0.003], ["kept line\nMenu", "nothing"], pages)
    line = bench.row("system", result, [0, 1], True, snippets=True)
    assert line == "| system | 50.0% | 0.0% | 0.0% | 2.0 | 0 |"
    perfect = bench.score([0.001, 0.001], ["kept line", "lost"], pages)
    assert bench.row("s", perfect, [0, 1], True, snippets=True).startswith(
        "| s | 100.0% | 100.0% | 100.0% |")


def test_pagetext_labels_snippet_pages_and_scores_every_system(
        modules: tuple[ModuleType, ModuleType], tmp_path: Path) -> None:
    """A snippet page's lines are labelled by its snippets; unjudged lines count neither way,
    and each line system hands back the text it kept, for the snippet scores."""
    pagetext = _script("pagetext")
    _, pages_module = modules
    page = pages_module.Page("trafilatura", "p", b"<div>Menu</div><p>The council met.</p>"
                             b"<p>Other.</p>", "", "example.org", "held-out",
                             with_snippets=("council met",), without_snippets=("Menu",))
    text = pagetext.page_text(page)
    assert text.labels == ["boilerplate", "content", "unjudged"]
    score = pagetext.Score()
    score.add(text, [0, 16, 6])
    assert score.lines == {"content": 1, "boilerplate": 1}
    kept, texts = pagetext.systems(None)["raw"]([text])
    assert texts == ["Menu\nThe council met.\nOther."]
    assert kept == [[4, 16, 6]]
