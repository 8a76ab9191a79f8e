"""How the rule tables are applied to one element: tags, roles, classes and ids."""

from __future__ import annotations

import pytest

from cleanseed.html.match import (
    MARKER,
    Memo,
    class_rule,
    element_rule,
    is_marker,
    word_parts,
)
from cleanseed.html.rules import ATTRIBUTE_RULES, CHROME_TAGS, CONTENT_MARKERS, DROP_TAGS


def test_rule_ids_are_stable_html_ids() -> None:
    """Every rule id in the tables is ``html.<name>``."""
    ids = {rule for rule, _ in ATTRIBUTE_RULES} | set(DROP_TAGS.values()) | set(
        CHROME_TAGS.values())
    assert all(rule.startswith("html.") and rule.count(".") == 1 for rule in ids)


def test_no_word_is_both_a_rule_and_a_content_marker() -> None:
    """The tables do not contradict each other."""
    for _, words in ATTRIBUTE_RULES:
        assert not words & CONTENT_MARKERS


@pytest.mark.parametrize(("names", "parts"), [
    ("share", ["share"]),
    ("article-share", ["article", "share", "articleshare"]),
    ("shareBar", ["share", "bar", "sharebar"]),
    ("post_5662", ["post"]),
    ("8a7d", ["a", "d"]),  # a generated id: letters parted by digits make no word
    ("ad300x250", ["ad", "x"]),
    ("has-sidebar", []),
    ("content-with-sidebar-wrp", []),
])
def test_word_parts(names: str, parts: list[str]) -> None:
    """Names are cut at separators, digits and humps; a condition token gives no parts."""
    assert word_parts(names) == parts


@pytest.mark.parametrize(("tag", "attrib", "rule"), [
    ("div", {"class": "social-share"}, "html.share"),
    ("p", {"id": "8a7d"}, None),
    ("div", {"class": "timeshare-offers"}, None),
    ("div", {"id": "onetrust-pc-sdk"}, "html.cookie"),
    ("div", {"id": "CybotCookiebotDialog"}, "html.cookie"),
    ("div", {"class": "cmplz-cookiebanner"}, "html.cookie"),
    ("section", {"class": "comments-area"}, "html.comments"),
    ("div", {"class": "mostRead"}, "html.related"),
    ("span", {"class": "photo-credit"}, "html.caption"),
    ("div", {"class": "has-sidebar no-ads"}, None),
    ("div", {"class": "article-body social-share"}, MARKER),
    ("div", {"itemprop": "articleBody", "class": "ad"}, MARKER),
    ("body", {"class": "comments-open"}, None),
    ("article", {"class": "promo"}, None),
    ("form", {}, "html.form"),
    ("header", {"class": "entry-content"}, MARKER),
    ("div", {"class": "menu-item menu-item-123"}, "html.nav"),
    ("div", {"class": "article-body-wrapper"}, MARKER),
    ("div", {"class": "article-body__share"}, "html.share"),
    ("p", {"class": "c-entry-content__caption"}, "html.caption"),
    ("div", {"class": "article-body-artSource"}, "html.caption"),
    ("div", {"class": "sourceCode"}, None),
])
def test_class_rule(tag: str, attrib: dict[str, str], rule: str | None) -> None:
    """Class and id names, and chrome tags, map to their rule; body markers win, but only a
    name that *ends* with the body's name is the body (not ``article-body__share``)."""
    assert class_rule(tag, attrib, {}) == rule
    assert class_rule(tag, attrib) == rule  # the memo changes nothing but speed


@pytest.mark.parametrize(("tag", "attrib", "rule"), [
    ("script", {}, "html.script"),
    ("figcaption", {"class": "article-body"}, "html.caption"),
    ("div", {"role": "navigation"}, "html.nav"),
    ("div", {"role": "Dialog"}, "html.dialog"),
    ("div", {"hidden": ""}, "html.hidden"),
    ("p", {"style": "color: red; DISPLAY : none"}, "html.hidden"),
    ("div", {"aria-label": "Cookie banner"}, "html.cookie"),
    ("div", {"class": "sidebar"}, None),
    ("body", {"hidden": ""}, None),
])
def test_element_rule(tag: str, attrib: dict[str, str], rule: str | None) -> None:
    """Tags, roles and hidden states are certain; class names are not this rule's business."""
    assert element_rule(tag, attrib) == rule


def test_is_marker() -> None:
    """itemprop=articleBody and body class names mark the article; other names do not."""
    assert is_marker({"itemprop": "articleBody"})
    assert is_marker({"id": "story-body"})
    assert not is_marker({"class": "story-teaser"})


@pytest.mark.parametrize(("tag", "names", "rule"), [
    ("h3", "card-header", None),  # a subheading called what its tag says
    ("h2", "section__title", None),
    ("h3", "box-headline", None),
    ("h1", "entry-title", "html.header"),  # the page's headline: its own rule still speaks
    ("div", "card-header", "html.header"),
    ("h4", "widget-title", "html.aside"),  # the other words of the name still count
    ("h3", "related-title", "html.related"),
])
def test_a_subheading_is_not_chrome_for_being_called_a_header(tag: str, names: str,
                                                              rule: str | None) -> None:
    """On h2 to h6, "header", "title" and "headline" in a class say only what the tag says;
    the rest of the name is weighed as on any element. One memo serves both kinds."""
    memo: Memo = {}
    for other in ("div", "h3"):
        class_rule(other, {"class": names}, memo)
    assert class_rule(tag, {"class": names}) == rule
    assert class_rule(tag, {"class": names}, memo) == rule
