"""Near-duplicate documents of a Ray dataset removed, with the answer the local path gives.

``cr.dedup(ds, ...)`` keeps and removes exactly the documents ``cleanseed.dedup_documents`` keeps
and removes for the same documents in the same order, and says for each removed one the same kept
document and the same Jaccard (the rule is in :mod:`cleanseed.corpus.neardup`). The same pure
functions run on the workers, over the documents that meet in each hash partition:

1. ``map_batches`` computes shingle sets, their digests and the band keys of every document;
   the dataset is executed in input order and every row gets a key that sorts as the input does;
2. a hash shuffle on the digest finds the exact copies; one on the band keys, the candidates;
3. two more shuffles join each candidate pair with its two shingle sets: the exact Jaccard;
4. clusters of verified links: union-find on the driver when the links are few, large-star /
   small-star over the cluster otherwise (:mod:`._components`);
5. each removed row is joined with its root's set and id, for the Jaccard of that pair;
6. the removed rows are shuffled back to the block they came from, which drops them: the kept
   rows and the removed records come out in input order.

Only counts, object references and (up to ``driver_links``) the verified links reach the driver.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cleanseed.corpus.minhash import permutations
from cleanseed.corpus.neardup import DedupConfig, DedupResult, Duplicate, dedup_config
from cleanseed.errors import InputError
from cleanseed.ray import _stages as st
from cleanseed.ray._blocks import recut
from cleanseed.ray._clean import check_columns
from cleanseed.ray._cluster import num_workers, require_cluster
from cleanseed.ray._components import components_distributed, components_on_driver
from cleanseed.ray._shuffle import Blocks, map_blocks, row_counts, shuffle
from cleanseed.ray._verify import (
    by_block_sorted,
    ordered_blocks,
    part_rows,
    split_blocks,
    verify_pairs,
)

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = ["DRIVER_LINKS", "Duplicates", "dedup", "find_duplicates"]

#: Up to this many verified links are clustered with union-find on the driver (16 bytes each);
#: beyond, on the cluster, so the link set never has to fit on the driver.
DRIVER_LINKS = 2_000_000
#: Documents per hash partition of the shuffles: bounds the memory of one reduce task.
ROWS_PER_PARTITION = 50_000
DUPLICATE_OF, JACCARD = "duplicate_of", "jaccard"


@dataclass(frozen=True, slots=True)
class Duplicates:
    """The kept rows and the removed ones, both with every column and in input order; a removed
    row also has ``duplicate_of`` (the id of the kept row it duplicates) and ``jaccard``."""

    kept: Dataset
    removed: Dataset
    id_column: str

    def to_result(self) -> DedupResult:
        """Collect both on the driver as a :class:`cleanseed.DedupResult` (for tests and reports
        of a size that fits in memory)."""
        kept = tuple(row[self.id_column]
                     for row in self.kept.select_columns([self.id_column]).iter_rows())
        removed = {row[self.id_column]: Duplicate(row[self.id_column], row[DUPLICATE_OF],
                                                  row[JACCARD])
                   for row in self.removed.iter_rows()}
        return DedupResult(kept, removed)


def _partitions(rows: int, workers: int) -> int:
    return max(2 * workers, -(-rows // ROWS_PER_PARTITION))


def _id_bucket(table: pa.Table, partitions: int) -> pa.Table:
    ids = table.column(st.ID)
    if pa.types.is_integer(ids.type):
        keys = ids.to_numpy().astype(np.int64)
    else:  # a hash of the text that every process computes alike (str hash() is salted)
        keys = np.fromiter((zlib.crc32(i.encode("utf-8", "surrogatepass"))
                            for i in ids.to_pylist()), dtype=np.int64, count=len(ids))
    return pa.table({st.ID: ids, st.BUCKET: st.bucket_of(keys, partitions)})


def _repeated_ids(table: pa.Table) -> pa.Table:
    counts = pc.value_counts(table.column(st.ID))
    repeated = counts.filter(pc.greater(counts.field("counts"), 1))
    return pa.table({st.ID: repeated.field("values")[:1]})


def _check_unique_ids(ray: Any, features: Blocks, partitions: int, id_column: str) -> None:
    """Raise :class:`InputError` if an id occurs twice, as the local index does."""
    found = ray.get(shuffle(ray, features, _id_bucket, _repeated_ids, partitions))
    for table in found:
        if table.num_rows:
            msg = f"id {table.column(st.ID)[0].as_py()!r} occurs twice (ids must be unique)"
            raise InputError(msg, field=id_column)


def _links(table: pa.Table, threshold: float) -> pa.Table:
    hit = table.filter(pc.greater_equal(table.column(st.JACCARD), threshold))
    return pa.table({st.KEY: hit.column("i"), st.OTHER: hit.column("j")})


def _removed_records(table: pa.Table) -> pa.Table:
    # ROW and ID first: part_rows() appends the columns after those two to the removed rows
    return pa.table({st.ROW: table.column("j"), st.ID: table.column("id_j"),
                     DUPLICATE_OF: table.column("id_i"), JACCARD: table.column(st.JACCARD)})


def _swap(table: pa.Table) -> pa.Table:
    return pa.table({st.KEY: table.column(st.OTHER), st.OTHER: table.column(st.KEY)})


def _clusters(ray: Any, links: Blocks, partitions: int, driver_links: int) -> Blocks:
    """Blocks of ``(KEY=root, OTHER=member)`` for every document that is not its cluster's root."""
    if sum(row_counts(ray, links)) > driver_links:
        return map_blocks(ray, components_distributed(ray, links, partitions), _swap)
    tables = ray.get(links)
    pairs = np.concatenate([np.zeros((0, 2), dtype=np.int64)] + [
        np.stack([t.column(st.KEY).to_numpy(), t.column(st.OTHER).to_numpy()], axis=1)
        for t in tables if t.num_rows])
    members, roots = components_on_driver(pairs)
    return [ray.put(pa.table({st.KEY: pa.array(roots, type=pa.int64()),
                              st.OTHER: pa.array(members, type=pa.int64())}))]


def _featurize(ray: Any, blocks: Blocks, text_column: str, id_column: str,
               config: DedupConfig) -> Blocks:
    """Run :class:`~._stages.Featurize` over *blocks* with ``map_batches``, keeping their order."""
    bands, rows = config.banding()
    featurize = st.Featurize(text_column, id_column, config.ngram,
                             permutations(config.num_perm, config.seed), bands, rows)
    return ordered_blocks(ray.data.from_arrow_refs(blocks)
                          .map_batches(featurize, batch_format="pyarrow"))


def find_duplicates(ds: Dataset, *, text_column: str = "text", id_column: str = "id",
                    threshold: float | None = None, config: DedupConfig | None = None,
                    driver_links: int = DRIVER_LINKS) -> Duplicates:
    """Find the near-duplicate documents of *ds*; see :func:`dedup`, which keeps only the rest."""
    config = dedup_config(threshold, config, "cr.find_duplicates")
    ray = require_cluster()
    check_columns(ds, text_column, id_column)
    workers = num_workers()
    # Executed in input order, then cut into blocks of our own size: a small input is spread
    # over every worker whatever blocks Ray's reader made.
    blocks, rows = recut(ray, ordered_blocks(ds), workers)
    if not rows:
        empty = ray.data.from_arrow_refs(blocks) if blocks else ds
        return Duplicates(empty, empty, id_column)
    data, features, _ = split_blocks(
        ray, _featurize(ray, blocks, text_column, id_column, config), id_column)
    del blocks  # their rows live on in data and features
    parts = _partitions(rows, workers)
    _check_unique_ids(ray, features, parts, id_column)
    id_type = ray.get(features[0]).schema.field(st.ID).type
    sets = map_blocks(ray, features, st.set_rows)
    exact = shuffle(ray, features, st.by_digest, st.exact_group, parts)
    candidates = shuffle(ray, exact, st.explode_bands, st.band_group, parts,
                         reduce_kwargs={"window": config.window})
    verified = verify_pairs(ray, candidates, sets, parts, id_type)
    links = (map_blocks(ray, exact, st.exact_links)
             + map_blocks(ray, verified, _links, threshold=config.threshold))
    clusters = _clusters(ray, links, parts, driver_links)
    removed = map_blocks(ray, verify_pairs(ray, clusters, sets, parts, id_type),
                         _removed_records)
    kept, dropped = part_rows(ray, data, by_block_sorted(ray, removed, len(data)))
    return Duplicates(ray.data.from_arrow_refs(kept), ray.data.from_arrow_refs(dropped),
                      id_column)


def dedup(ds: Dataset, *, text_column: str = "text", id_column: str = "id",
          threshold: float | None = None, config: DedupConfig | None = None,
          driver_links: int = DRIVER_LINKS) -> Dataset:
    """Return *ds* without its near-duplicate documents: the rows ``dedup_documents`` keeps.

    Every column passes through; the rows come out in input order. *driver_links* bounds the
    verified links clustered on the driver (0: always on the cluster). Ids (str or int) must be
    unique; texts must be str.

    >>> kept = cr.dedup(ray.data.read_parquet("corpus/"), threshold=0.8)  # doctest: +SKIP
    """
    return find_duplicates(ds, text_column=text_column, id_column=id_column,
                           threshold=threshold, config=config,
                           driver_links=driver_links).kept
