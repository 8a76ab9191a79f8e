"""Tests of cleanseed.corpus.neardup: banding, candidates, exact verification, keep-first."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import texts

from cleanseed.corpus import _index_base as index_module
from cleanseed.corpus.budget import dedup_documents
from cleanseed.corpus.minhash import Shingles, shingle_hashes
from cleanseed.corpus.neardup import (
    DedupConfig,
    DedupResult,
    Duplicate,
    band_keys,
    candidate_pairs,
    choose_banding,
    exact_pairs,
    resolve,
    set_digests,
    unique_sets,
    verify,
)
from cleanseed.document import Document
from cleanseed.errors import ConfigError, InputError, InputTypeError

WORDS = [f"w{i}" for i in range(2000)]


def doc(start: int, stop: int, *, drop: tuple[int, ...] = ()) -> str:
    """A text of distinct words ``w{start}..w{stop-1}``, some left out."""
    return " ".join(WORDS[i] for i in range(start, stop) if i not in drop)


def true_jaccard(a: str, b: str) -> float:
    sa, sb = (set(shingle_hashes([t]).doc(0).tolist()) for t in (a, b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def csr(sets: list[list[int]]) -> Shingles:
    offsets = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in sets], out=offsets[1:])
    values = np.array([v for s in sets for v in s], dtype=np.uint32)
    return Shingles(offsets, values)


small_sets = st.lists(st.lists(st.integers(0, 30), max_size=12), min_size=2, max_size=8)


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.8, 128), (0.9, 128), (0.5, 64), (0.7, 256)])
def test_banding_reaches_the_recall_at_the_threshold(threshold: float, num_perm: int) -> None:
    """The chosen bands find a pair at the threshold with probability >= 0.995, and one more
    row per band would not."""
    bands, rows = choose_banding(threshold, num_perm)
    assert bands * rows <= num_perm
    assert 1 - (1 - threshold**rows) ** bands >= 0.995
    more = num_perm // (rows + 1)
    assert 1 - (1 - threshold ** (rows + 1)) ** more < 0.995


@given(small_sets)
def test_unique_sets_sort_and_deduplicate(sets: list[list[int]]) -> None:
    """Each document's set comes back sorted and without repeats."""
    got = unique_sets(csr(sets))
    assert [got.doc(i).tolist() for i in range(len(sets))] == [sorted(set(s)) for s in sets]


@given(small_sets, st.booleans())
def test_verify_is_the_exact_jaccard(sets: list[list[int]], fast: bool) -> None:
    """verify() equals |A & B| / |A | B| for every pair (1.0 for two empty sets), with the
    numba kernel (when installed) and without."""
    s = unique_sets(csr(sets))
    pairs = np.array(list(itertools.combinations(range(len(sets)), 2)))
    got = verify(pairs, s, fast=fast)
    for (i, j), value in zip(pairs.tolist(), got.tolist(), strict=True):
        a, b = set(sets[i]), set(sets[j])
        assert value == (len(a & b) / len(a | b) if a | b else 1.0)


def test_verify_in_chunks_gives_the_same_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Splitting the pairs into chunks of a few elements changes nothing."""
    rng = np.random.default_rng(0)
    s = unique_sets(csr([rng.integers(0, 50, 20).tolist() for _ in range(30)]))
    pairs = np.array(list(itertools.combinations(range(30), 2)))
    whole = verify(pairs, s)
    from cleanseed.corpus import neardup

    monkeypatch.setattr(neardup, "_VERIFY_CHUNK", 7)
    assert np.array_equal(verify(pairs, s, fast=False), whole)
    assert np.array_equal(verify(pairs, s), whole)


@given(st.lists(st.lists(st.integers(0, 3), min_size=3, max_size=3), min_size=2, max_size=30),
       st.integers(1, 4))
def test_candidates_are_bucket_mates_within_the_window(rows: list[list[int]], window: int) -> None:
    """Each pair shares a key; each document is paired with its bucket's first member and the
    `window` members before it; nothing else."""
    keys = np.array(rows, dtype=np.uint64)
    got = {tuple(p) for p in candidate_pairs(keys, window=window).tolist()}
    want = set()
    for band in range(keys.shape[1]):
        buckets: dict[int, list[int]] = {}
        for i, k in enumerate(keys[:, band].tolist()):
            buckets.setdefault(k, []).append(i)
        for members in buckets.values():
            for pos, j in enumerate(members[1:], start=1):
                want.add((members[0], j))
                want.update((members[p], j) for p in range(max(0, pos - window), pos))
    assert got == want


def test_band_keys_match_exactly_when_bands_match() -> None:
    """Equal bands give equal keys; a change in one value changes that band's key only."""
    sig = np.arange(24, dtype=np.uint32).reshape(2, 12)
    sig[1, 6:] = sig[0, 6:]
    keys = band_keys(sig, 4, 3)
    assert (keys[0] == keys[1]).tolist() == [False, False, True, True]


@given(st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=20))
def test_resolve_roots_are_the_earliest_member_of_each_component(
        edges: list[tuple[int, int]]) -> None:
    """Roots are component minima, whatever the order of the pairs."""
    pairs = np.array([(min(a, b), max(a, b)) for a, b in edges], dtype=np.int64).reshape(-1, 2)
    roots = resolve(12, pairs)
    assert np.array_equal(resolve(12, pairs[::-1]), roots)
    comp = list(range(12))
    for _ in range(12):
        for a, b in pairs.tolist():
            comp[a] = comp[b] = min(comp[a], comp[b], comp[comp[a]], comp[comp[b]])
    assert roots.tolist() == [min(k for k in range(12) if comp[k] == comp[i]) for i in range(12)]


def test_resolve_keeps_the_roots_already_known() -> None:
    """Documents with known roots stay attached to them; new links join the earliest root."""
    roots = resolve(6, np.array([[1, 4], [3, 5]]), roots=np.array([0, 1, 0, 3]))
    assert roots.tolist() == [0, 1, 0, 3, 1, 3]


def test_exact_pairs_need_equal_sets_not_only_equal_digests() -> None:
    """Documents are exact copies only if their sets are equal element by element."""
    s = unique_sets(csr([[1, 2], [3], [1, 2], [2, 1], [4]]))
    digests = set_digests(s)
    assert exact_pairs(digests, s).tolist() == [[0, 2], [0, 3]]
    forged = digests.copy()
    forged[4] = forged[1]  # a digest collision
    assert exact_pairs(forged, s).tolist() == [[0, 2], [0, 3]]


def test_keep_first_and_point_to_the_kept_document() -> None:
    """The first of a cluster is kept; the others name it and the exact Jaccard."""
    a = doc(0, 300)
    b = doc(0, 300, drop=(150,))
    c = doc(500, 800)
    d = doc(0, 300, drop=(10, 200))
    result = dedup_documents([("a", a), ("b", b), ("c", c), ("d", d)])
    assert result.kept == ("a", "c")
    assert list(result.removed) == ["b", "d"]
    assert result.removed["b"] == Duplicate("b", "a", true_jaccard(a, b))
    assert result.removed["d"].jaccard == true_jaccard(a, d)


def test_clusters_are_transitive_and_report_the_pair_jaccard() -> None:
    """A~B and B~C put C in A's cluster, with J(A, C) reported even below the threshold."""
    a, b, c = doc(0, 100), doc(10, 110), doc(20, 120)
    assert true_jaccard(a, b) >= 0.8 > true_jaccard(a, c)
    result = dedup_documents([("a", a), ("b", b), ("c", c)])
    assert result.kept == ("a",)
    assert result.removed["c"] == Duplicate("c", "a", true_jaccard(a, c))


def test_below_the_threshold_nothing_is_removed() -> None:
    """Documents sharing less than the threshold all stay."""
    a, b = doc(0, 100), doc(30, 130)
    assert true_jaccard(a, b) < 0.8
    assert dedup_documents([(1, a), (2, b)]).kept == (1, 2)


def test_a_flood_of_copies_keeps_one() -> None:
    """Hundreds of exact copies and near copies: one document is kept, never none."""
    base = doc(0, 400)
    docs = [(f"x{i}", base if i % 2 else doc(0, 400, drop=(i,))) for i in range(300)]
    result = dedup_documents(docs)
    assert result.kept == ("x0",)
    assert all(d.duplicate_of == "x0" for d in result.removed.values())


def test_empty_documents_are_duplicates_of_each_other() -> None:
    """Texts without tokens form one cluster (Jaccard of two empty sets is 1.0)."""
    result = dedup_documents([("a", ""), ("b", "some words here"), ("c", "..."), ("d", "  ")])
    assert result.kept == ("a", "b")
    assert result.removed["c"] == Duplicate("c", "a", 1.0)


@pytest.mark.slow
@given(st.lists(texts, min_size=1, max_size=12), st.integers(1, 4000))
def test_results_do_not_depend_on_batch_size(docs: list[str], batch_chars: int) -> None:
    """Any batch size gives the same kept ids and the same removals."""
    pairs = [(i, t) for i, t in enumerate(docs)]
    whole = dedup_documents(pairs)
    saved = index_module._BATCH_CHARS
    try:
        index_module._BATCH_CHARS = batch_chars
        assert dedup_documents(pairs) == whole
    finally:
        index_module._BATCH_CHARS = saved


@given(st.lists(st.sampled_from([doc(0, 60), doc(0, 60, drop=(7,)), doc(100, 160), "", "x y"]),
                max_size=12))
def test_every_removed_document_points_to_a_kept_one(docs: list[str]) -> None:
    """Kept + removed = the input, in input order; every target is kept and earlier."""
    result = dedup_documents(list(enumerate(docs)))
    assert sorted([*result.kept, *result.removed]) == list(range(len(docs)))
    assert list(result.kept) == sorted(result.kept)
    for d in result.removed.values():
        assert d.duplicate_of in result.kept
        assert d.duplicate_of < d.id
        assert d.jaccard == true_jaccard(docs[d.id], docs[d.duplicate_of])


def test_documents_are_accepted_as_input() -> None:
    """cleanseed.Document objects work as well as (id, text) pairs."""
    result = dedup_documents([Document("same words in a row here", id="a"),
                              Document("Same words, in a row here.", id="b")])
    assert result.removed["b"].duplicate_of == "a"


def test_recall_on_edited_copies() -> None:
    """Copies with one word in a hundred changed are all found (fixed data: deterministic)."""
    originals = [doc(k * 100, k * 100 + 100) for k in range(15)]
    copies = [doc(k * 100, k * 100 + 100, drop=(k * 100 + 50,)) for k in range(15)]
    result = dedup_documents([(f"o{k}", t) for k, t in enumerate(originals)] +
                             [(f"c{k}", t) for k, t in enumerate(copies)])
    assert result.kept == tuple(f"o{k}" for k in range(15))


@pytest.mark.parametrize(("bad", "error"), [
    (["just a string"], InputTypeError),
    ([("a", b"bytes")], InputTypeError),
    ([(1.5, "text")], InputTypeError),
    ([(True, "text")], InputTypeError),
    ([("a", "one"), ("a", "two")], InputError),
])
def test_bad_input_is_reported(bad: list[object], error: type[Exception]) -> None:
    """Items that are not (id, text) pairs, non-str texts, odd ids and repeated ids raise."""
    with pytest.raises(error):
        dedup_documents(bad)


def test_result_is_frozen_and_serialisable() -> None:
    """DedupResult cannot be changed, and as_records gives JSON-ready dicts in input order."""
    result = dedup_documents([("a", "x y z"), ("b", "X, y, z"), ("c", "x y z!")])
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.kept = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.removed["d"] = Duplicate("d", "a", 1.0)  # type: ignore[index]
    assert result.as_records() == [{"id": "b", "duplicate_of": "a", "jaccard": 1.0},
                                   {"id": "c", "duplicate_of": "a", "jaccard": 1.0}]
    assert isinstance(result, DedupResult)


@pytest.mark.parametrize("kwargs", [{"threshold": 0.0}, {"threshold": 1.5}, {"num_perm": 0},
                                    {"bands": 4}, {"bands": 30, "rows": 5}, {"window": 0}])
def test_bad_config_raises(kwargs: dict[str, object]) -> None:
    """Out-of-range parameters raise ConfigError."""
    with pytest.raises(ConfigError):
        DedupConfig(**kwargs)  # type: ignore[arg-type]


def test_threshold_given_twice_is_an_error() -> None:
    """threshold= and config= must not disagree."""
    with pytest.raises(ConfigError):
        dedup_documents([], threshold=0.9, config=DedupConfig(threshold=0.7))
