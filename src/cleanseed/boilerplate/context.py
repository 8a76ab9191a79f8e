"""Lines judged in context: which stretches of a page are its content, which its chrome.

A page's text (menus, sidebars and footers included, one line per block) is content where its
prose is, and where the lines that go with prose are: headings, lists, tables. Each line is
first judged on its own (:mod:`cleanseed.boilerplate.lines`), then given a *weight*: positive
for content (prose, by its length), near zero for what could be either (a short sentence, a
line of digits), negative for chrome (a label, a row of labels, a line a rule removed). How
negative a label is depends on where it stands: before any prose (a menu), right below prose
with no chrome in between (as likely the end of an article's list as a menu: little), or past
a line a rule removed (chrome is under way: much); next to a line a rule removed, more; amid
lines of figures (a table's cell) or just above prose (a heading), nothing. A short line that
is no sentence (a headline, a count, a date) with chrome on both sides (the nearest lines that
are not short are lines a rule removed, rows or records, or the page's edge) weighs as a label
there: the titles of a list of links after "Related", "Next article".

Then the page is read as a header, the content with stretches of chrome inside it, and a footer,
and cut where that pays most (:mod:`~cleanseed.boilerplate.segment`, a Viterbi pass): the weight
of the lines kept less the weight of the lines dropped, less
:data:`~cleanseed.boilerplate.weights.EDGE` for leaving the header or entering the footer, and
:data:`~cleanseed.boilerplate.weights.INNER` for entering a stretch inside the content and again
for leaving it. So a menu above the article and a footer below it go, while a heading, a list or
a table between paragraphs stays: dropping them would cost two costly changes.

A stretch that the cut would drop goes only on evidence: it must hold a line a rule removed, a
row of labels or a run of a menu's plain labels, and the lines in it that no rule removed must
weigh :data:`~cleanseed.boilerplate.weights.OWN_WEIGHT` or more against. A line the classifier
is unsure of stays. Above the content, a stretch goes down to its last evidence only, and a
title right above the lines a rule removed at its foot
(:func:`~cleanseed.boilerplate.around.title_line`) stays. A row of labels goes wherever it
stands, and so do the lines of the record each post of a thread repeats
(:mod:`~cleanseed.boilerplate.records`: its author, date, number and actions, which weigh
nothing in the cut, as they stand between posts) and the entries of a list of the page's
sections under a line a rule removed ("On this page"), each found again as a heading below.

A page without prose is left alone, and so is a text of fewer than
:data:`~cleanseed.boilerplate.weights.MIN_LINES` lines. A line that was removed never counts
again: the verdicts are worked out anew on the lines that stay until none changes, so the result
is its own fixed point and stripping twice changes nothing.

This module says what the step took and why; the rounds are in
:mod:`~cleanseed.boilerplate.rounds`, each line's kind and weight in a round in
:mod:`~cleanseed.boilerplate.weighing`, and the look that leaves most articles alone before any
line is weighed in :mod:`~cleanseed.boilerplate.shortcut`.

    >>> menu = ["Home", "News", "Sport", "Weather", "Culture", "Travel"]
    >>> footer = ["Privacy Policy", "Terms of Use", "Careers", "Contact", "Help", "Shop",
    ...           "Jobs", "Podcasts", "Events"]
    >>> page = [*menu, "Floods close the bridge",
    ...         "The river rose by two metres overnight, and the town's bridge was closed.",
    ...         "Residents said that the water had reached their doors before dawn.", *footer]
    >>> [line for line, v in zip(page, classify_lines(page)) if v.keep]  # doctest: +ELLIPSIS
    ['Floods close the bridge', "The river rose by two metres ...", 'Residents said ...']
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

from cleanseed.boilerplate.lines import features, guess_language, stop_words
from cleanseed.boilerplate.rounds import judged
from cleanseed.boilerplate.segment import segment
from cleanseed.boilerplate.verdict import LineVerdict, Stretch, Taken
from cleanseed.boilerplate.weighing import REMOVED, RULED
from cleanseed.boilerplate.weights import (
    RULE_ENTRY,
    RULE_PROSE,
    RULE_RECORD,
    RULE_ROW,
    RULE_RUN,
    RULE_TEASER,
)
from cleanseed.errors import InputTypeError

__all__ = ["LineVerdict", "Stretch", "Taken", "classify_lines", "judge", "segment", "taken_lines"]


def classify_lines(lines: Sequence[str], removed: Sequence[bool] | None = None,
                   lang: str | None = None) -> list[LineVerdict]:
    """Judge each of *lines* (non-blank) in context; *removed* marks lines a rule already took.

    The language of the stop words is guessed from the lines that stay unless *lang* is given.
    """
    if isinstance(lines, str):
        raise InputTypeError("classify_lines takes the text's lines, not the text: "
                             "pass [ln for ln in text.splitlines() if ln.strip()]")
    blank = next((i for i, line in enumerate(lines) if not line.strip()), None)
    if blank is not None:
        raise ValueError(f"classify_lines: line {blank} is blank; pass the non-blank lines only")
    gone = list(removed) if removed is not None else [False] * len(lines)
    if len(gone) != len(lines):
        raise ValueError(f"classify_lines: {len(gone)} removed flags for {len(lines)} lines")
    taken = judge(lines, gone, lang)
    stop = stop_words(lang or guess_language(
        [ln for ln, g in zip(lines, gone, strict=True) if not g]))
    out = []
    for i, (line, g) in enumerate(zip(lines, gone, strict=True)):
        f = None if g else features(line, stop)
        if i in taken and f is not None:
            t = taken[i]
            why = t.why(features(line, stop_words(t.stretch.lang)))
            out.append(LineVerdict(False, t.rule, f, t.stretch.weight, why))
        else:
            out.append(LineVerdict(f is not None, None, f))
    return out


def judge(lines: Sequence[str], removed: Sequence[bool], lang: str | None = None, *,
          quiet: Sequence[bool] | None = None,
          stamps: Sequence[bool] | None = None) -> dict[int, Taken]:
    """The lines of *lines* (non-blank) the context step takes, each with the id of the reason,
    its weight and the stretch of chrome it went with; *removed* marks lines a rule took,
    *quiet* those of them that are no sign of chrome (a caption, a dateline), and *stamps*
    those that were a stamp of time alone (a date, "2H ago": :func:`~cleanseed.boilerplate.
    around.teaser_lines`)."""
    found = judged(lines, removed, lang, quiet, stamps)
    if found is None:
        return {}
    _, taken = found
    out: dict[int, Taken] = {}
    for order, weights, now, start, end, total, stop_lang in taken:
        stretch = _stretch(now[start:end], total, stop_lang)
        for k in range(start, end):
            if now[k] not in REMOVED:
                out[order[k]] = Taken(_rule(now[k]), weights[k], stretch)
    return out


def taken_lines(lines: Sequence[str], removed: Sequence[bool], *,
                quiet: Sequence[bool] | None = None,
                stamps: Sequence[bool] | None = None) -> list[int]:
    """The lines of *lines* that :func:`judge` takes, in order, without the reasons: what the
    plain step needs, at none of the cost of saying why."""
    found = judged(lines, removed, None, quiet, stamps)
    if found is None:
        return []
    out: set[int] = set()
    for order, _, now, start, end, _, _ in found[1]:
        out.update(order[k] for k in range(start, end) if now[k] not in REMOVED)
    return sorted(out)


def _stretch(kinds: list[str | None], total: float, lang: str) -> Stretch:
    """The stretch of lines of *kinds* that weighs *total*, read in *lang*."""
    ruled = kinds.count(None)
    rows = kinds.count("row")
    posts = kinds.count("record")
    entries = kinds.count("entry")
    teasers = kinds.count("teaser")
    evidence = [f"{ruled} line{'s' * (ruled > 1)} a rule took" if ruled else "",
                f"{teasers} line{'s' * (teasers > 1)} of a list of teasers" if teasers else "",
                f"{rows} row{'s' * (rows > 1)} of labels" if rows else "",
                f"{posts} line{'s' * (posts > 1)} of a post's record" if posts else "",
                f"{entries} entr{'ies' if entries > 1 else 'y'} of a list of sections"
                if entries else ""]
    shown = ", ".join(filter(None, evidence)) or "a menu's run of plain labels"
    own = total - sum(map(RULED.get, kinds, repeat(0.0)))
    return Stretch(len(kinds), total, own, shown, lang)


def _rule(kind: str | None) -> str:
    if kind == "entry":
        return RULE_ENTRY
    if kind == "teaser":
        return RULE_TEASER
    if kind == "record":
        return RULE_RECORD
    if kind == "row":
        return RULE_ROW
    return RULE_PROSE if kind == "prose" else RULE_RUN


