"""Lists of teasers under an article, told by their stamps coming back at a steady step
(``around.teaser_lines``): the teasers between the stamps go, on made-up pages in three
languages (tests/pages_made_up_lists.py); a timeline of dated paragraphs, comment threads
and a listicle whose items carry dates stay whole."""

from __future__ import annotations

import pytest
from tests.invariants import assert_strip_invariants
from tests.pages_made_up import Page
from tests.pages_made_up_lists import KEPT_PAGES, TEASER_PAGES

from cleanseed import clean, explain
from cleanseed.boilerplate import strip_boilerplate, strip_context
from cleanseed.boilerplate.around import may_be_enclosed, steady_stamps, teaser_lines


def _text(page: Page) -> str:
    return "\n".join(line for _, line in page)


def _gone(page: Page) -> dict[str, str]:
    """The lines of *page* that clean's explanation removes, with their rules."""
    return {r.text.strip(): r.rule for r in explain(_text(page)).removals}


@pytest.mark.parametrize("name", sorted(TEASER_PAGES))
def test_the_teasers_between_the_stamps_go(name: str) -> None:
    """Every teaser between two stamps goes as context.teaser_list, and so does the teaser
    above the first stamp, which reads as they do; the article stays."""
    page = TEASER_PAGES[name]
    gone = _gone(page)
    lines = [line for _, line in page]
    stamps = [i for i, line in enumerate(lines) if gone.get(line, "").startswith("metadata.")]
    assert len(stamps) == 4
    between = [lines[i] for i in range(stamps[0] - 2, stamps[-1]) if i not in stamps]
    assert {gone.get(line) for line in between} == {"context.teaser_list"}
    assert [line for mark, line in page if mark in "ct" and line in gone] == []


@pytest.mark.parametrize("name", sorted(KEPT_PAGES))
def test_dated_content_stays(name: str) -> None:
    """A timeline's paragraphs, a thread's comments and their commenters, a listicle's items:
    no line of content goes, though their stamps come back at a steady step."""
    page = KEPT_PAGES[name]
    gone = _gone(page)
    assert [line for mark, line in page if mark in "ct" and line in gone] == []
    assert "context.teaser_list" not in gone.values()


@pytest.mark.parametrize("name", sorted({**TEASER_PAGES, **KEPT_PAGES}))
def test_a_page_with_stamps_is_its_own_fixed_point(name: str) -> None:
    """Cleaning the cleaned page changes nothing, and the steps keep their invariants."""
    text = _text({**TEASER_PAGES, **KEPT_PAGES}[name])
    for step in (strip_boilerplate, strip_context, clean):
        once = step(text)
        assert step(once) == once
    assert_strip_invariants(text)


def test_a_teaser_removal_says_why() -> None:
    """The reason of a teaser's removal names the list of teasers."""
    removals = [r for r in explain(_text(TEASER_PAGES["teasers-en"])).removals
                if r.rule == "context.teaser_list"]
    assert removals
    assert all("of a list of teasers" in r.why for r in removals)


def test_steady_stamps_need_three_at_one_step() -> None:
    """Three stamps or more at one step of two to four lines make a run; a step that changes
    ends it, and stamps side by side or far apart make none."""
    assert steady_stamps([2, 5, 8, 11]) == [(0, 3)]
    assert steady_stamps([2, 5, 8, 10, 12, 14]) == [(0, 2), (2, 5)]
    assert steady_stamps([2, 5]) == []
    assert steady_stamps([1, 2, 3, 4]) == []  # a column of dates
    assert steady_stamps([1, 7, 13, 19]) == []  # sections of an article


def test_teaser_lines_leave_short_lines_and_the_page_s_text() -> None:
    """Between the stamps, a line of fewer than four words (a commenter's name) keeps the run;
    so does a run that holds more text than the page's prose outside it."""
    head, summary = "Harbour crane collapses in the storm", "No one was hurt, the port said."
    kinds = ["prose", None, "text", "prose", None, "text", "prose", None, "text", "prose", None]
    texts = ["A long paragraph of the article. " * 12, "", head, summary, "", head, summary, "",
             head, summary, ""]
    stamps = [1, 4, 7, 10]
    assert sorted(teaser_lines(stamps, kinds, texts)) == [2, 3, 5, 6, 8, 9]
    named = texts[:]
    named[5] = "Tom"
    assert teaser_lines(stamps, kinds, named) == []
    short = texts[:]
    short[0] = "A short paragraph."
    assert teaser_lines(stamps, kinds, short) == []


def test_a_reader_s_remark_is_no_headline() -> None:
    """A line amid chrome that opens in lower case with four words or more is a reader's
    remark, not a headline of a teaser: it is not weighed as a label there."""
    assert not may_be_enclosed("endlich mal gute Nachrichten für die Stadt")
    assert not may_be_enclosed("took that train every friday for years")
    assert may_be_enclosed("Station café reopens after the summer")
    assert may_be_enclosed("iPhone sales fall")
