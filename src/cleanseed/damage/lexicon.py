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

from cleanseed.damage._words import is_latin, word_keys
from cleanseed.errors import ConfigError

__all__ = ["LANGUAGES", "Lexicon", "default_lexicon"]

#: wordfreq's languages written in Latin letters. Others are left out: a lost letter in
#: Cyrillic, Greek or CJK text comes as "?" or U+FFFD, which the finder sees without a list.
LANGUAGES = (
    "ca", "cs", "da", "de", "en", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt", "lv",
    "ms", "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi",
)

# How much rarer (in Zipf units) than the commonest reading of its fragments a word that fills
# a hole may be, and still count.
_LEEWAY = 1.5

# Answers kept per lexicon; a corpus repeats its words, so most lookups hit. Cleared when full.
_CACHE_SIZE = 200_000

_Arrays = tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.uint8]]]
# (hash, language, Zipf times ten) of every word of every language, sorted by hash
_Rows = tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.uint8]],
              np.ndarray[Any, np.dtype[np.uint8]]]


def _rows(hashes: list[int], langs: list[int], zipfs: list[int]) -> _Rows:
    h = np.fromiter(hashes, dtype=np.int64, count=len(hashes))
    order = np.argsort(h, kind="stable")
    return (h[order], np.asarray(langs, dtype=np.uint8)[order],
            np.asarray(zipfs, dtype=np.uint8)[order])


def _highest(rows: _Rows) -> _Arrays:
    """Each hash once, with the highest Zipf value any language gives it."""
    h, _, z = rows
    if not len(h):
        return h, z
    first = np.ones(len(h), dtype=bool)
    first[1:] = h[1:] != h[:-1]
    starts = np.flatnonzero(first)
    return h[starts], np.maximum.reduceat(z, starts)


class Lexicon:
    """Zipf frequencies of words, and of the words a damaged word's hole may stand for, in each
    language and in the language where each is commonest.

    >>> lex = Lexicon.from_words([("källenius", 3.0), ("ola", 4.0)])
    >>> lex.zipf("Ola"), lex.zipf("llenius"), lex.hole_zipf("k\\0llenius")
    (4.0, 0.0, 3.0)
    """

    def __init__(self, words: _Rows, keys: _Rows,
                 source: tuple[tuple[str, float], ...] | None) -> None:
        self._word_rows = words
        self._key_rows = keys
        self._words = _highest(words)
        self._keys = _highest(keys)
        self._source = source
        self._word_cache: dict[str, float] = {}
        self._key_cache: dict[str, float] = {}
        self._profiles: dict[str, dict[int, float]] = {}
        #: The finder's answers about pieces of text, kept with the lexicon they came from:
        #: pieces that may be fragments of a split word, and pieces that cannot.
        self.fragments: set[str] = set()
        self.settled: set[str] = set()
        self.memo_size = _CACHE_SIZE

    @classmethod
    def from_words(cls, words: Iterable[tuple[str, float]]) -> Lexicon:
        """Build a lexicon of one language from ``(word, zipf)`` pairs."""
        pairs = tuple((w, float(z)) for w, z in words)
        return cls._from_groups((([w], z, 0) for w, z in pairs), pairs)

    @classmethod
    def _from_groups(cls, groups: Iterable[tuple[list[str], float, int]],
                     source: tuple[tuple[str, float], ...] | None) -> Lexicon:
        hashes: list[int] = []
        langs: list[int] = []
        zipfs: list[int] = []
        key_hashes: list[int] = []
        key_langs: list[int] = []
        key_zipfs: list[int] = []
        for words, zipf, lang in groups:
            tenth = round(zipf * 10)
            folded = [w.casefold() for w in words]
            hashes.extend(map(hash, folded))
            langs.extend([lang] * len(folded))
            zipfs.extend([tenth] * len(folded))
            for word in folded:
                if not word.isascii() and is_latin(word):
                    for key, _ in word_keys(word):
                        key_hashes.append(hash(key))
                        key_langs.append(lang)
                        key_zipfs.append(tenth)
        return cls(_rows(hashes, langs, zipfs), _rows(key_hashes, key_langs, key_zipfs), source)

    @classmethod
    def from_wordfreq(cls, languages: Iterable[str] = LANGUAGES) -> Lexicon:
        """Build the lexicon of *languages* from wordfreq's small lists."""
        return cls._from_groups(_wordfreq_buckets(tuple(languages)), None)

    def _profile(self, rows: _Rows, text: str) -> dict[int, float]:
        cache_key = f"{id(rows)}:{text}"
        found = self._profiles.get(cache_key)
        if found is None:
            hashes, langs, zipfs = rows
            h = hash(text)
            lo, hi = np.searchsorted(hashes, [h, h + 1]) if h < 2**63 - 1 else (0, 0)
            found = {int(lang): z / 10 for lang, z in
                     zip(langs[lo:hi].tolist(), zipfs[lo:hi].tolist(), strict=True)}
            if len(self._profiles) >= _CACHE_SIZE:
                self._profiles.clear()
            self._profiles[cache_key] = found
        return found

    def commoner(self, key: str, fragments: Iterable[str]) -> float:
        """How much commoner, in Zipf units, a word that fills the hole of *key* is than the
        rarer of *fragments* read as words of the same language (0 where it is none), in the
        language where the difference is largest; 0 if no word fills the hole.

        "zur ck": "zurück" (German, 5.6) against "ck" (German, 3.4): 2.2. The word lists hold
        fragments of damaged web text too ("ck" is 4.2 in some language), so a fragment is
        weighed in the language of the word, not in whichever language it is commonest. But
        a language where the word is far rarer than a fragment is in its own language does not
        count: "mé" (3.5 in some list) does not make "me?" a damaged word, "me" being 6.5.
        """
        holes = self._profile(self._key_rows, key)
        if not holes:
            return 0.0
        sides = [self._profile(self._word_rows, f.casefold()) for f in fragments if f]
        floor = max((max(side.values(), default=0.0) for side in sides), default=0.0)
        return max((z - min((side.get(lang, 0.0) for side in sides), default=0.0)
                    for lang, z in holes.items() if z >= floor - _LEEWAY), default=0.0)

    @staticmethod
    def _fetch(table: _Arrays, cache: dict[str, float], texts: Iterable[str],
               folded: bool) -> None:
        """Look up every text of *texts* not in *cache* in one pass over *table*, and cache it:
        numpy's search costs microseconds a call, but little more for a whole document's."""
        missing = list({t for t in texts if t not in cache})
        if not missing:
            return
        if len(cache) + len(missing) > _CACHE_SIZE:
            cache.clear()
        hashes, zipfs = table
        wanted = np.fromiter((hash(t if folded else t.casefold()) for t in missing),
                             dtype=np.int64, count=len(missing))
        at = np.minimum(np.searchsorted(hashes, wanted), max(len(hashes) - 1, 0))
        if len(hashes):
            found = np.where(hashes[at] == wanted, zipfs[at], 0) / 10
        else:
            found = np.zeros(len(missing))
        cache.update(zip(missing, found.tolist(), strict=True))

    def prefetch(self, words: Iterable[str] = (), keys: Iterable[str] = ()) -> None:
        """Look up *words* (as :meth:`zipf` would) and *keys* (as :meth:`hole_zipf`) at once."""
        self._fetch(self._words, self._word_cache, words, folded=False)
        self._fetch(self._keys, self._key_cache, keys, folded=True)

    def zipf(self, word: str) -> float:
        """The Zipf frequency of *word* in the language where it is most common; 0 if in none."""
        found = self._word_cache.get(word)
        if found is None:
            self._fetch(self._words, self._word_cache, (word,), folded=False)
            found = self._word_cache[word]
        return found

    def hole_zipf(self, key: str) -> float:
        """The Zipf frequency of the most common word with a non-ASCII letter where *key* has
        its hole (see :func:`cleanseed.damage._words.hole_key`); 0 if there is none."""
        found = self._key_cache.get(key)
        if found is None:
            self._fetch(self._keys, self._key_cache, (key,), folded=True)
            found = self._key_cache[key]
        return found

    def __len__(self) -> int:
        return len(self._words[0])

    def __reduce__(self) -> tuple[Any, ...]:
        # hashes are of this process's str hash: another process builds its own
        if self._source is None:
            return (default_lexicon, ())
        return (Lexicon.from_words, (self._source,))


def _wordfreq_buckets(languages: tuple[str, ...]) -> Iterator[tuple[list[str], float, int]]:
    try:
        import wordfreq  # importing it costs a tenth of a second: paid when damage is sought
    except ImportError as exc:  # pragma: no cover - wordfreq is a dependency
        msg = "finding lost letters needs the wordfreq package: pip install wordfreq"
        raise ConfigError(msg) from exc
    paths = wordfreq.available_languages("small")
    for number, lang in enumerate(languages):
        if lang not in paths:
            msg = f"wordfreq has no small word list for language {lang!r}"
            raise ConfigError(msg)
        # index i of a cBpack holds the words of frequency -i centibels: Zipf 9 - i/100
        for index, bucket in enumerate(wordfreq.read_cBpack(paths[lang])):
            if bucket:
                yield bucket, 9 - index / 100, number


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon of :data:`LANGUAGES`, built once per process on first use."""
    return Lexicon.from_wordfreq()
