"""Mojibake that the encoding step could not repair with confidence: "pi√π", "KĂ¤llenius".

ftfy repairs mojibake when its detector is sure; what it leaves is often plain to a reader:
a word whose letters were UTF-8 bytes read in a single-byte code page. Two signs are used:

- **bytes that read back**: a run of characters that a common code page maps to the bytes of
  one UTF-8 letter ("√π" in Mac Roman is C3 B9: "ù"), in a word that mixes scripts or has a
  symbol between its letters, and that reads as one script once decoded; or in a word that
  decoded, in any code page that reads it back, is a known word while as written it is none
  ("ÅŸeker" for "şeker"; "NĂĽ" is "Nü" in Windows-1250 and "Nå" in ISO 8859-2); or in a word
  in capitals no word has that decoded has a word's ("LĂśsenord" for "Lösenord"); or in a word
  whose odd characters the text holds nowhere else, and whose letter read back it writes
  intact elsewhere ("Pƒõtk" in a list that says "Pět");
- **a capital inside a word**: a lower-case letter before a capital letter outside ASCII that
  no lower-case ASCII letter follows ("piĂą", "hĂ i"). Irish "nÉireann" has one, and is kept:
  a lower-case letter follows its capital; so is "tÚSÁIDEOIR", a word in capitals after one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from cleanseed.damage._codepages import TABLES
from cleanseed.damage._hits import WORD_ZIPF, Context, Hit
from cleanseed.damage._scan import CAPITAL, PAIR

KIND = "mojibake"

_PUNCTUATION = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026")

_CAPITAL = 0.7
# A printf placeholder ending just before a letter: "%s", "%-5d", "%(name)s".
_PLACEHOLDER = re.compile(r"%(?:\([^()\s]{1,40}\))?[-+ #0-9.]*\Z")
_PLACEHOLDER_REACH = 50
_MISCASED = 0.8
_READS_BACK = 0.85
_READS_AS_WORD = 0.95
_ALPHABET = 0.8


def _plausible(char: str) -> bool:
    """A character that a misread UTF-8 sequence plausibly stood for."""
    code = ord(char)
    if char in _PUNCTUATION:
        return True
    return char.isalpha() and (0xC0 <= code <= 0x24F or 0x386 <= code <= 0x3CE
                               or 0x400 <= code <= 0x45F or 0x1E00 <= code <= 0x1EFF)


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x370 <= code <= 0x3FF or 0x1F00 <= code <= 0x1FFF:
        return "greek"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    return "other"


def _mixed(word: str) -> bool:
    """A word that mixes scripts, or holds a symbol outside ASCII (quotes and dashes at its
    edges aside)."""
    inner = word.strip("".join(_PUNCTUATION) + "\u00ab\u00bb")
    if any(not c.isalpha() and not c.isascii() for c in inner):
        return True
    return len({_script(c) for c in inner if c.isalpha()}) > 1


def _miscased(word: str, decoded: str) -> bool:
    """Whether *word* has capitals no word has (one outside ASCII after its first letter, and
    lower-case letters too: "LĂśsenord", "ĂĽhtki") and *decoded* those of a word ("Lösenord",
    "ühtki": each hole read in a code page that gives a lower-case letter, where one does). A
    word in capitals only ("ÎNVĂŞ") has a word's, and is left alone."""
    first = next((i for i, c in enumerate(word) if c.isalpha()), len(word))
    inner = any(c.isupper() and not c.isascii() for c in word[first + 1:])
    return inner and any(c.islower() for c in word) and decoded[first + 1:].islower()


def _read_back(text: str, at: int) -> tuple[int, str, frozenset[str]] | None:
    """``(length, character, every character)`` if the characters at *at* are one UTF-8
    letter misread: the first code page's reading, and every plausible one ("Ăś" is "ü" read
    in Windows-1250 and "ö" in ISO 8859-2)."""
    first: tuple[int, str] | None = None
    readings: set[str] = set()
    for table in TABLES:
        data = bytearray()
        for char in text[at:at + 4]:
            byte = table.get(char)
            if byte is None:
                break
            data.append(byte)
        if not data:
            continue
        size = 2 if data[0] < 0xE0 else 3 if data[0] < 0xF0 else 4
        if len(data) < size:
            continue
        try:
            char = bytes(data[:size]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _plausible(char):
            if first is None:
                first = (size, char)
            if size == first[0]:
                readings.add(char)
    return None if first is None else (first[0], first[1], frozenset(readings))


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and (text[start - 1].isalpha() or not text[start - 1].isascii()) \
            and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and (text[end].isalpha() or not text[end].isascii()) \
            and not text[end].isspace():
        end += 1
    return start, end


def mojibake_hits(ctx: Context) -> Iterator[Hit]:
    """Yield words holding mojibake of either sign."""
    text = ctx.text
    if text.isascii():
        return
    yield from _read_back_hits(ctx)
    for start, _ in ctx.marks[CAPITAL]:
        capital = start + 1
        if _PLACEHOLDER.search(text, max(0, start - _PLACEHOLDER_REACH), start):
            continue  # "%sČíslo": a placeholder's letter, glued to a word
        if capital + 1 < len(text) and "a" <= text[capital + 1] <= "z":
            continue  # "nÉireann": a lower-case letter follows, as in a word
        if text[capital + 1:capital + 3].isupper() and text[capital + 1:capital + 3].isalpha():
            continue  # "tÚSÁIDEOIR": a word in capitals after a lower-case prefix
        hole_end = capital + 1
        while hole_end < len(text) and not text[hole_end].isascii() \
                and not text[hole_end].isspace():
            hole_end += 1
        start, end = _word_around(text, capital, hole_end)
        width = (hole_end - capital) // 2  # a letter is two bytes or more: one capital
        # alone ("hĂ i") is damage, but no repair can say what it stood for
        yield Hit(KIND, start, end, capital, hole_end, _CAPITAL, width)


def _readings(pieces: list[str], at: list[int], holes: list[int],
              readings: list[frozenset[str]]) -> list[str]:
    """The word as each code page reads it back: one reading for each letter its one hole may
    be ("DĂŠ" is "DÊ" in Windows-1250 and "Dé" in ISO 8859-2), or the first page's reading
    of a word with several holes."""
    if len(readings) != 1:
        return ["".join(pieces)]
    k = at.index(holes[0])
    return ["".join((*pieces[:k], letter, *pieces[k + 1:])) for letter in sorted(readings[0])]


def _reads_as_word(ctx: Context, word: str, decoded: list[str]) -> bool:
    """Whether the word, read back in some code page, is a word of the text's languages while
    as written it is none."""
    return any(ctx.zipf(each) >= WORD_ZIPF for each in decoded) and ctx.zipf(word) < WORD_ZIPF


def _reads_into_alphabet(ctx: Context, cased: str, hole: str,
                         readings: list[frozenset[str]]) -> bool:
    """Whether the characters of the holes are foreign to the text and what they read back as
    is of its own alphabet: each written character stands nowhere in the text but in pairs that
    read back, and each hole's letter is written intact elsewhere in it ("Pƒõtk" in a Sorbian
    list that says "Pět"; "DĂŠ" in an Irish one full of "é"). A word that reads back in
    capitals only (*cased*: "ČŠ" reads back as "Ȋ") is left alone."""
    if cased.isupper() or not readings:
        return False
    text = ctx.text
    paired: Counter[str] = Counter()
    for first, last in ctx.marks[PAIR]:
        paired.update(text[first:last])
    if any(text.count(char) > paired[char] for char in set(hole) if not char.isascii()):
        return False
    return all(any(_written(text, letter) for letter in each) for each in readings)


def _written(text: str, letter: str) -> bool:
    return letter in text or letter.swapcase() in text


def _read_back_hits(ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    done = -1
    for first, last in ctx.marks[PAIR]:
        if first < done or _read_back(text, first) is None:
            continue
        start, end = _word_around(text, first, last)
        word = _read_word(text, start, end)
        done = end
        if not word.holes:
            continue
        confidence = _confidence(ctx, text[start:end], word)
        if confidence is None:
            continue
        pieces, _, holes, at, readings = word
        # the hole reads back as these letters: a repair must agree with one of them
        middle = "".join(p for p, i in zip(pieces, at, strict=True)
                         if holes[0] <= i < holes[-1])
        letters: tuple[str, ...] = (middle,)
        if len(readings) == 1:
            letters = tuple(sorted(readings[0]))
        yield Hit(KIND, start, end, holes[0], holes[-1], confidence, len(middle), letters)


class _Word(NamedTuple):
    """A word of the text read back, character by character where it holds no hole."""

    pieces: list[str]  # each character, or each hole's first reading
    cased: list[str]  # as pieces, with a lower-case reading of each hole if it has one
    holes: list[int]  # where each hole starts and ends in the text
    at: list[int]  # where each piece starts in the text
    readings: list[frozenset[str]]  # every plausible reading of each hole


def _read_word(text: str, start: int, end: int) -> _Word:
    """The word ``text[start:end]`` read back: each run of characters that reads back as one
    letter (a hole) is that letter."""
    word = _Word([], [], [], [], [])
    pieces, cased, holes, at, readings = word
    pos = start
    while pos < end:
        found = _read_back(text, pos) if not text[pos].isascii() else None
        if found is None:
            pieces.append(text[pos])
            cased.append(text[pos])
            at.append(pos)
            pos += 1
            continue
        holes += [pos, pos + found[0]]
        pieces.append(found[1])
        cased.append(min((c for c in found[2] if c.islower()), default=found[1]))
        at.append(pos)
        readings.append(found[2])
        pos += found[0]
    return word


def _confidence(ctx: Context, written: str, word: _Word) -> float | None:
    """How sure it is that the word *written*, read back as *word*, is mojibake: by the
    strongest sign it shows (see the module's docstring); None if it shows none, or if read
    back it still mixes scripts."""
    pieces, cased, holes, at, readings = word
    if _mixed("".join(pieces)):
        return None
    if _reads_as_word(ctx, written, _readings(pieces, at, holes, readings)):
        return _READS_AS_WORD
    if _mixed(written):
        return _READS_BACK
    if _miscased(written, "".join(cased)):
        return _MISCASED
    if _reads_into_alphabet(ctx, "".join(cased), ctx.text[holes[0]:holes[-1]], readings):
        return _ALPHABET
    return None
