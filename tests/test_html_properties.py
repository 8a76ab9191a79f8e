"""Properties of html_to_text over generated pages, any str and any bytes."""

from __future__ import annotations

from collections import Counter

from bs4 import BeautifulSoup
from hypothesis import example, given
from hypothesis import strategies as st
from tests.strategies import FRAGMENTS, sentences

from cleanseed._text import tidy
from cleanseed.html import HtmlConfig, html_to_text, html_to_text_and_explain
from cleanseed.html.parse import DATA, END, START, parse

_TAGS = ("div", "p", "span", "a", "b", "li", "ul", "table", "tr", "td", "h2", "br", "pre",
         "section", "article", "main", "nav", "header", "footer", "aside", "figure",
         "figcaption", "script", "style", "form", "blockquote", "noscript", "svg", "em")
_NAMES = ("article-body", "share-bar", "related", "comments", "cookie-banner", "ad",
          "caption", "sidebar", "has-sidebar", "post hentry", "byline", "menu", "x1")

_text = st.one_of(sentences, st.sampled_from(FRAGMENTS),
                  st.sampled_from([" ", "\n", "&amp;", "&lt;b&gt;", "&nbsp;", "\t"]))


@st.composite
def _attributes(draw: st.DrawFn) -> str:
    attrs = []
    if draw(st.booleans()):
        attrs.append(f'class="{draw(st.sampled_from(_NAMES))}"')
    if draw(st.integers(0, 9)) == 0:
        attrs.append(draw(st.sampled_from(["hidden", 'role="navigation"', 'style="display:none"',
                                           'itemprop="articleBody"'])))
    return "".join(" " + a for a in attrs)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(_TAGS))
        inner = "".join(draw(st.lists(children, max_size=4)))
        closing = "" if draw(st.integers(0, 9)) == 0 else f"</{tag}>"  # broken markup too
        return f"<{tag}{draw(_attributes())}>{inner}{closing}"
    return build()


#: Pages of nested elements, attributes that trigger the rules, text and broken markup.
pages = st.recursive(_text, _element, max_leaves=30).map(
    lambda body: f"<html><head><title>A title</title></head><body>{body}</body></html>")

inputs = st.one_of(pages, st.text(), st.binary(max_size=300).map(bytes))


def _squash(text: str) -> str:
    return "".join(text.split())


def _is_subsequence(small: str, large: str) -> bool:
    chars = iter(large)
    return all(c in chars for c in small)


@given(inputs)
def test_never_raises_and_is_tidy(page: str | bytes) -> None:
    """Any str or bytes gives tidy text (no trailing space, no double blank line)."""
    out = html_to_text(page)
    assert isinstance(out, str)
    assert tidy(out) == out


@given(inputs)
def test_plain_and_explained_agree(page: str | bytes) -> None:
    """html_to_text(x) == html_to_text_and_explain(x).text, and removals are html's."""
    explained = html_to_text_and_explain(page)
    assert html_to_text(page) == explained.text
    assert all(r.stage == "html" and r.start == -1 and r.text for r in explained.removals)


@given(inputs)
def test_deterministic(page: str | bytes) -> None:
    """The same page always gives the same text."""
    assert html_to_text(page) == html_to_text(page)


@given(st.one_of(pages, st.text()))
def test_never_invents_text(page: str) -> None:
    """Everything in the output is the page's text, in the page's order (white space aside).

    The reference is every text node of the same markup parsed by plain BeautifulSoup (lone
    surrogates and NULs, which lxml refuses, taken out first).
    """
    out = html_to_text(page)
    markup = page.encode("utf-8", errors="ignore").decode("utf-8").replace("\x00", "")
    reference = BeautifulSoup("\n" + markup, "lxml").get_text()
    assert _is_subsequence(_squash(out), _squash(reference))


#: Pages flattened below <body> (see HtmlConfig.max_depth), without and with main content.
_FLAT = HtmlConfig(max_depth=3, main_content=False)
_NESTED = HtmlConfig(main_content=False)


#: A flagged element (the <nav>) holding half the page's prose, beside an unclosed link past
#: max_depth: flattened, the link's text counted as prose and outweighed the element.
_COOKIES = ("We use cookies to improve your experience. By continuing you agree to our use of "
            "cookies.")
_HALF_IN_NAV = (
    "<html><head><title>A title</title></head><body><div>0<article hidden>0<nav>0"
    f"{_COOKIES}{_COOKIES}<br hidden>{_COOKIES}</nav>{_COOKIES}{_COOKIES}<div>"
    f'<a itemprop="articleBody">{_COOKIES}0</body></html>')

#: A link past max_depth with an empty block element in it, and a short label after it: the
#: label is a block of its own there as nested, not glued to the link into one of links.
_LINK_THEN_LABEL = ("<html><head><title>A title</title></head><body><div>"
                    f"<a>0{_COOKIES}<div></div></a>Alle akzeptieren</body></html>")

#: A link around a <pre> past max_depth: the text in the <pre> is preformatted, no link text.
_PRE_IN_LINK = "<html><head><title>A title</title></head><body><a><pre><div>0</body></html>"

#: A list in a figure past max_depth: the figure's content, not its caption.
_LIST_IN_FIGURE = ("<html><head><title>A title</title></head><body><figure><ul>"
                   f"<div>{_COOKIES}</body></html>")

#: A box named chrome holding a marker past max_depth: the marker lowers the share it needs.
_MARKER_IN_SHARE_BAR = (
    "<html><head><title>A title</title></head><body><nav><div>0 0 0 0 0 0 000 00000"
    f'<table class="share-bar">{_COOKIES}Alle akzeptieren<div itemprop="articleBody">'
    "0 0 0 0 0 0 0 0 0 0 0 0 0 00 00 000 000 000 000 0000 00000 000000 000000 000000000 "
    f"000000000000</table><div>{_COOKIES}0{_COOKIES}0</body></html>")


@given(pages)
@example(_HALF_IN_NAV)
@example(_MARKER_IN_SHARE_BAR)
@example(_LINK_THEN_LABEL)
@example(_PRE_IN_LINK)
@example(_LIST_IN_FIGURE)
def test_flattening_keeps_every_word(page: str) -> None:
    """Flattened, a page keeps every letter it keeps nested: only structure goes (so a link list
    or a caption may stay that the structure would have dropped). Letters, not words: text kept
    on both sides of an inline element the nested page drops ("0<span>…</span>") is glued to
    that element's text when flattening keeps it ("0We"), which is how the page renders."""
    flat = Counter("".join(html_to_text(page, _FLAT).split()))
    assert not Counter("".join(html_to_text(page, _NESTED).split())) - flat


@given(pages)
def test_flattened_plain_and_explained_agree(page: str) -> None:
    """With flattening too, the explained text is the plain text, and every entry has text."""
    config = HtmlConfig(max_depth=3)
    explained = html_to_text_and_explain(page, config)
    assert explained.text == html_to_text(page, config)
    assert all(r.stage == "html" and r.start == -1 and r.text for r in explained.removals)


@given(st.one_of(pages, st.text()))
def test_the_stream_of_events_is_balanced(page: str) -> None:
    """Every element the stream opens it closes, innermost first: the blocks are cut by it."""
    markup = page.encode("utf-8", errors="ignore").decode("utf-8").replace("\x00", "")
    open_names: list[str] = []
    for kind, name, _, _ in parse(markup, None).events:
        if kind == START:
            open_names.append(name)
        elif kind == END:
            assert open_names.pop() == name
        else:
            assert kind == DATA
    assert not open_names
