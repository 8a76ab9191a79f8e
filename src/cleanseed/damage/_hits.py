"""What each rule of the finder reports, and what the rules share: the text's words and what is
known about them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from cleanseed.damage._words import HOLE, fold
from cleanseed.damage.lexicon import Lexicon
from cleanseed.damage.vocabulary import Seen, Vocabulary

#: The names of the vocabularies evidence comes from.
DOCUMENT = "document"
CORPUS = "corpus"

# A fragment this common (Zipf 3: once in a million words) in some language is a word. Zipf 3
# is also where wordfreq's small lists end, so "not a word" means "in no small list".
WORD_ZIPF = 3.0

# Single letters that are words of some language written in Latin letters ("a", Czech "k",
# "s", "v", "z", Polish "w", Spanish "y", Portuguese "é", ...). Other letters standing alone
# are initials, grades or symbols, never words of running text.
STANDALONE = frozenset("aeiouywzksvàáèéìíòóùúäöüåæøœ")


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
    """A text, its words, and the evidence the rules weigh them against.

    The text's own vocabulary is built only when a rule asks for it: most documents hold no
    damaged word, and never need it.
    """

    text: str
    lexicon: Lexicon
    corpus: Vocabulary | None = None
    _own: Vocabulary | None = None
    _folded: str | None = None
    _foreign: bool | None = None

    @property
    def vocabularies(self) -> tuple[tuple[str, Vocabulary], ...]:
        """The text's own vocabulary, named "document", then the corpus's, if any."""
        if self._own is None:
            self._own = Vocabulary()
            self._own.add(self.text)
        if self.corpus is None:
            return ((DOCUMENT, self._own),)
        return ((DOCUMENT, self._own), (CORPUS, self.corpus))

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

    def is_word(self, fragment: str) -> bool:
        """Whether *fragment* stands on its own as a word of some language (of the lexicon:
        the document's own words would say yes to every fragment in it)."""
        if len(fragment) == 1:
            return fragment.lower() in STANDALONE
        return self.lexicon.zipf(fragment) >= WORD_ZIPF

    def key(self, hit: Hit) -> str:
        """The key of *hit*: its word with the damaged characters as the hole."""
        return fold(self.text[hit.start:hit.hole]) + HOLE + fold(self.text[hit.hole_end:hit.end])

    def may_hold(self, key: str) -> bool:
        """Whether the text may hold an intact word for *key*: the longer side of its hole
        occurs in it beside a letter outside ASCII. Most damaged words fail this, and their
        text's vocabulary is never built."""
        if self._own is not None:
            return True
        if self._foreign is None:  # letters outside ASCII: without one, no intact word is here
            self._foreign = not self.text.isascii() and any(
                c.isalpha() for c in set(self.text) if not c.isascii())
        if not self._foreign:
            return False
        if self._folded is None:
            self._folded = fold(self.text)
        text = self._folded
        cut = key.index(HOLE)
        prefix, suffix = key[:cut], key[cut + 1:]
        side = suffix if len(suffix) >= len(prefix) else prefix
        if not side:
            return True
        at = text.find(side)
        while at >= 0:
            beside = at - 1 if side is suffix else at + len(side)
            if 0 <= beside < len(text) and not text[beside].isascii() and text[beside].isalpha():
                return True
            at = text.find(side, at + 1)
        return False

    def seen(self, key: str) -> list[tuple[str, Seen]]:
        """Intact words that fill the hole of *key*, with the name of the vocabulary."""
        vocabularies = self.vocabularies if self.may_hold(key) else (
            ((CORPUS, self.corpus),) if self.corpus is not None else ())
        return [(name, s) for name, vocab in vocabularies for s in vocab.candidates(key)]

    def known_hole(self, key: str) -> float:
        """How strongly an intact word fits *key*: 1 if seen in a vocabulary, else the lexicon's
        Zipf value over 10 (0 if no word fits)."""
        if (self.corpus is not None and self.corpus.has(key)) or (
                self.may_hold(key) and self.vocabularies[0][1].has(key)):
            return 1.0
        return self.lexicon.hole_zipf(key) / 10
