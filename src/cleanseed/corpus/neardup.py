"""Near-duplicate documents across a corpus: banding, verified candidates, keep-first clusters.

The steps are pure functions over numpy arrays, so another engine (Ray, Spark) can run each
of them on its own workers and reach the same result as :func:`cleanseed.dedup_documents`:

1. :func:`cleanseed.corpus.minhash.shingle_hashes` then :func:`unique_sets`: each document's shingle
   set, sorted unique ``uint32``; :func:`set_digests`: a 64-bit digest of each set.
2. :func:`cleanseed.corpus.minhash.signatures_from_shingles`, then :func:`band_keys`.
3. :func:`exact_pairs`: documents whose sets are equal (digest, then element by element) are
   paired with the earliest of them, Jaccard 1.0; only that earliest one takes part in step 4.
4. :func:`candidate_pairs`: documents sharing a band key, and :func:`verify`: the exact
   Jaccard of each candidate pair's shingle sets. No estimate decides anything.
5. :func:`resolve`: union-find over the pairs with Jaccard >= threshold.

**The rule** (what :func:`resolve` and :func:`removal_targets` compute). Documents are
numbered in input order. Two documents are linked when their exact Jaccard is at least the
threshold; a cluster is a connected component of the links (transitive). The earliest document
of a cluster is kept; every other member is removed and points to that kept document, with the
exact Jaccard of *that* pair. A member linked to the kept document only through a chain (A~B,
B~C) can therefore report a Jaccard below the threshold. Two documents without any token have
Jaccard 1.0: all empty documents are one cluster. Results do not depend on batch sizes, since
every step is either per document or over all documents at once.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

import numpy as np

from cleanseed import _validate
from cleanseed.corpus.hashing import choose_banding, fmix64
from cleanseed.corpus.minhash import Shingles, _numba_kernels
from cleanseed.errors import ConfigError

__all__ = [
    "DedupConfig",
    "DedupResult",
    "Duplicate",
    "band_keys",
    "candidate_pairs",
    "choose_banding",
    "dedup_config",
    "exact_pairs",
    "removal_targets",
    "resolve",
    "set_digests",
    "unique_sets",
    "verify",
]

_U32, _U64 = np.uint32, np.uint64
# Elements of the shingle sets gathered at once by verify(): bounds its temporary memory.
_VERIFY_CHUNK = 1 << 22


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupConfig:
    """Parameters of near-duplicate detection; an index stores them and checks them on load."""

    #: Exact Jaccard of the shingle sets at or above which two documents are duplicates.
    threshold: float = 0.8
    #: MinHash size; 128 keeps the signature step fast and the banding recall above 99.8 %.
    num_perm: int = 128
    #: Seed of the permutations, as in ``datasketch.MinHash(seed=...)``.
    seed: int = 1
    #: Words per shingle: 5-grams tell reworded copies from documents on the same topic.
    ngram: int = 5
    #: Bands and rows of the LSH; 0 = chosen by :func:`choose_banding` for recall.
    bands: int = 0
    rows: int = 0
    #: In a bucket of documents sharing a band key, each is paired with the first one and with
    #: this many before it: enough for near-duplicates, without n**2 pairs in a flood of copies.
    window: int = 32

    def __post_init__(self) -> None:
        _validate.number("threshold", self.threshold, low=0.0, high=1.0, low_open=True)
        _validate.integer("num_perm", self.num_perm, low=1, high=1 << 16)
        _validate.integer("seed", self.seed, low=0, high=(1 << 32) - 1)
        _validate.integer("ngram", self.ngram, low=1, high=64)
        _validate.integer("window", self.window, low=1)
        _validate.integer("bands", self.bands, low=0)
        _validate.integer("rows", self.rows, low=0)
        if (self.bands == 0) != (self.rows == 0):
            msg = f"give both bands and rows, or neither; got {self.bands!r} and {self.rows!r}"
            raise ConfigError(msg)
        if self.bands * self.rows > self.num_perm:
            msg = f"bands * rows ({self.bands} * {self.rows}) exceeds num_perm {self.num_perm}"
            raise ConfigError(msg)

    def banding(self) -> tuple[int, int]:
        """Return ``(bands, rows)``: the configured ones, or those chosen for the threshold."""
        if self.bands:
            return self.bands, self.rows
        return choose_banding(self.threshold, self.num_perm)


def dedup_config(threshold: float | None, config: DedupConfig | None, where: str) -> DedupConfig:
    """The one way a dedup is given its parameters: ``threshold=`` alone (the other parameters
    at their defaults), or ``config=`` with every parameter; both at once is a ConfigError.

    >>> dedup_config(0.9, None, "dedup_documents").threshold
    0.9
    >>> dedup_config(None, None, "dedup_documents") == DedupConfig()
    True
    """
    if config is None:
        return DedupConfig() if threshold is None else DedupConfig(threshold=threshold)
    config = _validate.config(config, DedupConfig, config, where)
    if threshold is not None:
        msg = f"{where}: give the threshold either as threshold= or in config=, not both"
        raise ConfigError(msg)
    return config


def unique_sets(shingles: Shingles) -> Shingles:
    """Return each document's shingle hashes sorted and without repeats.

    >>> s = unique_sets(Shingles(np.array([0, 3, 3]), np.array([5, 1, 5], dtype=np.uint32)))
    >>> s.offsets.tolist(), s.hashes.tolist()
    ([0, 2, 2], [1, 5])
    """
    counts = np.diff(shingles.offsets)
    doc = np.repeat(np.arange(len(counts), dtype=_U64), counts)
    keys = np.sort((doc << _U64(32)) | shingles.hashes.astype(_U64))
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    keys = keys[first]
    per_doc = np.bincount((keys >> _U64(32)).astype(np.int64), minlength=len(counts))
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(per_doc, out=offsets[1:])
    return Shingles(offsets, (keys & _U64(0xFFFFFFFF)).astype(_U32))


def set_digests(sets: Shingles) -> np.ndarray:
    """Return a ``uint64`` digest of each set: equal sets, equal digests (a hint, not a proof)."""
    counts = np.diff(sets.offsets)
    mixed = fmix64(sets.hashes.astype(_U64) + _U64(0x9E3779B97F4A7C15))
    sums = np.zeros(len(counts), dtype=_U64)
    nonempty = np.flatnonzero(counts)
    if len(nonempty):
        sums[nonempty] = np.add.reduceat(mixed, sets.offsets[nonempty], dtype=_U64)
    return fmix64(sums ^ counts.astype(_U64))


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Return ``(n, bands)`` ``uint64`` keys: one hash of each band of ``rows`` signature values.

    >>> sig = np.arange(12, dtype=np.uint32).reshape(2, 6)
    >>> band_keys(sig, 3, 2).shape
    (2, 3)
    """
    n = signatures.shape[0]
    cols = signatures[:, : bands * rows].reshape(n, bands, rows).astype(_U64)
    keys = np.zeros((n, bands), dtype=_U64)
    for j in range(rows):
        keys += cols[:, :, j] * _U64((0x9E3779B97F4A7C15 * (2 * j + 1)) & ((1 << 64) - 1))
    return fmix64(keys)


def _bucket_pairs(key: np.ndarray, window: int) -> list[np.ndarray]:
    """Pairs of one band: in each bucket, every member with the first and the *window* before it."""
    order = np.argsort(key, kind="stable")
    ks = key[order]
    same = ks[1:] == ks[:-1]
    in_run = np.zeros(len(ks), dtype=bool)
    in_run[1:] |= same
    in_run[:-1] |= same
    idx = order[in_run]
    if len(idx) == 0:
        return []
    run = np.cumsum(np.concatenate([[True], ks[in_run][1:] != ks[in_run][:-1]]))
    out = []
    for d in range(1, window + 1):
        hit = run[d:] == run[:-d]
        if not hit.any():
            break
        out.append(np.stack([idx[:-d][hit], idx[d:][hit]], axis=1))
    starts = np.flatnonzero(np.concatenate([[True], run[1:] != run[:-1]]))
    first = np.repeat(starts, np.diff(np.append(starts, len(run))))
    far = np.arange(len(run)) - first > window
    out.append(np.stack([idx[first[far]], idx[far]], axis=1))
    return out


def candidate_pairs(keys: np.ndarray, *, window: int = 32) -> np.ndarray:
    """Return the ``(m, 2)`` int64 pairs ``i < j`` sharing a band key, sorted, without repeats.

    In a bucket (documents with the same key in one band, in input order), each document is
    paired with the bucket's first document and with the *window* documents before it.

    >>> keys = np.array([[1, 7], [2, 7], [1, 8]], dtype=np.uint64)
    >>> candidate_pairs(keys).tolist()
    [[0, 1], [0, 2]]
    """
    n = keys.shape[0]
    parts = [p for band in range(keys.shape[1]) for p in _bucket_pairs(keys[:, band], window)]
    if not parts:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(parts).astype(np.int64)
    lo, hi = pairs.min(axis=1), pairs.max(axis=1)
    code = np.unique(lo * n + hi)
    return np.stack([code // n, code % n], axis=1)


def _gather(sets: Shingles, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate the sets of *docs*; also return the position in *docs* of every element."""
    starts, ends = sets.offsets[docs], sets.offsets[docs + 1]
    counts = ends - starts
    owner = np.repeat(np.arange(len(docs)), counts)
    begin = np.cumsum(counts) - counts
    positions = np.arange(int(counts.sum())) - np.repeat(begin, counts) + np.repeat(starts, counts)
    return sets.hashes[positions], owner


def _ratio(inter: np.ndarray, union: np.ndarray) -> np.ndarray:
    out: np.ndarray = np.divide(inter, union, out=np.ones(len(inter)), where=union > 0)
    return out


def _verify_chunk(pairs: np.ndarray, sets: Shingles, fast: bool) -> np.ndarray:
    n = len(pairs)
    sizes = np.diff(sets.offsets)
    kernels = _numba_kernels() if fast else None
    if kernels is not None:
        counts = np.empty(n, dtype=np.int64)
        kernels.intersections(sets.offsets, sets.hashes, pairs, counts)
        inter = counts.astype(np.float64)
        union = sizes[pairs[:, 0]] + sizes[pairs[:, 1]] - inter
        return _ratio(inter, union)
    va, oa = _gather(sets, pairs[:, 0])
    vb, ob = _gather(sets, pairs[:, 1])
    tagged = np.sort(np.concatenate([(oa.astype(_U64) << _U64(32)) | va,
                                     (ob.astype(_U64) << _U64(32)) | vb]))
    common = tagged[1:][tagged[1:] == tagged[:-1]] >> _U64(32)
    inter = np.bincount(common.astype(np.int64), minlength=n).astype(np.float64)
    union = sizes[pairs[:, 0]] + sizes[pairs[:, 1]] - inter
    return _ratio(inter, union)


def verify(pairs: np.ndarray, sets: Shingles, *, fast: bool = True) -> np.ndarray:
    """Return the exact Jaccard of the sets of each pair (two empty sets: 1.0).

    *sets* must be sorted and unique per document (:func:`unique_sets`). ``fast=False`` skips
    the numba kernel (same result) even when numba is installed.

    >>> s = Shingles(np.array([0, 3, 6]), np.array([1, 2, 3, 2, 3, 4], dtype=np.uint32))
    >>> verify(np.array([[0, 1]]), s).tolist()
    [0.5]
    """
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    sizes = np.diff(sets.offsets)
    cost = np.cumsum(sizes[pairs[:, 0]] + sizes[pairs[:, 1]])
    out = np.empty(len(pairs))
    lo = 0
    while lo < len(pairs):
        base = cost[lo - 1] if lo else 0
        hi = max(lo + 1, int(np.searchsorted(cost, base + _VERIFY_CHUNK, side="right")))
        out[lo:hi] = _verify_chunk(pairs[lo:hi], sets, fast)
        lo = hi
    return out


def exact_pairs(digests: np.ndarray, sets: Shingles, *, start: int = 0) -> np.ndarray:
    """Return pairs ``(first, j)``: ``j >= start`` has the same set as ``first``, the earliest
    document with it. Equal digests are checked element by element."""
    if not len(digests):
        return np.zeros((0, 2), dtype=np.int64)
    order = np.argsort(digests, kind="stable")
    ds = digests[order]
    firsts = np.flatnonzero(np.concatenate([[True], ds[1:] != ds[:-1]]))
    head = np.repeat(order[firsts], np.diff(np.append(firsts, len(order))))
    pick = (head != order) & (order >= start)
    pairs = np.stack([head[pick], order[pick]], axis=1).astype(np.int64)
    if not len(pairs):
        return pairs
    sizes = np.diff(sets.offsets)
    same = sizes[pairs[:, 0]] == sizes[pairs[:, 1]]
    same[same] = verify(pairs[same], sets) == 1.0
    found: np.ndarray = pairs[same]
    return found


def _find(parent: np.ndarray, i: int) -> int:
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:  # path compression
        parent[i], i = root, parent[i]
    return root


def resolve(n: int, pairs: np.ndarray, *, roots: np.ndarray | None = None) -> np.ndarray:
    """Return the cluster root (its earliest document) of each of *n* documents.

    *pairs* are the verified links. *roots*, if given, are the roots already known for the first
    ``len(roots)`` documents (a loaded index); links only ever attach a later root to an earlier
    one, so every root is the smallest index of its cluster whatever the order of *pairs*.

    >>> resolve(5, np.array([[1, 3], [3, 4], [0, 2]])).tolist()
    [0, 1, 0, 1, 1]
    """
    parent = np.arange(n, dtype=np.int64)
    if roots is not None:
        parent[: len(roots)] = roots
    for i, j in np.asarray(pairs, dtype=np.int64).reshape(-1, 2).tolist():
        ri, rj = _find(parent, i), _find(parent, j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return np.array([_find(parent, i) for i in range(n)], dtype=np.int64)


def removal_targets(roots: np.ndarray, pairs: np.ndarray, jaccards: np.ndarray,
                    sets: Shingles, *, start: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return the removed documents (index >= *start*, not a root) and the exact Jaccard with
    their root, taken from the verified *pairs* where present, computed otherwise."""
    removed = np.flatnonzero(roots != np.arange(len(roots)))
    removed = removed[removed >= start]
    n = len(roots)
    known = dict(zip((pairs[:, 0] * n + pairs[:, 1]).tolist(), jaccards.tolist(), strict=True))
    codes = (roots[removed] * n + removed).tolist()
    jac = np.array([known.get(c, math.nan) for c in codes], dtype=np.float64)
    missing = np.isnan(jac)
    if missing.any():
        jac[missing] = verify(np.stack([roots[removed][missing], removed[missing]], axis=1), sets)
    return removed, jac


#: The type of the ids a caller gives its documents (``str`` or ``int``): what a result hands
#: back is typed as they were given, so ``kept: tuple[str, ...] = result.kept`` type-checks.
IdT = TypeVar("IdT", bound=Hashable)


class Duplicate(NamedTuple):
    """A removed document: the kept document it duplicates, and the exact Jaccard of the two.

    The ids are as they were given (``str`` or ``int``); ``duplicate_of`` may be an id an index
    was given in an earlier call, so both are typed ``Any``.
    """

    id: Any
    duplicate_of: Any
    jaccard: float


@dataclass(frozen=True, slots=True)
class DedupResult(Generic[IdT]):
    """Kept ids in input order, and for every removed id the kept one it duplicates."""

    kept: tuple[IdT, ...]
    removed: Mapping[IdT, Duplicate] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.removed, MappingProxyType):
            object.__setattr__(self, "removed", MappingProxyType(dict(self.removed)))

    def as_records(self) -> list[dict[str, Any]]:
        """The removed documents as JSON-ready dicts ``{id, duplicate_of, jaccard}``."""
        return [{"id": d.id, "duplicate_of": d.duplicate_of, "jaccard": round(d.jaccard, 6)}
                for d in self.removed.values()]
