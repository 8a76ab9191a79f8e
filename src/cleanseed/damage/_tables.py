"""One language's word list as sorted arrays of hashes: its words, and the keys of its words
with letters outside ASCII (:func:`cleanseed.damage._words.word_keys`).

A list of 50,000 words takes well under a megabyte this way, where the words as Python strings
would take ten, and a whole document's words are looked up in one pass of numpy. The build does
its per-word work in C where it can: hashing, and the keys of the words with one letter outside
ASCII (nearly all of them), made with one regular-expression substitution over the joined list
(:func:`cleanseed.damage._words.keys_of`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np

from cleanseed.damage._words import HOLE, LATIN_NON_ASCII, keys_of

__all__ = ["Table", "build", "holds", "lookup"]

_Ints = np.ndarray[Any, np.dtype[np.int64]]
_Bytes = np.ndarray[Any, np.dtype[np.uint8]]
# Each Latin letter outside ASCII (or combining mark), and a line that holds one of them, as the
# hole, among ASCII letters.
_LETTER = re.compile(f"[{LATIN_NON_ASCII}]")
# The letters before a key's hole, and after it.
_BEFORE = re.compile(f"^[^{HOLE}\n]+", re.MULTILINE)
_AFTER = re.compile(f"[^{HOLE}\n]+$", re.MULTILINE)
_ONE_HOLE = re.compile(f"^(?:[a-z]+{HOLE}[a-z]*|{HOLE}[a-z]+)$", re.MULTILINE)


class Table(NamedTuple):
    """Sorted word hashes with their Zipf values (times ten); sorted key hashes with the Zipf
    values of the commonest and the second commonest word of each key (0 if none); and the
    sorted hashes of the sides of the keys (the letters before and after each hole), which
    alone may be fragments of a word split at its hole."""

    words: _Ints
    word_zipf: _Bytes
    keys: _Ints
    key_zipf: _Bytes
    key_rival: _Bytes
    sides: _Ints


def _ranked(hashes: _Ints, zipfs: _Bytes) -> tuple[_Ints, _Bytes, _Bytes]:
    """Each hash once, sorted, with its highest value and its second highest (0 if none)."""
    if not len(hashes):
        return hashes, zipfs, zipfs
    order = np.lexsort((-zipfs.astype(np.int16), hashes))
    hashes, zipfs = hashes[order], zipfs[order]
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = hashes[1:] != hashes[:-1]
    starts = np.flatnonzero(first)
    after = starts + 1
    has_second = after < len(hashes)
    has_second[has_second] = ~first[after[has_second]]
    second = np.zeros(len(starts), dtype=np.uint8)
    second[has_second] = zipfs[after[has_second]]
    return hashes[starts], zipfs[starts], second


def _group_keys(words: list[str]) -> list[str]:
    """The keys of *words*: those with one letter outside ASCII from two passes of C over the
    joined list (each such letter marked as the hole, then the lines with one hole and ASCII
    letters otherwise), the rest one by one."""
    foreign = [word for word in words if not word.isascii()]
    if not foreign:
        return []
    marked = _LETTER.sub(HOLE, "\n".join(foreign))
    keys = _ONE_HOLE.findall(marked)
    for word, line in zip(foreign, marked.split("\n"), strict=True):
        if line.count(HOLE) > 1:
            keys += keys_of([word])[0]
    return keys


def build(groups: Iterable[tuple[list[str], float]]) -> Table:
    """A table from ``(words, zipf)`` groups, the words folded as wordfreq folds them."""
    words: list[str] = []
    counts: list[int] = []
    values: list[int] = []
    key_hashes: list[int] = []
    key_counts: list[int] = []
    sides: set[str] = set()
    for group, zipf in groups:
        words += group
        counts.append(len(group))
        values.append(round(zipf * 10))
        keys = _group_keys(group)
        key_hashes += map(hash, keys)
        key_counts.append(len(keys))
        if keys:
            joined = "\n".join(keys)
            sides.update(_BEFORE.findall(joined))
            sides.update(_AFTER.findall(joined))
    value_array = np.asarray(values, dtype=np.uint8)
    hashes = np.fromiter(map(hash, words), dtype=np.int64, count=len(words))
    word_hashes, word_zipf, _ = _ranked(hashes, np.repeat(value_array, counts))
    key_array, key_zipf, key_rival = _ranked(np.asarray(key_hashes, dtype=np.int64),
                                             np.repeat(value_array, key_counts))
    side_hashes = np.unique(np.fromiter(map(hash, sides), dtype=np.int64, count=len(sides)))
    return Table(word_hashes, word_zipf, key_array, key_zipf, key_rival, side_hashes)


def holds(hashes: _Ints, texts: Sequence[str]) -> list[bool]:
    """Whether each of *texts* (already folded) has its hash among *hashes*."""
    if not len(hashes) or not texts:
        return [False] * len(texts)
    wanted = np.fromiter(map(hash, texts), dtype=np.int64, count=len(texts))
    at = np.minimum(np.searchsorted(hashes, wanted), len(hashes) - 1)
    return list((hashes[at] == wanted).tolist())


def lookup(hashes: _Ints, columns: Sequence[_Bytes], texts: Sequence[str]
           ) -> list[list[float]]:
    """For each of *columns*, the Zipf value of each of *texts* (already folded) in it; 0 for a
    text the table does not hold."""
    if not len(hashes) or not texts:
        return [[0.0] * len(texts) for _ in columns]
    wanted = np.fromiter(map(hash, texts), dtype=np.int64, count=len(texts))
    at = np.minimum(np.searchsorted(hashes, wanted), len(hashes) - 1)
    hit = hashes[at] == wanted
    return [(np.where(hit, column[at], 0) / 10).tolist() for column in columns]
