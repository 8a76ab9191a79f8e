"""A stretch of text cut at its spaces, and which of its pieces may be fragments of a word.

The text is cut with ``str.split`` at single spaces, each line break a piece of its own, so
that two spaces leave an empty piece between two others ("ist  ber": ``ist``, ``""``, ``ber``).
Which pieces are fragments is decided once per distinct piece and per set of languages, and
kept with the lexicon: a corpus repeats its words, so that most of a document's pieces cost
one set operation in C.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import accumulate, compress

from cleanseed.damage._hits import SHORT_WORD, Context
from cleanseed.damage._words import fold, is_latin

__all__ = ["EDGE_MARKS", "Memo", "Pieces", "elides", "fragments", "head", "is_fragment", "tail"]

#: Marks that may stand before or after a word, outside it.
EDGE_MARKS = "\"'()[]{}<>.,;:!?*\u00bf\u00a1\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2026"
# Marks that may stand before a word in a piece: opening marks, hyphens, separators and the
# edge of a tag ('rel="noopener">yay m'); and after one: closing marks, separators and tags.
_BEFORE_WORD = frozenset("\"([{<>\u00ab\u00bf\u00a1\u201c\u201e\u2018\u201a-\u2010\u2011,/")
_AFTER_WORD = frozenset("\")]}<>.,;:!?*\u00bb\u201d\u2019\u2026/")
# Apostrophes that end an elided word, and the longest such word ("dell'", "sull'").
_ELISION = frozenset("'\u2019")
_ELIDED = 4


class Pieces:
    """The pieces of ``text[lo:hi]``, and where each starts in *text*."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.base = lo
        self.at_end = hi >= len(text)
        self.items = text[lo:hi].replace("\n", " \n ").split(" ")
        self._starts: list[int] | None = None
        self._breaks: list[int] = []
        self._keyed: int | None = None
        self._spaced: int | None = None

    def keyed_lines(self) -> int:
        """How many lines start with a space, one letter and a space (" n nume")."""
        if self._keyed is None:
            items = self.items
            self._keyed = sum(1 for k in range(len(items) - 3)
                              if items[k] == "\n" and not items[k + 1] and len(items[k + 2]) == 1
                              and items[k + 2].isalpha() and items[k + 3] != "\n")
        return self._keyed

    def spaced_lines(self) -> int:
        """How many lines end with a word and a space ("Pre \nHën \n")."""
        if self._spaced is None:
            items = self.items
            self._spaced = sum(1 for k in range(1, len(items) - 1)
                               if items[k + 1] == "\n" and not items[k] and items[k - 1]
                               and items[k - 1] != "\n")
        return self._spaced

    def start(self, k: int) -> int:
        """Where piece *k* starts in the text."""
        if self._starts is None:
            self._starts = list(accumulate(map(len, self.items), initial=0))
            self._breaks = list(compress(range(len(self.items)), map("\n".__eq__, self.items)))
        # the pieces before it, each followed by one space, less the two spaces added per break
        return (self.base + self._starts[k] + k
                - 2 * bisect.bisect_left(self._breaks, k))

    def covering(self, start: int, end: int) -> list[int]:
        """The pieces that overlap ``[start, end)`` of the text."""
        self.start(0)
        starts = self._starts or [0]
        # the first piece that may overlap: the last one starting at or before *start*
        first = max(bisect.bisect_right(starts, start - self.base) - 1, 0)
        while first > 0 and self.start(first) > start:
            first -= 1  # the spaces between pieces make start() run ahead of the sums
        out = []
        for k in range(first, len(self.items)):
            at = self.start(k)
            if at >= end:
                break
            piece = self.items[k]
            if piece and piece != "\n" and at + len(piece) > start:
                out.append(k)
        return out


def head(piece: str) -> str:
    """The letters *piece* starts with, if a mark follows them that ends a word, or separates
    two (not a hyphen or an apostrophe): the right side of a split ("e-mail" has none: its
    "e" is a word of its own)."""
    if piece.isalpha():
        return piece
    end = 0
    while end < len(piece) and piece[end].isalpha():
        end += 1
    if not end or piece[end] not in _AFTER_WORD:
        return ""
    return piece[:end]


def tail(piece: str) -> str:
    """The letters *piece* ends with, if a mark comes before them that starts a word, or joins
    or separates two (not a closing mark, a digit or an apostrophe: "%(name)s" ends in no
    word), or an elided word ("s'especific", "dell'attivit"): the left side of a split
    ("Django-yhteis", "sí,no,quiz")."""
    if piece.isalpha():
        return piece
    start = len(piece)
    while start > 0 and piece[start - 1].isalpha():
        start -= 1
    if start == len(piece) or (start and piece[start - 1] not in _BEFORE_WORD
                               and not elides(piece[:start])):
        return ""
    return piece[start:]


def elides(piece: str) -> bool:
    """Whether *piece* is a short word elided before the next one: "l'", "d’", "qu'",
    "dell'" (in French, Italian, Catalan: the next word follows without a space)."""
    return (len(piece) >= 2 and piece[-1] in _ELISION and len(piece) - 1 <= _ELIDED
            and piece[:-1].isalpha())


def _cores(piece: str) -> list[str]:
    """The parts of *piece* that may be a fragment: the piece without its marks, or the last
    part of a compound."""
    core = piece.strip(EDGE_MARKS)
    if core.isalpha():
        return [core]
    last = tail(piece.rstrip(EDGE_MARKS))
    return [last] if last else []


def is_fragment(ctx: Context, core: str) -> bool:
    """Whether *core* (letters only) may be part of a word split in two: it is no word of the
    text's languages, or a piece of two letters that is no common word (the lists hold
    fragments of damaged web text too: "ck", "gr", "nde")."""
    if not is_latin(core):
        return False
    if len(core) == 2:
        return ctx.zipf(core) < SHORT_WORD
    return not ctx.is_word(core)


def fragments(ctx: Context, pieces: Sequence[str]) -> set[str]:
    """The pieces of *pieces* that may be one side of a split word: they are no word of the
    text's languages, and stand beside a hole in a word of those languages, of the text or of
    the corpus (:meth:`Lexicon.sides`); a lone capital ("K llenius") always may."""
    memo = ctx.lexicon.memo.get(ctx.languages)
    if memo is None:
        memo = ctx.lexicon.memo[ctx.languages] = Memo()
    distinct = set(pieces)
    ctx.learn_own(distinct)
    new = distinct.difference(memo.settled).difference(memo.sides).difference(memo.others)
    if new:
        _classify(ctx, new, memo)
    words = [piece for piece in distinct if len(piece) >= _COUNTED and piece.isalpha()]
    ctx.coverage = (sum(map(memo.settled.__contains__, words)) / len(words)) if words else 0.0
    found = distinct.intersection(memo.sides)
    found.update(piece for piece in distinct.intersection(memo.capitals))
    if ctx.corpus is not None:  # the corpus's sides are many: look up the text's pieces
        found.update(piece for piece in distinct.intersection(memo.others)
                     if any(ctx.is_seen_side(core) for core in memo.others[piece]))
    else:  # the text's own sides are few: look them up among its pieces
        for side in ctx.own_sides:
            found.update(distinct.intersection(memo.by_core.get(side, ())))
    return found


# Pieces of this many letters or more count for the share of a text's words that are words of
# its languages.
_COUNTED = 3


class Memo:
    """What is known of pieces of text in one set of languages: those that may be fragments
    beside a hole of the lists, the other fragments (with their cores, folded, and the other
    way round), lone capitals, and the rest."""

    def __init__(self) -> None:
        self.sides: set[str] = set()
        self.others: dict[str, tuple[str, ...]] = {}
        self.by_core: dict[str, set[str]] = {}
        self.capitals: set[str] = set()
        self.settled: set[str] = set()
        #: Words, each with whether it is a rare one beside a hole of the lists (see
        #: :func:`._space._rare_sides`).
        self.rare: dict[str, bool] = {}

    def __len__(self) -> int:
        return len(self.sides) + len(self.others) + len(self.settled) + len(self.rare)


def _classify(ctx: Context, new: set[str], memo: Memo) -> None:
    if sum(map(len, ctx.lexicon.memo.values())) + len(new) > ctx.lexicon.memo_size:
        for key in list(ctx.lexicon.memo):
            ctx.lexicon.memo[key] = Memo()
        memo = ctx.lexicon.memo[ctx.languages]
    cores = {piece: _cores(piece) for piece in new}
    if ctx.languages:
        ctx.lexicon.prefetch(words=[c for cs in cores.values() for c in cs],
                             languages=ctx.languages)
    frags = {piece: tuple(fold(c) for c in parts if is_fragment(ctx, c))
             for piece, parts in cores.items()}
    listed = ctx.lexicon.sides({c for cs in frags.values() for c in cs}, ctx.languages) \
        if ctx.languages else set()
    for piece, parts in frags.items():
        if not parts:
            memo.settled.add(piece)
        elif any(part in listed for part in parts):
            memo.sides.add(piece)
        else:
            memo.others[piece] = parts
            for part in parts:
                memo.by_core.setdefault(part, set()).add(piece)
            if len(piece) == 1 and piece.isupper():
                memo.capitals.add(piece)
