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

import math
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np

from cleanseed.damage._words import is_latin

__all__ = ["Letters", "build_letters"]

_Keys = np.ndarray[Any, np.dtype[np.uint64]]
_Counts = np.ndarray[Any, np.dtype[np.float64]]

_ASCII = 0x7F
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


def _bounds(logs: list[float], sizes: list[int], foreign: int) -> tuple[list[float], list[float]]:
    """For each split, from the log10 probabilities *logs* of its terms (its *sizes* terms as
    two words, then one for each of the *foreign* letters at the space), the bound of its odds
    (the first letter of the one word only) and the log10 probability of it as written apart."""
    out: list[float] = []
    apart: list[float] = []
    at = 0
    for size in sizes:
        apart.append(sum(logs[at:at + size]))
        firsts = logs[at + size:at + size + foreign]
        at += size + foreign
        out.append(_log_sum(firsts) - apart[-1])
    return out, apart


def _log_sum(logs: Sequence[float]) -> float:
    """log10 of the sum of the numbers whose log10 are *logs*."""
    best = max(logs)
    return best + math.log10(sum(10 ** (x - best) for x in logs))


def _codes(text: str) -> list[int]:
    return [min(ord(c), 0xFFFF) for c in text]


class Letters(NamedTuple):
    """Sorted keys of the runs of one to four letters inside a language's words (a word's start
    and end marked), with how many words hold each; and the language's letters outside ASCII.
    """

    keys: _Keys
    counts: _Counts
    total: float
    foreign: tuple[str, ...]

    def _probabilities(self, terms: list[tuple[tuple[int, ...], int]]) -> _Counts:
        """P(letter | context) for each ``(context codes, letter code)`` of *terms*; each
        context is of three codes, 0 where it reaches before a word's start mark."""
        contexts, letters = zip(*terms, strict=True)
        codes = np.asarray(contexts, dtype=np.uint64).reshape(len(terms), _BACK)
        letter = np.asarray(letters, dtype=np.uint64)
        shift = np.uint64(16)
        keys = [codes[:, _BACK - 1]]  # the context's last letter, its last two, its three
        for k in range(2, _BACK + 1):
            keys.append((codes[:, _BACK - k] << (shift * np.uint64(k - 1))) | keys[-1])
        wanted = []
        for k in range(_BACK, 0, -1):  # the longest context first, as _WEIGHTS weighs them
            known = codes[:, _BACK - k] != 0  # a context that reaches past the start: none
            wanted += [np.where(known, keys[k - 1], 0), np.where(known, (keys[k - 1] << shift)
                                                              | letter, 0)]
        wanted += [np.zeros_like(letter), letter]
        found = self._lookup(np.stack(wanted, axis=1).reshape(-1))
        counts = found.reshape(len(terms), _BACK + 1, 2)
        context_counts = counts[:, :, 0]
        context_counts[:, _BACK] = self.total
        seen = context_counts > 0
        weights = np.where(seen, np.asarray(_WEIGHTS), 0.0)
        weights /= weights.sum(axis=1, keepdims=True)
        ratios = np.divide(counts[:, :, 1], context_counts, out=np.zeros_like(context_counts),
                           where=seen)
        out: _Counts = np.maximum((weights * ratios).sum(axis=1), _FLOOR)
        return out

    def _lookup(self, wanted: _Keys) -> _Counts:
        if not len(self.keys):
            return np.zeros(len(wanted))
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, self.counts[at], 0.0)

    def odds(self, splits: Sequence[tuple[str, str]],
             at_least: float | Sequence[float] = -math.inf) -> list[float]:
        """For each ``(A, B)`` of *splits* (folded letters; either may be empty, at a word's
        edge), the log10 odds that ``A B`` is one word with a letter of :attr:`foreign` lost at
        the space, against two words (or, at an edge, one word as written).

        Odds below *at_least* (one for all splits, or one for each) may be given as a bound
        above them, all a caller that rejects them needs: the first letter of the one word is
        weighed for every split, the rest of it only where that bound reaches *at_least*.

        >>> letters = build_letters(["canción", "acción", "nación", "can", "ni", "son"] * 3)
        >>> [round(x) for x in letters.odds([("naci", "n"), ("can", "son")])]
        [3, -4]
        """
        if not splits or not self.foreign:
            return [0.0] * len(splits)
        foreign = [ord(x) for x in self.foreign]
        sides = [((0, 0, ord(_START), *_codes(left))[-_BACK:], [*_codes(right), ord(_END)],
                  bool(left), bool(right)) for left, right in splits]
        terms: list[tuple[tuple[int, ...], int]] = []
        sizes = []
        for head, tail, left, right in sides:
            written = self._apart(head, tail, left, right)
            terms += written
            terms += [(head, x) for x in foreign]
            sizes.append(len(written))
        logs: list[float] = np.log10(self._probabilities(terms)).tolist()
        out, apart = _bounds(logs, sizes, len(foreign))
        floors = [at_least] * len(out) if isinstance(at_least, (int, float)) else at_least
        pending = [i for i, (bound, floor) in enumerate(zip(out, floors, strict=True))
                   if bound >= floor]
        if pending:
            self._whole_words(sides, pending, foreign, apart, out)
        return out

    def _whole_words(self, sides: list[tuple[tuple[int, ...], list[int], bool, bool]],
                     pending: list[int], foreign: list[int], apart: list[float],
                     out: list[float]) -> None:
        """Put in *out* the odds of the splits *pending*, each reading as one word weighed
        whole."""
        terms: list[tuple[tuple[int, ...], int]] = []
        for i in pending:
            head, tail, _, _ = sides[i]
            for x in foreign:
                terms += self._joined(head, x, tail)
        logs: list[float] = np.log10(self._probabilities(terms)).tolist()
        at = 0
        for i in pending:
            size = min(_BACK, len(sides[i][1])) + 1
            joined = [sum(logs[at + k * size:at + (k + 1) * size]) for k in range(len(foreign))]
            at += size * len(foreign)
            out[i] = _log_sum(joined) - apart[i]

    @staticmethod
    def _apart(head: tuple[int, ...], tail: list[int], left: bool, right: bool
               ) -> list[tuple[tuple[int, ...], int]]:
        """The terms of the reading as written: ``A`` ends, ``B`` starts (an empty side: the
        text's own space or mark, which the model does not weigh)."""
        terms: list[tuple[tuple[int, ...], int]] = []
        if left and right:
            terms.append((head, ord(_END)))
        if right:
            context: list[int] = [0, 0, ord(_START)]
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
    raw = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    codes = np.minimum(raw.astype(np.uint64), 0xFFFF)
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
    outside = raw[raw > _ASCII]  # the letters outside ASCII, commonest first, ties as met
    found, first, times = np.unique(outside, return_index=True, return_counts=True)
    order = np.lexsort((first, -times.astype(np.int64)))
    foreign = tuple(chr(int(found[i])) for i in order
                    if times[i] >= _SHARE * len(outside) and is_latin(chr(int(found[i]))))
    return Letters(unique, counts.astype(np.float64), float(len(codes) - int(starts.sum())),
                   foreign)
