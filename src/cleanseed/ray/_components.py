"""Clusters of linked documents: union-find on the driver, or large-star/small-star on the cluster.

Both give every document of a cluster (a connected component of the verified links) the cluster's
smallest row key as its root, which is what :func:`cleanseed.corpus.neardup.resolve` gives: the
earliest document of a cluster is kept.

Union-find needs every link on the driver. Past a size, the links stay on the workers and the
components are found by alternating the *large-star* and *small-star* steps of Kiveris et al.,
"Connected Components in MapReduce and Beyond" (SoCC 2014): each step groups the links by node,
and links every node to the smallest node it can see, until every component is a star around its
smallest node. That takes O(log² n) rounds at worst, a handful on near-duplicate clusters.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cleanseed.corpus.neardup import resolve
from cleanseed.errors import CleanseedError
from cleanseed.ray._shuffle import Blocks, column_total, map_blocks, shuffle
from cleanseed.ray._stages import BUCKET, KEY, OTHER, bucket_of

__all__ = ["MAX_ROUNDS", "both_ways", "by_first", "components_distributed",
           "components_on_driver", "large_star", "links_only", "small_star"]

BAD = "_cs_bad"
#: Rounds after which the distributed step gives up; O(log² n) is far below this for any corpus.
MAX_ROUNDS = 200


def components_on_driver(links: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(members, roots)``: every linked row key that is not its cluster's root, and that
    root. *links* is ``(m, 2)`` row keys.

    >>> components_on_driver(np.array([[10, 30], [30, 40], [0, 20]]))
    (array([20, 30, 40]), array([ 0, 10, 10]))
    """
    nodes = np.unique(links)
    # resolve() numbers documents 0..n-1; row keys are mapped there in order, so "smallest index"
    # still means "earliest document".
    roots = resolve(len(nodes), np.searchsorted(nodes, links))
    moved = roots != np.arange(len(nodes))
    return nodes[moved], nodes[roots[moved]]


def _unique_pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct ``(a, b)`` without self-links, sorted by ``a`` then ``b``."""
    keep = a != b
    pairs = np.unique(np.stack([a[keep], b[keep]], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]


def _segments(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    starts = np.flatnonzero(np.r_[True, a[1:] != a[:-1]]) if len(a) else np.zeros(0, dtype=np.int64)
    return starts, np.diff(np.r_[starts, len(a)])


def large_star(table: pa.Table) -> pa.Table:
    """Per bucket of nodes ``u`` (rows ``(u, v)`` for both directions of every link): link each
    larger neighbour of ``u`` to the smallest node of ``u``'s neighbourhood. Also count the nodes
    whose neighbourhood is not yet star-shaped (a sentinel row ``(-1, -1, count)``)."""
    u, v = _unique_pairs(table.column(KEY).to_numpy(), table.column(OTHER).to_numpy())
    starts, counts = _segments(u)
    low = np.minimum(np.minimum.reduceat(v, starts), u[starts]) if len(u) else u
    smaller = np.add.reduceat((v < u).astype(np.int64), starts) if len(u) else u
    larger = counts - smaller
    bad = int(np.count_nonzero((smaller > 1) | ((smaller >= 1) & (larger >= 1))))
    up = v > u
    heads = np.repeat(low, counts)[up]
    return pa.table({KEY: np.r_[v[up], -1], OTHER: np.r_[heads, -1],
                     BAD: np.r_[np.zeros(len(heads), dtype=np.int64), bad]})


def small_star(table: pa.Table) -> pa.Table:
    """Per bucket of nodes ``u`` (rows ``(u, v)``, ``v < u``): link ``u`` and each of those
    smaller neighbours to the smallest of them."""
    u, v = _unique_pairs(table.column(KEY).to_numpy(), table.column(OTHER).to_numpy())
    starts, counts = _segments(u)
    low = v[starts]  # v is sorted within each u: the first is the smallest
    heads = np.repeat(low, counts)
    keep = v != heads
    return pa.table({KEY: np.r_[v[keep], u[starts]], OTHER: np.r_[heads[keep], low]})


def both_ways(table: pa.Table, partitions: int) -> pa.Table:
    """Each link in both directions, bucketed by its first node (for :func:`large_star`)."""
    a, b = table.column(KEY).to_numpy(), table.column(OTHER).to_numpy()
    keys = np.r_[a, b]
    return pa.table({KEY: keys, OTHER: np.r_[b, a], BUCKET: bucket_of(keys, partitions)})


def by_first(table: pa.Table, partitions: int) -> pa.Table:
    """Links bucketed by their first (larger) node (for :func:`small_star`)."""
    keys = table.column(KEY).to_numpy()
    return pa.table({KEY: keys, OTHER: table.column(OTHER),
                     BUCKET: bucket_of(keys, partitions)})


def links_only(table: pa.Table) -> pa.Table:
    """Drop the sentinel rows that carry the counts."""
    return table.filter(pc.greater_equal(table.column(KEY), 0)).select([KEY, OTHER])


def components_distributed(ray: Any, links: Blocks, partitions: int) -> Blocks:
    """Return blocks ``(KEY=member, OTHER=root)`` for every linked row key that is not a root.

    *links* are blocks of ``(KEY, OTHER)`` row-key pairs. Only one count per partition and round
    reaches the driver.
    """
    edges = links
    for _ in range(MAX_ROUNDS):
        stars = shuffle(ray, edges, both_ways, large_star, partitions)
        edges = map_blocks(ray, stars, links_only)
        if not column_total(ray, stars, BAD):
            # large-star leaves a star forest as it was: every non-root points at its root
            return edges
        edges = shuffle(ray, edges, by_first, small_star, partitions)
    msg = f"connected components did not converge in {MAX_ROUNDS} rounds"
    raise CleanseedError(msg)
