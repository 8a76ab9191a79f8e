"""Letters lost as a question mark ("Fran?ois") or as U+FFFD ("Stra\\ufffde").

U+FFFD is what a decoder writes for bytes it could not read: wherever it stands, a character
was lost. A question mark is what an encoder writes for a character it could not write, but it
is also punctuation. It is taken as a lost letter only between two letters of a cased script
(Latin, Greek, Cyrillic: Chinese and Japanese put "?" between characters as punctuation), in a
word that holds nothing but letters (not a URL, code, or a formula), and not where a sentence
ends without its space ("really?Yes"). At a word's start or end it is a lost letter only if the
word, with a letter in its place, is one the corpus or the lexicon knows and the fragment is
none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleanseed.damage._hits import WORD_ZIPF, Context, Hit
from cleanseed.damage._words import HOLE, fold

QUESTION = "lost.question"
REPLACEMENT = "lost.replacement"

_RUN = re.compile(r"(?<!\?)\?{1,3}(?!\?)")
_FFFD = re.compile("\ufffd+")
_TOKEN_END = re.compile(r"\s")
# Characters a word may hold besides letters and the lost ones: apostrophes and hyphens.
_IN_WORD = frozenset("'\u2019-\u2010\u2011?\ufffd")
# Punctuation that may wrap a word: quotes, brackets, sentence marks.
_WRAP = "\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a()[]{}<>.,;:!?\u00bf\u00a1*_"


def _cased(char: str) -> bool:
    return char.lower() != char.upper()


def _token(text: str, start: int, end: int) -> str:
    """The run of non-space characters around ``[start, end)``, stripped of wrapping marks."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    match = _TOKEN_END.search(text, end)
    right = match.start() if match else len(text)
    return text[left:right].strip(_WRAP)


def _letters_only(token: str) -> bool:
    return all(c.isalpha() or c in _IN_WORD or "\u0300" <= c <= "\u036f" for c in token)


def question_hits(ctx: Context) -> Iterator[Hit]:
    """Yield each "?" (or run of up to three) that stands for lost letters."""
    text = ctx.text
    if "?" not in text:
        return
    for match in _RUN.finditer(text):
        start, end = match.span()
        before = ctx.word_at(start - 1) if start and text[start - 1].isalpha() else None
        after = ctx.word_at(end) if end < len(text) and text[end].isalpha() else None
        if before is None and after is None:
            continue
        if not _letters_only(_token(text, start, end)):
            continue
        hit = _question(ctx, before, after, start, end)
        if hit is not None:
            yield hit


def _question(ctx: Context, before: tuple[int, int] | None, after: tuple[int, int] | None,
              start: int, end: int) -> Hit | None:
    text = ctx.text
    left = text[before[0]:start] if before else ""
    right = text[end:after[1]] if after else ""
    span_start = before[0] if before else start
    span_end = after[1] if after else end
    strength = ctx.known_hole(fold(left) + HOLE + fold(right))
    width = end - start
    if left and right:
        if not (_cased(left[-1]) and _cased(right[0])):
            return None
        if strength == 0 and (ctx.is_word(left + right) or (
                right[0].isupper() and not left.isupper())):
            return None  # "colou?r" in a pattern; "really?Yes" missing its space
        confidence = 0.99 if strength >= 1 else 0.97 if strength > 0 else 0.9
        return Hit(QUESTION, span_start, span_end, start, end, confidence, width)
    fragment = left or right
    if strength < WORD_ZIPF / 10 or ctx.is_word(fragment) or not _cased(fragment[0]):
        return None
    if left and not _lower_word_follows(text, end):
        return None  # a question ends here
    if right and start and not text[start - 1].isspace():
        return None
    return Hit(QUESTION, span_start, span_end, start, end, 0.9 if strength >= 1 else 0.7, width)


def _lower_word_follows(text: str, end: int) -> bool:
    """A "?" after a word is a lost letter only mid-sentence: a lower-case word follows."""
    return end + 1 < len(text) and text[end] == " " and text[end + 1].islower()


def replacement_hits(ctx: Context) -> Iterator[Hit]:
    """Yield each run of U+FFFD, with the word it stands in."""
    text = ctx.text
    if "\ufffd" not in text:
        return
    for match in _FFFD.finditer(text):
        start, end = match.span()
        before = ctx.word_at(start - 1) if start and text[start - 1].isalpha() else None
        after = ctx.word_at(end) if end < len(text) and text[end].isalpha() else None
        span_start = before[0] if before else start
        span_end = after[1] if after else end
        confidence = 1.0 if before or after else 0.9
        yield Hit(REPLACEMENT, span_start, span_end, start, end, confidence, end - start)
