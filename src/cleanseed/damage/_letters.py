"""How a language spells its words: the odds that a space stands for a lost letter, read from
the letters around it.

A word list knows the words it holds; a split word whose whole is a rarer word, a compound or
an inflected form ("tabulaci n" for Spanish "tabulación", "Piilokentt " for Finnish
"Piilokenttä") is in no list, but its letters still say where a word ends and where one
starts. A model of letters (:class:`Letters`: how often each letter follows the three before
it inside a word, counted over the language's word list, each word once) weighs the two
readings of a space between two fragments ``A`` and ``B``:

- two words: ``A`` ends where the space is, and ``B`` starts after it;
- one word: ``A``, one of the language's letters outside ASCII, then ``B``.

Only the letters next to the space differ between the two readings (the model looks back three
letters), so each reading costs a few lookups, made for all the spaces of a text at once in one
search of sorted arrays (:meth:`Letters.odds`). "tabulaci n": no Spanish word ends in "aci",
and none is "n" alone, while "ción" ends thousands: the odds are a million to one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np

from cleanseed.damage._words import is_latin

__all__ = ["Letters", "build_letters"]

_Keys = np.ndarray[Any, np.dtype[np.uint64]]
_Counts = np.ndarray[Any, np.dtype[np.float64]]

# Marks of a word's start and end, in the model's strings: no letter is either.
_START, _END = "\x02", "\x03"
# Letters looked back at (the model is of order four).
_BACK = 3
# How much each length of context counts, the longest first (those never seen drop out, and the
# rest are scaled back to one).
_WEIGHTS = (0.75, 0.18, 0.05, 0.02)
# The least probability any letter gets: no reading is ruled out by a letter never seen there.
_FLOOR = 1e-6
# A letter outside ASCII is one of the language's if at least this share of the letters outside
# ASCII in its words are it (Spanish "á é í ó ú ñ ü", not the "ø" of a Danish name in its list).
_SHARE = 0.002


def _codes(text: str) -> list[int]:
    return [min(ord(c), 0xFFFF) for c in text]


def _key(codes: Sequence[int]) -> int:
    out = 0
    for code in codes:
        out = (out << 16) | code
    return out


class Letters(NamedTuple):
    """Sorted keys of the runs of one to four letters inside a language's words (a word's start
    and end marked), with how many words hold each; and the language's letters outside ASCII.
    """

    keys: _Keys
    counts: _Counts
    total: float
    foreign: tuple[str, ...]

    def _probabilities(self, terms: list[tuple[tuple[int, ...], int]]) -> _Counts:
        """P(letter | context) for each ``(context codes, letter code)`` of *terms*."""
        wanted: list[int] = []
        for context, letter in terms:
            for k in range(_BACK, 0, -1):
                part = context[len(context) - k:] if len(context) >= k else None
                if part is None:
                    wanted += (0, 0)
                else:
                    wanted += (_key(part), _key((*part, letter)))
            wanted += (0, letter)
        counts = self._lookup(np.asarray(wanted, dtype=np.uint64))
        counts = counts.reshape(len(terms), _BACK + 1, 2)
        contexts = counts[:, :, 0]
        contexts[:, _BACK] = self.total
        seen = contexts > 0
        weights = np.where(seen, np.asarray(_WEIGHTS), 0.0)
        weights /= weights.sum(axis=1, keepdims=True)
        ratios = np.divide(counts[:, :, 1], contexts, out=np.zeros_like(contexts), where=seen)
        out: _Counts = np.maximum((weights * ratios).sum(axis=1), _FLOOR)
        return out

    def _lookup(self, wanted: _Keys) -> _Counts:
        if not len(self.keys):
            return np.zeros(len(wanted))
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, self.counts[at], 0.0)

    def odds(self, splits: Sequence[tuple[str, str]]) -> list[float]:
        """For each ``(A, B)`` of *splits* (folded letters; either may be empty, at a word's
        edge), the log10 odds that ``A B`` is one word with a letter of :attr:`foreign` lost at
        the space, against two words (or, at an edge, one word as written).

        >>> letters = build_letters(["canción", "acción", "nación", "can", "ni", "son"] * 3)
        >>> [round(x) for x in letters.odds([("naci", "n"), ("can", "son")])]
        [3, -4]
        """
        if not splits or not self.foreign:
            return [0.0] * len(splits)
        foreign = [ord(x) for x in self.foreign]
        terms: list[tuple[tuple[int, ...], int]] = []
        shapes: list[tuple[int, int]] = []
        for left, right in splits:
            head = (ord(_START), *_codes(left))[-_BACK:]
            tail = [*_codes(right), ord(_END)]
            written = self._apart(head, tail, bool(left), bool(right))
            terms += written
            per_letter = 0
            for x in foreign:
                one_word = self._joined(head, x, tail)
                terms += one_word
                per_letter = len(one_word)
            shapes.append((len(written), per_letter))
        logs: list[float] = np.log10(self._probabilities(terms)).tolist()
        out = []
        at = 0
        for apart_n, per_letter in shapes:
            apart = sum(logs[at:at + apart_n])
            at += apart_n
            joined = [sum(logs[at + i * per_letter:at + (i + 1) * per_letter])
                      for i in range(len(foreign))]
            at += per_letter * len(foreign)
            best = max(joined)
            total = best + float(np.log10(sum(10 ** (j - best) for j in joined)))
            out.append(total - apart)
        return out

    @staticmethod
    def _apart(head: tuple[int, ...], tail: list[int], left: bool, right: bool
               ) -> list[tuple[tuple[int, ...], int]]:
        """The terms of the reading as written: ``A`` ends, ``B`` starts (an empty side: the
        text's own space or mark, which the model does not weigh)."""
        terms: list[tuple[tuple[int, ...], int]] = []
        if left and right:
            terms.append((head, ord(_END)))
        if right:
            context: list[int] = [ord(_START)]
            for letter in tail[:_BACK]:
                terms.append((tuple(context[-_BACK:]), letter))
                context.append(letter)
        elif left:
            terms.append((head, ord(_END)))
        return terms

    @staticmethod
    def _joined(head: tuple[int, ...], x: int, tail: list[int]
                ) -> list[tuple[tuple[int, ...], int]]:
        """The terms of the reading with *x* lost between the two sides."""
        terms = [(head, x)]
        context = [*head, x]
        for letter in tail[:_BACK]:
            terms.append((tuple(context[-_BACK:]), letter))
            context.append(letter)
        return terms


def build_letters(words: Iterable[str]) -> Letters:
    """The model of letters of *words* (folded; each counts once)."""
    words = [w for w in words if w.isalpha()]
    if not words:
        empty = np.zeros(0, dtype=np.uint64)
        return Letters(empty, np.zeros(0), 0.0, ())
    joined = "".join(_START + w + _END for w in words)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    codes = np.minimum(codes, 0xFFFF)
    starts, ends = codes == ord(_START), codes == ord(_END)
    keys: list[_Keys] = []
    for n in range(1, _BACK + 2):
        size = len(codes) - n + 1
        key = np.zeros(size, dtype=np.uint64)
        valid = np.ones(size, dtype=bool)
        for j in range(n):
            key = (key << np.uint64(16)) | codes[j:j + size]
            if j < n - 1:
                valid &= ~ends[j:j + size]  # no n-gram runs past a word's end
            if j > 0:
                valid &= ~starts[j:j + size]  # ... or into the next word's start
        keys.append(key[valid])
    unique, counts = np.unique(np.concatenate(keys), return_counts=True)
    letters = Counter(c for w in words for c in w if not c.isascii())
    total = sum(letters.values())
    foreign = tuple(c for c, n in letters.most_common()
                    if n >= _SHARE * total and is_latin(c))
    return Letters(unique, counts.astype(np.float64), float(len(codes) - int(starts.sum())),
                   foreign)
