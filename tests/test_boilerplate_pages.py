"""Made-up pages of four kinds whose chrome sits among their content (tests/pages_made_up.py):
a forum thread, a page of documentation, a recipe and an article with short rows between its
paragraphs. Each line is marked; the test reads the removals by where they are, so a heading
repeated by a list of sections is told apart from the list's entry."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.invariants import assert_strip_invariants
from tests.pages_made_up import PAGES, Page

from cleanseed import clean, explain
from cleanseed.boilerplate import (
    strip_boilerplate,
    strip_boilerplate_and_explain,
    strip_context,
)
from cleanseed.boilerplate.records import record_lines, shape


def _kept(page: Page) -> list[bool]:
    """Whether each line of *page* stays, as strip_boilerplate judges the page's text."""
    text = "\n".join(line for _, line in page)
    starts, at = [], 0
    for _, line in page:
        starts.append(at)
        at += len(line) + 1
    gone = {r.start for r in strip_boilerplate_and_explain(text).removals}
    return [start not in gone for start in starts]


# The chrome of each page that must go: the class the page stands for. Lines marked "b" but
# not listed here (a menu the context step may leave, a forum member's name before the first
# record) are reported by the benchmark, not asserted.
MUST_GO = {
    "forum-en": ("Joined: ", "Posts: ", "#", "Like · Quote · Reply", "Report", "ben_rides",
                 "carla.m"),
    "forum-de": ("Dabei seit: ", "Beiträge: ", "#", "Gefällt mir", "Melden", "hobbygaertnerin"),
    "forum-fr": ("Inscrit le : ", "Messages : ", "#", "J'aime", "Signaler", "marc_cuisine"),
    "docs-en": ("On this page", "Requirements", "Install with pip", "Check the install",
                "Was this page helpful?", "Yes", "No", "Previous", "Next", "Edit this page"),
    "docs-de": ("Auf dieser Seite", "Speicherort", "Aufbau der Datei", "Beispiel",
                "War diese Seite hilfreich?", "Zurück", "Weiter", "Diese Seite bearbeiten"),
    "docs-fr": ("Sur cette page", "Sauvegarde", "Migration", "Vérification",
                "Cette page vous a-t-elle été utile ?", "Précédent", "Suivant",
                "Modifier cette page"),
    "recipe-en": ("Prep 15 min",),
    "recipe-de": ("Vorbereitung 20 Min.",),
    "article-en": ("Share this:", "Related", "New timetable", "Station café", "Tags:",
                   "Previous article", "Bridge repairs", "Next article", "Library extends"),
    "article-de": ("Teilen:", "Mehr zum Thema", "Neuer Fahrplan", "Bahnhofscafé",
                   "Schlagwörter:", "Vorheriger Artikel", "Brückensanierung", "Nächster Artikel",
                   "Bibliothek verlängert"),
    "article-fr": ("Partager :", "Sur le même sujet", "Nouveaux horaires", "Le café de la gare",
                   "Mots-clés :", "Article précédent", "Fin des travaux", "Article suivant",
                   "La bibliothèque ouvre"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_content_of_a_made_up_page_stays(name: str) -> None:
    """Every line of content stays, the page's title included: a forum post of one short
    sentence, a docs page's line of code, a recipe's list of ingredients, the headings a list
    of sections repeats."""
    page = PAGES[name]
    lost = [line for (mark, line), keep in zip(page, _kept(page), strict=True)
            if mark in "ct" and not keep]
    assert lost == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_chrome_of_a_made_up_page_goes(name: str) -> None:
    """The chrome the page stands for goes: the records between a thread's posts, a docs
    page's list of sections and its feedback and pager run, a recipe's row of times, the
    share, related, tags and pager rows between an article's paragraphs and the titles they
    link to."""
    page = PAGES[name]
    left = [line for (mark, line), keep in zip(page, _kept(page), strict=True)
            if mark == "b" and keep and line.startswith(MUST_GO[name])]
    assert left == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_made_up_page_is_its_own_fixed_point(name: str) -> None:
    """Cleaning the cleaned page changes nothing, with the rules and without them."""
    text = "\n".join(line for _, line in PAGES[name])
    for step in (strip_boilerplate, strip_context, clean):
        once = step(text)
        assert step(once) == once


def test_a_record_removal_says_why() -> None:
    """A line of a post's record goes as context.post_record, and its reason names the
    records."""
    text = "\n".join(line for _, line in PAGES["forum-en"])
    removals = [r for r in explain(text).removals if r.rule == "context.post_record"]
    assert {r.text.strip() for r in removals} >= {"Joined: Jan 2021", "#2", "Report"}
    assert all("of a post's record" in r.why for r in removals)


def test_steps_of_a_recipe_are_no_record() -> None:
    """A heading each part of an article repeats ("Step 1", "Step 2") is one line of
    recurring shape per stretch: no record. Nor are the labels of a review's lists, which
    hold no number."""
    steps = ["Step 1", "Cut the onions into thin rings and put them in a bowl of cold water.",
             "Step 2", "Drain the onions and dry them well on a clean towel before frying.",
             "Step 3", "Fry them in hot oil in small batches until they turn golden brown."]
    assert record_lines(steps, ["text", "prose"] * 3) == []
    review = ["Pros", "Battery life", "Cons", "Weight", "The first phone lasts two days."] * 3
    assert record_lines(review, ["plain", "plain", "plain", "plain", "prose"] * 3) == []
    assert shape("Beiträge: 1.204") == shape("Beiträge: 58") == "beiträge:"


_LONG = ("Five years on the original parts usually means the chain has stretched, and a "
         "stretched chain wears the cassette with it.")
_POST = st.sampled_from(["Check the cassette for worn teeth.", "Thanks, that was it.", _LONG,
                         "Same here.", "Kann ich bestätigen."])
_RECORD = st.lists(st.sampled_from([
    "alice_w", "Joined: Mar 2019", "Posts: 212", "#1", "#2", "Like · Quote · Reply", "Report",
    "Dabei seit: 04.05.2018", "Melden", "6:32 PM", "Anonymous", "Home", "Share this article"]),
    min_size=1, max_size=5)


@given(st.lists(st.tuples(_RECORD, _POST), max_size=8), st.sampled_from(["\n", "\n\n"]))
@example(  # the records between two copies of a reply go only once the repeats step has run
    [(["Joined: Mar 2019", "#1"], _LONG), (["Joined: Mar 2019", "#1"], "Same here."),
     (["#1"], _LONG), (["Joined: Mar 2019"], "Same here.")], "\n")
def test_thread_shaped_text_is_idempotent(posts: list[tuple[list[str], str]],
                                          separator: str) -> None:
    """On text shaped like a thread (records between posts), stripping twice is stripping
    once, the explained text equals the plain one, and every removal is found in the input;
    clean is its own fixed point too."""
    assert_strip_invariants(separator.join(line for record, post in posts
                                           for line in (*record, post)))
