"""What each rule of the finder reports, and what the rules share: the text's words and what is
known about them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from cleanseed.damage._words import HOLE, WORD, fold
from cleanseed.damage.lexicon import Lexicon
from cleanseed.damage.vocabulary import Seen, Vocabulary

# A fragment this common (Zipf 3: once in a million words) in some language is a word. Zipf 3
# is also where wordfreq's small lists end, so "not a word" means "in no small list".
WORD_ZIPF = 3.0

# Single letters that are words of some language written in Latin letters ("a", Czech "k",
# "s", "v", "z", Polish "w", Spanish "y", Portuguese "é", ...). Other letters standing alone
# are initials, grades or symbols, never words of running text.
STANDALONE = frozenset("aeiouywzksvàáèéìíòóùúäöüåæøœ")


class Hit(NamedTuple):
    """A damaged word ``[start, end)``; its damaged characters are ``[hole, hole_end)``.

    ``width`` is the most letters the hole can stand for (a "?" stands for one letter, two
    U+FFFD for one letter of two bytes or for two letters).
    """

    kind: str
    start: int
    end: int
    hole: int
    hole_end: int
    confidence: float
    width: int = 1


@dataclass(slots=True)
class Context:
    """A text, its words, and the evidence the rules weigh them against."""

    text: str
    lexicon: Lexicon
    vocabularies: tuple[tuple[str, Vocabulary], ...]
    words: list[tuple[int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.words = [m.span() for m in WORD.finditer(self.text)]
        self.starts = [s for s, _ in self.words]

    def word_at(self, offset: int) -> tuple[int, int] | None:
        """The word that ends at or holds *offset*, or starts at it."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.words[i][1] >= offset:
            return self.words[i]
        if i + 1 < len(self.words) and self.words[i + 1][0] == offset:
            return self.words[i + 1]
        return None

    def is_word(self, fragment: str) -> bool:
        """Whether *fragment* stands on its own as a word of some language."""
        if len(fragment) == 1:
            return fragment.lower() in STANDALONE
        return self.lexicon.zipf(fragment) >= WORD_ZIPF or any(
            fragment in vocab for _, vocab in self.vocabularies)

    def key(self, hit: Hit) -> str:
        """The key of *hit*: its word with the damaged characters as the hole."""
        return fold(self.text[hit.start:hit.hole]) + HOLE + fold(self.text[hit.hole_end:hit.end])

    def seen(self, key: str) -> list[tuple[str, Seen]]:
        """Intact words that fill the hole of *key*, with the name of the vocabulary."""
        return [(name, s) for name, vocab in self.vocabularies for s in vocab.candidates(key)]

    def known_hole(self, key: str) -> float:
        """How strongly an intact word fits *key*: 1 if seen in a vocabulary, else the lexicon's
        Zipf value over 10 (0 if no word fits)."""
        if any(vocab.candidates(key) for _, vocab in self.vocabularies):
            return 1.0
        return self.lexicon.hole_zipf(key) / 10
