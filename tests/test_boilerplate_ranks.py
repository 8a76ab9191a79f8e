"""Lists of the most read under an article, told by their ranks counting up ("1", a headline,
"2", a headline: ``around.ranks`` and ``around.ranked_teasers``): the ranks and headlines go,
on made-up pages in three languages (tests/pages_made_up_ranks.py); a listicle, a chart that
a sentence announces and a recipe's steps stay whole."""

from __future__ import annotations

import pytest
from tests.invariants import assert_strip_invariants
from tests.pages_made_up import Page
from tests.pages_made_up_ranks import RANKED_KEPT, RANKED_PAGES

from cleanseed import clean, explain
from cleanseed.boilerplate import strip_boilerplate, strip_context
from cleanseed.boilerplate.around import ranks


def _text(page: Page) -> str:
    return "\n".join(line for _, line in page)


def _gone(page: Page) -> dict[str, str]:
    """The lines of *page* that clean's explanation removes, with their rules."""
    return {r.text.strip(): r.rule for r in explain(_text(page)).removals}


@pytest.mark.parametrize("name", sorted(RANKED_PAGES))
def test_the_ranks_and_their_headlines_go(name: str) -> None:
    """Every rank and every headline after it goes as context.teaser_list; the article
    stays."""
    page = RANKED_PAGES[name]
    gone = _gone(page)
    lines = [line for _, line in page]
    first = lines.index(next(line for line in lines if line.rstrip(".") == "1"))
    listed = lines[first:first + 8]
    assert {gone.get(line) for line in listed} == {"context.teaser_list"}
    assert [line for mark, line in page if mark in "ct" and line in gone] == []


@pytest.mark.parametrize("name", sorted(RANKED_KEPT))
def test_ranked_content_stays(name: str) -> None:
    """A listicle's items, a chart announced by a sentence, a recipe's steps: no line of
    content goes, though their ranks count up."""
    page = RANKED_KEPT[name]
    gone = _gone(page)
    assert [line for mark, line in page if mark in "ct" and line in gone] == []
    assert "context.teaser_list" not in gone.values()


@pytest.mark.parametrize("name", sorted({**RANKED_PAGES, **RANKED_KEPT}))
def test_a_ranked_page_is_its_own_fixed_point(name: str) -> None:
    """Cleaning the cleaned page changes nothing, and the steps keep their invariants."""
    text = _text({**RANKED_PAGES, **RANKED_KEPT}[name])
    for step in (strip_boilerplate, strip_context, clean):
        once = step(text)
        assert step(once) == once
    assert_strip_invariants(text)


def test_ranks_count_up_by_one_in_runs_of_three() -> None:
    """Ranks that count up by one from 1 make a run, three or more; a rank a rule took, a
    number that skips, a run of two, or one from another number than 1 make none."""
    texts = ["Most read", "1", "a", "2", "b", "3", "c", "5", "x", "1.", "#2", "3.", "y", "1", "2"]
    removed = [False] * len(texts)
    assert ranks(texts, removed) == [[1, 3, 5], [9, 10, 11]]
    removed[3] = True
    assert ranks(texts, removed) == [[9, 10, 11]]
    assert ranks(["10", "11", "12", "13"], [False] * 4) == []
    assert ranks(["1", "2", "3", "5", "6", "7"], [False] * 6) == [[0, 1, 2]]
