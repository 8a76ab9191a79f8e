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

Then the page is read as a header, the content with stretches of chrome inside it, and a
footer, and cut where that pays most (:mod:`~cleanseed.boilerplate.segment`, a Viterbi pass):
the weight of the lines kept less the weight of the lines dropped, less :data:`EDGE` for
leaving the header or entering the footer, and :data:`INNER` for entering a stretch inside the
content and again for leaving it. So a menu above the article and a footer below it go, while a
heading, a list or a table between paragraphs stays: dropping them would cost two costly
changes.

A stretch that the cut would drop goes only on evidence: it must hold a line a rule removed, a
row of labels or a run of a menu's plain labels, and the lines in it that no rule removed must
weigh :data:`OWN_WEIGHT` or more against. A line the classifier is unsure of stays. Above the
content, a stretch goes down to its last evidence only, and a title right above the lines a
rule removed at its foot (:func:`~cleanseed.boilerplate.around.title_line`) stays. A row of
labels goes wherever it stands, and so do the lines of the record each post of a thread repeats
(:mod:`~cleanseed.boilerplate.records`: its author, date, number and actions, which weigh
nothing in the cut, as they stand between posts) and the entries of a list of the page's
sections under a line a rule removed ("On this page"), each found again as a heading below.

A page without prose is left alone, and so is a text of fewer than :data:`MIN_LINES` lines.
A line that was removed never counts again: the verdicts are worked out anew on the lines that
stay until none changes, so the result is its own fixed point and stripping twice changes
nothing.

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

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, compress, count, repeat
from math import ceil
from operator import and_, ge, not_

from cleanseed.boilerplate.around import (
    enclosed_lines,
    may_be_enclosed,
    ranked_teasers,
    ranks,
    section_entries,
    steady_stamps,
    teaser_lines,
    title_line,
)
from cleanseed.boilerplate.lines import (
    GUESS_LINES,
    SENTENCE_ENDS,
    features,
    guess_language,
    heads_prose,
    kind_of,
    language_of,
    language_sample,
    may_be_row,
    may_weigh_against,
    stop_words,
)
from cleanseed.boilerplate.records import find_records, record_keys
from cleanseed.boilerplate.segment import runs, segment
from cleanseed.boilerplate.verdict import LineVerdict, Stretch, Taken
from cleanseed.boilerplate.weights import (
    ATTACHED,
    BELOW_PROSE,
    CELLS,
    EDGE,
    FAR,
    HEADING_WEIGHT,
    INNER,
    LABEL_WEIGHTS,
    MAX_ROUNDS,
    MENU_RUN,
    MENU_WEIGHT,
    MIN_LINES,
    NEAR_REACH,
    NEAR_WEIGHT,
    NO_PROSE,
    OWN_WEIGHT,
    PAST_CHROME,
    PROSE_CHARS,
    PROSE_MAX,
    PROSE_MIN,
    RULE_ENTRY,
    RULE_PROSE,
    RULE_RECORD,
    RULE_ROW,
    RULE_RUN,
    RULE_TEASER,
    TABLE_REACH,
    WEIGHTS,
)
from cleanseed.errors import InputTypeError

__all__ = ["LineVerdict", "Stretch", "Taken", "classify_lines", "judge", "segment", "taken_lines"]

_QUIET = "quiet"
_DIGITS = frozenset(("cell", "data"))
_REMOVED = frozenset((None, _QUIET))
# The kinds of the lines no rule removed (those of kind_of, a plain label's included).
_STAYING = frozenset(("prose", "text", "label", "plain", "cell", "data", "row", "mark",
                      "record", "entry", "teaser"))
# The kinds that go wherever they stand, and mark what follows as chrome.
_ROWS = frozenset(("row", "record", "entry", "teaser"))
# What shows a stretch to be chrome: a record does not, as it stands between posts.
_EVIDENT = frozenset(("row", "entry", "teaser"))
_NONE = frozenset((None,))
_PROSE = frozenset(("prose",))
_PAD = max(NEAR_REACH, TABLE_REACH)
_RULED = {None: WEIGHTS[None], _QUIET: WEIGHTS[_QUIET]}
_LABELS = frozenset(("label", "plain"))
_HEADINGS = frozenset(("label", "plain", "text"))
_WORST_LABEL = min(w for (_, where), w in LABEL_WEIGHTS.items() if where != PAST_CHROME)
_WORST_LABEL_RULED = min(LABEL_WEIGHTS.values()) + NEAR_WEIGHT
_BASE = {**WEIGHTS, "label": LABEL_WEIGHTS["label", NO_PROSE],
         "plain": LABEL_WEIGHTS["plain", NO_PROSE]}


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
    found = _judged(lines, removed, lang, quiet, stamps)
    if found is None:
        return {}
    _, taken = found
    out: dict[int, Taken] = {}
    for order, weights, now, start, end, total, stop_lang in taken:
        stretch = _stretch(now[start:end], total, stop_lang)
        for k in range(start, end):
            if now[k] not in _REMOVED:
                out[order[k]] = Taken(_rule(now[k]), weights[k], stretch)
    return out


def taken_lines(lines: Sequence[str], removed: Sequence[bool], *,
                quiet: Sequence[bool] | None = None,
                stamps: Sequence[bool] | None = None) -> list[int]:
    """The lines of *lines* that :func:`judge` takes, in order, without the reasons: what the
    plain step needs, at none of the cost of saying why."""
    found = _judged(lines, removed, None, quiet, stamps)
    if found is None:
        return []
    out: set[int] = set()
    for order, _, now, start, end, _, _ in found[1]:
        out.update(order[k] for k in range(start, end) if now[k] not in _REMOVED)
    return sorted(out)


# A stretch taken in a round: the round's lines (their numbers among all the lines), weights and
# kinds, the stretch's start and end among them, its weight, and the language it was read in.
_Found = tuple[list[int], list[float], list["str | None"], int, int, float, str]


def _judged(lines: Sequence[str], removed: Sequence[bool], lang: str | None,
            quiet: Sequence[bool] | None, stamps: Sequence[bool] | None = None,
            ) -> tuple[list[str | None], list[_Found]] | None:
    """:func:`judge`: the kinds of the lines, and the stretches taken (None if none can be)."""
    alive = list(compress(count(), map(not_, removed)))
    if len(alive) < MIN_LINES:
        return None
    texts = list(map(str.strip, lines))
    # the stamps the rules took, where they may make a list of teasers
    stamped = list(compress(count(), map(and_, stamps, removed))) if stamps is not None else []
    ranked = ranks(texts, removed)  # the ranks of a list of the most read
    if not steady_stamps(stamped) and not any(map(steady_stamps, ranked)) \
            and _nothing_to_take(texts, alive, removed, quiet):
        return None
    # the language is read from the longest lines (see guess_language): again in a later round
    # only if one of them went
    lengths = list(map(len, texts))
    chosen = sorted(alive, key=lengths.__getitem__, reverse=True)[:GUESS_LINES]
    stop_lang = lang or language_of(language_sample(map(texts.__getitem__, chosen)))
    kinds = _kinds(texts, removed, stop_words(stop_lang))
    if quiet is not None:
        for i in compress(count(), map(and_, quiet, removed)):
            kinds[i] = _QUIET
    if stamped:
        for i in teaser_lines(stamped, kinds, texts):
            kinds[i] = "teaser"
    if ranked:
        for i in ranked_teasers(ranked, kinds, texts):
            kinds[i] = "teaser"
    keys = record_keys(texts, kinds)  # the shape of each line that may be a record's
    if not _may_take(kinds) and not any(keys):
        return kinds, []
    # The first round sees the lines the rules removed, as chrome; later rounds see only the
    # lines that stay, as stripping the result again would, until nothing more goes. Another
    # round is needed only when the language or the weight of a line that stays changed:
    # dropping what a round dropped never makes dropping more pay on its own (see segment).
    # the lines of each stretch taken, with their weights, and the stretch
    taken: list[_Found] = []
    order = list(range(len(lines)))
    own = _bases(kinds, lengths)
    now, weights, threads = _with_records(kinds, own, texts, keys, threads=True)
    for _ in range(MAX_ROUNDS):
        runs, spared = _round(now, weights, [texts[i] for i in order])
        drop = [False] * len(now)
        for start, end, total in runs:
            drop[start:end] = [True] * (end - start)
            taken.append((order, weights, now, start, end, total, stop_lang))
        stay = list(compress(count(), map(and_, map(not_, drop),
                                          map(_STAYING.__contains__, now))))
        if len(stay) == len(now) or len(stay) < MIN_LINES:
            break
        before = list(map(weights.__getitem__, stay))
        order = list(map(order.__getitem__, stay))
        if lang is None and not set(chosen) <= set(order):  # the language of what is left
            chosen = sorted(order, key=lengths.__getitem__, reverse=True)[:GUESS_LINES]
            now_lang = language_of(language_sample(map(texts.__getitem__, chosen)))
            if now_lang != stop_lang:
                stop_lang = now_lang
                fresh = _kinds([texts[i] for i in order], [False] * len(order),
                               stop_words(now_lang))
                for i, kind in zip(order, fresh, strict=True):
                    kinds[i] = kind
                keys, threads = record_keys(texts, kinds), True
                for i, weight in zip(order, _bases(fresh, [lengths[i] for i in order]),
                                     strict=True):
                    own[i] = weight
                before = []  # every weight may have changed
        now = list(map(kinds.__getitem__, order))
        if not threads and not _may_take(now):
            break
        now, weights, threads = _with_records(now, list(map(own.__getitem__, order)),
                                              list(map(texts.__getitem__, order)),
                                              list(map(keys.__getitem__, order)),
                                              threads=threads)
        if before and not spared and all(map(ge, weights, before)):
            break
    return kinds, taken


# Each kind as a letter, for the look for a menu's run in _may_take: a plain label is "p", and a
# line a rule removed, which neither makes nor breaks a run, is "" (quiet: None never gets there).
_LETTERS: dict[str | None, str] = {"plain": "p", _QUIET: ""}
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
    own = total - sum(map(_RULED.get, kinds, repeat(0.0)))
    return Stretch(len(kinds), total, own, shown, lang)


def _nothing_to_take(texts: list[str], alive: list[int], removed: Sequence[bool],
                     quiet: Sequence[bool] | None) -> bool:
    """Whether the context step surely takes nothing, known before the language is guessed:
    no line may be a row of labels, and the lines that may weigh against
    (:func:`~cleanseed.boilerplate.lines.may_weigh_against`) weigh too little together for a
    stretch to go (see :func:`_round`), even each at its worst. Most texts that are already a
    page's main content (an article with a heading or two) are left as they are at that cost;
    on a page, the reading stops at its first few labels."""
    # past a line a rule removed, a label weighs its worst, and more beside such a line
    calm = quiet if quiet is not None else repeat(False)
    ruled = any(g and not q for g, q in zip(removed, calm, strict=False))
    worst = min(_WORST_LABEL_RULED if ruled else _WORST_LABEL, WEIGHTS["mark"])
    enough = ceil(OWN_WEIGHT / -worst - 1e-9)  # that many such lines may make a stretch go
    count = 0
    last = len(alive) - 1
    for k, i in enumerate(alive):
        text = texts[i]
        # past a line a rule took, a short line of text amid chrome weighs as a label too
        if not may_weigh_against(text) and not (ruled and may_be_enclosed(text)):
            continue
        if may_be_row(text):
            return False
        # a label right above a line that is surely prose is a heading, which weighs for
        if k < last and heads_prose(text, texts[alive[k + 1]]):
            continue
        count += 1
        if count >= enough:
            return False
    return True


#: The kinds of the lines judged lately, by their stop words (a line's kind depends on them and on
#: its text alone): the lines a page shares with the pages before it (its site's menus, "Share",
#: "Home") and with the text judged again after the repeats step are looked up, not judged
#: again. Each table is emptied when it holds KNOWN_LINES lines.
KNOWN_LINES = 8192
_known: dict[frozenset[str], dict[str, str]] = {}


def _kinds(texts: Sequence[str], removed: Sequence[bool], stop: frozenset[str],
           ) -> list[str | None]:
    """:func:`~cleanseed.boilerplate.lines.kind_of` of each of *texts* (stripped lines; None
    where removed); a line a page repeats (a menu in the header and the footer) is judged
    once, and a line judged lately is looked up (see KNOWN_LINES)."""
    known = _known.get(stop)
    if known is None or len(known) >= KNOWN_LINES:
        known = _known[stop] = {}
    seen = dict.fromkeys(compress(texts, map(not_, removed)))
    for text in seen:
        kind = known.get(text)
        if kind is None:
            kind = known[text] = kind_of(text, stop)
        seen[text] = kind
    out: list[str | None] = list(map(seen.get, texts))
    for i in compress(count(), removed):
        out[i] = None
    return out


def _bases(kinds: list[str | None], lengths: Sequence[int]) -> list[float]:
    """The weight of each line on its own (*lengths*: of the stripped lines): a line of prose
    weighs by its length; a label, by where it stands (worked out in each round, _weights)."""
    out: list[float] = list(map(_BASE.get, kinds, repeat(0.0)))
    for i in compress(count(), map(_PROSE.__contains__, kinds)):
        out[i] = min(PROSE_MAX, max(PROSE_MIN, lengths[i] / PROSE_CHARS))
    return out


def _with_records(kinds: list[str | None], base: list[float], texts: list[str],
                  keys: list[str | None], *, threads: bool,
                  ) -> tuple[list[str | None], list[float], bool]:
    """The kinds and weights (:func:`_weights`; *base*: on their own) of a round's lines
    (*texts*: stripped), with the lines of a post's record
    (:func:`~cleanseed.boilerplate.records.record_lines`) as "record" and the entries of a
    list of the page's sections that a rule named
    (:func:`~cleanseed.boilerplate.around.section_entries`) as "entry". Such lines go wherever
    they stand. In the cut a record weighs nothing: it stands between posts, which
    are content, and would drag them into the header or the footer.

    *keys* are the lines' shapes (:func:`~cleanseed.boilerplate.records.record_keys`).
    Records are looked for only while *threads* (the lines may hold one); the third value
    says whether they still may, once lines are gone (:func:`~cleanseed.boilerplate.records.
    find_records`)."""
    weights = _weights(kinds, base, texts)
    entries = section_entries(kinds, texts)
    if entries:
        kinds = kinds[:]
        for i in entries:
            kinds[i] = "entry"
    found, threads = find_records(texts, kinds, keys) if threads else ([], False)
    if not found:
        return kinds, weights, threads
    out = kinds[:]
    for i in found:
        out[i] = "record"
        weights[i] = 0.0
    # the sentence under a record is a post ("Thanks, that was it."): it weighs as prose
    for i in found:
        if i + 1 < len(out) and out[i + 1] == "text" and texts[i + 1].endswith(SENTENCE_ENDS):
            weights[i + 1] = max(weights[i + 1], PROSE_MIN)
    return out, weights, threads


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


def _weights(kinds: list[str | None], base: list[float], texts: list[str]) -> list[float]:
    """The weight of each line of a round, its neighbours considered (*base*: on its own;
    *texts*: the lines, stripped)."""
    weights = base[:]
    enclosed = enclosed_lines(kinds, texts)
    if not _LABELS.intersection(kinds) and not enclosed:
        return weights
    n = len(kinds)
    # whether the next line (lines the rules removed aside) is prose: a heading's place
    heads = [False] * n
    follows = False
    for i in range(n - 1, -1, -1):
        kind = kinds[i]
        if kind not in _REMOVED:
            heads[i], follows = follows, kind == "prose"
    # the page's headings: a label that says the same further up or down is an entry of the
    # article's table of contents, not a menu item
    titles = {texts[i] for i in compress(count(), heads) if kinds[i] in _HEADINGS}
    # counts of cells and of lines a rule removed before each line, padded at both ends so
    # that a window's ends need no clipping: line i's window of reach r is [i+R-r, i+R+r+1)
    pad = [False] * _PAD
    cells = list(accumulate([*pad, *map(_DIGITS.__contains__, kinds), *pad], initial=0))
    hits = list(accumulate([*pad, *map(_NONE.__contains__, kinds), *pad], initial=0))
    where = NO_PROSE  # where the line stands: before any prose, below prose, or past chrome
    since = 0  # lines since the last line of prose
    for i, kind in enumerate(kinds):
        if kind == "prose":
            where, since = BELOW_PROSE, 0
            continue
        since += 1
        if kind is None or kind in _ROWS:
            where = PAST_CHROME
        if kind not in _LABELS:
            if i not in enclosed:
                continue
            kind = "label"  # a headline amid chrome weighs as a label there
        if heads[i]:  # a label just above prose is a heading
            weights[i] = HEADING_WEIGHT
            continue
        far = where == BELOW_PROSE and since > ATTACHED
        weight = LABEL_WEIGHTS[kind, FAR if far else where]
        if hits[i + _PAD + NEAR_REACH + 1] - hits[i + _PAD - NEAR_REACH]:
            weight += NEAR_WEIGHT
        # a label amid lines of digits or code is a cell of a table; one that is also a heading
        # of the page, an entry of its table of contents
        if texts[i] in titles or (
                cells[i + _PAD + TABLE_REACH + 1] - cells[i + _PAD - TABLE_REACH] >= CELLS):
            weight = max(weight, 0.0)
        weights[i] = weight
    return weights


def _round(kinds: list[str | None], weights: list[float], texts: Sequence[str],
           ) -> tuple[list[tuple[int, int, float]], bool]:
    """One round over the remaining lines (None: removed by a rule), their *weights* and
    *texts* (stripped): the stretches of lines to take now, as (start, end, weight of the
    stretch); and whether a stretch that would have gone stays for want of evidence."""
    if "prose" not in kinds:
        return [], False
    if min(weights, default=0.0) >= 0:  # only what goes wherever it stands (a record weighs 0)
        return _rows(kinds, weights), False
    # no stretch can go when all the lines no rule removed weigh less against than a stretch
    # must (an article with a few headings and the rules' finds): only rows go then
    # (adding nothing for the lines that weigh for, or that no rule removed, changes no sum)
    against = sum(filter((0.0).__gt__, weights)) - sum(
        map(_RULED.__getitem__, filter(_RULED.__contains__, kinds)))
    if against > -OWN_WEIGHT:
        return _rows(kinds, weights), False
    stretches: list[tuple[int, int, float]] = []
    for (start, end, total), keep in runs(weights, EDGE, INNER):
        if keep:
            continue
        if stretches and stretches[-1][1] == start:  # runs of both signs make one stretch
            first, _, weight = stretches.pop()
            start, total = first, weight + total
        stretches.append((start, end, total))
    found = []
    if stretches:
        chrome = _evidence(kinds, weights)
        # the weight of the lines a rule removed, before each line: a stretch's own lines
        # weigh its weight less theirs
        ruled = list(accumulate(map(_RULED.get, kinds, repeat(0.0)), initial=0.0))
        n = len(kinds)
        for start, end, total in stretches:
            if chrome[end] == chrome[start]:
                continue  # no evidence in it
            # above the content it meets below, it goes only to its last evidence: a title, a
            # standfirst, an infobox between the menu and the article stay
            if end < n:
                last = bisect_left(chrome, chrome[end], start, end + 1)
                end, total = last, sum(weights[start:last])
                title = title_line(kinds, texts, start, end)
                if title is not None:  # the two parts around the title, each on its own
                    for a, b in ((start, title), (title + 1, end)):
                        part = sum(weights[a:b])
                        if part - (ruled[b] - ruled[a]) <= -OWN_WEIGHT:
                            found.append((a, b, part))
                    continue
            if total - (ruled[end] - ruled[start]) <= -OWN_WEIGHT:
                found.append((start, end, total))
    spared = sum(e - s for s, e, _ in found) < sum(e - s for s, e, _ in stretches)
    # a row of labels goes wherever it stands, and so do a post's record and a list's entries
    found += _rows(kinds, weights)
    return found, spared


def _rows(kinds: list[str | None], weights: list[float]) -> list[tuple[int, int, float]]:
    """Each line among *kinds* that goes wherever it stands (a row of labels, a line of a post's
    record, an entry of a list of sections), as a stretch of its own (most pages have none
    left)."""
    if _ROWS.isdisjoint(kinds):
        return []
    return [(i, i + 1, weights[i]) for i in compress(count(), map(_ROWS.__contains__, kinds))]


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
        elif kind not in _REMOVED:
            count = 0
    return list(accumulate(marks, initial=0))
