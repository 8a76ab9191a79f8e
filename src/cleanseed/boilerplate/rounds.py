"""The rounds of the context step (:mod:`~cleanseed.boilerplate.context`): the lines' kinds
worked out once, then each round weighs the lines that stay, cuts the page
(:func:`~cleanseed.boilerplate.segment.runs`) and keeps the stretches of chrome that hold
evidence, until a round takes nothing more.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, compress, count, repeat
from operator import and_, ge, not_

from cleanseed.boilerplate.around import (
    ranked_teasers,
    ranks,
    steady_stamps,
    teaser_lines,
    title_line,
)
from cleanseed.boilerplate.language import GUESS_LINES, language_of, language_sample, stop_words
from cleanseed.boilerplate.records import record_keys
from cleanseed.boilerplate.segment import runs
from cleanseed.boilerplate.shortcut import nothing_to_take
from cleanseed.boilerplate.weighing import (
    QUIET,
    REMOVED,
    ROWS,
    RULED,
    base_weights,
    line_kinds,
    with_records,
)
from cleanseed.boilerplate.weights import (
    EDGE,
    INNER,
    MAX_ROUNDS,
    MENU_RUN,
    MENU_WEIGHT,
    MIN_LINES,
    OWN_WEIGHT,
)

__all__ = ["Found", "judged"]

# The kinds of the lines no rule removed (those of kind_of, a plain label's included).
_STAYING = frozenset(("prose", "text", "label", "plain", "cell", "data", "row", "mark",
                      "record", "entry", "teaser"))
# What shows a stretch to be chrome: a record does not, as it stands between posts.
_EVIDENT = frozenset(("row", "entry", "teaser"))

# A stretch taken in a round: the round's lines (their numbers among all the lines), weights and
# kinds, the stretch's start and end among them, its weight, and the language it was read in.
Found = tuple[list[int], list[float], list["str | None"], int, int, float, str]


def judged(lines: Sequence[str], removed: Sequence[bool], lang: str | None,
            quiet: Sequence[bool] | None, stamps: Sequence[bool] | None = None,
            ) -> tuple[list[str | None], list[Found]] | None:
    """:func:`~cleanseed.boilerplate.context.judge`: the kinds of the lines, and the stretches
    taken (None if none can be)."""
    alive = list(compress(count(), map(not_, removed)))
    if len(alive) < MIN_LINES:
        return None
    texts = list(map(str.strip, lines))
    # the stamps the rules took, where they may make a list of teasers
    stamped = list(compress(count(), map(and_, stamps, removed))) if stamps is not None else []
    ranked = ranks(texts, removed)  # the ranks of a list of the most read
    if not steady_stamps(stamped) and not any(map(steady_stamps, ranked)) \
            and nothing_to_take(texts, alive, removed, quiet):
        return None
    # the language is read from the longest lines (see guess_language): again in a later round
    # only if one of them went
    lengths = list(map(len, texts))
    chosen = _longest(alive, lengths)
    stop_lang = lang or _language_of(texts, chosen)
    kinds = _first_kinds(texts, removed, stop_lang, quiet, stamped, ranked)
    keys = record_keys(texts, kinds)  # the shape of each line that may be a record's
    if not _may_take(kinds) and not any(keys):
        return kinds, []
    return kinds, _rounds(texts, lengths, kinds, keys, lang, stop_lang, chosen)


def _longest(numbers: list[int], lengths: list[int]) -> list[int]:
    """The GUESS_LINES longest of the lines *numbers*, the lines the language is read from."""
    return sorted(numbers, key=lengths.__getitem__, reverse=True)[:GUESS_LINES]


def _language_of(texts: list[str], chosen: list[int]) -> str:
    """The language of the lines *chosen* among *texts*."""
    return language_of(language_sample(map(texts.__getitem__, chosen)))


def _first_kinds(texts: list[str], removed: Sequence[bool], lang: str,
                 quiet: Sequence[bool] | None, stamped: list[int],
                 ranked: list[list[int]]) -> list[str | None]:
    """The kinds of the lines for the first round, read in *lang*: a line removed by a rule of a
    class that articles hold is QUIET, and the lines of a list of teasers (under the stamps
    *stamped*, or the ranks *ranked* of a list of the most read) are "teaser"."""
    kinds = line_kinds(texts, removed, stop_words(lang))
    if quiet is not None:
        for i in compress(count(), map(and_, quiet, removed)):
            kinds[i] = QUIET
    if stamped:
        for i in teaser_lines(stamped, kinds, texts):
            kinds[i] = "teaser"
    if ranked:
        for i in ranked_teasers(ranked, kinds, texts):
            kinds[i] = "teaser"
    return kinds


def _rounds(texts: list[str], lengths: list[int], kinds: list[str | None], keys: list[str | None],
            lang: str | None, stop_lang: str, chosen: list[int]) -> list[Found]:
    """The stretches taken, round after round, from the lines of *kinds* (read in *stop_lang*
    from the lines *chosen*; updated in place when the language of what is left changes).

    The first round sees the lines the rules removed, as chrome; later rounds see only the
    lines that stay, as stripping the result again would, until nothing more goes. Another
    round is needed only when the language or the weight of a line that stays changed:
    dropping what a round dropped never makes dropping more pay on its own (see segment)."""
    taken: list[Found] = []
    order = list(range(len(texts)))
    own = base_weights(kinds, lengths)
    now, weights, threads = with_records(kinds, own, texts, keys, threads=True)
    for _ in range(MAX_ROUNDS):
        found, spared = _round(now, weights, [texts[i] for i in order])
        taken += [(order, weights, now, start, end, total, stop_lang)
                  for start, end, total in found]
        stay = _staying(now, found)
        if len(stay) == len(now) or len(stay) < MIN_LINES:
            break
        before = list(map(weights.__getitem__, stay))
        order = list(map(order.__getitem__, stay))
        if lang is None and not set(chosen) <= set(order):  # the language of what is left
            chosen = _longest(order, lengths)
            now_lang = _language_of(texts, chosen)
            if now_lang != stop_lang:
                stop_lang = now_lang
                _read_again(texts, lengths, order, kinds, own, now_lang)
                keys, threads = record_keys(texts, kinds), True
                before = []  # every weight may have changed
        now = list(map(kinds.__getitem__, order))
        if not threads and not _may_take(now):
            break
        now, weights, threads = with_records(now, list(map(own.__getitem__, order)),
                                              list(map(texts.__getitem__, order)),
                                              list(map(keys.__getitem__, order)),
                                              threads=threads)
        if before and not spared and all(map(ge, weights, before)):
            break
    return taken


def _staying(kinds: list[str | None], found: list[tuple[int, int, float]]) -> list[int]:
    """The lines of a round (of *kinds*) left for the next: those no stretch *found* took
    and no rule removed."""
    drop = [False] * len(kinds)
    for start, end, _ in found:
        drop[start:end] = [True] * (end - start)
    return list(compress(count(), map(and_, map(not_, drop), map(_STAYING.__contains__, kinds))))


def _read_again(texts: list[str], lengths: list[int], order: list[int],
                kinds: list[str | None], own: list[float], lang: str) -> None:
    """Read the lines *order* again in *lang*, once the language of what is left changed: their
    *kinds* and *own* weights (both of all the lines, updated in place)."""
    fresh = line_kinds([texts[i] for i in order], [False] * len(order), stop_words(lang))
    for i, kind in zip(order, fresh, strict=True):
        kinds[i] = kind
    for i, weight in zip(order, base_weights(fresh, [lengths[i] for i in order]), strict=True):
        own[i] = weight


# Each kind as a letter, for the look for a menu's run in _may_take: a plain label is "p", and a
# line a rule removed, which neither makes nor breaks a run, is "" (quiet: None never gets there).
_LETTERS: dict[str | None, str] = {"plain": "p", QUIET: ""}
_MENU = "p" * MENU_RUN


def _may_take(kinds: list[str | None]) -> bool:
    """Whether a round over lines of *kinds* may take any: False when the page has no prose, or
    when no line can show a stretch to be chrome (see :func:`_evidence`: a line a rule removed,
    a row of labels, a run of MENU_RUN plain labels) and no row goes on its own. Known from the
    kinds alone, it spares weighing the lines of a round that cannot take any (most rounds after
    the first, and most texts judged again)."""
    if "prose" not in kinds:
        return False
    if None in kinds or "row" in kinds or "teaser" in kinds:
        return True
    return _MENU in "".join(map(_LETTERS.get, kinds, repeat("x")))


def _round(kinds: list[str | None], weights: list[float], texts: Sequence[str],
           ) -> tuple[list[tuple[int, int, float]], bool]:
    """One round over the remaining lines (None: removed by a rule), their *weights* and
    *texts* (stripped): the stretches of lines to take now, as (start, end, weight of the
    stretch); and whether a stretch that would have gone stays for want of evidence."""
    if "prose" not in kinds:
        return [], False
    # only what goes wherever it stands (a record weighs 0), when no stretch can
    if min(weights, default=0.0) >= 0 or _too_light(kinds, weights):
        return _rows(kinds, weights), False
    stretches = _stretches(weights)
    found = _evidenced(kinds, weights, texts, stretches) if stretches else []
    spared = sum(e - s for s, e, _ in found) < sum(e - s for s, e, _ in stretches)
    # a row of labels goes wherever it stands, and so do a post's record and a list's entries
    found += _rows(kinds, weights)
    return found, spared


def _too_light(kinds: list[str | None], weights: list[float]) -> bool:
    """Whether all the lines no rule removed weigh less against than a stretch must, so that
    no stretch can go (an article with a few headings and the rules' finds)."""
    # adding nothing for the lines that weigh for, or that no rule removed, changes no sum
    against = sum(filter((0.0).__gt__, weights)) - sum(
        map(RULED.__getitem__, filter(RULED.__contains__, kinds)))
    return against > -OWN_WEIGHT


def _stretches(weights: list[float]) -> list[tuple[int, int, float]]:
    """The stretches of lines of *weights* that the cut does not keep, as (start, end, weight);
    runs of both signs that meet make one stretch."""
    stretches: list[tuple[int, int, float]] = []
    for (start, end, total), keep in runs(weights, EDGE, INNER):
        if keep:
            continue
        if stretches and stretches[-1][1] == start:
            first, _, weight = stretches.pop()
            start, total = first, weight + total
        stretches.append((start, end, total))
    return stretches


def _evidenced(kinds: list[str | None], weights: list[float], texts: Sequence[str],
               stretches: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The parts of *stretches* that go: those that hold evidence of chrome and whose own
    lines weigh against enough (a stretch's own lines weigh its weight less that of the
    lines a rule removed in it)."""
    chrome = _evidence(kinds, weights)
    # the weight of the lines a rule removed, before each line
    ruled = list(accumulate(map(RULED.get, kinds, repeat(0.0)), initial=0.0))
    n = len(kinds)
    found = []
    for start, end, total in stretches:
        if chrome[end] == chrome[start]:
            continue  # no evidence in it
        parts = _above_content(kinds, weights, texts, chrome, start, end) if end < n \
            else [(start, end, total)]
        found += [(a, b, part) for a, b, part in parts
                  if part - (ruled[b] - ruled[a]) <= -OWN_WEIGHT]
    return found


def _above_content(kinds: list[str | None], weights: list[float], texts: Sequence[str],
                   chrome: list[int], start: int, end: int) -> list[tuple[int, int, float]]:
    """The parts of the stretch from *start* to *end*, above the content it meets below, that
    may go: the stretch only to its last evidence (*chrome*: see :func:`_evidence`), so that
    a title, a standfirst, an infobox between the menu and the article stay; and the two
    parts around a title in it, each on its own."""
    last = bisect_left(chrome, chrome[end], start, end + 1)
    title = title_line(kinds, texts, start, last)
    if title is None:
        return [(start, last, sum(weights[start:last]))]
    return [(a, b, sum(weights[a:b])) for a, b in ((start, title), (title + 1, last))]


def _rows(kinds: list[str | None], weights: list[float]) -> list[tuple[int, int, float]]:
    """Each line among *kinds* that goes wherever it stands (a row of labels, a line of a post's
    record, an entry of a list of sections), as a stretch of its own (most pages have none
    left)."""
    if ROWS.isdisjoint(kinds):
        return []
    return [(i, i + 1, weights[i]) for i in compress(count(), map(ROWS.__contains__, kinds))]


def _evidence(kinds: list[str | None], weights: list[float]) -> list[int]:
    """How many lines before each of *kinds* (and at the end) are evidence of chrome: a line a
    rule removed, a row of labels, or a plain label in a run of MENU_RUN or more (lines the
    rules removed aside): what a stretch must hold to go."""
    marks = [k is None or k in _EVIDENT for k in kinds]
    start, count = 0, 0
    for i, kind in enumerate(kinds):
        if kind == "plain" and weights[i] <= MENU_WEIGHT:
            if not count:
                start = i
            count += 1
            if count >= MENU_RUN:
                marks[start:i + 1] = [True] * (i + 1 - start)
        elif kind not in REMOVED:
            count = 0
    return list(accumulate(marks, initial=0))
