"""A hash shuffle of Arrow blocks with Ray tasks: the engine under the dedup stages.

Blocks are object references to Arrow tables. :func:`shuffle` runs one *map* task per block, which
adds a bucket column (``prepare``) and splits the table by it, and one *reduce* task per bucket,
which concatenates its pieces from every block and runs a function over the whole partition. Every
row with a given key lands in one partition, which is all the dedup stages need.

Ray Data's ``groupby`` would do the same, but it starts a pool of aggregator actors per shuffle:
on a small cluster that start-up costs seconds per stage, against milliseconds for a task. The
driver holds only references: ``blocks x partitions`` of them during a shuffle.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cleanseed.ray._stages import BUCKET

__all__ = ["Blocks", "concat", "map_blocks", "row_counts", "shuffle", "split_by"]

Blocks = list[Any]  # object references to pyarrow Tables
Fn = Callable[..., pa.Table]


def split_by(table: pa.Table, parts: int) -> tuple[pa.Table, ...]:
    """Split *table* by its bucket column into *parts* tables (bucket ``p`` -> part ``p``),
    dropping the column.

    >>> t = pa.table({"x": [1, 2, 3], BUCKET: [1, 0, 1]})
    >>> [p.column("x").to_pylist() for p in split_by(t, 2)]
    [[2], [1, 3]]
    """
    buckets = table.column(BUCKET).to_numpy()
    order = np.argsort(buckets, kind="stable")
    bounds = np.searchsorted(buckets[order], np.arange(parts + 1))
    ordered = table.drop_columns([BUCKET]).take(pa.array(order))
    return tuple(ordered.slice(lo, hi - lo) for lo, hi in itertools.pairwise(bounds))


def concat(tables: tuple[pa.Table, ...]) -> pa.Table:
    """Concatenate the pieces of one partition into one table (one chunk per column)."""
    return pa.concat_tables(tables, promote_options="permissive").combine_chunks()


def _map(table: pa.Table, prepare: Fn, kwargs: dict[str, Any], parts: int) -> Any:
    pieces = split_by(prepare(table, **kwargs), parts)
    return pieces if parts > 1 else pieces[0]


def _reduce(fn: Fn, kwargs: dict[str, Any], *pieces: pa.Table) -> pa.Table:
    return fn(concat(pieces), **kwargs)


def _apply(table: pa.Table, fn: Fn, kwargs: dict[str, Any]) -> pa.Table:
    return fn(table, **kwargs)


def shuffle(ray: Any, blocks: Blocks, prepare: Fn, reduce: Fn, partitions: int, *,
            prepare_kwargs: dict[str, Any] | None = None,
            reduce_kwargs: dict[str, Any] | None = None) -> Blocks:
    """Return one block per partition: ``reduce`` over the rows that ``prepare`` put in it.

    ``prepare(table, partitions=..., **prepare_kwargs)`` must return the table with a bucket
    column in ``[0, partitions)``; ``reduce(table, **reduce_kwargs)`` sees a whole partition,
    possibly empty.
    """
    kwargs = {"partitions": partitions, **(prepare_kwargs or {})}
    mapper = ray.remote(num_returns=partitions)(_map)
    pieces = [mapper.remote(block, prepare, kwargs, partitions) for block in blocks]
    if partitions == 1:
        pieces = [[p] for p in pieces]
    reducer = ray.remote(_reduce)
    return [reducer.remote(reduce, reduce_kwargs or {}, *[p[k] for p in pieces])
            for k in range(partitions)]


def map_blocks(ray: Any, blocks: Blocks, fn: Fn, **kwargs: Any) -> Blocks:
    """Return ``fn(block, **kwargs)`` for each block, as new blocks (one task each)."""
    task = ray.remote(_apply)
    return [task.remote(block, fn, kwargs) for block in blocks]


def _num_rows(table: pa.Table) -> int:
    return int(table.num_rows)


def _column_sum(table: pa.Table, column: str) -> int:
    return int(pc.sum(table.column(column)).as_py() or 0) if table.num_rows else 0


def row_counts(ray: Any, blocks: Blocks) -> list[int]:
    """Return the number of rows of each block (only the counts travel to the driver)."""
    task = ray.remote(_num_rows)
    return list(ray.get([task.remote(block) for block in blocks]))


def column_total(ray: Any, blocks: Blocks, column: str) -> int:
    """Return the sum of an integer *column* over all *blocks*."""
    task = ray.remote(_column_sum)
    return sum(ray.get([task.remote(block, column) for block in blocks]))
