"""Deep and broken markup: lxml's stack kept shallow, the stream flattened past ``max_depth``.

The pages here are shaped after the ones that used to take time in the square of their length:
unclosed tags with stray end tags between them (lxml's parser looked through its whole stack
for each end tag) and text between the end tags of deep elements (bs4 walked up through every
open element for each string). The tests bound what made that time grow, the depth of lxml's
stack and of the stream of events, rather than the time itself.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cleanseed.errors import ConfigError
from cleanseed.html import HtmlConfig, html_to_text, html_to_text_and_explain
from cleanseed.html.blocks import collect
from cleanseed.html.feed import feed_bounded
from cleanseed.html.parse import DATA, END, START, Event, Page, parse

FIXTURES = Path(__file__).parent / "fixtures" / "html"

PROSE = ("The river rose by two metres overnight, and the town council closed the old bridge "
         "to traffic until engineers could inspect its foundations.")

#: Each opens about 50,000 elements, and holds these words; the comment says what the old cost
#: grew with.
DEEP_PAGES = {
    # lxml: every </p> looked through all the open <font>s
    "unclosed-font-stray-p": ("<font>line</p>\n" * 50_000, {"line": 50_000}),
    # bs4: every " b" walked up through all the open <span>s
    "text-between-end-tags": ("<span>a " * 50_000 + "</span> b" * 50_000,
                              {"a": 50_000, "b": 50_000}),
    # lxml: every </ol> looked through all the open <ul>s and <li>s
    "unclosed-list-items": ("<ul><li>item</ol>" * 50_000, {"item": 50_000}),
}


class _Recorder:
    """An lxml parser target that keeps the events and the stack's names, and may close any
    element but a ``<script>``."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.events: list[tuple[str, str]] = []
        self.deepest = 0

    def closable(self, tag: str) -> bool:
        return self.names[-1] != "script"

    def start(self, tag: str, attrib: Any) -> None:
        self.names.append(tag)
        self.deepest = max(self.deepest, len(self.names))
        self.events.append(("start", tag))

    def end(self, tag: str) -> None:
        self.names.pop()
        self.events.append(("end", tag))

    def data(self, data: str) -> None:
        self.events.append(("data", data))

    def close(self) -> None:
        """Nothing to return."""


def _parse_bounded(markup: str, bound: int) -> _Recorder:
    target = _Recorder()
    parser = etree.HTMLParser(target=target, huge_tree=True)
    feed_bounded(parser, markup, target, bound)
    parser.close()
    return target


def _words(target: _Recorder) -> Counter[str]:
    return Counter(" ".join(value for kind, value in target.events if kind == "data").split())


def _depth(events: list[Event]) -> int:
    """How deep a stream of events nests: the most elements open at once."""
    deepest = depth = 0
    for kind, _, _, _ in events:
        depth += (kind == START) - (kind == END)
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("name", list(DEEP_PAGES))
def test_lxml_stack_stays_within_the_bound(name: str) -> None:
    """However deep the markup nests, lxml's stack (what each end tag looks through) stays within
    the bound, give or take an implied element, and the page's text all comes through."""
    markup, words = DEEP_PAGES[name]
    assert _parse_bounded(markup[:20_000], 10**9).deepest > 1000  # it nests as it goes
    bounded = _parse_bounded(markup, 100)
    assert bounded.deepest <= 102
    assert _words(bounded) == words


@pytest.mark.parametrize("page", sorted(FIXTURES.glob("*.html")), ids=lambda p: p.stem)
def test_feeding_by_pieces_changes_no_event(page: Path) -> None:
    """On pages that nest less deep than the bound, the pieces give the events of one feed."""
    markup = page.read_text(encoding="utf-8")
    whole = _Recorder()
    parser = etree.HTMLParser(target=whole, huge_tree=True)
    parser.feed(markup)
    parser.close()
    assert _parse_bounded(markup, 200).events == whole.events


def test_a_raw_text_element_at_the_bound_is_not_closed() -> None:
    """A '<' in a script at the bound opens nothing, so the script is not closed for it."""
    markup = "<div>" * 20 + "<script>var s = '<b>bold</b>';</script><p>after</p>"
    events = _parse_bounded(markup, 10).events
    script = events.index(("start", "script"))
    end = events.index(("end", "script"))
    assert all(kind == "data" for kind, _ in events[script + 1:end])
    assert "".join(value for _, value in events[script + 1:end]) == "var s = '<b>bold</b>';"


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DEEP_PAGES))
def test_deep_pages_give_all_their_text(name: str) -> None:
    """Fifty thousand levels of broken markup convert, every word kept, none invented."""
    markup, words = DEEP_PAGES[name]
    assert Counter(html_to_text(markup).split()) == words


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DEEP_PAGES))
def test_the_stream_nests_no_deeper_than_max_depth(name: str) -> None:
    """The stream (all later steps read it) is at most max_depth deep, plus the flattened
    blocks (and, on other pages, a link in one and the few elements built around them: a
    ``<pre>``, a figure, its content, a marker)."""
    page = parse(DEEP_PAGES[name][0], None, max_depth=40)
    assert _depth(page.events) <= 41


def test_flattened_blocks_stay_apart_and_are_explained() -> None:
    """Past max_depth the blocks keep their own paragraphs, items and cells, inline markup goes,
    and the explanation lists their text as an edit that keeps it."""
    deep = ("<p>First <b>bold</b> paragraph.</p><ul><li>one<li>two</ul>"
            "<table><tr><td>a<td>b</table>Last words")
    page = "<div>" * 10 + deep + "</div>" * 10
    config = HtmlConfig(max_depth=4, main_content=False)
    assert html_to_text(page, config) == "First bold paragraph.\n\none\ntwo\n\na\tb\n\nLast words"
    explained = html_to_text_and_explain(page, config)
    assert explained.text == html_to_text(page, config)
    flattened = [r for r in explained.removals if r.rule == "html.too_deep"]
    text = "First bold paragraph. one two a b Last words"
    assert [(r.text, r.replacement) for r in flattened] == [(text, text)]


def test_a_flattened_link_is_still_a_link() -> None:
    """Past max_depth a link's text stays link text, one level below its block: a menu is a
    list of links there as it is nested, and dropped so."""
    menu = "<ul><li><a href='/'>Home</a><li><a href='/world'>World news</a></ul>"
    page = "<div>" * 10 + menu + f"<p>{PROSE}</p>" + "</div>" * 10
    for depth in (4, 512):
        explained = html_to_text_and_explain(page, HtmlConfig(max_depth=depth,
                                                              main_content=False))
        assert explained.text == PROSE
        assert [r.text for r in explained.removals if r.rule == "html.low_density"] == [
            "Home", "World news"]
    assert _depth(parse(page, None, max_depth=4).events) == 6


def test_flattened_links_weigh_as_nested_ones() -> None:
    """Link text is no part of the page's prose, flattened or not: a flagged element that holds
    the article beside a long paragraph of links holds most of the page's prose either way,
    and stays."""
    links = " ".join(f"<a href='/{i}'>The full story of the old bridge, part {i}</a>"
                     for i in range(8))
    page = (f"<div><div><nav><p>{PROSE}</p><p>{PROSE}</p></nav>"
            f"<div><div><div><p>{links}</p></div></div></div></div></div>")
    for config in (HtmlConfig(max_depth=4), HtmlConfig(), HtmlConfig(max_depth=4,
                                                                      main_content=False)):
        assert html_to_text(page, config) == f"{PROSE}\n\n{PROSE}"


def test_an_empty_flattened_block_parts_the_blocks_around_it() -> None:
    """Past max_depth a block element that holds no text of its own still ends the block
    before it, as nested: a short label after a link is not glued to it into a block of
    links, and stays."""
    page = "<div><div><a href='/more'>Read more<div></div></a>Last words</div></div>"
    for depth in (4, 512):  # <html>, <body> and the <div>s: the link is the first past 4
        assert html_to_text(page, HtmlConfig(max_depth=depth, main_content=False)) == (
            "Last words")


def test_text_in_a_flattened_pre_stays_preformatted() -> None:
    """Past max_depth the text of a ``<pre>``, inside a block in it or after one, keeps its
    white space, and a link in it (a linked name in a listing) is no link text, as nested."""
    page = ("<div><div><pre><div>total  =  <a href='/sum'>sum</a>(xs)\n    print(total)</div>"
            "done</pre></div></div>")
    for depth in (4, 512):
        assert html_to_text(page, HtmlConfig(max_depth=depth, main_content=False)) == (
            "total  =  sum(xs)\n    print(total)\n\ndone")
    linked = "<div><a href='/x'><pre><div>0</div></pre></a></div>"
    assert html_to_text(linked, HtmlConfig(max_depth=3, main_content=False)) == "0"


def test_a_flattened_figure_and_its_content_read_as_nested() -> None:
    """Past max_depth a figure's caption is a caption and a list in a figure is its content,
    no caption, as nested."""
    page = ("<div><div><figure><p>A bridge at dawn.</p>"
            f"<ul><li><div>{PROSE}</div></ul></figure></div></div>")
    for depth in (3, 5, 512):  # the figure flattened, the list only, nothing
        assert html_to_text(page, HtmlConfig(max_depth=depth, main_content=False)) == PROSE


def test_a_flattened_marker_still_names_the_article() -> None:
    """Past max_depth an element that names itself the article's body still does, around the
    blocks inside it: a box named chrome that holds it is the article on a lesser share of the
    page's prose, as nested."""
    body = f"<div itemprop='articleBody'><p>{PROSE}</p><p>{PROSE}</p></div>"
    page = (f"<div><div class='share-bar'><div><div>{body}</div></div></div>"
            f"<div>{f'<p>{PROSE}</p>' * 5}</div></div>")
    for depth in (3, 512):
        out = html_to_text(page, HtmlConfig(max_depth=depth, main_content=False))
        assert out.count("The river rose") == 7


def test_a_flagged_link_is_link_text() -> None:
    """A link a class rule flagged (``<a class="author">``) gets an element of its own and is
    still link text, as it is past max_depth, where no name is read: its text weighs the same
    in the page's prose either way."""
    page = Page([(START, "div", None, None), (START, "a", "/me", "html.byline"),
                 (DATA, "Jane Doe", None, None), (END, "a", None, None),
                 (END, "div", None, None)], ())
    layout = collect(page)
    assert [(b.text, b.link_chars) for b in layout.blocks] == [("Jane Doe", 8)]
    assert [(e.name, e.rule) for e in layout.elements] == [("div", None), ("a", "html.byline")]


def test_a_name_in_a_flattened_subheading_is_read_as_the_heading() -> None:
    """Past max_depth a name inside a subheading (``<span class="mw-headline">``) is read
    there as nested: the heading's own text, not a header to drop."""
    page = ("<div>" * 10 + '<h2><span class="mw-headline">Reactions</span></h2>'
            f"<p>{PROSE}</p>" + "</div>" * 10)
    for depth in (4, 512):
        assert html_to_text(page, HtmlConfig(max_depth=depth)) == f"Reactions\n\n{PROSE}"


def test_a_shallow_page_is_not_flattened() -> None:
    """Below max_depth nothing changes and nothing is recorded."""
    page = f"<article><div><p>{PROSE}</p></div></article>"
    explained = html_to_text_and_explain(page, HtmlConfig(max_depth=6))
    assert explained.text == PROSE
    assert not [r for r in explained.removals if r.rule == "html.too_deep"]


def test_rules_still_apply_past_max_depth() -> None:
    """Deep scripts, hidden elements and navigation are dropped as anywhere else."""
    page = ("<div>" * 100 + "<script>var x = '<p>code</p>';</script><nav><b>Menu</b></nav>"
            "<div hidden>secret</div>" + f"<p>{PROSE}</p>")
    assert html_to_text(page, HtmlConfig(max_depth=4)) == PROSE


def test_a_big_flagged_element_past_max_depth_is_restored() -> None:
    """A misnamed element that holds the page's prose comes back, even below max_depth."""
    article = "".join(f"<p>{i}. {PROSE}</p>" for i in range(5))
    page = "<div>" * 30 + f"<div class='page-ad-margins'>{article}</div>" + "</div>" * 30
    out = html_to_text(page, HtmlConfig(max_depth=10))
    assert out.count("The river rose") == 5


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "512"])
def test_max_depth_must_be_a_positive_int(bad: object) -> None:
    """max_depth is a count of levels: a positive int, nothing else."""
    with pytest.raises(ConfigError, match="max_depth"):
        HtmlConfig(max_depth=bad)  # type: ignore[arg-type]
