"""Tests of corpus dedup on Ray: the same kept ids, removed -> kept pairs and Jaccards as local.

The pure steps (partitioned candidate search, exact copies, large-star/small-star, block plans)
are checked against the local core without Ray, on any partitioning Hypothesis picks; the whole
pipeline runs on the small cluster shared by the session (tests/conftest.py).
"""

from __future__ import annotations

import importlib.util
import itertools
import random
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as hst

if importlib.util.find_spec("ray") is None:
    pytest.skip("Ray is an optional extra: pip install 'cleanseed[ray]'", allow_module_level=True)

import pyarrow as pa
import ray
from benchmarks._corpus import generate
from tests.strategies import FRAGMENTS

import cleanseed
import cleanseed.ray as cr
from cleanseed.corpus.budget import dedup_documents
from cleanseed.corpus.minhash import shingle_hashes
from cleanseed.corpus.neardup import (
    DedupConfig,
    candidate_pairs,
    exact_pairs,
    resolve,
    set_digests,
    unique_sets,
)
from cleanseed.errors import ConfigError, InputError, InputTypeError
from cleanseed.ray import _stages as st
from cleanseed.ray._blocks import plan_slices, recut
from cleanseed.ray._components import (
    BAD,
    both_ways,
    by_first,
    components_on_driver,
    large_star,
    links_only,
    small_star,
)
from cleanseed.ray._dedup import DRIVER_LINKS
from cleanseed.ray._shuffle import split_by

pytestmark = pytest.mark.ray

Prepare = Callable[..., pa.Table]


def local_shuffle(tables: list[pa.Table], prepare: Prepare, reduce: Callable[..., pa.Table],
                  partitions: int, **kwargs: Any) -> list[pa.Table]:
    """What ``_shuffle.shuffle`` computes, in this process: for the pure steps' tests."""
    pieces = [split_by(prepare(t, partitions=partitions), partitions) for t in tables]
    return [reduce(pa.concat_tables([p[k] for p in pieces]), **kwargs) for k in range(partitions)]


def pairs_of(table: pa.Table) -> list[tuple[int, int]]:
    """The ``(KEY, OTHER)`` rows of *table*."""
    return list(zip(table.column(st.KEY).to_pylist(), table.column(st.OTHER).to_pylist(),
                    strict=True))


def chunks(table: pa.Table, cuts: list[int]) -> list[pa.Table]:
    """*table* cut at the given row offsets, as a reader might have cut it into blocks."""
    bounds = sorted({0, table.num_rows, *(c % (table.num_rows + 1) for c in cuts)})
    if len(bounds) == 1:
        return [table]
    return [table.slice(lo, hi - lo) for lo, hi in itertools.pairwise(bounds)]


# --- the pure steps give the local answer on any partitioning ------------------------------


@given(keys=hst.lists(hst.lists(hst.integers(0, 3), min_size=3, max_size=3), max_size=80),
       partitions=hst.integers(1, 5), cuts=hst.lists(hst.integers(0, 80), max_size=4),
       window=hst.integers(1, 4))
def test_candidates_by_partition_equal_candidate_pairs(keys: list[list[int]], partitions: int,
                                                       cuts: list[int], window: int) -> None:
    """Bucketing band keys into partitions finds exactly the pairs candidate_pairs finds,
    including the window rule in buckets larger than the window."""
    matrix = np.array(keys, dtype=np.uint64).reshape(-1, 3)
    rows = np.arange(len(matrix), dtype=np.int64) * 7 + 3  # any increasing row keys
    table = pa.table({st.ROW: rows, st.TWIN: np.full(len(rows), -1, dtype=np.int64),
                      st.KEYS: pa.FixedSizeListArray.from_arrays(
                          pa.array(matrix.reshape(-1), type=pa.uint64()), 3)})
    found = local_shuffle(chunks(table, cuts), st.explode_bands, st.band_group, partitions,
                          window=window)
    got = {pair for t in found for pair in pairs_of(t)}
    expected = {(int(rows[i]), int(rows[j])) for i, j in candidate_pairs(matrix, window=window)}
    assert got == expected


@given(texts=hst.lists(hst.sampled_from(["", "a b c d e f", "a b c d e g", "x y", "X, y!"]),
                       max_size=30),
       partitions=hst.integers(1, 4), cuts=hst.lists(hst.integers(0, 30), max_size=3))
def test_exact_copies_by_partition_equal_exact_pairs(texts: list[str], partitions: int,
                                                     cuts: list[int]) -> None:
    """Each exact copy points at the earliest document with its set, as exact_pairs says."""
    sets = unique_sets(shingle_hashes(texts, ngram=5))
    rows = np.arange(len(texts), dtype=np.int64)
    table = pa.table({st.ROW: rows, st.DIGEST: pa.array(set_digests(sets), type=pa.uint64()),
                      st.SET: st._list_array(sets),
                      st.KEYS: pa.FixedSizeListArray.from_arrays(
                          pa.array(np.zeros(len(texts), dtype=np.uint64)), 1)})
    found = local_shuffle(chunks(table, cuts), st.by_digest, st.exact_group, partitions)
    got = {(t, r) for part in found for r, t in zip(part.column(st.ROW).to_pylist(),
                                                    part.column(st.TWIN).to_pylist(), strict=True)
           if t >= 0}
    assert got == {tuple(p) for p in exact_pairs(set_digests(sets), sets).tolist()}


def stars(links: np.ndarray, partitions: int) -> dict[int, int]:
    """Run large-star / small-star to the end in this process; return member -> root."""
    edges = [pa.table({st.KEY: links[:, 0], st.OTHER: links[:, 1]})]
    for _ in range(100):
        out = local_shuffle(edges, both_ways, large_star, partitions)
        edges = [links_only(t) for t in out]
        if not sum(t.column(BAD).to_numpy().sum() for t in out):
            break
        edges = local_shuffle(edges, by_first, small_star, partitions)
    return dict(pair for t in edges for pair in pairs_of(t))


@given(links=hst.lists(hst.tuples(hst.integers(0, 40), hst.integers(0, 40)), max_size=60),
       partitions=hst.integers(1, 4))
def test_star_steps_find_the_clusters_union_find_finds(links: list[tuple[int, int]],
                                                       partitions: int) -> None:
    """Large-star/small-star ends with every member pointing at its cluster's smallest node:
    the root resolve() gives, whatever the partitioning."""
    pairs = np.array([(a * 10, b * 10) for a, b in links if a != b], dtype=np.int64).reshape(-1, 2)
    members, roots = components_on_driver(pairs)
    assert stars(pairs, partitions) == dict(zip(members.tolist(), roots.tolist(), strict=True))
    if len(pairs):
        dense = resolve(41, pairs // 10)
        assert {m // 10: r // 10 for m, r in zip(members, roots, strict=True)} == {
            i: int(dense[i]) for i in range(41) if dense[i] != i}


@given(counts=hst.lists(hst.integers(0, 9), max_size=8), per_block=hst.integers(1, 7))
def test_block_plan_keeps_every_row_in_order(counts: list[int], per_block: int) -> None:
    """Re-cut blocks hold every row once, in order, and all but the last are full."""
    plan = plan_slices(counts, per_block)
    rows = [(b, o + k) for slices in plan for b, o, n in slices for k in range(n)]
    assert rows == [(b, k) for b, c in enumerate(counts) for k in range(c)]
    sizes = [sum(n for _, _, n in slices) for slices in plan]
    assert all(s == per_block for s in sizes[:-1]) and all(0 < s <= per_block for s in sizes)


# --- the whole pipeline on a cluster --------------------------------------------------------


def hard_corpus(n: int, seed: int) -> list[dict[str, Any]]:
    """Generated near-duplicates plus the cases that test the rule's corners: exact copies,
    empty documents, a chain (a~b, b~c, a!~c) and a flood of near copies, more than a bucket's
    window, of one document."""
    corpus = generate(n, dup_fraction=0.4, seed=seed)
    texts = list(corpus.texts)
    rng = random.Random(seed)
    words = texts[0].split()
    flood = []
    for _ in range(45):  # one word replaced each: all in one LSH bucket, all near-duplicates
        copy = list(words)
        copy[rng.randrange(len(copy))] = f"w{rng.randrange(10**6)}"
        flood.append(" ".join(copy))
    chain = [" ".join(f"t{i}" for i in range(k, k + 60)) for k in (0, 6, 12)]
    extra = [texts[3], "", texts[3], "", *flood, *chain, texts[10]]
    for text in extra:
        texts.insert(rng.randrange(len(texts) + 1), text)
    return [{"id": f"d{i}", "text": t, "n": i} for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return hard_corpus(3000, seed=11)


@pytest.fixture(scope="module")
def local(records: list[dict[str, Any]]) -> Any:
    return dedup_documents([(r["id"], r["text"]) for r in records])


@pytest.mark.parametrize("driver_links", [DRIVER_LINKS, 0],
                         ids=["union-find", "large-small-star"])
def test_same_answer_as_local(cluster: cr.ClusterInfo, records: list[dict[str, Any]],
                              local: Any, driver_links: int) -> None:
    """On a few thousand documents: the same kept ids in the same order, the same removed ids,
    each with the same kept id and the same Jaccard, with either way of clustering."""
    ds = ray.data.from_items(records, override_num_blocks=5)
    result = cr.find_duplicates(ds, driver_links=driver_links).to_result()
    assert len(local.removed) > 250  # the corpus has duplicates of every kind
    assert result.kept == local.kept
    assert dict(result.removed) == dict(local.removed)


def test_rows_keep_their_fields_and_order(cluster: cr.ClusterInfo, records: list[dict[str, Any]],
                                          local: Any) -> None:
    """Kept rows are the input rows as they were; removed rows gain duplicate_of and jaccard."""
    found = cr.find_duplicates(ray.data.from_items(records, override_num_blocks=3))
    assert found.kept.take_all() == [r for r in records if r["id"] not in local.removed]
    removed = found.removed.take_all()
    assert [r["id"] for r in removed] == [r["id"] for r in records if r["id"] in local.removed]
    first = removed[0]
    dup = local.removed[first["id"]]
    assert first == {**next(r for r in records if r["id"] == first["id"]),
                     "duplicate_of": dup.duplicate_of, "jaccard": dup.jaccard}


def test_int_ids_and_another_threshold(cluster: cr.ClusterInfo) -> None:
    """Integer ids and a lower threshold give the local answer too; dedup() keeps the rest."""
    records = [{"key": i, "body": r["text"]} for i, r in enumerate(hard_corpus(400, seed=5))]
    config = DedupConfig(threshold=0.5, num_perm=64)
    local = dedup_documents([(r["key"], r["body"]) for r in records], config=config)
    ds = ray.data.from_items(records, override_num_blocks=2)
    kept = cr.dedup(ds, text_column="body", id_column="key", config=config)
    assert tuple(r["key"] for r in kept.take_all()) == local.kept


def test_clean_then_dedup_as_in_a_pipeline(cluster: cr.ClusterInfo) -> None:
    """cr.clean then cr.dedup on one dataset: the local answer for the cleaned texts."""
    banner = FRAGMENTS[0]  # a cookie notice: cleaning removes it
    records = [{"id": f"c{i}", "text": f"{banner}\n{r['text']}" if i % 2 else r["text"]}
               for i, r in enumerate(hard_corpus(300, seed=8))]
    cleaned = [(r["id"], cleanseed.clean(r["text"])) for r in records]
    local = dedup_documents(cleaned)
    ds = cr.clean(ray.data.from_items(records, override_num_blocks=2))
    assert cr.find_duplicates(ds).to_result() == local


def test_small_input_spreads_over_workers(cluster: cr.ClusterInfo,
                                          records: list[dict[str, Any]]) -> None:
    """One input block does not mean one task: the blocks are re-cut for every worker."""
    ds = ray.data.from_items(records[:800], override_num_blocks=1)
    blocks, rows = recut(ray, ds.to_arrow_refs(), cluster.num_cpus)
    assert rows == 800
    assert len(blocks) >= 2 * cluster.num_cpus


def test_repeated_id_is_refused(cluster: cr.ClusterInfo) -> None:
    """Ids must be unique, as in the local index: an id seen twice is an InputError."""
    ds = ray.data.from_items([{"id": "a", "text": "x y"}, {"id": "b", "text": "z"},
                              {"id": "a", "text": "w"}], override_num_blocks=2)
    with pytest.raises(InputError, match="'a' occurs twice"):
        cr.dedup(ds)


@pytest.mark.parametrize(("row", "error", "match"), [
    ({"id": "b", "text": None}, InputTypeError, "expected str"),
    ({"id": None, "text": "x"}, InputError, "id is missing"),
])
def test_bad_rows_are_refused(cluster: cr.ClusterInfo, row: dict[str, Any],
                              error: type[Exception], match: str) -> None:
    """A null text or id stops the run with a cleanseed error naming it."""
    ds = ray.data.from_items([{"id": "a", "text": "x"}, row])
    with pytest.raises(error, match=match):
        cr.dedup(ds)


def test_empty_input(cluster: cr.ClusterInfo) -> None:
    """No documents: nothing kept, nothing removed, no error."""
    ds = ray.data.from_arrow(pa.table({"id": pa.array([], pa.string()),
                                       "text": pa.array([], pa.string())}))
    found = cr.find_duplicates(ds)
    assert found.kept.count() == 0
    assert found.removed.count() == 0


def test_threshold_given_twice_is_refused() -> None:
    """threshold= and config= that disagree are a ConfigError, as in dedup_documents."""
    with pytest.raises(ConfigError, match="not both"):
        cr.dedup(None, threshold=0.5, config=DedupConfig(threshold=0.9))  # type: ignore[arg-type]
