"""Tests of the on-disk index: the same answers as the in-memory one, in any memory budget."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanseed.corpus import _disk_links
from cleanseed.corpus._spill import SortedSpill
from cleanseed.corpus.disk_index import DiskIndex
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupConfig, resolve
from cleanseed.errors import ConfigError, InputError, InputTypeError

TINY = 64 << 10  # slices every grouping and verifies a few pairs at a time
WORDS = [f"w{i}" for i in range(60)]


@st.composite
def corpora(draw: st.DrawFn) -> list[tuple[object, str]]:
    """Originals, exact copies and edited copies (words replaced, cut, added), some empty."""
    docs: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        kind = draw(st.sampled_from(["new", "copy", "edit", "empty"]))
        if kind == "new" or not docs:
            docs.append(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=30))))
        elif kind == "copy":
            docs.append(docs[draw(st.integers(0, len(docs) - 1))])
        elif kind == "edit":
            words = docs[draw(st.integers(0, len(docs) - 1))].split()
            at = draw(st.integers(0, len(words)))
            words[at:at + 1] = draw(st.lists(st.sampled_from(WORDS), max_size=2))
            docs.append(" ".join(words))
        else:
            docs.append("")
    ids: list[object] = [i if i % 3 else f"d{i}" for i in range(len(docs))]
    return list(zip(ids, docs, strict=True))


@settings(max_examples=60, deadline=None)
@given(corpora(), st.sampled_from([0.5, 0.8, 1.0]), st.integers(1, 4))
def test_same_answer_as_the_in_memory_index(tmp_path_factory: pytest.TempPathFactory,
                                            docs: list[tuple[object, str]], threshold: float,
                                            window: int) -> None:
    """Kept ids, removed -> kept pairs and their Jaccard equal NearDupIndex's, however small
    the memory budget (ngram 2 and a small window make many candidates and chains)."""
    config = DedupConfig(threshold=threshold, ngram=2, window=window, num_perm=32)
    want = NearDupIndex(config).add(docs)
    for memory in (TINY, 1 << 30):
        with DiskIndex(tmp_path_factory.mktemp("w"), config, memory=memory) as index:
            got = index.result(index.add(docs))
        assert got.kept == want.kept
        assert dict(got.removed) == dict(want.removed)


@settings(max_examples=25, deadline=None)
@given(corpora(), st.lists(st.integers(0, 40), min_size=1, max_size=3))
def test_extended_across_runs_like_the_in_memory_index(tmp_path_factory: pytest.TempPathFactory,
                                                        docs: list[tuple[object, str]],
                                                        cuts: list[int]) -> None:
    """Adding in several runs, each committed and the folder opened again, gives each run the
    answer NearDupIndex gives the same runs."""
    folder = tmp_path_factory.mktemp("index")
    config = DedupConfig(ngram=2, num_perm=32, threshold=0.6)
    memory = NearDupIndex(config)
    bounds = [0, *sorted(min(c, len(docs)) for c in cuts), len(docs)]
    for lo, hi in itertools.pairwise(bounds):
        with DiskIndex(folder, config, memory=TINY) as index:
            got = index.result(index.add(docs[lo:hi]))
            index.commit()
        want = memory.add(docs[lo:hi])
        assert got.kept == want.kept and dict(got.removed) == dict(want.removed)
    with DiskIndex(folder) as index:
        assert len(index) == len(docs)
        assert index.config == memory.config


def test_uncommitted_documents_are_dropped_on_the_next_open(tmp_path: Path) -> None:
    """A run that never commits leaves the index as the last commit left it."""
    with DiskIndex(tmp_path) as index:
        index.add([("a", "one two three four five six")])
        index.commit()
        index.add([("b", "seven eight nine ten eleven twelve")])
    with DiskIndex(tmp_path) as index:
        assert len(index) == 1 and "a" in index and "b" not in index
        found = index.add([("b", "one two three four five six!")])
        assert index.result(found).removed["b"].duplicate_of == "a"


def test_a_failed_add_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    """An error in the middle of the input rolls the index back; it stays usable."""
    with DiskIndex(tmp_path, memory=TINY) as index:
        index.add([("a", "alpha beta gamma delta epsilon zeta")])
        index.commit()
        with pytest.raises(InputTypeError):
            index.add([("b", "alpha beta gamma delta epsilon zeta"), ("c", 3)])
        assert len(index) == 1 and "b" not in index
        found = index.result(index.add([("b", "Alpha beta gamma delta epsilon zeta")]))
        assert found.removed["b"].duplicate_of == "a"


def test_ids_must_be_unique_and_keep_their_type(tmp_path: Path) -> None:
    """A repeated id is an error, in one run or across runs; 5 and "5" are two ids."""
    with DiskIndex(tmp_path) as index:
        index.add([(5, "x"), ("5", "y")])
        index.commit()
        assert 5 in index and "5" in index and 6 not in index
        with pytest.raises(InputError, match="occurs twice"):
            index.add([("new", "z"), (5, "again")])
        with pytest.raises(InputError, match="occurs twice"):
            index.add([("p", "z"), ("p", "z")])
        assert index.ids([0, 1]) == [5, "5"]


def test_parameters_are_checked(tmp_path: Path) -> None:
    """Another config than the stored one, a tiny budget, a folder in use: clear errors."""
    with DiskIndex(tmp_path, DedupConfig(threshold=0.7)) as index:
        index.add([("a", "text")])
        index.commit()
    with pytest.raises(ConfigError, match="threshold"):
        DiskIndex(tmp_path, DedupConfig(threshold=0.9))
    with pytest.raises(ConfigError, match="memory"):
        DiskIndex(tmp_path / "other", memory=1000)
    with DiskIndex(tmp_path), pytest.raises(InputError, match="in use"):
        DiskIndex(tmp_path)


@given(st.lists(st.integers(0, 1 << 40), max_size=300), st.integers(0, 5))
def test_sorted_spill_gives_every_value_once_in_order(values: list[int], seed: int) -> None:
    """Whatever is spilled to runs, the values come out sorted and unique."""
    import tempfile

    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        spill = SortedSpill(Path(tmp), budget=64)  # 1024 values held at most
        arr = np.array(values * 5, dtype=np.uint64)
        rng.shuffle(arr)
        for piece in np.array_split(arr, 7):
            spill.add(piece)
        out = np.concatenate([np.zeros(0, dtype=np.uint64), *spill])
        assert out.tolist() == sorted(set(values))
        assert not list(Path(tmp).iterdir())


def test_sorted_spill_merges_runs() -> None:
    """Many more values than the budget: several runs, merged in order."""
    import tempfile

    rng = np.random.default_rng(1)
    values = rng.integers(0, 1 << 62, 20000, dtype=np.uint64)
    with tempfile.TemporaryDirectory() as tmp:
        spill = SortedSpill(Path(tmp), budget=64)
        for piece in np.array_split(values, 40):
            spill.add(piece)
        assert len(list(Path(tmp).iterdir())) > 1
        assert np.array_equal(np.concatenate(list(spill)), np.unique(values))


@given(st.integers(1, 60), st.lists(st.tuples(st.integers(0, 59), st.integers(0, 59)),
                                    max_size=80), st.data())
def test_components_equal_union_find(n: int, edges: list[tuple[int, int]],
                                     data: st.DataObject) -> None:
    """Label propagation gives each document the root union-find gives it, with or without
    roots from an earlier run."""
    pairs = np.array([(a % n, b % n) for a, b in edges if a % n != b % n],
                     dtype=np.int64).reshape(-1, 2)
    old = data.draw(st.integers(0, n))
    earlier = resolve(old, pairs[(pairs < old).all(axis=1)]) if old else np.zeros(0, np.int64)
    roots = np.concatenate([earlier, np.arange(old, n)])
    want = resolve(n, pairs, roots=earlier)
    assert np.array_equal(_disk_links.components(roots, pairs), want)
