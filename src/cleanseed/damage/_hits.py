"""What each rule of the finder reports, and what the rules share: the text, its languages, its
own intact words, and what the word lists know about them.

Everything but the text is worked out on first use: most texts hold no damage, and the rules
look no further than the few places a cheap scan points them to (:mod:`._scan`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from cleanseed.damage._scan import (
    DENSE,
    encode,
    latin_letters,
    latin_offsets,
    other_script,
    suspects,
)
from cleanseed.damage._words import HOLE, capital_i_keys, fold, keys_of
from cleanseed.damage.lexicon import Lexicon
from cleanseed.damage.vocabulary import Seen, Vocabulary, intact_in, intact_words, is_intact

#: The names of the vocabularies evidence comes from.
DOCUMENT = "document"
CORPUS = "corpus"

# A fragment this common (Zipf 3: once in a million words) in the text's languages is a word.
# Zipf 3 is also where wordfreq's small lists end, so "not a word" means "not in the list".
WORD_ZIPF = 3.0
# A single letter is a word of a language only if it is this common there (Polish "w", Spanish
# "y", Czech "v": 6.9 to 7.5); the lists hold every letter at Zipf 5 or so, as initials, grades,
# symbols and the elided "l'" and "d'".
LETTER_ZIPF = 6.0
# How much commoner (in Zipf units: 1.4 is 25 times), in its language, the word that fills a hole
# must be than the rarer fragment beside it read as a word of that language (a fragment that is
# none counts 0): "és" (Hungarian, 7.4) is, against "s" (6.0), its own abbreviation.
COMMONER = 1.4
# A key this long (two letters and the hole) is too short for the corpus to confirm.
_SHORT_KEY = 3
# A piece of two letters is a word of a language only if it is this common there; the lists hold
# fragments of damaged web text ("ck", "gr", "nde" at Zipf 4 or so).
SHORT_WORD = 5.0
# Another form of a word the text writes intact shares the letters before its hole (this many
# at least) and the first STEM after it.
STEM = 4
STEM_BEFORE = 3
# How often a text must write a word intact for its own usage to say that a word of its language
# beside a hole in it is that word damaged (:meth:`Context.repeated`).
REPEATED = 2


def _letter(char: str) -> bool:
    return char.isalpha() or "\u0300" <= char <= "\u036f"


class Hit(NamedTuple):
    """A damaged word ``[start, end)``; its damaged characters are ``[hole, hole_end)``.

    ``width`` is the most letters the hole can stand for (a "?" stands for one letter, two
    U+FFFD for one letter of two bytes or for two letters). ``letters``, when not empty, are
    the only letters the hole can stand for, with their capitals (mojibake, read back, says
    which).
    """

    kind: str
    start: int
    end: int
    hole: int
    hole_end: int
    confidence: float
    width: int = 1
    letters: tuple[str, ...] = ()


@dataclass(slots=True)
class Context:
    """A text, and the evidence the rules weigh its words against.

    ``languages`` are the text's languages as :meth:`Lexicon.guess` tells them, the only ones
    whose word lists speak for it; empty when the text does not say (code, a list of names, a
    language wordfreq lacks): then only words seen intact count as evidence.
    """

    text: str
    lexicon: Lexicon
    corpus: Vocabulary | None = None
    _own: Vocabulary | None = None
    _languages: tuple[str, ...] | None = None
    _data: bytes | None = None
    _latin: int | None = None
    _other: bool | None = None
    _own_words: frozenset[str] | None = None
    _marks: dict[int, list[tuple[int, int]]] | None = None
    _own_keys: frozenset[str] | None = None
    _own_sides: frozenset[str] | None = None
    _own_stems: frozenset[tuple[str, str]] | None = None
    _alone: dict[str, int] | None = None
    #: The share of the text's pieces of three letters or more that are words of its languages,
    #: once :func:`._pieces.fragments` has read them all.
    coverage: float | None = None

    @property
    def data(self) -> bytes:
        """The text in UTF-8, for RE2."""
        if self._data is None:
            self._data = encode(self.text)
        return self._data

    @property
    def marks(self) -> dict[int, list[tuple[int, int]]]:
        """Where the text has the shapes of damage (:func:`._scan.suspects`), by shape."""
        if self._marks is None:
            self._marks = suspects(self.text, self.data, self.latin > 0)
        return self._marks

    @property
    def latin(self) -> int:
        """How many Latin letters outside ASCII the text holds."""
        if self._latin is None:
            self._latin = latin_letters(self.text, self.data)
        return self._latin

    @property
    def dense(self) -> bool:
        """Whether the text is written in Latin letters outside ASCII (one in
        :data:`._scan.DENSE` characters or more)."""
        return self.latin * DENSE >= len(self.text) > 0

    @property
    def lettered(self) -> bool:
        """Whether one of the text's languages is written in letters outside ASCII (one in
        :data:`._scan.DENSE` letters of its running text or more), whether or not the text
        holds any of them."""
        return any(self.lexicon.foreign(language) * DENSE >= 1 for language in self.languages)

    @property
    def languages(self) -> tuple[str, ...]:
        """The text's languages, the likeliest first; none for a text written mostly in
        another script, whose Latin words the lists do not speak for."""
        if self._languages is None:
            self._languages = () if self.other_script else self.lexicon.guess(self.text)
        return self._languages

    @property
    def other_script(self) -> bool:
        """Whether the text is written mostly in a script other than Latin."""
        if self._other is None:
            self._other = other_script(self.text, self.data)
        return self._other

    @property
    def own(self) -> Vocabulary:
        """The text's own intact words with letters outside ASCII."""
        if self._own is None:
            self._own = Vocabulary()
            if self.dense:
                self._own.add(self.text)
            elif self.latin:
                self._own.add_words(self._words_at(latin_offsets(self.text, self.data)))
        return self._own

    @property
    def vocabularies(self) -> tuple[tuple[str, Vocabulary], ...]:
        """The text's own vocabulary, named "document", then the corpus's, if any."""
        if self.corpus is None:
            return ((DOCUMENT, self.own),)
        return ((DOCUMENT, self.own), (CORPUS, self.corpus))

    def _words_at(self, offsets: list[int]) -> list[str]:
        """The intact words around *offsets* of the text, each once, as :func:`intact_in`
        takes them: none beside a symbol outside ASCII."""
        words = []
        end = -1
        for at in offsets:
            if at < end:
                continue
            start = self.word_before(at)
            stop = self.word_after(at)
            begin = start[0] if start else at
            end = stop[1] if stop else at
            piece = self.text[max(begin - 1, 0):end + 1]
            if not all(c.isascii() or unicodedata.category(c)[0] != "S" for c in piece):
                continue
            word = self.text[begin:end]
            if is_intact(word):
                words.append(word)
        return words

    def word_before(self, offset: int) -> tuple[int, int] | None:
        """The word that ends at *offset*, or ``None``."""
        text, start = self.text, offset
        while start > 0 and _letter(text[start - 1]):
            start -= 1
        return (start, offset) if start < offset else None

    def word_after(self, offset: int) -> tuple[int, int] | None:
        """The word that starts at *offset*, or ``None``."""
        text, end = self.text, offset
        while end < len(text) and _letter(text[end]):
            end += 1
        return (offset, end) if end > offset else None

    def zipf(self, fragment: str) -> float:
        """How common *fragment* is as a word of the text's languages (0 if they are unknown)."""
        languages = self.languages
        return self.lexicon.zipf(fragment, languages) if languages else 0.0

    def is_word(self, fragment: str) -> bool:
        """Whether *fragment* stands on its own as a word of the text's languages (the text's
        own words would say yes to every fragment in it). With its languages unknown, no
        fragment is a word, and only a word seen intact can say it was damaged."""
        return self.zipf(fragment) >= (LETTER_ZIPF if len(fragment) == 1 else WORD_ZIPF)

    def hole_zipf(self, key: str) -> float:
        """How common the commonest word of the text's languages that fills *key* is."""
        languages = self.languages
        return self.lexicon.hole_zipf(key, languages) if languages else 0.0

    def margin(self, key: str, sides: tuple[str, ...]) -> float:
        """How much commoner, in Zipf units, the commonest word that fills the hole of *key* is
        than the rarer of *sides* read as words of the same language, in the language of the
        text's where the difference is largest; 0 if no word fills the hole.

        "zur ck": "zurück" (German, 5.6) against "ck", no German word: 5.6. A side is weighed
        in the language of the word, not in whichever list holds it (the lists hold fragments
        of damaged web text too), and one that is only noise in the lists counts nothing: a
        lone letter that is no word of the language (every letter is in the lists, as an
        initial or a symbol), or two letters that are no common word ("ck").
        """
        languages = self.languages
        if not languages:
            return 0.0
        holes = self.lexicon.holes(key, languages)
        if not holes:
            return 0.0
        weighed = [side for side in sides if not self._noise(side)]
        best = 0.0
        for language, (found, _) in holes.items():
            low = min((self.lexicon.zipfs(side, (language,)).get(language, 0.0)
                       for side in weighed), default=0.0) if len(weighed) == len(sides) else 0.0
            best = max(best, found - low)
        return best

    def _noise(self, side: str) -> bool:
        if len(side) == 1:
            return not self.is_word(side)
        return len(side) == 2 and self.zipf(side) < SHORT_WORD

    def key(self, hit: Hit) -> str:
        """The key of *hit*: its word with the damaged characters as the hole."""
        return fold(self.text[hit.start:hit.hole]) + HOLE + fold(self.text[hit.hole_end:hit.end])

    def seen(self, key: str) -> list[tuple[str, Seen]]:
        """Intact words that fill the hole of *key*, with the name of the vocabulary."""
        return [(name, s) for name, vocab in self.vocabularies for s in vocab.candidates(key)]

    @property
    def own_words(self) -> frozenset[str]:
        """The text's own intact words, as written, each once."""
        if self._own_words is None:
            if self.dense:
                self._own_words = frozenset(intact_words(self.text))
            elif self.latin:  # a few letters outside ASCII: only the words around them
                self._own_words = frozenset(
                    self._words_at(latin_offsets(self.text, self.data)))
            else:
                self._own_words = frozenset()
        return self._own_words

    @property
    def own_keys(self) -> frozenset[str]:
        """The keys of the text's own intact words: all :meth:`has_seen` needs of them."""
        if self._own_keys is None:
            known = self.lexicon.word_keys  # a corpus repeats its words: each is keyed once
            folded = {fold(word) for word in self.own_words}
            new = [word for word in folded if word not in known]
            if new:
                if len(known) + len(new) > self.lexicon.memo_size:
                    known.clear()
                known.update(zip(new, map(tuple, keys_of(new)), strict=True))
            self._own_keys = frozenset(
                [*(key for word in folded for key in known[word]),
                 *(key for word in self.own_words for key in capital_i_keys(word))])
        return self._own_keys

    def learn_own(self, pieces: Iterable[str]) -> None:
        """Take the intact words of *pieces* as the text's own: the whole text, cut already
        into its distinct pieces (:func:`._pieces.fragments`), holds them."""
        if self._own_words is None:
            known = self.lexicon.intact  # a corpus repeats its pieces: each is read once
            foreign = [piece for piece in pieces if not piece.isascii()]
            new = [piece for piece in foreign if piece not in known]
            if new:
                if len(known) + len(new) > self.lexicon.memo_size:
                    known.clear()
                for piece in new:
                    known[piece] = tuple(intact_in((piece,)))
            self._own_words = frozenset(word for piece in foreign for word in known[piece])

    @property
    def own_sides(self) -> frozenset[str]:
        """The letters before and after the holes of :attr:`own_keys`."""
        if self._own_sides is None:
            self._own_sides = frozenset(
                side for key in self.own_keys for side in key.split(HOLE) if side)
        return self._own_sides

    def stem_seen(self, key: str) -> bool:
        """Whether the text holds an intact word with the hole of *key* after the same letters
        and before the same first :data:`STEM` letters: another form of the same word
        ("fjal kalimin" in an Albanian text that says "fjalëkalimi", "Dom nenavnet" in a
        Danish one that says "domænenavn")."""
        if self._own_stems is None:
            self._own_stems = frozenset(
                (before, after[:STEM]) for before, after in
                (each.split(HOLE) for each in self.own_keys)
                if len(before) >= STEM_BEFORE and len(after) >= STEM)
        before, _, after = key.partition(HOLE)
        return len(after) >= STEM and (before, after[:STEM]) in self._own_stems

    def is_seen_side(self, fragment: str) -> bool:
        """Whether *fragment* (folded) stands beside the hole of an intact word of the text or
        the corpus."""
        return fragment in self.own_sides or (
            self.corpus is not None and self.corpus.is_side(fragment))

    def has_seen(self, key: str) -> bool:
        """Whether the text or the corpus holds an intact word that fills the hole of *key*.

        A word of three letters or fewer is seen in the text only: a corpus in many languages
        holds one for nearly every two letters ("s e": Sorbian "sće").
        """
        if key in self.own_keys:
            return True
        return self.corpus is not None and len(key) > _SHORT_KEY and self.corpus.has(key)

    def repeated(self, key: str, sides: tuple[str, ...]) -> bool:
        """Whether the text writes an intact word that fills the hole of *key* at least
        :data:`REPEATED` times, and each of *sides* as a word of its own nowhere but here: the
        text's own usage says the word was damaged, though each side is a word of its language
        too ("Syöt  oikea" in a Finnish text that says "Syötä" eight times, "castell" in a
        Catalan one full of "castellà")."""
        if key not in self.own_keys:
            return False
        if max(seen.count for seen in self.own.candidates(key)) < REPEATED:
            return False
        return all(self.written_alone(side) <= 1 for side in sides)

    def written_alone(self, word: str) -> int:
        """How often the text writes *word* as a word of its own, in any case."""
        if self._alone is None:
            self._alone = {}
        found = self._alone.get(word)
        if found is None:
            alone = re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", re.IGNORECASE)
            found = self._alone[word] = sum(1 for _ in alone.finditer(self.text))
        return found

    def known_hole(self, key: str) -> float:
        """How strongly an intact word fits *key*: 1 if seen in a vocabulary, else the Zipf
        value in the text's languages over 10 (0 if no word fits)."""
        return 1.0 if self.has_seen(key) else self.hole_zipf(key) / 10
