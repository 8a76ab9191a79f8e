"""The language of a page's text, for the stop words its lines are read with: the stop-word
lists, and a guess from which list the words of its longest lines hit most.

Stop words come from the stopwords-iso lists (the ``stopwordsiso`` package, MIT), 58 languages.
Text mostly in Han or kana is Chinese or Japanese, told apart by the share of kana; the patterns
of those scripts, and of a letter of any script, are here for the line shapes
(:mod:`~cleanseed.boilerplate.lines`) too.

    >>> guess_language(["Le chat et le chien sont dans le jardin."])
    'fr'
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

__all__ = [
    "CJK",
    "GUESS_CHARS",
    "GUESS_LINES",
    "LETTER",
    "guess_language",
    "language_of",
    "language_sample",
    "stop_words",
]

#: A character of a script written without spaces: Han, hiragana, katakana.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A kana: Japanese, where Han alone may be Chinese.
_KANA = re.compile(r"[\u3040-\u30ff]")
#: A letter of any script.
LETTER = re.compile(r"[^\W\d_]")


@cache
def stop_words(lang: str) -> frozenset[str]:
    """The stop words of *lang* (an ISO 639-1 code), lower-cased; empty if it has none.

    >>> "the" in stop_words("en") and "und" in stop_words("de")
    True
    """
    import stopwordsiso

    words = frozenset(w.lower() for w in stopwordsiso.stopwords(lang))
    if lang in ("zh", "ja"):  # written without spaces: single characters are what count
        words = frozenset(w for w in words if len(w) == 1 and w.isalpha())
    return words


#: The languages that vote, in a fixed order; each has VOTE_BITS bits of a packed tally (16:
#: the tally is read back as an array of unsigned shorts).
VOTE_BITS = 16


@cache
def _stop_index() -> tuple[tuple[str, ...], dict[str, int]]:
    """The spaced languages that have stop words, and each stop word's votes, packed in one
    integer: 1 in the VOTE_BITS bits of each language that lists it. The votes of a text are
    then the sum of its words' integers (no language gets 2**VOTE_BITS votes from a sample)."""
    import stopwordsiso

    langs = tuple(lang for lang in sorted(stopwordsiso.langs()) if lang not in ("zh", "ja"))
    index: dict[str, int] = {}
    for k, lang in enumerate(langs):
        for word in stop_words(lang):
            index[word] = index.get(word, 0) | 1 << (VOTE_BITS * k)
    return langs, index


#: The words of at most this many of the longest lines, and of at most GUESS_CHARS characters
#: of them, vote on the language: enough to tell the language of a page, few enough that a
#: page of any size costs the same.
GUESS_LINES = 12
GUESS_CHARS = 1000


def guess_language(lines: Sequence[str]) -> str:
    """Guess the language of *lines* from which stop-word list the words of the longest of them
    hit most ("en" when nothing hits); text mostly in Han or kana is "zh" or "ja". Menus say
    little about the language; the longest lines of a page are its prose.

    >>> guess_language(["Der Hund und die Katze sind im Garten."])
    'de'
    """
    return language_of(language_sample(lines))


def language_sample(lines: Iterable[str]) -> str:
    """The text :func:`guess_language` reads: the longest of *lines*, the longest first."""
    return " ".join(sorted(lines, key=len, reverse=True)[:GUESS_LINES])[:GUESS_CHARS]


@lru_cache(maxsize=256)  # a page's text judged again after the repeats step reads the same
def language_of(sample: str) -> str:
    """The language of *sample* (see :func:`guess_language`)."""
    if not sample.isascii() and CJK.search(sample):
        cjk = len(CJK.findall(sample))
        if cjk * 2 >= len(LETTER.findall(sample)) - cjk:
            return "ja" if len(_KANA.findall(sample)) * 5 >= cjk else "zh"
    return _vote(sample.lower().split())


def _vote(words: Iterable[str]) -> str:
    langs, index = _stop_index()
    # (only the words that vote are added: adding a large integer, even 0, costs a copy of it)
    packed = sum(filter(None, map(index.get, words)))
    if not packed:
        return "en"
    tally = array("H", packed.to_bytes(2 * len(langs), "little"))
    if sys.byteorder == "big":
        tally.byteswap()
    votes = tally.tolist()
    best = max(votes)
    return "en" if votes[langs.index("en")] == best else langs[votes.index(best)]

