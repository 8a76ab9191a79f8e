"""How common a word is in each language written in Latin letters, from wordfreq's lists, and
which languages a text is written in.

The finder asks three things of it: which languages a document is in (:meth:`Lexicon.guess`,
from its commonest words), whether a fragment is a word of those languages, and whether a common
word with a letter outside ASCII fits where a damaged word has its hole (:mod:`._words`). Each
language's list is read from wordfreq's "small" lists (words used at least once a million) the
first time a document in that language needs it, and kept as sorted arrays of hashes with a Zipf
value each: well under 1 MB a language, a few hundredths of a second to build. A run over
English text reads the English list and the commonest words of the others, nothing more.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from cleanseed.damage import _wordlists
from cleanseed.damage._letters import Letters, build_letters
from cleanseed.damage._tables import Table, build, holds, lookup
from cleanseed.errors import ConfigError

__all__ = ["LANGUAGES", "Lexicon", "default_lexicon"]

#: wordfreq's languages written in Latin letters. Others are left out: a lost letter in
#: Cyrillic, Greek or CJK text comes as "?" or U+FFFD, which the finder sees without a list.
LANGUAGES = (
    "ca", "cs", "da", "de", "en", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt", "lv",
    "ms", "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi",
)

# A language's words this common (once in 100,000 words) tell which language a text is in; each
# counts by how much commoner than _FLOOR it is.
_COMMON = 5.0
_FLOOR = 4.0
# A language is one of the text's when its common words are at least this share of the best
# language's; at most this many are kept (Czech and Slovak, Danish and Norwegian go together).
_NEAR_BEST = 0.75
_MOST = 4
# A word counts for a language only if it is at most this much rarer (in Zipf units) there
# than in the language where it is commonest.
_QUOTED = 1.5
# A lower score than this (two words once in 100,000, one once in 10,000), and the text does not
# say its language.
_MIN_SCORE = 2.0
# Characters read for the guess, at most: a text's commonest words are its function words, and
# its first 150 words or so show them.
_GUESS_CHARS = 1_000
# A best score this high says the language clearly (five of its commonest words, or so); below
# it the guess reads on, a thousand characters at a time, up to _GUESS_MOST (a catalogue that
# starts with a list of language names says its own only in its sentences).
_CLEAR = 5.0
_GUESS_MOST = 4_000

# Answers kept per language; a corpus repeats its words, so most lookups hit. Cleared when full.
_CACHE_SIZE = 200_000
# The languages whose words are written with "ß", which the lists write as "ss".
_SHARP_S = frozenset(("de",))


class Lexicon:
    """Zipf frequencies of words, and of the words a damaged word's hole may stand for, in each
    of its languages.

    Every method that takes *languages* answers for those (``None``: all of the lexicon's),
    reading each one's list the first time it is asked about.

    >>> lex = Lexicon.from_words([("källenius", 3.0), ("ola", 4.0)])
    >>> lex.zipf("Ola"), lex.zipf("llenius"), lex.hole_zipf("k\\0llenius")
    (4.0, 0.0, 3.0)
    """

    def __init__(self, languages: Sequence[str] = LANGUAGES, *,
                 words: tuple[tuple[str, float], ...] | None = None) -> None:
        self.languages = tuple(languages)
        if not self.languages or len(set(self.languages)) != len(self.languages):
            msg = f"a lexicon needs distinct languages, got {self.languages!r}"
            raise ConfigError(msg)
        if words is not None and len(self.languages) != 1:
            msg = "a lexicon built from words has one language"
            raise ConfigError(msg)
        self._words = words
        self._tables: dict[str, Table] = {}
        self._letters: dict[str, Letters] = {}
        self._common: tuple[dict[str, int], np.ndarray[Any, np.dtype[np.float32]]] | None = None
        self._foreign: dict[str, float] = {}
        self._word_cache: dict[str, dict[str, float]] = {}
        self._key_cache: dict[str, dict[str, tuple[float, float]]] = {}
        #: The finder's answers about pieces of text, per set of languages, kept with the
        #: lexicon they came from: pieces that may be fragments of a split word, and the rest.
        self.memo: dict[tuple[str, ...], Any] = {}
        self.memo_size = _CACHE_SIZE
        #: The intact words of each piece of text (cut at white space) seen so far.
        self.intact: dict[str, tuple[str, ...]] = {}
        #: The keys of each intact word (folded) seen so far (:func:`._words.keys_of`).
        self.word_keys: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_words(cls, words: Iterable[tuple[str, float]], language: str = "und") -> Lexicon:
        """Build a lexicon of one language from ``(word, zipf)`` pairs."""
        return cls((language,), words=tuple((w, float(z)) for w, z in words))

    # --- the lists -------------------------------------------------------------------------

    def loaded(self) -> tuple[str, ...]:
        """The languages whose lists were read so far."""
        return tuple(self._tables)

    def table(self, language: str) -> Table:
        """*language*'s words and hole keys, read on first use."""
        found = self._tables.get(language)
        if found is None:
            self._check(language)
            if self._words is not None:
                groups: Iterable[tuple[list[str], float]] = (
                    ([w.casefold()], z) for w, z in self._words)
            else:
                groups = ((b, _wordlists.zipf_of(i))
                          for i, b in enumerate(_wordlists.buckets(language)) if b)
                if language in _SHARP_S:
                    groups = ((_with_sharp_s(b), z) for b, z in groups)
            found = self._tables[language] = build(groups)
            self._word_cache[language] = {}
            self._key_cache[language] = {}
        return found

    def _check(self, language: str) -> None:
        if language not in self.languages:
            msg = f"language {language!r} is not one of the lexicon's {self.languages}"
            raise ConfigError(msg)

    def letters(self, language: str) -> Letters:
        """How *language* spells its words (:mod:`._letters`), built on first use."""
        found = self._letters.get(language)
        if found is None:
            self._check(language)
            if self._words is not None:
                words: Iterable[str] = (w.casefold() for w, _ in self._words)
            else:
                words = (w for bucket in _wordlists.buckets(language) for w in bucket)
            found = self._letters[language] = build_letters(words)
        return found

    def _langs(self, languages: Sequence[str] | None) -> Sequence[str]:
        return self.languages if languages is None else languages

    # --- words ------------------------------------------------------------------------------

    def prefetch(self, words: Iterable[str] = (), keys: Iterable[str] = (),
                 languages: Sequence[str] | None = None) -> None:
        """Look up *words* and *keys* at once in each of *languages*: numpy's search costs
        microseconds a call, but little more for a whole document's."""
        words, keys = list(words), list(keys)
        for language in self._langs(languages):
            table = self.table(language)
            cache = self._word_cache[language]
            missing = list({w for w in words if w not in cache})
            if missing:
                if len(cache) + len(missing) > _CACHE_SIZE:
                    cache.clear()
                found = lookup(table.words, (table.word_zipf,), [w.casefold() for w in missing])
                cache.update(zip(missing, found[0], strict=True))
            kcache = self._key_cache[language]
            kmissing = list({k for k in keys if k not in kcache})
            if kmissing:
                if len(kcache) + len(kmissing) > _CACHE_SIZE:
                    kcache.clear()
                best, rival = lookup(table.keys, (table.key_zipf, table.key_rival), kmissing)
                kcache.update(zip(kmissing, zip(best, rival, strict=True), strict=True))

    def zipfs(self, word: str, languages: Sequence[str] | None = None) -> dict[str, float]:
        """The Zipf frequency of *word* in each of *languages* where it is a word."""
        out = {}
        for language in self._langs(languages):
            cache = self._word_cache.get(language)
            found = cache.get(word) if cache is not None else None
            if found is None:
                self.prefetch(words=(word,), languages=(language,))
                found = self._word_cache[language][word]
            if found:
                out[language] = found
        return out

    def zipf(self, word: str, languages: Sequence[str] | None = None) -> float:
        """The Zipf frequency of *word* in the language of *languages* where it is commonest;
        0 if it is a word of none."""
        return max(self.zipfs(word, languages).values(), default=0.0)

    # --- holes ------------------------------------------------------------------------------

    def holes(self, key: str, languages: Sequence[str] | None = None
              ) -> dict[str, tuple[float, float]]:
        """For each of *languages* where a word with a letter outside ASCII fills the hole of
        *key* (see :func:`cleanseed.damage._words.hole_key`): the Zipf frequency of the
        commonest such word, and of the second commonest (0 if there is one)."""
        out = {}
        for language in self._langs(languages):
            cache = self._key_cache.get(language)
            found = cache.get(key) if cache is not None else None
            if found is None:
                self.prefetch(keys=(key,), languages=(language,))
                found = self._key_cache[language][key]
            if found[0]:
                out[language] = found
        return out

    def sides(self, fragments: Iterable[str], languages: Sequence[str] | None = None
              ) -> set[str]:
        """Those of *fragments* (folded) that stand beside a hole in some word of *languages*
        with a letter outside ASCII: "llenius" does in Swedish's "källenius", if it had it;
        most rare words stand beside none, and cannot be one side of a split word."""
        fragments = list(fragments)
        found: set[str] = set()
        for language in self._langs(languages):
            table = self.table(language)
            found.update(f for f, held in zip(fragments, holds(table.sides, fragments),
                                              strict=True) if held)
        return found

    def hole_zipf(self, key: str, languages: Sequence[str] | None = None) -> float:
        """The Zipf frequency of the commonest word with a non-ASCII letter where *key* has its
        hole, in any of *languages*; 0 if there is none."""
        return max((best for best, _ in self.holes(key, languages).values()), default=0.0)

    def rival(self, key: str, word: str, languages: Sequence[str] | None = None) -> float:
        """How common the commonest word other than *word* that fills the hole of *key* is, in
        any of *languages* (0 if none): a repair to *word* is in doubt when a rival is about as
        common ("nh?ng": "những" and "nhưng" are both among Vietnamese's commonest words)."""
        out = 0.0
        for language, (best, second) in self.holes(key, languages).items():
            own = self.zipfs(word, (language,)).get(language, 0.0)
            out = max(out, second if own >= best else best)
        return out

    # --- languages --------------------------------------------------------------------------

    def _common_index(self) -> tuple[dict[str, int], np.ndarray[Any, np.dtype[np.float32]]]:
        """Each common word of any language, with its row of a matrix that holds, per language
        (by index), how much commoner than :data:`_FLOOR` it is there (0 where it is not one of
        that language's common words)."""
        if self._common is None:
            index: dict[str, list[tuple[int, float]]] = {}
            for number, language in enumerate(self.languages):
                if self._words is not None:
                    common = {w.casefold(): z for w, z in self._words}
                else:
                    common = _wordlists.common_words(language, _COMMON)
                top = {w: z for w, z in common.items() if z >= _COMMON}
                for word, zipf in top.items():
                    index.setdefault(word, []).append((number, zipf - _FLOOR))
                self._foreign[language] = _foreign_share(top)
            rows = {word: row for row, word in enumerate(index)}
            matrix = np.zeros((len(rows), len(self.languages)), dtype=np.float32)
            for word, entries in index.items():
                # a word counts only for the languages where it is about as common as where it
                # is commonest: web text quotes English everywhere, and its "the" is no Danish
                top_weight = max(weight for _, weight in entries)
                for number, weight in entries:
                    if weight >= top_weight - _QUOTED:
                        matrix[rows[word], number] = weight
            self._common = (rows, matrix)
        return self._common

    def guess(self, text: str) -> tuple[str, ...]:
        """The languages *text* is written in, the likeliest first; empty if it does not say.

        Each word of the text that is among a language's commonest counts for that language by
        how common it is there: "the" is common in every list (web text quotes English), but
        far commoner in English's than in Danish's.

        >>> Lexicon(("da", "de", "en")).guess("Der Hund ist in den Garten gelaufen, und er bellt.")
        ('de',)
        """
        if len(self.languages) == 1:
            return self.languages
        rows, matrix = self._common_index()
        get = rows.get
        found: list[int] = []
        scores: list[float] = []
        best = 0.0
        for read in range(0, min(len(text), _GUESS_MOST), _GUESS_CHARS):
            if best >= _CLEAR:
                break  # a list of names or terms says little: read on until the words speak
            chunk = text[read:read + _GUESS_CHARS].lower().split()
            found += [row for row in map(get, chunk) if row is not None]
            if found:
                scores = matrix[found].sum(axis=0).tolist()
                best = max(scores)
        if best < _MIN_SCORE:
            return ()
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
        return tuple(self.languages[i] for i in ranked[:_MOST]
                     if scores[i] >= _NEAR_BEST * best)

    def foreign(self, language: str) -> float:
        """The share of letters outside ASCII in *language*'s running text (its common words,
        weighted by how common each is): 0 for English, 0.13 for Czech."""
        self._common_index()
        return self._foreign[language]

    def __reduce__(self) -> tuple[Any, ...]:
        # hashes are of this process's str hash: another process builds its own
        if self._words is None:
            return (Lexicon, (self.languages,))
        return (Lexicon.from_words, (self._words, self.languages[0]))


def _with_sharp_s(words: list[str]) -> list[str]:
    """*words* and, for each "ss" in one, the word with a "ß" there.

    The lists are casefolded, which writes "ß" as "ss" ("straße" is listed as "strasse"); a
    converter loses the "ß", never the two letters, so "Stra e" is found only by the word
    spelt with it. Where "ss" is right ("wasser"), the form made with "ß" is no word anyone
    writes, so no sound text holds it with a letter lost.

    >>> _with_sharp_s(["strasse", "haus", "schlosssee"])
    ['strasse', 'haus', 'schlosssee', 'straße', 'schloßsee', 'schlosßee']
    """
    out = list(words)
    for word in words:
        at = word.find("ss")
        while at >= 0:
            out.append(word[:at] + "ß" + word[at + 2:])
            at = word.find("ss", at + 1)
    return out


def _foreign_share(words: dict[str, float]) -> float:
    letters = sum(10 ** z * len(w) for w, z in words.items())
    foreign = sum(10 ** z * sum(not c.isascii() for c in w) for w, z in words.items())
    return foreign / letters if letters else 0.0


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon of :data:`LANGUAGES`, one per process; its lists are read as needed."""
    return Lexicon()
