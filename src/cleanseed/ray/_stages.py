"""The per-block and per-group steps of the distributed dedup: Arrow tables in, Arrow tables out.

Each step calls the engine-neutral functions of :mod:`cleanseed.corpus.neardup` on the documents it
holds, ordered by their row key, so it computes what the local path computes for them:

* :class:`Featurize` (per block, in ``map_batches``): shingle sets, set digests, band keys.
* :func:`exact_group` (per digest partition): exact copies, paired with the earliest one.
* :func:`band_group` (per band-key partition): candidate pairs, bucket by bucket.
* :func:`attach_first` and :func:`verify_group` (per row partition, twice): a hash join of the
  pairs with the shingle sets, then the exact Jaccard of each pair.

A *row key* orders documents as the input does: ``block << 32 | position in the block``.
The ``by_*`` functions add the bucket column a shuffle partitions by (see ``_shuffle.py``): a
hash of the key modulo the number of partitions, so a partition holds every row of its keys.
Every per-partition function accepts an empty partition.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cleanseed.corpus.minhash import Shingles, shingle_hashes, signatures_from_shingles
from cleanseed.corpus.neardup import (
    band_keys,
    candidate_pairs,
    exact_pairs,
    set_digests,
    unique_sets,
    verify,
)
from cleanseed.errors import InputError
from cleanseed.ray._clean import column_index, texts_of

__all__ = [
    "BUCKET", "DIGEST", "ID", "JACCARD", "KEY", "KEYS", "OTHER", "ROW", "SET", "TWIN",
    "Featurize", "attach_first", "band_group", "bucket_of", "exact_group", "explode_bands",
    "number_block", "verify_group",
]

# Column names of the intermediate tables; the prefix keeps them apart from a user's columns.
ROW, ID, DIGEST, SET = "_cs_row", "_cs_id", "_cs_digest", "_cs_set"
KEYS, TWIN, BUCKET, KEY = "_cs_keys", "_cs_twin", "_cs_bucket", "_cs_key"
OTHER, JACCARD, BAND = "_cs_other", "_cs_jaccard", "_cs_band"
SET_TYPE = pa.large_list(pa.uint32())
_U64 = np.uint64
_BLOCK_BITS = 32  # rows per block < 2**32 and blocks < 2**31 keep the row key an int64


def number_block(table: pa.Table, block: int) -> pa.Table:
    """Append the row key column: the block's number in the high bits, the row's in the low."""
    if table.num_rows >= 1 << _BLOCK_BITS:
        msg = f"a block of {table.num_rows} rows is too large to number"
        raise InputError(msg)
    keys = (np.int64(block) << np.int64(_BLOCK_BITS)) + np.arange(table.num_rows, dtype=np.int64)
    return table.append_column(ROW, pa.array(keys, type=pa.int64()))


def bucket_of(keys: np.ndarray, partitions: int) -> np.ndarray:
    """Return a well-spread bucket in ``[0, partitions)`` for each 64-bit key (SplitMix64)."""
    z = keys.astype(_U64) + _U64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> _U64(27))) * _U64(0x94D049BB133111EB)
    z ^= z >> _U64(31)
    return (z % _U64(partitions)).astype(np.int64)


def _list_array(sets: Shingles) -> pa.Array:
    return pa.LargeListArray.from_arrays(pa.array(sets.offsets, type=pa.int64()),
                                         pa.array(sets.hashes, type=pa.uint32()))


def shingles_of(column: pa.ChunkedArray | pa.Array) -> Shingles:
    """Return a list<uint32> column as :class:`Shingles` (offsets and flat hashes)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks else pa.array([], type=SET_TYPE)
    lengths = pc.list_value_length(column).fill_null(0).to_numpy(zero_copy_only=False)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    hashes = pc.list_flatten(column).to_numpy(zero_copy_only=False).astype(np.uint32)
    return Shingles(offsets, hashes)


def _check_ids(table: pa.Table, index: int) -> pa.ChunkedArray:
    column = table.column(index)
    kind = column.type
    types = pa.types
    if not (types.is_string(kind) or types.is_large_string(kind) or types.is_integer(kind)):
        msg = f"ids must be str or int, the column is {kind}"
        raise InputError(msg, field=table.column_names[index])
    if column.null_count:
        msg = "an id is missing (null)"
        raise InputError(msg, field=table.column_names[index])
    return column


FEATURES = (DIGEST, SET, KEYS)


@dataclass(frozen=True, slots=True)
class Featurize:
    """Per block (``map_batches``): append each document's set digest, shingle set, band keys.

    Ids are checked here, so a bad id stops the run before any shuffle.
    """

    text_column: str
    id_column: str
    ngram: int
    perms: np.ndarray
    bands: int
    rows: int

    def __call__(self, table: pa.Table) -> pa.Table:
        _check_ids(table, column_index(table, self.id_column, "id_column"))
        texts = texts_of(table, column_index(table, self.text_column, "text_column"))
        shingles = shingle_hashes(texts, ngram=self.ngram)
        sets = unique_sets(shingles)
        keys = band_keys(signatures_from_shingles(shingles, self.perms), self.bands, self.rows)
        flat = pa.array(keys.reshape(-1), type=pa.uint64())
        table = table.append_column(DIGEST, pa.array(set_digests(sets), type=pa.uint64()))
        table = table.append_column(SET, _list_array(sets))
        return table.append_column(KEYS, pa.FixedSizeListArray.from_arrays(flat, self.bands))


def split_features(table: pa.Table, block: int, id_column: str) -> tuple[pa.Table, pa.Table, int]:
    """Number a featurized block; return its data columns and its feature columns apart."""
    table = number_block(table, block)
    features = pa.table({ROW: table.column(ROW), ID: table.column(id_column),
                         **{name: table.column(name) for name in FEATURES}})
    return table.drop_columns(list(FEATURES)), features, table.num_rows


def _with_bucket(table: pa.Table, keys: np.ndarray, partitions: int) -> pa.Table:
    return table.append_column(BUCKET, pa.array(bucket_of(keys, partitions), type=pa.int64()))


def by_digest(table: pa.Table, partitions: int) -> pa.Table:
    """Bucket the features by set digest, keeping what :func:`exact_group` needs."""
    table = table.select([ROW, DIGEST, SET, KEYS])
    return _with_bucket(table, table.column(DIGEST).to_numpy(), partitions)


def by_key(table: pa.Table, partitions: int) -> pa.Table:
    """Bucket by the ``KEY`` column (a row key)."""
    return _with_bucket(table, table.column(KEY).to_numpy(), partitions)


def by_block(table: pa.Table, partitions: int) -> pa.Table:
    """Bucket by the input block a row came from: bucket ``k`` is block ``k``."""
    blocks = table.column(ROW).to_numpy() >> np.int64(_BLOCK_BITS)
    if len(blocks) and int(blocks.max()) >= partitions:
        msg = "a row key names a block that does not exist"
        raise InputError(msg)
    return table.append_column(BUCKET, pa.array(blocks, type=pa.int64()))


def exact_group(table: pa.Table) -> pa.Table:
    """Per digest partition: mark each exact copy with the row of the earliest document like it."""
    table = table.sort_by(ROW)
    rows = table.column(ROW).to_numpy()
    twin = np.full(len(rows), -1, dtype=np.int64)
    if len(rows):
        pairs = exact_pairs(table.column(DIGEST).to_numpy(), shingles_of(table.column(SET)))
        twin[pairs[:, 1]] = rows[pairs[:, 0]]
    return pa.table({ROW: pa.array(rows, type=pa.int64()), TWIN: twin, KEYS: table.column(KEYS)})


def exact_links(table: pa.Table) -> pa.Table:
    """The links ``(earliest, copy)`` of the exact copies that :func:`exact_group` marked."""
    twins = table.filter(pc.greater_equal(table.column(TWIN), 0))
    return pa.table({KEY: twins.column(TWIN), OTHER: twins.column(ROW)})


def explode_bands(table: pa.Table, partitions: int) -> pa.Table:
    """Per block of :func:`exact_group` output: one row per band of each non-copy document,
    bucketed by band and key."""
    reps = table.filter(pc.less(table.column(TWIN), 0))
    keys = reps.column(KEYS).combine_chunks()
    bands = keys.type.list_size
    flat = pc.list_flatten(keys).to_numpy(zero_copy_only=False).astype(_U64)
    band = np.tile(np.arange(bands, dtype=np.int64), reps.num_rows)
    rows = np.repeat(reps.column(ROW).to_numpy(), bands)
    mixed = flat ^ (band.astype(_U64) * _U64(0xD6E8FEB86659FD93))
    return pa.table({BAND: band, KEY: flat, ROW: rows, BUCKET: bucket_of(mixed, partitions)})


def band_group(table: pa.Table, window: int) -> pa.Table:
    """Per band-key partition: the candidate pairs ``(KEY=i, OTHER=j)``, ``i < j``, band by band."""
    if not table.num_rows:
        return pa.table({KEY: pa.array([], type=pa.int64()), OTHER: pa.array([], type=pa.int64())})
    table = table.sort_by([(BAND, "ascending"), (ROW, "ascending")])
    band = table.column(BAND).to_numpy()
    keys = table.column(KEY).to_numpy()
    rows = table.column(ROW).to_numpy()
    starts = np.flatnonzero(np.r_[True, band[1:] != band[:-1]])
    found = [np.zeros((0, 2), dtype=np.int64)]
    for lo, hi in zip(starts, np.r_[starts[1:], len(band)], strict=True):
        local = candidate_pairs(keys[lo:hi, None], window=window)
        found.append(rows[lo:hi][local])
    pairs = np.unique(np.concatenate(found), axis=0)
    return pa.table({KEY: pa.array(pairs[:, 0], type=pa.int64()),
                     OTHER: pa.array(pairs[:, 1], type=pa.int64())})


def set_rows(table: pa.Table) -> pa.Table:
    """The set side of the joins: ``(KEY=row, OTHER=-1, SET, ID)`` from the features."""
    return pa.table({KEY: table.column(ROW),
                     OTHER: pa.array(np.full(table.num_rows, -1, dtype=np.int64)),
                     SET: table.column(SET), ID: table.column(ID)})


def pair_rows(table: pa.Table, id_type: pa.DataType) -> pa.Table:
    """The pair side of the joins: ``(KEY=i, OTHER=j)`` with an empty set and no id yet."""
    n = table.num_rows
    return pa.table({KEY: table.column(KEY), OTHER: table.column(OTHER),
                     SET: pa.array([[]] * n, type=SET_TYPE), ID: pa.nulls(n, type=id_type)})


def _lookup(sets: pa.Table, keys: np.ndarray) -> pa.Table:
    """Return the rows of *sets* (distinct KEYs) for *keys*, in that order; all must be there."""
    own = sets.column(KEY).to_numpy()
    order = np.argsort(own, kind="stable")
    pos = order[np.searchsorted(own, keys, sorter=order)]
    if not np.array_equal(own[pos], keys):
        msg = "a pair names a document that is not in the corpus"
        raise InputError(msg)
    return sets.take(pa.array(pos))


def _split(table: pa.Table) -> tuple[pa.Table, pa.Table]:
    is_pair = pc.greater_equal(table.column(OTHER), 0)
    return table.filter(pc.invert(is_pair)), table.filter(is_pair)


def attach_first(table: pa.Table) -> pa.Table:
    """Join step 1, per bucket of KEY: a pair ``(KEY=i, OTHER=j)`` takes the set and id of ``i``
    and is re-keyed by ``j``. Rows with ``OTHER < 0`` are the sets."""
    sets, pairs = _split(table)
    # a pair found in several bands arrives several times: keep one
    if pairs.num_rows:
        codes = np.stack([pairs.column(KEY).to_numpy(), pairs.column(OTHER).to_numpy()], axis=1)
        _, first = np.unique(codes, axis=0, return_index=True)
        pairs = pairs.take(pa.array(np.sort(first)))
    found = _lookup(sets, pairs.column(KEY).to_numpy())
    return pa.table({KEY: pairs.column(OTHER), OTHER: pairs.column(KEY),
                     SET: found.column(SET), ID: found.column(ID)})


def verify_group(table: pa.Table) -> pa.Table:
    """Join step 2, per bucket of KEY: each pair ``(i=OTHER, j=KEY)`` carrying the set of ``i``
    gets the set of ``j`` and its exact Jaccard (:func:`cleanseed.corpus.neardup.verify`)."""
    sets, pairs = _split(table)
    found = _lookup(sets, pairs.column(KEY).to_numpy())
    first, second = shingles_of(pairs.column(SET)), shingles_of(found.column(SET))
    m = pairs.num_rows
    both = Shingles(np.concatenate([first.offsets, second.offsets[1:] + first.offsets[-1]]),
                    np.concatenate([first.hashes, second.hashes]))
    jaccard = verify(np.stack([np.arange(m), np.arange(m, 2 * m)], axis=1), both)
    return pa.table({"i": pairs.column(OTHER), "j": pairs.column(KEY),
                     JACCARD: pa.array(jaccard, type=pa.float64()),
                     "id_i": pairs.column(ID), "id_j": found.column(ID)})
