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
from cleanseed.damage._words import is_latin

__all__ = ["EDGE_MARKS", "Pieces", "fragments", "head", "is_fragment", "tail"]

#: Marks that may stand before or after a word, outside it.
EDGE_MARKS = "\"'()[]{}<>.,;:!?*\u00bf\u00a1\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2026"
# Marks that join the parts of a compound: the part beside a space may be a fragment
# ("Django-yhteis \n" for "Django-yhteisö").
_HYPHENS = "-\u2010\u2011"


class Pieces:
    """The pieces of ``text[lo:hi]``, and where each starts in *text*."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.base = lo
        self.items = text[lo:hi].replace("\n", " \n ").split(" ")
        self._starts: list[int] | None = None
        self._breaks: list[int] = []

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
        out = []
        for k, piece in enumerate(self.items):  # a window is a line or less
            at = self.start(k)
            if at >= end:
                break
            if piece and piece != "\n" and at + len(piece) > start:
                out.append(k)
        return out


def head(piece: str) -> str:
    """The letters *piece* starts with, if only closing marks follow them: the right side of a
    split ("e-mail" has none: its "e" is a word of its own)."""
    if piece.isalpha():
        return piece
    end = 0
    while end < len(piece) and piece[end].isalpha():
        end += 1
    if not end or piece[end:].strip(EDGE_MARKS):
        return ""
    return piece[:end]


def tail(piece: str) -> str:
    """The letters *piece* ends with, if only opening marks or a hyphen come before them: the
    left side of a split."""
    if piece.isalpha():
        return piece
    start = len(piece)
    while start > 0 and piece[start - 1].isalpha():
        start -= 1
    rest = piece[:start]
    if start == len(piece) or (rest and rest[-1] not in _HYPHENS and rest.strip(EDGE_MARKS)):
        return ""
    return piece[start:]


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
    """The pieces of *pieces* that may be fragments of a split word, in the text's languages."""
    memo = ctx.lexicon.memo.get(ctx.languages)
    if memo is None:
        memo = ctx.lexicon.memo[ctx.languages] = (set(), set())
    found, settled = memo
    distinct = set(pieces)
    ctx.learn_own(distinct)
    new = distinct.difference(settled).difference(found)
    if new:
        if sum(len(f) + len(s) for f, s in ctx.lexicon.memo.values()) + len(new) > \
                ctx.lexicon.memo_size:
            for f, s in ctx.lexicon.memo.values():
                f.clear()
                s.clear()
        cores = {piece: _cores(piece) for piece in new}
        if ctx.languages:
            ctx.lexicon.prefetch(words=[c for cs in cores.values() for c in cs],
                                 languages=ctx.languages)
        for piece, parts in cores.items():
            if any(is_fragment(ctx, part) for part in parts):
                found.add(piece)
            else:
                settled.add(piece)
    return distinct.intersection(found)
