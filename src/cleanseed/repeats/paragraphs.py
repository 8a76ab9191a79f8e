"""Remove the paragraphs a document repeats by accident; keep the ones its author repeats.

Each non-blank line is a paragraph. Scraping repeats text by accident: a paragraph pasted twice,
the whole article pasted again, a caption rendered twice in a row, a near-copy of a paragraph, a
teaser cut short with "…" next to the paragraph it quotes. Authors repeat text on purpose: the
items of one list under several products, the lines of a menu for each day of a plan, the
question put to every interviewee, a refrain. What tells the two apart here:

* Shape. Running text (at least ``min_paragraph_words`` words ending like a sentence, or
  ``long_words`` words of two sentences or more) repeated is almost never meant. A short line, a
  list item, a line dense with numbers or a question may well be.
* Copies. Running text found in two places is a paste; found in ``template_copies`` places or
  more, each time in other context, it is a template and stays. A copy of ``always_words`` words
  goes however often it comes back.
* Context. Copies at the same distance from their earlier copies, line after line, form a run.
  A run pasted right after its earlier copy goes whole (the text pasted again), as do the whole
  periods of a text repeated over and over, and a run holding two paragraphs that would go on
  their own (a block pasted further down): their short lines, list items and table rows go with
  them. A paragraph pasted on its own takes nothing along, and short lines repeated inside other
  context each time stay.

The first occurrence stays (a teaser cut short goes even when it comes first), and every
removal leaves in place the earlier copy it repeats. The rules:

* ``repeat.exact``: a line equal to an earlier one once normalised (case, white space and
  punctuation folded), or to the line right before it (from ``min_consecutive_chars``
  characters: a caption or a title rendered twice; a lyric line sung twice in a row loses its
  repeat, which a corpus can live with).
* ``repeat.near``: the same for a paragraph whose shingle set has Jaccard similarity >=
  ``threshold`` with an earlier paragraph that stays (checked exactly on every candidate), and a
  line ending in "…" or "..." whose text begins a longer paragraph.
* ``repeat.block``: a short line (under ``min_repeat_chars``) that goes with its run.

Removing copies changes what the others sit next to and how many copies are left, so the step
makes passes until one removes nothing: running it again on its output changes nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import count, groupby
from operator import attrgetter, itemgetter
from typing import NamedTuple

from cleanseed import _validate
from cleanseed._text import Line, line_span, remove_spans
from cleanseed.document import Explained, Removal
from cleanseed.errors import check_text
from cleanseed.pipeline import explains
from cleanseed.repeats import _keys
from cleanseed.repeats._config import RepeatsConfig
from cleanseed.repeats._near import _Near

__all__ = ["RULES", "RepeatsConfig", "dedup_paragraphs", "dedup_paragraphs_and_explain"]

STAGE = "repeats"

#: The rules of this step: stable id -> what it removes.
RULES = (
    ("repeat.exact", "a paragraph that repeats an earlier one by accident, once normalised"),
    ("repeat.near", "a near-copy of an earlier paragraph, or a cut-short copy of another"),
    ("repeat.block", "a short line that repeats along with the run of copies around it"),
)
EXACT, NEAR, BLOCK = (rule for rule, _ in RULES)

# Builds a named tuple from a tuple of all its fields, without the keyword handling of its
# constructor: the hot loops make one per line and per copy, and this is 2.5 times faster.
_new = tuple.__new__
_KEY = attrgetter("key")

# A run of copies may skip this many lines that differ in both copies (an edited caption).
_BLOCK_GAP = 1
# Alignment looks at this many earlier copies of a line, the nearest first: the copy a block
# repeats is near it, and a line found in hundreds of places costs no more than one in ten.
_PARTNERS = 8
# A line that ends a sentence ends with one of these (after closing quotes and brackets).
_STOPS = frozenset(".!…。．！｡।॥۔።։။")
_QUESTIONS = frozenset("?？؟")
_CLOSERS = "\"'”’»)]}›」』）"
# List markers at the start of a line. Dashes are left out: they open dialogue in many languages.
_BULLETS = frozenset("-•·*▪●○►✓✔→+")
_ELLIPSES = ("…", "...")


DEFAULT = RepeatsConfig()


class _Para(NamedTuple):
    """A non-blank line (its offset and text), its normalised key, and its weight: the length
    of the key, or 0 for a line that only gives structure (a table row, a rule of punctuation),
    which is always short."""

    start: int
    text: str
    key: str
    weight: int


def _paragraphs(text: str) -> list[_Para]:
    out = []
    start = 0
    for line, key in zip(text.split("\n"), _keys.line_keys(text), strict=True):
        if key:
            # Rows of one table look alike and may repeat on purpose ("| n/a | n/a |"). The
            # line is judged as the output will hold it, without trailing white space.
            table = line.count("|") >= 2 or ("\t" in line and "\t" in line.rstrip())
            out.append(_new(_Para, (start, line, key, 0 if table else len(key))))
        elif line and not line.isspace():
            # Punctuation only ("* * *"): compared as written.
            out.append(_Para(start, line, " ".join(line.split()), 0))
        start += len(line) + 1
    return out


def _numbered(text: str) -> bool:
    """Whether *text* opens like an item of a numbered list ("1. ", "12) ", "b) ")."""
    digits = len(text) - len(text.lstrip("0123456789"))
    mark = text[digits: digits + 2] if digits <= 3 else ""
    return (mark in (". ", ") ") and digits > 0) or (text[1:3] == ") " and text[:1].isalpha())


def _reading(para: _Para, config: RepeatsConfig) -> tuple[int, bool]:
    """The size of *para* in words, and whether it reads as running text: long enough, ending
    like a sentence (not a question), and not a list item or a line dense with numbers.

    A table row or a line of punctuation is never running text.
    """
    tokens = _keys.words(para.key)
    size = len(tokens)
    if para.weight == 0 or size < config.min_paragraph_words:
        return size, False
    text = para.text.strip()
    end = text.rstrip(_CLOSERS)[-1:]
    numeric = sum(token.isnumeric() for token in tokens)
    if (end in _QUESTIONS or text[0] in _BULLETS or _numbered(text)
            or (numeric >= 2 and numeric * 5 >= size)):
        return size, False
    if end in _STOPS:
        return size, True
    # Without a full stop at its end, a long line still reads as running text when it holds
    # two sentences, or is written without spaces (Thai has no full stops); a long list of
    # ingredients or features does not.
    return size, size >= config.long_words and (
        _keys.has_spaceless(para.key) or _two_sentences(text))


def _two_sentences(text: str) -> bool:
    """Whether a sentence of *text* ends and another begins, with a capital ("oz. cooked" does
    not); a full stop of a script without capitals ("。") counts on its own."""
    if any(stop in text for stop in "。！？"):
        return True
    return any(piece[:1].isupper() for stop in (". ", "! ", "? ")
               for piece in text.split(stop)[1:])


class _Groups(NamedTuple):
    """The copies among the paragraphs of one pass, by position: the first position of each
    one's exact class, and of its group (its class and the classes near-repeating it); the
    classes that near-repeat another (by first position), the positions of cut-short lines,
    and in how many places each group is found (a line right after its twin is no new place).
    """

    exact: list[int]
    group: list[int]
    near: dict[int, int]
    cut: frozenset[int]
    places: dict[int, int]


class _State:
    """What the passes over one document share: the near-repeat search and each line's shape."""

    def __init__(self, config: RepeatsConfig, text: str, paras: list[_Para]) -> None:
        self.config = config
        self.near = _Near(config)
        self.readings: dict[int, tuple[int, bool]] = {}
        # The lines ending in an ellipsis (by offset), found once: few lines are, and without
        # an ellipsis anywhere none is.
        ellipsis = any(mark in text for mark in _ELLIPSES)
        self.ends_cut = frozenset(
            para.start for para in paras if _ends_cut(para.text)) if ellipsis else frozenset()

    def reading(self, para: _Para) -> tuple[int, bool]:
        found = self.readings.get(para.start)
        if found is None:
            found = self.readings[para.start] = _reading(para, self.config)
        return found


def _cut_short(paras: list[_Para], first: dict[str, int], state: _State) -> set[int]:
    """First positions of classes of lines ending in an ellipsis whose text begins a longer
    paragraph: a teaser cut short, next to the paragraph it quotes."""
    ends = [h for h in first.values() if paras[h].start in state.ends_cut]
    config = state.config
    if not ends:
        return set()
    keys = sorted(first)
    out = set()
    for h in ends:
        key = paras[h].key
        if len(_keys.words(key)) >= config.min_paragraph_words:
            # Keys that begin with this one sort right after it.
            at = bisect_right(keys, key)
            if at < len(keys) and keys[at].startswith(key):
                out.add(h)
    return out


def _ends_cut(text: str) -> bool:
    """Whether *text* ends in an ellipsis, white space aside (a tidy line has none at its end)."""
    if text.endswith(_ELLIPSES):
        return True
    return text[-1:].isspace() and text.rstrip().endswith(_ELLIPSES)


def _group(paras: list[_Para], state: _State) -> _Groups | None:
    """The copies among *paras*, or None when no line repeats another."""
    config = state.config
    first: dict[str, int] = {}
    # Each line's class is the first position of its key (a loop in C: pages have hundreds).
    exact = list(map(first.setdefault, map(_KEY, paras), count()))
    low = max(config.min_near_chars, config.min_repeat_chars)
    heads = [h for h in first.values() if paras[h].weight >= low]
    links = state.near.sources([paras[h].key for h in heads])
    near = {heads[i]: heads[j] for i, j in links.items()}
    cut = _cut_short(paras, first, state) if state.ends_cut else set()
    if len(first) == len(paras) and not near and not cut:
        return None
    group = [near.get(c, c) for c in exact] if near else exact
    # A group is found once per run of its lines: a line right after its twin is no new place.
    places = Counter(map(itemgetter(0), groupby(group)))
    cut_lines = frozenset(i for i, c in enumerate(exact) if c in cut) if cut else frozenset()
    return _Groups(exact, group, near, cut_lines, places)


def _partners(groups: _Groups) -> list[Sequence[int]]:
    """For each position, the nearest earlier positions of its group (at most ``_PARTNERS``)."""
    seen: dict[int, list[int]] = {}
    out: list[Sequence[int]] = []
    for i, g in enumerate(groups.group):
        earlier = seen.get(g)
        if earlier is None:
            seen[g] = [i]
            out.append(())
        else:
            out.append(earlier[-_PARTNERS:])
            earlier.append(i)
    return out


class _Step(NamedTuple):
    """A copy in a run of copies at the same distance from their earlier copies: its line, that
    distance, the step before it in the run (or -1), the run's first line and number of lines
    so far, whether they are next to each other, how many of them would go on their own, and
    whether one has ``min_repeat_chars``."""

    line: int
    lag: int
    back: int
    first: int
    length: int
    tight: bool
    alone: int
    weighty: bool


def _pasted(partners: list[Sequence[int]], alone: list[bool], weighty: list[bool]) -> set[int]:
    """The copies that go: those that would go on their own, and the runs that hold one or
    are pasted again (see :func:`_lowest`).

    A run is a diagonal: copies whose earlier copies are the same number of lines before them.
    It may skip a line that differs in both copies (an edited caption). A doubled caption in
    one copy breaks the run, until it goes as a repeat of the line before it.
    """
    steps: list[_Step] = []
    ends: set[int] = set()
    active: dict[int, int] = {}  # lag -> step at line `last`
    last = -2
    for b, earlier in enumerate(partners):
        if not earlier:
            continue
        # Runs only go on from the line before (or the one before it, across a gap).
        going = active if b - last <= 1 + _BLOCK_GAP else {}
        now: dict[int, int] = {}
        goes, heavy = alone[b], weighty[b]
        for q in earlier:
            lag = b - q
            back = going.get(lag, -1)
            if back < 0:
                step = _new(_Step, (b, lag, -1, b, 1, True, goes, heavy))
            else:
                ends.discard(back)
                s = steps[back]
                step = _new(_Step, (b, lag, back, s.first, s.length + 1,
                                    s.tight and b == last + 1, s.alone + goes, s.weighty or heavy))
            now[lag] = len(steps)
            ends.add(len(steps))
            steps.append(step)
        active, last = now, b
    pieces = []
    for end in sorted(ends):
        if steps[end].length == 1:
            continue  # a run of one copy is no block: it goes, if at all, on its own (below)
        k, low, piece = end, _lowest(steps, end, weighty), []
        while k >= 0 and steps[k].line >= low:
            piece.append((steps[k].line, steps[k].line - steps[k].lag))
            k = steps[k].back
        if piece:
            pieces.append(piece)
    # A line on its own is checked against the first line of its group, which always stays.
    pieces.extend([(b, -1)] for b, goes in enumerate(alone) if goes)
    return _keep_sources(pieces)


def _keep_sources(pieces: list[list[tuple[int, int]]]) -> set[int]:
    """The lines of *pieces* (lists of ``(line, its earlier copy)``) that go, the longest piece
    first: a piece goes only if the earlier copies it repeats stay, so that two readings of the
    same lines (a block pasted again, or its first copy pasted before it) never take both."""
    out: set[int] = set()
    kept: set[int] = set()
    for piece in sorted(pieces, key=len, reverse=True):
        lines = {line for line, _ in piece}
        sources = {source for _, source in piece if source not in lines}
        if lines.isdisjoint(kept) and sources.isdisjoint(out):
            out |= lines
            kept |= sources
    return out


def _lowest(steps: list[_Step], end: int, weighty: list[bool]) -> int:
    """The first line of the run ending at step *end* that goes, or past its end if none goes.

    A run of lines next to each other that holds its own earlier copies (a text repeated over
    and over, each copy right after the one before) loses its whole periods, counted from its
    end. Any other run goes whole when two of its lines would go on their own (a paragraph
    pasted alone does not take its neighbours along); else its end goes if it comes right after
    its earlier copy, line for line: a block pasted again. Periods and pasted blocks need a line
    of ``min_repeat_chars``.
    """
    step = steps[end]
    span = step.line - step.first + 1
    if step.line - step.lag >= step.first:
        if step.tight and (step.weighty or step.alone):
            return step.line - span // step.lag * step.lag + 1
    elif step.alone > 1:
        return step.first
    low = step.line - step.lag + 1  # where a block ending here would start
    heavy = False
    k, line = end, step.line
    while k >= 0 and steps[k].line == line:
        heavy = heavy or weighty[line]
        if line == low:
            return low if heavy and low < step.line else step.line + 1
        k, line = steps[k].back, line - 1
    return step.line + 1


def _alone(p: int, paras: list[_Para], groups: _Groups, state: _State) -> bool:
    """Whether the copy at *p* goes on its own: it is long, or it is running text found in
    fewer than ``template_copies`` places. It is judged as its group's first copy too (an
    edit may have taken the full stop)."""
    config = state.config
    first = groups.group[p]
    for para in (paras[p], paras[first]) if first != p else (paras[p],):
        size, body = state.reading(para)
        if para.weight and size >= config.always_words:
            return True
        if body and groups.places[first] < config.template_copies:
            return True
    return False


def _twins(paras: list[_Para], groups: _Groups, config: RepeatsConfig) -> dict[int, str]:
    """Lines that repeat the line that stays right before them: a caption or a title rendered
    twice, perhaps with a small change."""
    found = {}
    previous = 0
    for i in range(1, len(paras)):
        if (groups.group[i] == groups.group[previous]
                and paras[i].weight >= config.min_consecutive_chars):
            found[i] = NEAR if groups.exact[i] != groups.exact[previous] else EXACT
        else:
            previous = i
    return found


def _pass(paras: list[_Para], state: _State) -> dict[int, str]:
    """The positions of the copies in *paras* that go, with the rule of each."""
    groups = _group(paras, state)
    if groups is None:
        return {}
    found = _twins(paras, groups, state.config)
    if not found:
        return _copies(paras, groups, state)
    # Twins go first, so that a block and its copy are then compared line for line.
    rest = [i for i in range(len(paras)) if i not in found]
    view = [paras[i] for i in rest]
    groups = _group(view, state)
    if groups is not None:
        found.update((rest[k], rule) for k, rule in _copies(view, groups, state).items())
    return found


def _copies(paras: list[_Para], groups: _Groups, state: _State) -> dict[int, str]:
    """The positions of the cut-short lines and of the copies in runs that go."""
    config = state.config
    found = dict.fromkeys(groups.cut, NEAR)
    # Only runs holding a copy of min_repeat_chars, or of running text, can go; a line with
    # fewer characters than min_paragraph_words has fewer words too.
    least = min(config.min_repeat_chars, config.min_paragraph_words)
    if all(g == p or paras[p].weight < least for p, g in enumerate(groups.group)):
        return found
    partners = _partners(groups)
    alone = [bool(earlier) and paras[p].weight >= config.min_paragraph_words
             and _alone(p, paras, groups, state) for p, earlier in enumerate(partners)]
    weighty = [para.weight >= config.min_repeat_chars for para in paras]
    for p in sorted(_pasted(partners, alone, weighty)):
        near = groups.exact[p] in groups.near
        found.setdefault(p, NEAR if near else EXACT if weighty[p] else BLOCK)
    return found


def _dedup(text: str, config: RepeatsConfig, record: list[Removal] | None) -> str:
    # Removing copies changes what the others sit next to and how many copies are left, so the
    # passes go on until one removes nothing: the result is then what a second run gives.
    paras = _paragraphs(text)
    state = _State(config, text, paras)
    gone: dict[int, tuple[_Para, str]] = {}
    every = paras
    while found := _pass(paras, state):
        gone.update((paras[i].start, (paras[i], rule)) for i, rule in found.items())
        paras = [para for i, para in enumerate(paras) if i not in found]
    if not gone:
        return remove_spans(text, [], STAGE, record)
    first = {para.key: para.start for para in reversed(every)}
    spans = []
    for para, rule in gone.values():
        # A class whose first line went as a near copy went whole as one, whatever the pass.
        head = gone.get(first[para.key])
        near = head is not None and head[1] == NEAR
        spans.append(line_span(text, Line(para.start, para.text), NEAR if near else rule))
    return remove_spans(text, spans, STAGE, record)


def dedup_paragraphs(text: str, config: RepeatsConfig | None = None) -> str:
    """Remove paragraphs that repeat earlier ones by accident, keeping the first occurrence.

    >>> dedup_paragraphs("Rain is expected across the north tonight, with strong winds.\\n"
    ...                  "Sun in the south.\\n"
    ...                  "Rain is expected across the north tonight, with strong winds!")
    'Rain is expected across the north tonight, with strong winds.\\nSun in the south.'
    """
    return _dedup(check_text(text, "dedup_paragraphs"),
                  _validate.config(config, RepeatsConfig, DEFAULT, "dedup_paragraphs"), None)


@explains(dedup_paragraphs)
def dedup_paragraphs_and_explain(text: str, config: RepeatsConfig | None = None) -> Explained:
    """Like :func:`dedup_paragraphs`, and list each removed line as a :class:`Removal`.

    >>> text = "Photo: the harbour at dawn\\nPhoto: the harbour at dawn"
    >>> [(r.rule, r.text, r.start) for r in dedup_paragraphs_and_explain(text).removals]
    [('repeat.exact', 'Photo: the harbour at dawn', 27)]
    """
    record: list[Removal] = []
    where = "dedup_paragraphs_and_explain"
    out = _dedup(check_text(text, where),
                 _validate.config(config, RepeatsConfig, DEFAULT, where), record)
    return Explained(out, tuple(record))
