"""Blocks in input order, pairs joined with their shingle sets, rows dropped block by block.

The joins are hash joins over :func:`cleanseed.ray._shuffle.shuffle`: the pair rows and the set
rows are shuffled together by row key, and each partition joins what it holds
(:func:`~cleanseed.ray._stages.attach_first`, then :func:`~cleanseed.ray._stages.verify_group`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from cleanseed.ray import _stages as st
from cleanseed.ray._shuffle import Blocks, map_blocks, shuffle

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = ["by_block_sorted", "ordered_blocks", "part_rows", "split_blocks", "verify_pairs"]


def verify_pairs(ray: Any, pairs: Blocks, sets: Blocks, partitions: int,
                 id_type: pa.DataType) -> Blocks:
    """Return blocks ``(i, j, jaccard, id_i, id_j)`` for the pairs ``(KEY=i, OTHER=j)``.

    *sets* are :func:`~cleanseed.ray._stages.set_rows` blocks covering every row of the pairs.
    """
    first = shuffle(ray, map_blocks(ray, pairs, st.pair_rows, id_type=id_type) + sets,
                    st.by_key, st.attach_first, partitions)
    return shuffle(ray, first + sets, st.by_key, st.verify_group, partitions)


def ordered_blocks(ds: Dataset) -> list[Any]:
    """Execute *ds* and return its blocks (references) in input order.

    Ray hands out blocks as they finish unless the dataset asks to preserve order; the flag is
    set on the dataset's own context for this one execution and put back afterwards.
    """
    options = ds.context.execution_options
    saved = options.preserve_order
    options.preserve_order = True
    try:
        return list(ds.to_arrow_refs())
    finally:
        options.preserve_order = saved


def split_blocks(ray: Any, blocks: list[Any], id_column: str) -> tuple[Blocks, Blocks, int]:
    """Number featurized *blocks*; return the data blocks, the feature blocks and the row count."""
    task = ray.remote(num_returns=3)(st.split_features)
    parts = [task.remote(block, k, id_column) for k, block in enumerate(blocks)]
    rows = sum(ray.get([count for _, _, count in parts]))
    return [data for data, _, _ in parts], [features for _, features, _ in parts], rows


def _sorted(table: pa.Table) -> pa.Table:
    return table.sort_by(st.ROW)


def by_block_sorted(ray: Any, blocks: Blocks, num_blocks: int) -> Blocks:
    """Shuffle rows with a ``ROW`` column back to the input block they came from, sorted."""
    return shuffle(ray, blocks, st.by_block, _sorted, num_blocks)


def _part(table: pa.Table, removed: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Split a data block into its kept rows and its removed rows (with the removal fields)."""
    gone = pc.is_in(table.column(st.ROW), value_set=removed.column(st.ROW))
    kept = table.filter(pc.invert(gone)).drop_columns([st.ROW])
    dropped = table.filter(gone)
    # both sides are sorted by row key: the removal records line up with the removed rows
    for name in removed.column_names[2:]:
        dropped = dropped.append_column(name, removed.column(name))
    return kept, dropped.drop_columns([st.ROW])


def part_rows(ray: Any, data: Blocks, removed: Blocks) -> tuple[Blocks, Blocks]:
    """Split each data block by its removed block (same position): kept rows and removed
    records (every field, plus the removal fields), both in input order."""
    task = ray.remote(num_returns=2)(_part)
    parts = [task.remote(block, gone) for block, gone in zip(data, removed, strict=True)]
    return [kept for kept, _ in parts], [dropped for _, dropped in parts]
