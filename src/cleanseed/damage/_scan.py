"""The first look at a text: where damage can be at all, found in one pass of RE2 over the
text's UTF-8 bytes, so that a sound text costs little more than that pass (:func:`suspects`).

Four shapes are looked for at once: those a letter lost as a space leaves (below), a "?" beside
a letter where no question ends (before a lower-case word, a comma, at a line's end, between two
letters or at a word's start), a character that a code page gives a UTF-8 lead byte before one
it gives a continuation byte (mojibake's bytes), and a capital outside ASCII inside a lower-case
word (mojibake's capitals). A U+FFFD needs no pattern: it is damage wherever it stands.

A space is the commonest character of text, so a space alone points nowhere. Where it can
point depends on how the text is written:

- in a text written in letters outside ASCII (one in :data:`DENSE` characters or more: German,
  Polish, Vietnamese, ...) any space may stand for one, and every word that is no word of the
  text's languages is looked at (:mod:`._space`);
- in a text that holds few such letters (English, Indonesian, Dutch), a damaged word is most
  often a name, and only the shapes a lost letter leaves where no word would are looked at
  (:data:`_SHAPES`): a lone letter that is not a common one-letter word ("Ola K llenius",
  "Timoth e Chalamet"), two spaces between letters, or a space before a closing mark or at a
  line's edge (a letter lost at a word's end or start: "ist  ber"). A split between two longer
  fragments of a name there ("Fran ois") is found only where the text holds the name intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import re2

from cleanseed.damage._codepages import TABLES

__all__ = ["CAPITAL", "DENSE", "PAIR", "QUESTION", "SHAPE", "encode", "latin_letters",
           "latin_offsets", "literal_spans", "other_script", "spans", "suspects"]

#: A text with a Latin letter outside ASCII in at most this many characters is written in them
#: (German has one in 100 letters, Italian one in 80, Dutch one in 1,800, English none).
DENSE = 200

# UTF-8 lead bytes of U+00C0-U+027F (Latin-1 letters, Latin Extended-A and -B), and of
# U+1000-U+1FFF (among them Latin Extended Additional: Vietnamese), and every other byte.
_LEADS = bytes(range(0xC3, 0xCA)) + b"\xe1"
_OTHERS = bytes(b for b in range(256) if b not in _LEADS)

# The patterns are of bytes (RE2 reads UTF-8 as Latin-1: a byte a character), which RE2 matches
# three times faster than classes of Unicode letters. A letter is an ASCII letter or any byte
# outside ASCII: what follows each match in Python tells them apart.
_LETTER = rb"[A-Za-z\x80-\xff]"
# A lone ASCII letter beside a space (not alone on its line, like the letters of an index),
# other than the one-letter words of English ("a", "I"), the commonest lone letters of text
# written mostly in ASCII; two spaces between letters; a space between a letter and a mark
# that ends a phrase ("hodnot ."), or at the edge of a line.
_LONE = rb"[b-hj-zB-HJ-Z]"
_SHAPES = (rb"[ ]" + _LONE + rb"(?:[ ]|$)|^" + _LONE + rb"[ ]"
           rb"|" + _LETTER + rb"[ ][ ]" + _LETTER
           + rb"|" + _LETTER + rb"[ ][.,;:](?:[ ]|$)"
           rb"|" + _LETTER + rb"[ ]$|^[ ]" + _LETTER)
# A "?" after a letter, before a letter, before a space and anything but a capital (a question
# would end there), before a mark that goes on a phrase; or at a word's start. Quotes and
# dashes (U+2000-U+2FFF, lead byte E2) and CJK marks (E3) are no letters. At a line's end, a "?"
# may stand for a lost letter only where the text holds a word with a letter outside ASCII
# that fits: :data:`_AT_END` looks for those in such texts only.
_AFTER = rb"[A-Za-z\xc3-\xe1\xe4-\xf4]"
_QUESTIONS = (_LETTER + rb"\?{1,3}(?:" + _AFTER + rb"|[ ]+[^A-Z \t\r\n\xc2\xe2\xe3]|[.,;:])"
              rb"|(?:^|[ \t])\?{1,3}" + _AFTER)
_AT_END = _LETTER + rb"\?{1,3}$"


def _utf8(chars: frozenset[str]) -> bytes:
    return b"(?:" + b"|".join(sorted({b"".join(b"\\x%02x" % byte for byte in c.encode())
                                      for c in chars})) + b")"


def _misread(table: dict[str, int]) -> bytes:
    """The characters a code page gives the bytes of one UTF-8 character outside ASCII: a lead
    byte, then as many continuation bytes as it calls for."""
    def chars(low: int, high: int) -> bytes:
        return _utf8(frozenset(c for c, b in table.items() if low <= b <= high))
    follow = chars(0x80, 0xBF)
    return (chars(0xC2, 0xDF) + follow + b"|" + chars(0xE0, 0xEF) + follow + follow + b"|"
            + chars(0xF0, 0xF4) + follow + follow + follow)


# One UTF-8 character misread in one of the code pages (mojibake's bytes).
_PAIR = b"|".join(_misread(table) for table in TABLES)
# A lower-case ASCII letter, then a Latin capital outside ASCII (the mojibake rule checks that no
# lower-case ASCII letter follows: the match must not swallow a "?" after it).
_CAPITALS = frozenset(c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
                      if c.isupper())
_CAPITAL = rb"[a-z]" + _utf8(_CAPITALS)

#: The group of :data:`_SUSPECTS` each shape is found by.
SHAPE, QUESTION, PAIR, CAPITAL = 1, 2, 3, 4


def _options() -> Any:
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    return options


_SUSPECTS = re2.compile(b"(?m)(" + b")|(".join((_SHAPES, _QUESTIONS, _PAIR, _CAPITAL)) + b")",
                        _options())
_SUSPECTS_LATIN = re2.compile(
    b"(?m)(" + b")|(".join((_SHAPES, _QUESTIONS + b"|" + _AT_END, _PAIR, _CAPITAL)) + b")",
    _options())


def encode(text: str) -> bytes:
    """*text* as UTF-8; a lone surrogate (which no word holds) becomes U+FFFD, the same length
    in characters."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text).encode()


def latin_letters(text: str, data: bytes) -> int:
    """How many Latin letters outside ASCII *text* (encoded as *data*) holds, near enough: two
    signs of Latin-1 (× ÷) and the rest of U+1000-U+1FFF count too."""
    if len(data) == len(text):
        return 0
    return len(data.translate(None, _OTHERS))


# UTF-8 lead bytes of letters of other scripts: Greek to Arabic and Syriac (U+0380-U+07FF), the
# scripts of India (U+0800-U+0FFF) and of East Asia (U+3000-U+DFFF); and the ASCII letters.
_FOREIGN_LEADS = bytes(range(0xCE, 0xE1)) + bytes(range(0xE3, 0xEE))
_NOT_FOREIGN = bytes(b for b in range(256) if b not in _FOREIGN_LEADS)
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not chr(b).isalpha() or b > 0x7F)


def other_script(text: str, data: bytes) -> bool:
    """Whether *text* (encoded as *data*) is written mostly in a script other than Latin:
    more of its characters are letters of other scripts than its Latin letters (a text in
    Russian or Japanese that quotes a few English words and options)."""
    if len(data) == len(text):
        return False
    other = len(data.translate(None, _NOT_FOREIGN))
    return other > len(data.translate(None, _NOT_ASCII_LETTERS)) + latin_letters(text, data)


def latin_offsets(text: str, data: bytes) -> list[int]:
    """Where *text* (encoded as *data*) holds a Latin letter outside ASCII: for a text that
    holds few, found with one search of the bytes per lead byte."""
    found: list[int] = []
    for lead in _LEADS:
        at = data.find(lead)
        while at >= 0:
            found.append(at)
            at = data.find(lead, at + 1)
    found.sort()
    out = []
    byte = char = 0
    for at in found:  # lead bytes start characters: decode the bytes between to count them
        char += len(data[byte:at].decode("utf-8"))
        byte = at
        letter = text[char]
        if letter.isalpha() and (letter <= "\u024f" or "\u1e00" <= letter <= "\u1eff"):
            out.append(char)
    return out


_TAILS = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))


def spans(regex: Any, text: str, data: bytes) -> Iterator[tuple[int, int, int]]:
    """The spans, in characters of *text*, of the matches of the bytes pattern *regex* in
    *data* (*text* encoded), each with the number of the group that matched."""
    if len(data) == len(text):  # ASCII: bytes are characters
        for match in regex.finditer(data):
            yield (*match.span(), match.lastindex or 0)
        return
    tails: bytes | None = None  # each byte that continues a character as 1, others as 0
    byte = char = 0
    for match in regex.finditer(data):
        start, end = match.span()
        while start > byte and 0x80 <= data[start] < 0xC0:  # a match may start or end inside
            start -= 1  # a character: widen it to whole ones
        while end < len(data) and 0x80 <= data[end] < 0xC0:
            end += 1
        if end <= byte:
            continue  # inside the character the match before was widened to
        start = max(start, byte)
        if tails is None:
            tails = data.translate(_TAILS)
        char += start - byte - tails.count(1, byte, start)
        first = char
        char += end - start - tails.count(1, start, end)
        byte = end
        yield first, char, match.lastindex or 0


def literal_spans(text: str, data: bytes, literals: list[str]) -> Iterator[tuple[int, int]]:
    """The spans of *literals* in *text* (encoded as *data*), found in one pass."""
    if literals:
        regex = re2.compile(b"|".join(re2.escape(lit.encode()) for lit in literals), _options())
        for start, end, _ in spans(regex, text, data):
            yield start, end


def suspects(text: str, data: bytes, latin: bool) -> dict[int, list[tuple[int, int]]]:
    """The spans of each shape of :data:`_SUSPECTS` in *text* (encoded as *data*); a "?" at a
    line's end too if the text holds *latin* letters outside ASCII."""
    found: dict[int, list[tuple[int, int]]] = {SHAPE: [], QUESTION: [], PAIR: [], CAPITAL: []}
    for start, end, group in spans(_SUSPECTS_LATIN if latin else _SUSPECTS, text, data):
        found[group].append((start, end))
    return found
