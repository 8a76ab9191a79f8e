"""The context step of strip_boilerplate: line features, lines judged by their neighbours, and the
invariants a step keeps (idempotence above all: removing lines changes the neighbours)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanseed.boilerplate import (
    BoilerplateConfig,
    classify_lines,
    features,
    guess_language,
    stop_words,
    strip_boilerplate,
    strip_boilerplate_and_explain,
)

EN = stop_words("en")

PROSE = [
    "The river rose by two metres overnight, and the town's bridge was closed to traffic.",
    "Residents said that the water had reached their doors well before dawn on Tuesday.",
    "By noon the council had opened the school hall for the families who had to leave.",
    "Engineers expect the level to fall slowly once the rain stops later in the week.",
]
MENU = ["Home", "World", "Business", "Sport", "Weather", "Contact"]
FOOTER = ["About", "Careers", "Advertise", "Privacy", "Terms", "Help", "Newsroom", "Podcasts",
          "Events", "Shop", "Games"]
TEASERS = ["Storm damage in pictures", "Ten years after the flood", "Where to find sandbags"]


HEADING = "Floods close the bridge"


def _page(body: list[str]) -> str:
    """A page: a menu, the heading, the body, teasers and a footer."""
    return "\n".join([*MENU, HEADING, *body, *TEASERS, *FOOTER])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (PROSE[0], "prose"),
        ("Home", "label"),
        ("Storm damage in pictures", "label"),
        ("Cookie preferences | Allow all | Only necessary", "row"),
        ("Save | Listen (4 min) | Gift this article", "row"),
        ("Home · News · Sport · Weather", "row"),
        ("HomeAboutContactCareers", "row"),
        ("Preheat the oven to 200 °C.", "short"),
        ("• two eggs", "short"),
        ("63%", "short"),
        ("const x = f(y);", "short"),
    ],
)
def test_a_line_is_judged_by_its_shape(line: str, kind: str) -> None:
    """Prose, bare labels, rows of labels (joined or glued) and other short lines."""
    assert features(line, EN).kind == kind


def test_language_is_guessed_from_stop_words() -> None:
    """The list that the words hit most wins; Han and kana text is told by its script."""
    assert guess_language(["Der Hund und die Katze sind im Garten, aber nicht im Haus."]) == "de"
    assert guess_language(["El perro y el gato están en el jardín, pero no en la casa."]) == "es"
    assert guess_language(["这是一个关于城市交通的新计划。"]) == "zh"
    assert guess_language(["これは新しい計画についての記事です。"]) == "ja"
    assert guess_language([]) == "en"


def test_menus_teasers_and_footers_go_and_the_article_stays() -> None:
    """Short lines away from the prose go; the prose, and the heading above it, stay. What no
    rule names goes as context.short_run."""
    out, removals = strip_boilerplate_and_explain(_page(PROSE))
    assert out == "\n".join([HEADING, *PROSE])
    assert {r.rule for r in removals} == {"context.short_run", "chrome.footer"}
    footer = {r.text.strip() for r in removals if r.rule == "chrome.footer"}
    assert footer == {"Careers", "Advertise"}


def test_short_lines_between_paragraphs_stay() -> None:
    """A heading, a list and a table between paragraphs are content: context protects them."""
    body = [PROSE[0], "What to do", "Sandbags", "Torches", "Bottled water", "Blankets",
            PROSE[1], "Station", "Level", "Rhine", "4.2 m", "Main", "3.1 m", PROSE[2], PROSE[3]]
    assert strip_boilerplate(_page(body)) == "\n".join([HEADING, *body])


def test_a_list_below_the_last_paragraph_stays() -> None:
    """A list announced at the end of the article stays; the footer under it goes."""
    body = [*PROSE, "You will need:", "• sandbags", "• a torch", "• bottled water"]
    assert strip_boilerplate(_page(body)) == "\n".join([HEADING, *body])


def test_a_row_of_labels_goes_even_inside_the_article() -> None:
    """A row of short labels joined by separators is chrome wherever it stands."""
    body = [PROSE[0], "Save | Listen (4 min) | Gift this article", *PROSE[1:]]
    out, removals = strip_boilerplate_and_explain(_page(body))
    assert "Gift this article" not in out
    assert "context.label_row" in {r.rule for r in removals}


def test_a_small_prose_block_far_from_the_article_goes() -> None:
    """A comment or a teaser's sentence, cut off from the article by a menu, is low prose."""
    comment = "I have never seen the water this high before."
    text = "\n".join([*MENU, HEADING, *PROSE, *FOOTER, comment, *MENU])
    out, removals = strip_boilerplate_and_explain(text)
    assert comment not in out
    assert any(r.rule == "context.low_prose" and comment in r.text for r in removals)


def test_text_without_prose_or_too_short_is_left_to_the_rules() -> None:
    """A list of names, or three lines, is not a page: the context step leaves it alone."""
    names = "\n".join(["Berlin", "Paris", "Madrid", "Rome", "Lisbon", "Vienna", "Prague"])
    assert strip_boilerplate(names) == names
    short = "Home\nThe river rose by two metres overnight, and the bridge was closed.\nTerms"
    assert strip_boilerplate(short) == short


def test_context_can_be_switched_off() -> None:
    """BoilerplateConfig(context=False) runs the rules alone."""
    out = strip_boilerplate(_page(PROSE), BoilerplateConfig(context=False))
    assert out.split("\n")[:len(MENU)] == MENU
    assert all(teaser in out for teaser in TEASERS)
    with pytest.raises(ValueError, match="context"):
        BoilerplateConfig(context="yes")  # type: ignore[arg-type]


def test_the_verdicts_carry_their_signals() -> None:
    """Each removal names its reason; classify_lines tells the deciding signals."""
    lines = _page(PROSE).split("\n")
    verdicts = classify_lines(lines)
    home = verdicts[0]
    assert not home.keep and home.rule == "context.short_run"
    assert "words=1" in home.signals and "outside the page's main prose" in home.signals
    assert verdicts[len(MENU) + 1].keep and verdicts[len(MENU) + 1].rule is None


def test_lines_removed_by_rules_are_not_judged_again() -> None:
    """A line a rule took is reported under the rule, never under a context reason."""
    text = _page(["Share this article", *PROSE, "Advertisement"])
    rules = {r.text.strip(): r.rule for r in strip_boilerplate_and_explain(text).removals}
    assert rules["Share this article"] == "chrome.share"
    assert rules["Advertisement"] == "chrome.ad"


_LINE = st.one_of(st.sampled_from(PROSE + MENU + FOOTER + TEASERS + [
    "Save | Listen (4 min) | Gift this article", "Share this article", "Advertisement",
    "• a torch", "You will need:", "63%", "Reply",
    "I grew up in that town and I have never seen the water this high before."]),
    st.text(alphabet="ab .|:\n", max_size=20))


@given(st.lists(_LINE, max_size=40), st.sampled_from(["\n", "\n\n"]))
def test_page_shaped_text_is_idempotent(lines: list[str], separator: str) -> None:
    """Stripping twice is stripping once, though removing lines changes the neighbours of the
    rest; the explained text equals the plain one, and every removal is found in the input."""
    text = separator.join(lines)
    out = strip_boilerplate(text)
    assert strip_boilerplate(out) == out
    explained = strip_boilerplate_and_explain(text)
    assert explained.text == out
    for removal in explained.removals:
        assert text[removal.start:removal.start + len(removal.text)] == removal.text
