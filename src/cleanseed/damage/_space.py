"""Letters lost as a space: "Ola K llenius", "Gr nwald", "ist  ber".

A space between two words is the commonest thing in text, so a space alone is no evidence. A
split is reported only when one side is not a word of any language and the two sides, joined
by one letter, make a word: one the corpus or the document holds intact, or a word of the
lexicon. With no such word, one pattern is still reported, with less confidence: a lone
capital that is no initial of a name ("K") before a lower-case fragment that is a word
nowhere ("llenius"); an initial is followed by a capital ("George W Bush").

A letter lost at the start or the end of a word leaves two spaces ("ist  ber" for "ist über"),
or a space at the edge of a line; the fragment beside it must then be no word and, with the
letter put back, a known one.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanseed.damage._hits import WORD_ZIPF, Context, Hit
from cleanseed.damage._words import HOLE, fold, is_latin

KIND = "lost.space"

# Confidence by the strongest evidence found.
_SEEN = 0.95        # the joined word is in the document or the corpus
_KNOWN = 0.9        # the joined word is in the lexicon
_EDGE_SEEN = 0.9    # a letter lost at a word's edge, the whole word seen
_EDGE_KNOWN = 0.75  # ... the whole word in the lexicon
_LONE_CAPITAL = 0.6  # "K llenius", with nothing to confirm it


def space_hits(ctx: Context) -> Iterator[Hit]:
    """Yield the splits of :mod:`this module <cleanseed.damage._space>`."""
    text, words = ctx.text, ctx.words
    for i in range(len(words) - 1):
        (s1, e1), (s2, e2) = words[i], words[i + 1]
        gap = s2 - e1
        if gap == 1 and text[e1] == " ":
            hit = _split(ctx, s1, e1, s2, e2)
        elif gap == 2 and text[e1:s2] == "  ":
            hit = _edge(ctx, s1, e1, s2, e2)
        else:
            continue
        if hit is not None:
            yield hit
    yield from _line_edges(ctx)


def _split(ctx: Context, s1: int, e1: int, s2: int, e2: int) -> Hit | None:
    left, right = ctx.text[s1:e1], ctx.text[s2:e2]
    if right[0].isupper() and not (left.isupper() and right.isupper()):
        return None  # a new word starts: "George W Bush"; all capitals split either way
    if not (is_latin(left) and is_latin(right)):
        return None
    left_word, right_word = ctx.is_word(left), ctx.is_word(right)
    if (left_word and right_word) or (min(len(left), len(right)) == 1
                                      and (left_word or right_word)):
        return None  # two words; or a lone letter beside a word ("m a" in a formula)
    strength = ctx.known_hole(fold(left) + HOLE + fold(right))
    if strength >= 1:
        return Hit(KIND, s1, e2, e1, s2, _SEEN)
    if strength >= WORD_ZIPF / 10:
        return Hit(KIND, s1, e2, e1, s2, _KNOWN)
    if (len(left) == 1 and left.isupper() and len(right) >= 3 and right.islower()  # noqa: PLR2004
            and ctx.lexicon.zipf(right) == 0 and not ctx.is_word(right)):
        return Hit(KIND, s1, e2, e1, s2, _LONE_CAPITAL)
    return None


def _edge(ctx: Context, s1: int, e1: int, s2: int, e2: int) -> Hit | None:
    """Two spaces: a letter lost at the end of the first word or the start of the second."""
    after = _at_edge(ctx, s1, e1, e1, e1 + 1)
    before = _at_edge(ctx, s2, e2, s2 - 1, s2)
    if after is None or (before is not None and before.confidence > after.confidence):
        return before
    return after


def _at_edge(ctx: Context, start: int, end: int, hole: int, hole_end: int) -> Hit | None:
    """The word ``[start, end)`` with the space ``[hole, hole_end)`` beside it as a lost letter."""
    fragment = ctx.text[start:end]
    if not is_latin(fragment) or ctx.is_word(fragment):
        return None
    if hole < start:
        key = HOLE + fold(fragment)
        span = (hole, end)
    else:
        key = fold(fragment) + HOLE
        span = (start, hole_end)
    strength = ctx.known_hole(key)
    if strength >= 1:
        return Hit(KIND, span[0], span[1], hole, hole_end, _EDGE_SEEN)
    if strength >= WORD_ZIPF / 10:
        return Hit(KIND, span[0], span[1], hole, hole_end, _EDGE_KNOWN)
    return None


def _line_edges(ctx: Context) -> Iterator[Hit]:
    """A space that starts or ends a line, beside a word: " ber" for "Über" at a line's start."""
    text = ctx.text
    for start, end in ctx.words:
        if start >= 1 and text[start - 1] == " " and (start == 1 or text[start - 2] == "\n"):
            hit = _at_edge(ctx, start, end, start - 1, start)
            if hit is not None:
                yield hit
        if end < len(text) and text[end] == " " and (end + 1 == len(text)
                                                     or text[end + 1] == "\n"):
            hit = _at_edge(ctx, start, end, end, end + 1)
            if hit is not None:
                yield hit
