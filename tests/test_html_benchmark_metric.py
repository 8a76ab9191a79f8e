"""The extraction benchmark's metric, as re-implemented in benchmarks/extraction.py.

Checked on hand-made examples whose scores are worked out by hand: the tests need none of the
benchmark's data.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).parent.parent / "benchmarks" / "extraction.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_benchmark", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_shingles_are_four_tokens_or_the_whole_short_text(bench: ModuleType) -> None:
    """\\w+ tokens, case kept, 4 at a time; a text of fewer tokens is one shingle."""
    assert bench.shingles("A b, c d e!") == {("A", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert bench.shingles("two words") == {("two", "words"): 1}
    assert bench.shingles("") == {}


def test_match_counts_multiset_overlaps_normalised(bench: ModuleType) -> None:
    """tp/fp/fn are multiset overlaps of shingles, divided by their sum."""
    truth = "one two three four five"  # shingles: 1234, 2345
    predicted = "one two three four six seven"  # shingles: 1234, 2346, 3467
    assert bench.match(truth, predicted) == pytest.approx((1 / 4, 2 / 4, 1 / 4))
    assert bench.match("", "") == (0.0, 0.0, 0.0)


def test_metrics_average_per_page_and_leave_out_empty_sides(bench: ModuleType) -> None:
    """Precision skips pages with nothing predicted, recall pages with nothing true."""
    perfect = (1.0, 0.0, 0.0)
    half = (0.5, 0.5, 0.0)  # precision 0.5, recall 1
    nothing_predicted = (0.0, 0.0, 1.0)  # recall 0, no precision
    f1, precision, recall = bench.metrics([perfect, half, nothing_predicted])
    assert precision == pytest.approx(0.75)
    assert recall == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_leaks_are_caption_and_cookie_lines_missing_from_the_truth(bench: ModuleType) -> None:
    """A cookie or caption line counts as a leak unless the ground truth has it too."""
    output = "The story.\nWe use cookies to improve your experience. Accept all cookies\nPhoto: AP"
    assert len(bench.leaks(output, "The story.")) == 2
    assert bench.leaks(output, output) == []


def test_halves_split_by_site_not_by_page(bench: ModuleType, tmp_path: Path) -> None:
    """Pages of one site share a half; Readability's small pages are fixtures, set apart."""
    pages = sys.modules["_pages"]
    assert pages.site_of_url("https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert pages.site_of_url("https://blog.example.com/a") == "example.com"
    assert {pages.half_of_site(f"site{i}.com") for i in range(20)} == {"dev", "held-out"}
    aeb = tmp_path / "aeb"
    (aeb / "html").mkdir(parents=True)
    truth = {}
    for n, url in enumerate(["https://a.example.com/1", "https://b.example.com/2"]):
        (aeb / "html" / f"p{n}.html.gz").write_bytes(gzip.compress(b"<p>Body text.</p>"))
        truth[f"p{n}"] = {"articleBody": "Body text.", "url": url}
    (aeb / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    readability = tmp_path / "readability"
    for name, body in (("news-1", "Real words. " * 900), ("news-2", "Real words. " * 900),
                       ("001", "Lorem ipsum dolor.")):
        folder = readability / "pages" / name
        folder.mkdir(parents=True)
        html = f"<html><body><p>{body}</p></body></html>".encode()
        (folder / "source.html.gz").write_bytes(gzip.compress(html))
        (folder / "expected.html.gz").write_bytes(gzip.compress(html))
    loaded = bench.load([aeb, readability], "all", None)
    assert [p.id for p in loaded if p.group == "readability fixtures"] == ["001"]
    news = {p.group for p in loaded if p.id.startswith("news")}
    assert len(news) == 1  # both pages of the site "news" in one half
    assert {p.truth for p in loaded if p.id.startswith("p")} == {"Body text."}
