"""How a dataset is cut into blocks, so every worker gets work whatever Ray's planner decides.

Ray reads a small Parquet file or a single JSONL file as one block, and a block is processed by
one task: cleaning a few thousand documents would run on one CPU while the others wait. Before
the costly steps, a dataset is streamed through ``repartition(target_num_rows_per_block=...)``
with a block size from :func:`rows_per_block`: small inputs are cut into a few blocks per worker,
large ones into blocks of bounded size. Streaming repartition splits and joins neighbouring blocks
as they pass; it is not a shuffle and holds nothing back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

from cleanseed import _validate

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = [
    "BLOCKS_PER_WORKER", "MAX_ROWS_PER_BLOCK", "MIN_ROWS_PER_BLOCK", "balance", "plan_slices",
    "recut", "rows_per_block",
]

#: Blocks per worker for a small input: more than one, so a slow block does not leave a worker idle.
BLOCKS_PER_WORKER = 4
#: Large inputs are cut into blocks of at most this many documents (a few seconds of cleaning).
MAX_ROWS_PER_BLOCK = 4096
#: Below this a block costs more in scheduling than in work.
MIN_ROWS_PER_BLOCK = 16


def rows_per_block(num_rows: int | None, workers: int) -> int:
    """Return the block size that gives each of *workers* work on *num_rows* documents.

    An unknown row count gets the largest block size: blocks are then bounded, not counted.

    >>> rows_per_block(1000, 2)
    125
    >>> rows_per_block(10_000_000, 8)
    4096
    >>> rows_per_block(20, 4)
    16
    """
    _validate.integer("workers", workers, low=1)
    if num_rows is None:
        return MAX_ROWS_PER_BLOCK
    _validate.integer("num_rows", num_rows, low=0)
    per_block = -(-num_rows // (workers * BLOCKS_PER_WORKER))  # ceiling division
    return max(MIN_ROWS_PER_BLOCK, min(MAX_ROWS_PER_BLOCK, per_block))


def known_rows(ds: Dataset) -> int | None:
    """Return the row count of *ds* if it costs nothing to know (a materialized dataset)."""
    from ray.data.dataset import MaterializedDataset

    return ds.count() if isinstance(ds, MaterializedDataset) else None


def balance(ds: Dataset, workers: int, num_rows: int | None = None) -> Dataset:
    """Return *ds* re-cut into blocks of :func:`rows_per_block` rows, streaming."""
    if num_rows is None:
        num_rows = known_rows(ds)
    return ds.repartition(target_num_rows_per_block=rows_per_block(num_rows, workers))


def plan_slices(counts: list[int], per_block: int) -> list[list[tuple[int, int, int]]]:
    """Plan new blocks of *per_block* rows from blocks of *counts* rows, keeping the row order.

    Each new block is a list of ``(old block, offset, length)`` slices.

    >>> plan_slices([3, 0, 4], 5)
    [[(0, 0, 3), (2, 0, 2)], [(2, 2, 2)]]
    """
    plan: list[list[tuple[int, int, int]]] = []
    current: list[tuple[int, int, int]] = []
    room = per_block
    for block, count in enumerate(counts):
        offset = 0
        while offset < count:
            take = min(room, count - offset)
            current.append((block, offset, take))
            offset += take
            room -= take
            if room == 0:
                plan.append(current)
                current, room = [], per_block
    if current:
        plan.append(current)
    return plan


def _assemble(slices: list[tuple[int, int, int]], *tables: pa.Table) -> pa.Table:
    # blocks of one dataset may disagree on a column's type (a block whose values are all null
    # has type null): promote to the common type
    return pa.concat_tables([t.slice(offset, length) for t, (_, offset, length)
                             in zip(tables, slices, strict=True)],
                            promote_options="permissive").combine_chunks()


def _num_rows(table: pa.Table) -> int:
    return int(table.num_rows)


def recut(ray: Any, blocks: list[Any], workers: int) -> tuple[list[Any], int]:
    """Re-cut *blocks* (references, in order) into blocks of :func:`rows_per_block` rows.

    Return the new blocks, in the same row order, and the row count. Only the counts reach the
    driver; each new block is put together by a task from slices of the old ones.
    """
    count = ray.remote(_num_rows)
    counts = [int(c) for c in ray.get([count.remote(block) for block in blocks])]
    rows = sum(counts)
    assemble = ray.remote(_assemble)
    plan = plan_slices(counts, rows_per_block(rows, workers))
    if not plan:  # no rows: keep one empty block, for its columns
        return blocks[:1], 0
    new = [assemble.remote(slices, *[blocks[b] for b, _, _ in slices]) for slices in plan]
    return new, rows
