"""The dedup steps of :mod:`cleanseed.corpus.neardup`, run over columns on disk in bounded memory.

Each step gives what its in-memory twin gives on the same documents:

* :func:`exact_links`: documents with equal shingle sets, each paired with the earliest one
  (``neardup.exact_pairs``). Digests are grouped one slice of the key space at a time.
* :func:`candidate_codes`: pairs of representatives sharing a band key, with the bucket window
  (``neardup.candidate_pairs``), one band and one key slice at a time, kept in a
  :class:`~._spill.SortedSpill` as ``i * n + j``.
* :func:`verify_sets`: exact Jaccard of pairs, gathering from disk only the sets a chunk of
  pairs needs (``neardup.verify``).
* :func:`components`: the earliest document of each cluster (``neardup.resolve``), by label
  propagation with pointer jumping instead of a Python loop over the links.

A bucket never straddles two slices (its members share a key) and members keep input order
within a slice, so slicing changes nothing in the pairs found.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from cleanseed.corpus._runs import RunSet, slices
from cleanseed.corpus._spill import Column, SortedSpill, partitions, slice_of
from cleanseed.corpus.minhash import Shingles
from cleanseed.corpus.neardup import _bucket_pairs, verify

_U64 = np.uint64
# Bytes of memory per document while one slice is grouped (key, position, sort order, copies).
_GROUP_BYTES = 48


class SetStore(NamedTuple):
    """Where the shingle sets are: ``offsets`` (n + 1 ends) and ``values``, both on disk."""

    offsets: Column
    values: Column


def verify_sets(pairs: np.ndarray, store: SetStore, budget: int) -> np.ndarray:
    """Exact Jaccard of each pair, in chunks whose gathered sets take about *budget* bytes."""
    out = np.empty(len(pairs))
    offsets = store.offsets.mapped()
    sizes = offsets[pairs[:, 1] + 1] - offsets[pairs[:, 1]]
    sizes = sizes + offsets[pairs[:, 0] + 1] - offsets[pairs[:, 0]]
    cost = np.cumsum(4 * sizes)
    lo = 0
    while lo < len(pairs):
        base = int(cost[lo - 1]) if lo else 0
        hi = max(lo + 1, int(np.searchsorted(cost, base + budget, side="right")))
        out[lo:hi] = _verify_chunk(pairs[lo:hi], offsets, store.values)
        lo = hi
    return out


def _verify_chunk(pairs: np.ndarray, offsets: np.ndarray, values: Column) -> np.ndarray:
    docs, local = np.unique(pairs, return_inverse=True)
    starts, ends = offsets[docs], offsets[docs + 1]
    counts = ends - starts
    gathered = values.gather(np.asarray(starts, dtype=np.int64), np.asarray(counts, np.int64))
    sets = Shingles(np.concatenate([[0], np.cumsum(counts)]).astype(np.int64), gathered)
    return verify(local.reshape(-1, 2), sets)


def exact_links(digests: Column, store: SetStore, start: int, budget: int, runs: RunSet,
                c: int) -> np.ndarray:
    """Pairs ``(first, j)``, ``j >= start``, of documents whose sets equal the earliest one's.

    The earliest document with a digest is looked up in the runs (column *c* of *runs*) for the
    digests of documents ``start:``, and found among the tail's by grouping them."""
    old_keys, old_pos = _in_runs(digests, None, start, runs, c, 0)
    parts = partitions(len(digests) - runs.covered + len(old_pos), _GROUP_BYTES, budget)
    old_part = slice_of(old_keys, parts)
    found = [np.zeros((0, 2), dtype=np.int64)]
    offsets = store.offsets.mapped()
    for part, (tail_keys, tail_where) in enumerate(slices(digests, None, parts, runs.covered)):
        pick = old_part == part
        keys = np.concatenate([old_keys[pick], tail_keys])
        where = np.concatenate([old_pos[pick], tail_where])
        order = np.argsort(keys, kind="stable")
        ks, ws = keys[order], where[order]
        heads = np.flatnonzero(np.concatenate([[True], ks[1:] != ks[:-1]]))
        head = np.repeat(ws[heads], np.diff(np.append(heads, len(ws))))
        pick = (head != ws) & (ws >= start)
        pairs = np.stack([head[pick], ws[pick]], axis=1)
        if not len(pairs):
            continue
        size = offsets[pairs + 1] - offsets[pairs]
        same = size[:, 0] == size[:, 1]
        same[same] = verify_sets(pairs[same], store, budget) == 1.0
        found.append(pairs[same])
    pairs = np.concatenate(found)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))] if len(pairs) else pairs


def _in_runs(column: Column, reps: np.ndarray | None, start: int, runs: RunSet, c: int,
             window: int | None) -> tuple[np.ndarray, np.ndarray]:
    """``(keys, positions)`` of the documents in runs that share a key of column *c* with a
    document ``start:`` (only those in the mask *reps*, when given): see :meth:`RunSet.members`."""
    if not runs.runs:
        return np.zeros(0, dtype=_U64), np.zeros(0, dtype=np.int64)
    new = column.read(start, len(column))
    if reps is not None:
        new = new[reps[start:]]
    return runs.members(c, np.unique(new), window)


def candidate_codes(bands: list[Column], reps: np.ndarray, start: int, window: int,
                    spill: SortedSpill, budget: int, runs: RunSet) -> None:
    """Add ``i * n + j`` (``i < j``, ``j >= start``) of every candidate pair to *spill*.

    A bucket's members in runs are looked up for the keys of documents ``start:`` (its first
    and its last *window*: all a new member can pair with), then grouped with the tail's."""
    n = len(reps)
    parts = partitions(int(reps[runs.covered:].sum()), _GROUP_BYTES, budget)
    for c, column in enumerate(bands):
        old_keys, old_pos = _in_runs(column, reps, start, runs, c, window)
        old_part = slice_of(old_keys, parts)
        for part, (tail_keys, tail_where) in enumerate(slices(column, reps, parts,
                                                               runs.covered)):
            pick = old_part == part
            keys = np.concatenate([old_keys[pick], tail_keys])
            where = np.concatenate([old_pos[pick], tail_where])
            for local in _bucket_pairs(keys, window):
                pairs = where[local]
                pairs = pairs[pairs[:, 1] >= start]
                lo, hi = pairs.min(axis=1), pairs.max(axis=1)
                spill.add(lo.astype(_U64) * _U64(n) + hi.astype(_U64))


def verified_links(spill: SortedSpill, n: int, store: SetStore, threshold: float,
                   budget: int) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs in *spill* whose exact Jaccard reaches *threshold*, and that Jaccard."""
    pairs, jaccards = [np.zeros((0, 2), dtype=np.int64)], [np.zeros(0)]
    for codes in spill:
        cand = np.stack([codes // _U64(n), codes % _U64(n)], axis=1).astype(np.int64)
        jac = verify_sets(cand, store, budget)
        hit = jac >= threshold
        pairs.append(cand[hit])
        jaccards.append(jac[hit])
    return np.concatenate(pairs), np.concatenate(jaccards)


def components(roots: np.ndarray, links: np.ndarray) -> np.ndarray:
    """The smallest document of each document's cluster.

    *roots* gives each document its root so far (itself for a new one); *links* joins
    clusters. Labels only decrease, and pointer jumping shortens chains, so the loop ends
    with each label the minimum of its component: what ``neardup.resolve`` gives.
    """
    label = roots.astype(np.int64, copy=True)
    i, j = links[:, 0], links[:, 1]
    while True:
        label = label[label]  # pointer jumping: a label takes its label's label
        low = np.minimum(label[i], label[j])
        before = label.copy()
        np.minimum.at(label, label[i], low)  # the roots of both ends take the smaller one
        np.minimum.at(label, label[j], low)
        np.minimum.at(label, i, low)
        np.minimum.at(label, j, low)
        label = label[label]
        if np.array_equal(label, before):
            return label
