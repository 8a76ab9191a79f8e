"""Letters lost as a space: "Ola K llenius", "Gr nwald", "ist  ber".

A space between two words is the commonest thing in text, so a space alone is no evidence. A
split is reported only when one side is not a word of any language and the two sides, joined
by one letter, make a word: one the corpus or the document holds intact, or a word of the
lexicon. With no such word, one pattern is still reported, with less confidence: a lone
capital inside a name ("Group Ola K llenius") before a lower-case fragment that is a word
nowhere; an initial would be followed by a capital ("George W Bush").

A letter lost at the start or the end of a word leaves two spaces ("ist  ber" for "ist über"),
or a space at the edge of a line; the fragment beside it must then be no word and, with the
letter put back, a known one.

Only the neighbours of a fragment that is no word are weighed, and the text is cut into
fragments with ``str.split``: the answer for each distinct fragment is kept with the lexicon,
so a corpus's common words cost one dictionary lookup each.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import accumulate, compress
from typing import NamedTuple

from cleanseed.damage._hits import Context, Hit
from cleanseed.damage._words import HOLE, fold, is_latin

KIND = "lost.space"

# Confidence by the strongest evidence found.
_SEEN = 0.95        # the joined word is in the document or the corpus
_KNOWN = 0.9        # the joined word is in the lexicon
_EDGE_SEEN = 0.9    # a letter lost at a word's edge, the whole word seen
_EDGE_KNOWN = 0.75  # ... the whole word in the lexicon
_LONE_CAPITAL = 0.6  # "K llenius", with nothing to confirm it
# How much commoner (in Zipf units: 1.5 is 30 times), in its language, the joined word must be
# than the rarer side read as a word of that language (a side that is none counts 0).
_COMMONER = 1.5
# A piece this short and no commoner than this is weighed as a fragment, though some list holds
# it: the lists hold fragments of damaged web text too ("ck", "gr", "nde").
_SHORT = 2
_WEAK = 5.0

# The shortest fragment weighed alone: one or two letters beside a hole fit too many words.
_MIN_FRAGMENT = 3
# Marks that may stand before or after a word, outside it.
_EDGE_MARKS = "\"'()[]{}<>.,;:!?*\u00bf\u00a1\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2026"
# Marks that close a phrase: a space before one may be a lost last letter ("hodnot .").
_CLOSING = frozenset(".,;:)]}\u201d\u00bb")
_SENTENCE_ENDS = frozenset(".!?:;\"\u201c\u201d\u00bb")


class _Candidate(NamedTuple):
    """A space that may be a lost letter, before its key is looked up."""

    start: int
    end: int
    hole: int
    hole_end: int
    key: str
    edge: bool           # a letter lost at a word's edge
    lone_capital: bool   # "Ola K llenius": reported even when no word fits
    vocabulary_only: bool  # "d b", "m todos": only a word seen intact confirms a lone letter
    fragments: tuple[str, ...] = ()  # the sides of the hole


def _core(piece: str) -> str:
    return piece.strip(_EDGE_MARKS)


def _fragments(ctx: Context, pieces: list[str]) -> set[str]:
    """The pieces of *pieces* that are fragments; the lexicon keeps its answers in two sets, so
    that the pieces of a document are sorted with set operations in C."""
    lexicon = ctx.lexicon
    unknown = set(pieces).difference(lexicon.settled)
    new = unknown.difference(lexicon.fragments)
    if new:
        cores = {p: _core(p) for p in new}
        latin = {p: c for p, c in cores.items() if c and c.isalpha() and is_latin(c)}
        lexicon.prefetch(words=[c for c in latin.values() if len(c) > 1])
        if len(lexicon.settled) + len(lexicon.fragments) + len(new) > lexicon.memo_size:
            lexicon.settled.clear()
            lexicon.fragments.clear()
        for piece in new:
            core = latin.get(piece)
            if core is not None and (not ctx.is_word(core) or _weak(ctx, core)):
                lexicon.fragments.add(piece)
            else:
                lexicon.settled.add(piece)
    return unknown.intersection(lexicon.fragments)


def _weak(ctx: Context, core: str) -> bool:
    return 1 < len(core) <= _SHORT and ctx.lexicon.zipf(core) < _WEAK


def space_hits(ctx: Context) -> Iterator[Hit]:
    """Yield the splits of :mod:`this module <cleanseed.damage._space>`.

    The text is cut at spaces with each line break a piece of its own, so that a document
    whose pieces are all known costs a few passes in C.
    """
    pieces = ctx.text.replace("\n", " \n ").split(" ")
    fragments = _fragments(ctx, pieces)
    if not fragments:
        return
    # offsets in the text: the pieces before, each followed by one space, less the two spaces
    # added per break
    starts = list(accumulate(map(len, pieces), initial=0))
    breaks = list(compress(range(len(pieces)), map("\n".__eq__, pieces)))
    found: list[_Candidate] = []
    for i in compress(range(len(pieces)), map(fragments.__contains__, pieces)):
        found += _candidates(ctx, pieces, fragments, i)
    if not found:
        return
    ctx.lexicon.prefetch(keys=[c.key for c in found])
    for candidate in found:
        hit = _judge(ctx, candidate)
        if hit is not None:
            yield _shift(hit, starts, breaks)


def _shift(c: Hit, starts: list[int], breaks: list[int]) -> Hit:
    """*c*, its offsets (given as ``piece * _STRIDE + offset in piece``) turned into the
    text's."""
    def at(where: int) -> int:
        piece, within = divmod(where + _STRIDE // 2, _STRIDE)
        within -= _STRIDE // 2  # a hole just before a piece is at -1 within it
        return starts[piece] + piece + within - 2 * bisect.bisect_left(breaks, piece)
    return c._replace(start=at(c.start), end=at(c.end), hole=at(c.hole),
                      hole_end=at(c.hole_end))


def _judge(ctx: Context, c: _Candidate) -> Hit | None:
    if ctx.known_hole(c.key) >= 1:
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _EDGE_SEEN if c.edge else _SEEN)
    if not c.vocabulary_only and ctx.lexicon.hole_zipf(c.key) and \
            ctx.lexicon.commoner(c.key, c.fragments) >= _COMMONER:
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _EDGE_KNOWN if c.edge else _KNOWN)
    if c.lone_capital:
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _LONE_CAPITAL)
    return None


# A position handed between functions before the text's offsets are known: piece * _STRIDE
# + offset within the piece (pieces are lines at most, far shorter than this).
_STRIDE = 1 << 40


def _candidates(ctx: Context, pieces: list[str], fragments: set[str], i: int
                ) -> Iterator[_Candidate]:
    last = len(pieces) - 1
    for j in (i - 1, i):  # the pairs (i - 1, i) and (i, i + 1)
        if 0 <= j < last and pieces[j] and pieces[j + 1] and (
                j == i or pieces[j] not in fragments):
            found = _split(ctx, pieces, j)
            if found is not None:
                yield found
    found = _edge_of(ctx, pieces, i)
    if found is not None:
        yield found


def _split(ctx: Context, pieces: list[str], j: int) -> _Candidate | None:
    left_raw, right_raw = pieces[j], pieces[j + 1]
    if right_raw[0].isupper() and not left_raw.isupper():
        return None  # a new word starts: "George W Bush"
    left, right = left_raw.lstrip(_EDGE_MARKS), right_raw.rstrip(_EDGE_MARKS)
    if not (left.isalpha() and right.isalpha() and is_latin(left) and is_latin(right)):
        return None  # a mark between them, or a line break: no word was split here
    capitals = left.isupper() and right.isupper()
    if right[0].isupper() and not capitals:
        return None  # a new word starts: "George W Bush"
    if capitals and min(len(left), len(right)) == 1:
        return None  # initials: "J B Priestley"
    left_word, right_word = ctx.is_word(left), ctx.is_word(right)
    both = left_word and right_word
    if both and min(len(left), len(right)) == 1:
        return None  # a letter beside a word: "a la", "x a" in a formula
    # a lone letter that is no word ("d b", "m todos", "Plan B is") may be an initial, a
    # variable or a grade: only a word seen intact says it is a fragment
    lone = (len(left) == 1 and not left_word) or (len(right) == 1 and not right_word)
    cut = j * _STRIDE + len(left_raw)
    return _Candidate(cut - len(left), (j + 1) * _STRIDE + len(right), cut, cut + 1,
                      fold(left) + HOLE + fold(right), edge=False,
                      lone_capital=_lone_capital(pieces, j, left, right, ctx),
                      vocabulary_only=lone, fragments=(left, right))


def _lone_capital(pieces: list[str], j: int, left: str, right: str, ctx: Context) -> bool:
    """A capital inside a name, before a fragment that is a word nowhere: "Ola K llenius".

    The word before it is capitalised and does not start a sentence, so the capital stands
    where a surname starts.
    """
    if not (len(left) == 1 and left.isupper() and pieces[j] == left and right.islower()
            and len(right) >= _MIN_FRAGMENT and ctx.lexicon.zipf(right) == 0):
        return False
    if j < 2:  # the name and a word before it are needed
        return False
    name, head = pieces[j - 1], pieces[j - 2]
    return (len(name) > 1 and name.isalpha() and name[0].isupper() and name[1:].islower()
            and bool(head) and head[-1] not in _SENTENCE_ENDS and head != "\n")


def _edge_of(ctx: Context, pieces: list[str], i: int) -> _Candidate | None:
    """A fragment beside two spaces, or a space at the line's edge: a lost first or last letter.
    """
    piece = pieces[i]
    last = len(pieces) - 1
    if i >= 2 and not pieces[i - 1] and pieces[i - 2]:  # a space before it
        word = piece.rstrip(_EDGE_MARKS)
        if _edge_fragment(ctx, word):
            start = i * _STRIDE
            return _Candidate(start - 1, start + len(word), start - 1, start, HOLE + fold(word),
                              edge=True, lone_capital=False, vocabulary_only=False,
                              fragments=(word,))
    if i < last and pieces[i + 1][:1] in _CLOSING:  # a space, then a mark: "hodnot ."
        word = piece.lstrip(_EDGE_MARKS)
        if _edge_fragment(ctx, word):
            end = i * _STRIDE + len(piece)
            return _Candidate(end - len(word), end + 1, end, end + 1, fold(word) + HOLE,
                              edge=True, lone_capital=False, vocabulary_only=False,
                              fragments=(word,))
    if i + 2 <= last and not pieces[i + 1] and pieces[i + 2]:  # a space after it
        word = piece.lstrip(_EDGE_MARKS)
        if _edge_fragment(ctx, word):
            end = i * _STRIDE + len(piece)
            return _Candidate(end - len(word), end + 1, end, end + 1, fold(word) + HOLE,
                              edge=True, lone_capital=False, vocabulary_only=False,
                              fragments=(word,))
    return None


def _edge_fragment(ctx: Context, fragment: str) -> bool:
    return (len(fragment) >= _MIN_FRAGMENT and fragment.isalpha() and is_latin(fragment)
            and not ctx.is_word(fragment))
