"""The HTML stage: html_to_text, its explanations, clean_html and the pluggable extractors."""

from __future__ import annotations

import dataclasses
import importlib
import sys
from pathlib import Path

import pytest

from cleanseed.default import DEFAULT_PIPELINE, clean_html, explain_html
from cleanseed.errors import CleanseedError, ConfigError, InputTypeError
from cleanseed.html import (
    HtmlConfig,
    html_to_text,
    html_to_text_and_explain,
    resiliparse_extractor,
    trafilatura_extractor,
)

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))

#: A paragraph long enough to count as prose wherever it is put.
PROSE = ("The river rose by two metres overnight, and the town council closed the old bridge "
         "to traffic until engineers could inspect its foundations.")


def article(body: str, *, around: str = "") -> str:
    """A page whose article is *body*, with *around* (chrome) after it."""
    return (f"<html><head><title>A page</title></head><body><article>{body}</article>"
            f"{around}</body></html>")


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_fixture_pages_give_their_expected_text(page: Path) -> None:
    """Each hand-written page gives exactly the text beside it (``<name>.expected.txt``)."""
    expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert html_to_text(page.read_bytes()) == expected


def test_str_and_bytes_give_the_same_text() -> None:
    """A page passed as bytes is decoded from its own declaration, then read like a str."""
    page = FIXTURES / "news_article.html"
    assert html_to_text(page.read_bytes()) == html_to_text(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("bad", [None, 3, 2.5, ["<p>x</p>"], {"html": "<p>x</p>"}])
def test_non_text_input_is_an_input_type_error(bad: object) -> None:
    """Anything but str or bytes is refused with an InputTypeError naming the type."""
    with pytest.raises(InputTypeError, match=type(bad).__name__):
        html_to_text(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("empty", ["", b"", "   \n ", "<html></html>", "<!-- only -->"])
def test_empty_pages_give_empty_text(empty: str | bytes) -> None:
    """A page with no text gives ""."""
    assert html_to_text(empty) == ""


def test_plain_text_is_returned_as_its_paragraph() -> None:
    """Text without markup is one paragraph; no warning about it looking like a file name."""
    assert html_to_text("notes.html") == "notes.html"
    assert html_to_text("Fish &amp; chips") == "Fish & chips"


@pytest.mark.parametrize(("markup", "rule"), [
    ("<script>var x = 'Hidden words';</script>", "html.script"),
    ("<style>p { color: red }</style>", "html.style"),
    ("<noscript>Please enable JavaScript</noscript>", "html.noscript"),
    ("<template><p>Hidden words</p></template>", "html.template"),
    ("<svg><text>Chart label</text></svg>", "html.svg"),
    ("<iframe>Embedded frame</iframe>", "html.iframe"),
    ("<button>Load more</button>", "html.form"),
    ("<select><option>English</option></select>", "html.form"),
    ("<nav>Home News Sport</nav>", "html.nav"),
    ("<aside>Most read: a story</aside>", "html.aside"),
    ("<footer>Copyright 2026</footer>", "html.footer"),
    ("<figure><img src=a.jpg><figcaption>The mayor. Photo: AP</figcaption></figure>",
     "html.caption"),
    ("<div class='wp-caption-text'>A street at night</div>", "html.caption"),
    ("<span class='image-credit'>Getty Images</span>", "html.caption"),
    ("<div id='CybotCookiebotDialog'>This website uses cookies</div>", "html.cookie"),
    ("<div class='qc-cmp2-container'>We value your privacy</div>", "html.cookie"),
    ("<div role='dialog' aria-label='Cookie consent'>Accept all</div>", "html.dialog"),
    ("<section aria-label='Privacy settings'>Accept all</section>", "html.cookie"),
    ("<div class='share-tools'>Share on Facebook</div>", "html.share"),
    ("<ul class='related-posts'><li>Another story</li></ul>", "html.related"),
    ("<div id='disqus_thread'>First comment</div>", "html.comments"),
    ("<div class='most-read'>Top stories</div>", "html.related"),
    ("<div hidden>Hidden text</div>", "html.hidden"),
    ("<div style='display: none'>Hidden text</div>", "html.hidden"),
])
def test_chrome_is_dropped_and_named(markup: str, rule: str) -> None:
    """Each kind of element that is never article text is dropped, under its rule id."""
    explained = html_to_text_and_explain(article(f"<p>{PROSE}</p>{markup}"))
    assert explained.text == PROSE
    assert rule in {r.rule for r in explained.removals}


def test_removals_are_from_the_html_stage_with_no_offset() -> None:
    """HTML removals say stage "html", start -1, and hold the dropped element's text."""
    explained = html_to_text_and_explain(article(f"<p>{PROSE}</p><nav>Home  News</nav>"))
    nav = [r for r in explained.removals if r.rule == "html.nav"]
    assert [(r.stage, r.text, r.start) for r in nav] == [("html", "Home News", -1)]


def test_a_misnamed_wrapper_is_brought_back_and_not_reported() -> None:
    """An element dropped for its name but holding the article is kept; explain agrees."""
    page = (FIXTURES / "misleading_wrapper.html").read_text(encoding="utf-8")
    explained = html_to_text_and_explain(page)
    assert explained.text == html_to_text(page)
    assert "harbour reopened" in explained.text
    assert not any("harbour reopened" in r.text for r in explained.removals)
    assert ("html.ad", "Advertisement") in {(r.rule, r.text) for r in explained.removals}


def test_structure_is_kept() -> None:
    """Headings, lists, quotes, tables and paragraph boundaries survive, in order."""
    body = (f"<h2>Heading</h2><p>{PROSE}</p><ul><li>one</li><li>two</li></ul>"
            f"<blockquote>Quoted words.</blockquote><table><tr><th>a</th><th>b</th></tr>"
            f"<tr><td>1</td><td>2</td></tr></table><p>Last<br>line</p>")
    assert html_to_text(article(body)) == (
        f"Heading\n\n{PROSE}\n\none\ntwo\n\nQuoted words.\n\na\tb\n1\t2\n\nLast\nline")


def test_code_and_tables_in_a_figure_are_kept_but_its_caption_is_not() -> None:
    """A <figure> may hold a listing or a table: that stays; its caption text goes."""
    body = (f"<p>{PROSE}</p><figure><pre>x = 1\n  y = 2</pre><p>Listing 1</p></figure>"
            f"<figure><table><tr><td>cell</td></tr></table></figure>")
    assert html_to_text(article(body)) == f"{PROSE}\n\nx = 1\n  y = 2\n\ncell"


def test_inline_spacing_follows_the_markup() -> None:
    """Words split by inline tags join; white space between them stays one space."""
    assert html_to_text("<p>foo<b>bar</b> <i>baz</i>\n qux</p>") == "foobar baz qux"


def test_link_lists_in_the_article_are_dropped_but_prose_with_links_is_kept() -> None:
    """A block that is all links goes (html.low_density); a sentence with links stays."""
    linked = ("<p>The <a href=/a>mayor</a> met <a href=/b>the transport committee</a> "
              "on Friday.</p>")
    links = "<p><a href=/x>Storm closes schools</a> | <a href=/y>Rates rise again</a></p>"
    explained = html_to_text_and_explain(article(f"<p>{PROSE}</p>{linked}{links}"))
    assert explained.text == f"{PROSE}\n\nThe mayor met the transport committee on Friday."
    assert "html.low_density" in {r.rule for r in explained.removals}


def test_a_heading_linking_to_itself_is_no_link_but_a_table_of_contents_is() -> None:
    """``<h2><a href="#part">`` is a heading; a list of links to the page's parts is a menu."""
    body = (f"<ul><li><a href='#one'>Part one</a></li><li><a href='#two'>Part two</a></li></ul>"
            f"<h2><a href='#one'>Part one</a></h2><p>{PROSE}</p>")
    assert html_to_text(article(body)) == f"Part one\n\n{PROSE}"


def test_an_article_in_noscript_is_found() -> None:
    """A page whose static article sits in <noscript> (a script renders it) keeps it."""
    page = f"<body><div id='app'></div><noscript><p>{PROSE}</p><p>{PROSE}</p></noscript></body>"
    assert html_to_text(page) == f"{PROSE}\n\n{PROSE}"


def test_a_heading_repeating_the_title_is_dropped_unless_asked() -> None:
    """The headline is the page's title: dropped by default, kept with keep_title."""
    page = article(f"<h1>A page</h1><p>{PROSE}</p>")
    assert html_to_text(page) == PROSE
    assert html_to_text(page, HtmlConfig(keep_title=True)) == f"A page\n\n{PROSE}"


def test_main_content_can_be_switched_off() -> None:
    """With main_content=False every block the element rules keep is kept."""
    page = (f"<div><p>{PROSE}</p><p>{PROSE}</p></div>"
            "<div><p>A note elsewhere on the page, kept all the same</p></div>")
    assert "elsewhere" not in html_to_text(page)
    assert "elsewhere" in html_to_text(page, HtmlConfig(main_content=False))


def test_content_outside_the_main_content_is_explained() -> None:
    """Blocks left outside the main content are reported as html.outside_main."""
    page = (f"<div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
            "<div><p>Another block, far from the article</p></div>")
    rules = {r.rule: r.text for r in html_to_text_and_explain(page).removals}
    assert rules["html.outside_main"] == "Another block, far from the article"


def test_config_is_frozen_keyword_only_and_checked() -> None:
    """HtmlConfig is immutable, takes keywords only, and refuses a bad link density."""
    config = HtmlConfig(max_link_density=0.7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.main_content = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        HtmlConfig(False)  # type: ignore[call-arg]
    with pytest.raises(ConfigError):
        HtmlConfig(max_link_density=0.0)


def test_deep_nesting_does_not_hit_the_recursion_limit() -> None:
    """Tens of thousands of nested elements parse and walk without RecursionError."""
    depth = 40_000
    page = "<div>" * depth + PROSE + "</div>" * depth
    assert html_to_text(page) == PROSE


def test_a_fifty_megabyte_page_works() -> None:
    """A 50 MB page (a huge inline script and a long article) gives its article."""
    script = "<script>var data = '" + "x" * 42_000_000 + "';</script>"
    paragraphs = "".join(f"<p>{i}. {PROSE * 20}</p>" for i in range(3000))
    page = f"<html><body>{script}<article>{paragraphs}</article></body></html>"
    assert len(page) > 50_000_000
    text = html_to_text(page)
    assert text.startswith("0. The river rose") and text.count("\n\n") == 2999


def test_clean_html_is_html_to_text_then_the_text_pipeline() -> None:
    """clean_html runs the default text pipeline on html_to_text's output."""
    page = (FIXTURES / "news_article.html").read_bytes()
    assert clean_html(page) == DEFAULT_PIPELINE(html_to_text(page))


def test_explain_html_lists_html_then_text_removals() -> None:
    """explain_html's text is clean_html's; its removals start with the HTML stage's."""
    page = (FIXTURES / "news_article.html").read_bytes()
    explained = explain_html(page)
    assert explained.text == clean_html(page)
    assert explained.removals[0].stage == "html"
    assert explained.removals[:len(html_to_text_and_explain(page).removals)] == (
        html_to_text_and_explain(page).removals)


def test_a_custom_extractor_replaces_html_to_text() -> None:
    """An extractor is any str -> str callable; the text rules still run after it."""
    def shouting(html: str) -> str:
        return ("HELLO THERE, WORLD.\n\n"
                "We use cookies. By continuing you agree to our use of cookies.")

    assert clean_html("<p>ignored</p>", extractor=shouting) == DEFAULT_PIPELINE(shouting(""))
    assert explain_html(b"<p>x</p>", extractor=shouting).text == clean_html("", extractor=shouting)


def test_an_extractor_returning_no_str_is_an_error() -> None:
    """An extractor must return str; anything else is a CleanseedError, not a crash later."""
    with pytest.raises(CleanseedError, match="NoneType"):
        clean_html("<p>x</p>", extractor=lambda html: None)  # type: ignore[arg-type]


@pytest.mark.parametrize("extractor", [trafilatura_extractor, resiliparse_extractor])
def test_shipped_extractors_find_the_article(extractor) -> None:  # type: ignore[no-untyped-def]
    """trafilatura and Resiliparse, plugged in, find the news fixture's article."""
    page = (FIXTURES / "news_article.html").read_text(encoding="utf-8")
    assert "protected bike lanes on Main Street" in clean_html(page, extractor=extractor)


@pytest.mark.parametrize(("extractor", "module"), [
    (trafilatura_extractor, "trafilatura"),
    (resiliparse_extractor, "resiliparse.extract.html2text"),
])
def test_a_missing_extractor_library_names_the_extra(extractor, module: str,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the library, the extractor says which extra to install."""
    monkeypatch.setitem(sys.modules, module, None)
    importlib.invalidate_caches()
    with pytest.raises(CleanseedError, match=r"pip install cleanseed\[extractors\]"):
        extractor("<p>x</p>")


def test_subheadings_named_headers_stay_with_their_sections() -> None:
    """A section's heading called "card-header" is the article's, not the page's header."""
    html = (f"<article><p>{PROSE}</p><h3 class='card-header'>Origin</h3><p>{PROSE} Again.</p>"
            f"<h3 class='section__title'>Rating</h3><p>{PROSE} Once more.</p></article>")
    text = html_to_text(html)
    assert "\n\nOrigin\n\n" in text
    assert "\n\nRating\n\n" in text
