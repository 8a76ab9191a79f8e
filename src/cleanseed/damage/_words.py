"""Words, and the keys that match a damaged word to the intact words it may have been.

A character lost on the way to us was, nearly always, one that the converter could not write:
a letter outside ASCII. So an intact word is indexed under one key per run of its non-ASCII
letters, that run replaced by a hole: "Källenius" under ``k\\0llenius``, "Größe" under
``gr\\0ße``, ``grö\\0e`` and ``gr\\0e``. A damaged word gives the same key with its damaged
characters as the hole, whatever stood in for them (a space, "?", U+FFFD or mojibake).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

#: What stands for the lost characters in a key.
HOLE = "\0"

#: The longest run of lost letters a key stands for ("Gr??e" for "Größe": two).
MAX_RUN = 3

# A word: letters, with the combining marks of decomposed text.
WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")

# Latin letters, ASCII or not, with Latin Extended-A/B and Extended Additional (Vietnamese).
LATIN_NON_ASCII = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f"
LATIN_WORD = re.compile(f"[a-zA-Z{LATIN_NON_ASCII}]+")
NON_ASCII_RUN = re.compile(f"[{LATIN_NON_ASCII}]+")

# A capital I with a dot above lowers to "i" and a combining dot: wordfreq folds it to "i".
_DOTTED_I = "i\u0307"


def fold(word: str) -> str:
    """Lower-case *word* as the word lists do."""
    low = word.lower()
    return low.replace(_DOTTED_I, "i") if _DOTTED_I in low else low


def capital_i_keys(word: str) -> list[str]:
    """The keys of *word* (as written) with one of its dotted capitals "İ" as the hole: it folds
    to an ASCII "i", so that :func:`keys_of` never holes it ("?spancası" for "İspancası").

    >>> capital_i_keys("İspancası")
    ['\\x00spancası']
    """
    if "\u0130" not in word:
        return []
    low = fold(word)
    if len(low) != len(word):
        return []
    return [low[:at] + HOLE + low[at + 1:] for at, char in enumerate(word) if char == "\u0130"]


def is_latin(word: str) -> bool:
    """Whether *word* is written in Latin letters only."""
    return LATIN_WORD.fullmatch(word) is not None


def hole_key(prefix: str, suffix: str) -> str:
    """The key of a word whose letters between *prefix* and *suffix* are lost."""
    return fold(prefix) + HOLE + fold(suffix)


def word_keys(word: str) -> Iterator[tuple[str, str]]:
    """Yield ``(key, middle)`` for each run of at most :data:`MAX_RUN` non-ASCII letters.

    *word* must be folded already. Every contiguous part of a longer run counts too, since
    any of its letters may be the one that was lost.

    >>> sorted(word_keys("größe"))
    [('gr\\x00e', 'öß'), ('gr\\x00ße', 'ö'), ('grö\\x00e', 'ß')]
    """
    for run in NON_ASCII_RUN.finditer(word):
        for i in range(run.start(), run.end()):
            for j in range(i + 1, min(run.end(), i + MAX_RUN) + 1):
                yield word[:i] + HOLE + word[j:], word[i:j]


# A character no word holds, to join a list of words into one string and split it back.
_JOIN = "\x01"


def keys_of(words: Sequence[str]) -> list[list[str]]:
    """The keys of each of *words* (folded), as :func:`word_keys` gives them; none for a word
    with a letter outside the Latin alphabet or a mark, nor the one that is all hole. The keys
    of the words with one letter outside ASCII, nearly all, come from one substitution over the
    joined list.

    >>> keys_of(["für", "größe", "naïve", "šī"])
    [['f\\x00r'], ['gr\\x00ße', 'gr\\x00e', 'grö\\x00e'], ['na\\x00ve'], ['\\x00ī', 'š\\x00']]
    """
    if not words:
        return []
    subbed = NON_ASCII_RUN.sub(HOLE, _JOIN.join(words)).split(_JOIN)
    if len(subbed) != len(words):  # a word held the joining character: one at a time
        subbed = [NON_ASCII_RUN.sub(HOLE, word) for word in words]
    out: list[list[str]] = []
    for word, key in zip(words, subbed, strict=True):
        if key and not key.strip(HOLE):  # letters outside ASCII only ("šī"): a hole in each
            out.append([each for each, _ in word_keys(word) if each != HOLE])
        elif not key.isascii() or not key.replace(HOLE, "").isalpha():
            out.append([])
        elif len(key) == len(word):  # each letter outside ASCII stands alone: "příliš" has
            out.append(_single_keys(word, key))  # a run of two, and takes the slow way
        else:
            out.append([each for each, _ in word_keys(word)])
    return out


def _single_keys(word: str, key: str) -> list[str]:
    """The keys of *word*, whose letters outside ASCII are each a run of one, at the holes of
    *key* (*word* with each of them as a hole): as :func:`word_keys` gives them, in order."""
    at = key.find(HOLE)
    if at < 0:
        return []  # all ASCII: no letter of it can have been lost
    if key.find(HOLE, at + 1) < 0:
        return [key]
    out = []
    while at >= 0:
        out.append(word[:at] + HOLE + word[at + 1:])
        at = key.find(HOLE, at + 1)
    return out
