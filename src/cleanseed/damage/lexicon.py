"""How common a word is, in the languages written in Latin letters, from wordfreq's lists.

The finder asks two things of it: is this fragment a word of some language, and is there a
common word with a non-ASCII letter where this damaged word has a hole (:mod:`._words`)?
Both are answered from wordfreq's "small" lists (words used at least once a million), 27
languages at once, since a page does not say which language it is in. They are held as sorted
arrays of hashes with a Zipf value each: about 10 MB, not the 300 MB the words take as Python
strings. Loading takes a second or so of CPU, once per process, on the first call.

wordfreq's data is CC BY-SA 4.0 (its code Apache 2.0); cleanseed reads it from the installed
package and ships none of it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from cleanseed.damage._words import fold, is_latin, word_keys
from cleanseed.errors import ConfigError

__all__ = ["LANGUAGES", "Lexicon", "default_lexicon"]

#: wordfreq's languages written in Latin letters. Others are left out: a lost letter in
#: Cyrillic, Greek or CJK text comes as "?" or U+FFFD, which the finder sees without a list.
LANGUAGES = (
    "ca", "cs", "da", "de", "en", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt", "lv",
    "ms", "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi",
)

# Answers kept per lexicon; a corpus repeats its words, so most lookups hit. Cleared when full.
_CACHE_SIZE = 200_000

_Arrays = tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.uint8]]]


def _table(hashes: list[int], zipfs: list[int]) -> _Arrays:
    """Sorted unique hashes, each with the highest Zipf value (times ten) it was given."""
    h = np.fromiter(hashes, dtype=np.int64, count=len(hashes))
    z = np.fromiter(zipfs, dtype=np.uint8, count=len(zipfs))
    order = np.lexsort((z, h))
    h, z = h[order], z[order]
    last = np.ones(len(h), dtype=bool)
    last[:-1] = h[1:] != h[:-1]
    return h[last], z[last]


class Lexicon:
    """Zipf frequencies of words, and of the words a damaged word's hole may stand for.

    >>> lex = Lexicon.from_words([("källenius", 3.0), ("ola", 4.0)])
    >>> lex.zipf("Ola"), lex.zipf("llenius"), lex.hole_zipf("k\\0llenius")
    (4.0, 0.0, 3.0)
    """

    def __init__(self, words: _Arrays, keys: _Arrays, source: tuple[tuple[str, float], ...] | None
                 ) -> None:
        self._words = words
        self._keys = keys
        self._source = source
        self._word_cache: dict[str, float] = {}
        self._key_cache: dict[str, float] = {}

    @classmethod
    def from_words(cls, words: Iterable[tuple[str, float]]) -> Lexicon:
        """Build a lexicon from ``(word, zipf)`` pairs (a word given twice keeps its highest)."""
        pairs = tuple((w, float(z)) for w, z in words)
        return cls._from_groups((([w], z) for w, z in pairs), pairs)

    @classmethod
    def _from_groups(cls, groups: Iterable[tuple[list[str], float]],
                     source: tuple[tuple[str, float], ...] | None) -> Lexicon:
        hashes: list[int] = []
        zipfs: list[int] = []
        key_hashes: list[int] = []
        key_zipfs: list[int] = []
        for words, zipf in groups:
            tenth = round(zipf * 10)
            folded = [fold(w) for w in words]
            hashes.extend(map(hash, folded))
            zipfs.extend([tenth] * len(folded))
            for word in folded:
                if not word.isascii() and is_latin(word):
                    for key, _ in word_keys(word):
                        key_hashes.append(hash(key))
                        key_zipfs.append(tenth)
        return cls(_table(hashes, zipfs), _table(key_hashes, key_zipfs), source)

    @classmethod
    def from_wordfreq(cls, languages: Iterable[str] = LANGUAGES) -> Lexicon:
        """Build the lexicon of *languages* from wordfreq's small lists."""
        return cls._from_groups(_wordfreq_buckets(tuple(languages)), None)

    @staticmethod
    def _lookup(table: _Arrays, cache: dict[str, float], text: str) -> float:
        found = cache.get(text)
        if found is not None:
            return found
        hashes, zipfs = table
        h = hash(text)
        at = int(np.searchsorted(hashes, h))
        found = zipfs[at] / 10 if at < len(hashes) and hashes[at] == h else 0.0
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[text] = found
        return found

    def zipf(self, word: str) -> float:
        """The Zipf frequency of *word* in the language where it is most common; 0 if in none."""
        return self._lookup(self._words, self._word_cache, fold(word))

    def hole_zipf(self, key: str) -> float:
        """The Zipf frequency of the most common word with a non-ASCII letter where *key* has
        its hole (see :func:`cleanseed.damage._words.hole_key`); 0 if there is none."""
        return self._lookup(self._keys, self._key_cache, key)

    def __len__(self) -> int:
        return len(self._words[0])

    def __reduce__(self) -> tuple[Any, ...]:
        # hashes are of this process's str hash: another process builds its own
        if self._source is None:
            return (default_lexicon, ())
        return (Lexicon.from_words, (self._source,))


def _wordfreq_buckets(languages: tuple[str, ...]) -> Iterator[tuple[list[str], float]]:
    try:
        import wordfreq  # noqa: PLC0415 - a second of loading, paid only when damage is sought
    except ImportError as exc:  # pragma: no cover - wordfreq is a dependency
        msg = "finding lost letters needs the wordfreq package: pip install wordfreq"
        raise ConfigError(msg) from exc
    paths = wordfreq.available_languages("small")
    for lang in languages:
        if lang not in paths:
            msg = f"wordfreq has no small word list for language {lang!r}"
            raise ConfigError(msg)
        # index i of a cBpack holds the words of frequency -i centibels: Zipf 9 - i/100
        for index, bucket in enumerate(wordfreq.read_cBpack(paths[lang])):
            if bucket:
                yield bucket, 9 - index / 100


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon of :data:`LANGUAGES`, built once per process on first use."""
    return Lexicon.from_wordfreq()
