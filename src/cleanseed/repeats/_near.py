"""The near-repeat search of the repeats step: which paragraph of a page near-repeats which.

A paragraph near-repeats an earlier one when the Jaccard similarity of their shingle sets (of
characters for short paragraphs, of words for long ones) is at least the threshold, checked
exactly on every candidate pair. Candidates come from word sets on pages of few paragraphs, and
from the bands of datasketch-compatible MinHash signatures on longer ones; when numbers must
match, only paragraphs with the same numbers are ever compared. Each paragraph is checked
against at most ``_MAX_CHECKS`` earlier ones, so a page of hundreds of look-alike lines costs
linear time.
"""

from __future__ import annotations

import numpy as np

from cleanseed.repeats import _keys
from cleanseed.repeats._config import RepeatsConfig

__all__: list[str] = []

# Characters of keys hashed at a time for their MinHash signatures.
_HASH_CHARS = 1 << 20
# A paragraph is checked against at most this many earlier paragraphs that may be near.
_MAX_CHECKS = 32
# Up to this many distinct long paragraphs, candidate pairs are found by comparing word sets,
# which costs less than building MinHash signatures for a few paragraphs.
_PAIRWISE_MAX = 24  # at most _MAX_CHECKS: the pairwise search checks every pair it finds
# A pair is a candidate when its word-set Jaccard similarity is at least threshold minus this:
# on edited paragraphs, near pairs never fell more than 0.33 below the threshold, except ...
_WORD_SLACK = 0.45
# ... lines of few long words, where one edit changes a large share of the words: a line with
# this many words or fewer is compared with every other.
_FEW_WORDS = 8


class _Verifier:
    """The exact test of a candidate pair; shingle sets and numbers are found once per key,
    when needed, in *sets* and *numbers*, and each pair is tested once, in *pairs*: the passes
    over a document share them."""

    def __init__(self, keys: list[str], config: RepeatsConfig,
                 sets: dict[tuple[str, str], set[str]],
                 pairs: dict[tuple[str, str], bool] | None = None,
                 numbers: dict[str, tuple[str, ...]] | None = None) -> None:
        self.keys = keys
        self.config = config
        self.sets = sets
        self.pairs = {} if pairs is None else pairs
        self.numbers = {} if numbers is None else numbers

    def digits(self, key: str) -> tuple[str, ...]:
        found = self.numbers.get(key)
        if found is None:
            found = self.numbers[key] = _keys.numbers(key)
        return found

    def shingles(self, key: str, mode: _keys.Mode) -> set[str]:
        found = self.sets.get((key, mode))
        if found is None:
            size = self.config.char_shingle if mode == "char" else self.config.word_shingle
            found = self.sets[key, mode] = _keys.shingle_set(key, mode, size)
        return found

    def __call__(self, j: int, i: int) -> bool:
        config = self.config
        a, b = self.keys[j], self.keys[i]
        if config.numbers_must_match and self.digits(a) != self.digits(b):
            return False
        cut = config.word_shingle_min_chars / config.threshold
        mode: _keys.Mode = "char" if max(len(a), len(b)) < cut else "word"
        found = self.pairs.get((a, b))
        if found is None:
            found = self.pairs[a, b] = _keys.jaccard(
                self.shingles(a, mode), self.shingles(b, mode)) >= config.threshold
        return found


class _Near:
    """Which paragraph near-repeats which, for the passes over one document.

    Each key (in document order) is checked against at most ``_MAX_CHECKS`` earlier keys that
    stay and may be near it, the earliest first: this bounds the work on pages made of hundreds
    of look-alike lines, and only keys that stay are counted, so a second run finds the same.
    """

    def __init__(self, config: RepeatsConfig) -> None:
        self.config = config
        self.sets: dict[tuple[str, str], set[str]] = {}
        self.pairs: dict[tuple[str, str], bool] = {}
        self.numbers: dict[str, tuple[str, ...]] = {}
        self.words: dict[str, frozenset[str]] = {}  # for the word-set test of _pairwise
        self.last: tuple[tuple[str, ...], dict[int, int]] = ((), {})
        # Keys that share a MinHash band, as found on the first pass: a later pass looks at
        # fewer keys, and sharing a band depends on the two keys alone.
        self.banded: tuple[frozenset[str], list[tuple[str, ...]]] = (frozenset(), [])

    def sources(self, keys: list[str]) -> dict[int, int]:
        """Map the index of each key that near-repeats an earlier one to that earlier one's."""
        if len(keys) < 2:
            return {}
        if tuple(keys) != self.last[0]:
            verify = _Verifier(keys, self.config, self.sets, self.pairs, self.numbers)
            pick = self._pairwise if len(keys) <= _PAIRWISE_MAX else self._banded
            self.last = (tuple(keys), pick(keys, verify))
        return self.last[1]

    def _pairwise(self, keys: list[str], verify: _Verifier) -> dict[int, int]:
        """Candidates are pairs whose word sets are alike: no signatures, for short pages.

        Fewer keys than ``_MAX_CHECKS`` come here, so each key is checked against every
        earlier key that stays and the cheap tests may go in any order. When numbers must
        match, keys are compared only within a group of the same numbers, and a key alone in
        its group costs no word set at all.
        """
        if self.config.numbers_must_match:
            labels: list[tuple[str, ...]] = [verify.digits(key) for key in keys]
        else:
            labels = [()] * len(keys)
        cache = self.words

        def words(i: int) -> tuple[frozenset[str], int]:
            found = cache.get(keys[i])
            if found is None:
                found = cache[keys[i]] = frozenset(_keys.words(keys[i]))
            return found, len(found)

        low = max(self.config.threshold - _WORD_SLACK, 0.0)
        kept: dict[tuple[str, ...], list[int]] = {}
        near: dict[int, int] = {}
        for i, label in enumerate(labels):
            earlier = kept.setdefault(label, [])
            if earlier:
                mine, size = words(i)
            for j in earlier:
                theirs, other = words(j)
                if min(size, other) > _FEW_WORDS:
                    if size < low * other or other < low * size:
                        continue  # the Jaccard similarity is at most the ratio of the sizes
                    common = len(mine & theirs)
                    if common < low * (size + other - common):
                        continue
                if verify(j, i):
                    near[i] = j
                    break
            else:
                earlier.append(i)
        return near

    def _banded(self, keys: list[str], verify: _Verifier) -> dict[int, int]:
        """Candidates are pairs whose MinHash signatures share a band (and, when numbers must
        match, that have the same numbers: the checks a key is allowed are not spent on pairs
        that cannot match, and a page of look-alike lines that differ by their numbers costs
        no checks at all)."""
        if not self.banded[0].issuperset(keys):
            found: list[tuple[str, ...]] = []
            must_match = self.config.numbers_must_match
            for bucket in _buckets(keys, self.config):
                alike: dict[tuple[str, ...], list[str]] = {}
                for i in bucket:
                    label = verify.digits(keys[i]) if must_match else ()
                    alike.setdefault(label, []).append(keys[i])
                found.extend(tuple(group) for group in alike.values() if len(group) > 1)
            self.banded = (frozenset(keys), found)
        at = {key: i for i, key in enumerate(keys)}
        buckets = [members for bucket in self.banded[1]
                   if len(members := [at[key] for key in bucket if key in at]) > 1]
        member_of: dict[int, list[int]] = {}
        for b, members in enumerate(buckets):
            for i in members:
                member_of.setdefault(i, []).append(b)
        kept: list[list[int]] = [[] for _ in buckets]
        near: dict[int, int] = {}
        for i in sorted(member_of):
            earlier = sorted({j for b in member_of[i] for j in kept[b][:_MAX_CHECKS]})
            match = next((j for j in earlier[:_MAX_CHECKS] if verify(j, i)), None)
            if match is not None:
                near[i] = match
                continue
            for b in member_of[i]:
                kept[b].append(i)
        return near


def _buckets(keys: list[str], config: RepeatsConfig) -> list[tuple[int, ...]]:
    """Groups of *keys* (indices, ascending) whose MinHash signatures share a band."""
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=len(keys))
    # Near pairs have lengths within a factor of threshold, so every such pair is in one group:
    # both under limit / threshold (character shingles) or both at least limit (word shingles).
    limit = config.word_shingle_min_chars
    ways: list[tuple[_keys.Mode, int, np.ndarray]] = [
        ("char", config.char_shingle, lengths < limit / config.threshold),
        ("word", config.word_shingle, lengths >= limit)]
    plan = [way for way in ways if way[2].sum() >= 2]
    if not plan:
        return []  # nothing to compare: skip the MinHash work entirely
    hasher = config._minhasher
    # Keys are hashed a run of about _HASH_CHARS characters at a time, so the arrays stay small
    # on a page of many lines; a signature row belongs to column ``entry * len(keys) + key``.
    sigs, owners = [], []
    ends = np.cumsum(lengths)
    head = 0
    while head < len(keys):
        done = int(ends[head - 1]) if head else 0
        stop = max(int(np.searchsorted(ends, done + _HASH_CHARS, side="right")), head + 1)
        part = [(mode, size, select[head:stop]) for mode, size, select in plan]
        hashes, counts = _keys.shingle_hashes(keys[head:stop], part)
        columns = np.flatnonzero(counts)
        if len(columns):
            sigs.append(_keys.signatures(hashes, counts, hasher.perms))
            entry, key = np.divmod(columns, stop - head)
            owners.append(entry * len(keys) + key + head)
        head = stop
    if sum(len(o) for o in owners) < 2:
        return []
    owner = np.concatenate(owners).tolist()
    out: list[tuple[int, ...]] = []
    for rows in _keys.band_buckets(np.concatenate(sigs), hasher.rows):
        # A column is one key shingled one way; a bucket only counts within one way.
        by_plan: dict[int, list[int]] = {}
        for row in rows:
            entry, key = divmod(owner[row], len(keys))
            by_plan.setdefault(entry, []).append(key)
        out.extend(tuple(members) for members in by_plan.values() if len(members) > 1)
    return out
