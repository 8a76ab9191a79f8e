"""Tests of the on-disk index opened again and extended: sorted runs, lookups, queries."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_corpus_disk_index import TINY, corpora

from cleanseed.corpus import _disk_links, _spill
from cleanseed.corpus._runs import RunSet, _bucket_rows
from cleanseed.corpus.disk_index import DiskIndex
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupConfig, candidate_pairs
from cleanseed.errors import InputError

CONFIG = DedupConfig(ngram=2, num_perm=32, threshold=0.6, window=2)


def _run_of(docs: list[tuple[object, str]], folder: Path, cuts: list[int],
            memory: NearDupIndex) -> None:
    """Add *docs* in runs cut at *cuts*, committing and opening again between runs; each run's
    answer and every query must equal the in-memory index's."""
    bounds = [0, *sorted(min(c, len(docs)) for c in cuts), len(docs)]
    for lo, hi in itertools.pairwise(bounds):
        with DiskIndex(folder, CONFIG, memory=TINY) as index:
            got = index.result(index.add(docs[lo:hi]))
            want = memory.add(docs[lo:hi])
            assert got.kept == want.kept and dict(got.removed) == dict(want.removed)
            for _, text in docs[: hi + 1]:
                assert index.query(text) == memory.query(text)
            index.commit()


@settings(max_examples=30, deadline=None)
@given(corpora(), st.lists(st.integers(0, 40), min_size=1, max_size=5))
def test_extended_and_queried_like_the_in_memory_index(tmp_path_factory: pytest.TempPathFactory,
                                                       docs: list[tuple[object, str]],
                                                       cuts: list[int]) -> None:
    """Runs of any size, merged or not, give each add and each query the in-memory answer (a
    window of 2 makes buckets longer than the window, so which members a lookup returns
    matters)."""
    _run_of(docs, tmp_path_factory.mktemp("index"), cuts, NearDupIndex(CONFIG))


def test_adding_to_an_opened_index_reads_no_committed_band_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once committed, band keys and digests are found in the runs: an add reads only the new
    documents' part of those columns."""
    docs = [(f"d{i}", f"w{i % 7} w{i % 11} w{i % 13} w{i % 5} w{i}") for i in range(300)]
    with DiskIndex(tmp_path, CONFIG, memory=TINY) as index:
        index.add(docs[:250])
        index.commit()
    reads: list[tuple[str, int]] = []
    real = _spill.Column.read

    def spy(self: _spill.Column, lo: int = 0, hi: int | None = None) -> np.ndarray:
        if self.path.name.startswith(("band-", "digests")):
            reads.append((self.path.name, lo))
        return real(self, lo, hi)

    monkeypatch.setattr(_spill.Column, "read", spy)
    memory = NearDupIndex(CONFIG)
    memory.add(docs[:250])
    with DiskIndex(tmp_path, CONFIG, memory=TINY) as index:
        got = index.result(index.add(docs[250:]))
        assert index.query(docs[3][1]) == memory.query(docs[3][1])
    want = memory.add(docs[250:])
    assert got.kept == want.kept and dict(got.removed) == dict(want.removed)
    assert reads, "the new documents' keys are read"
    assert all(lo >= 250 for _, lo in reads)


def test_runs_merge_like_a_binary_counter(tmp_path: Path) -> None:
    """Many small commits leave about log2(n) runs, consecutive from position 0."""
    with DiskIndex(tmp_path, CONFIG, memory=TINY) as index:
        for i in range(40):
            index.add([(i, f"alpha{i} beta{i} gamma{i} delta")])
            index.commit()
        runs = index._runs.runs
    assert runs[0].lo == 0 and runs[-1].hi == 40
    assert all(a.hi == b.lo for a, b in itertools.pairwise(runs))
    assert len(runs) <= math.log2(40) + 1
    assert sorted(p.name for p in tmp_path.glob("run-*")) == sorted(r.name for r in runs)


def test_an_index_saved_without_runs_is_extended_and_given_them(tmp_path: Path) -> None:
    """A folder whose params list no runs (as written before runs were kept) is read from its
    columns, with the same answer; the next commit writes its run."""
    docs = [(f"d{i}", " ".join(f"w{(i * k) % 23}" for k in range(12))) for i in range(60)]
    with DiskIndex(tmp_path, CONFIG) as index:
        index.add(docs[:40])
        index.commit()
    params = json.loads((tmp_path / "params.json").read_text())
    for run in params.pop("runs"):
        (tmp_path / run["file"]).unlink()
    (tmp_path / "params.json").write_text(json.dumps(params))
    memory = NearDupIndex(CONFIG)
    memory.add(docs[:40])
    with DiskIndex(tmp_path, CONFIG) as index:
        got = index.result(index.add(docs[40:]))
        index.commit()
        assert index._runs.covered == 60
    want = memory.add(docs[40:])
    assert got.kept == want.kept and dict(got.removed) == dict(want.removed)


def test_damaged_runs_are_named_and_stray_ones_removed(tmp_path: Path) -> None:
    """A run list a commit would not write is an InputError naming params.json; a run file no
    commit finished is removed when the folder is opened."""
    with DiskIndex(tmp_path, CONFIG) as index:
        index.add([("a", "one two three"), ("b", "four five six")])
        index.commit()
    (tmp_path / "run-0123abcd.bin").write_bytes(b"half")
    with DiskIndex(tmp_path, CONFIG) as index:
        assert len(index) == 2
    assert not (tmp_path / "run-0123abcd.bin").exists()
    params = json.loads((tmp_path / "params.json").read_text())
    for bad in ([{"file": "../x.bin", "lo": 0, "hi": 2, "sizes": [1] * 33}],
                [{**params["runs"][0], "lo": 1}], "runs", [{**params["runs"][0], "sizes": [3]}]):
        (tmp_path / "params.json").write_text(json.dumps({**params, "runs": bad}))
        with pytest.raises(InputError, match=r"params\.json"):
            DiskIndex(tmp_path, CONFIG)
    run = tmp_path / params["runs"][0]["file"]
    run.write_bytes(run.read_bytes()[:-8])
    (tmp_path / "params.json").write_text(json.dumps(params))
    with pytest.raises(InputError, match="sorted runs"):
        DiskIndex(tmp_path, CONFIG)


@given(st.lists(st.integers(0, 6), max_size=60), st.lists(st.integers(0, 7), max_size=5),
       st.one_of(st.none(), st.integers(0, 4)))
def test_bucket_rows_are_the_first_and_the_last_of_each_bucket(
        keys: list[int], want: list[int], window: int | None) -> None:
    """For each wanted key: its first row and its last *window* rows (all rows for None)."""
    column = np.sort(np.array(keys, dtype=np.uint64))
    got = set(_bucket_rows(column, np.array(want, dtype=np.uint64), window).tolist())
    expect: set[int] = set()
    for k in set(want):
        rows = np.flatnonzero(column == k).tolist()
        if rows:
            expect |= {rows[0], *(rows if window is None else rows[max(0, len(rows) - window):])}
            if window == 0:
                expect = (expect - set(rows)) | {rows[0]}
    assert got == expect


def test_members_span_runs(tmp_path: Path) -> None:
    """A bucket split across runs gives each run's first and last members, positions
    ascending, each once."""
    with DiskIndex(tmp_path, CONFIG, memory=TINY) as index:
        for lo, hi in ((0, 8), (8, 12), (12, 16)):
            index.add([(i, "same words in every one") for i in range(lo, hi)])
            index.commit()
        runs = RunSet(tmp_path, index._runs.runs, TINY)
        digest = index._digests.read(0, 1)
        keys, pos = runs.members(CONFIG.banding()[0], digest, 0)
    assert pos.tolist() == [run.lo for run in runs.runs]
    assert set(keys.tolist()) == set(digest.tolist())


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 60), st.integers(1, 3), st.integers(1, 4), st.integers(0, 2**32),
       st.lists(st.integers(0, 60), max_size=4), st.integers(0, 60))
def test_candidates_from_runs_and_tail_equal_the_in_memory_ones(
        tmp_path_factory: pytest.TempPathFactory, n: int, bands: int, window: int, seed: int,
        cuts: list[int], start: int) -> None:
    """Buckets split across runs and the tail (keys from a few values, so buckets outgrow the
    window) pair each document from *start* on as ``candidate_pairs`` does over all of them."""
    folder = tmp_path_factory.mktemp("runs")
    rng = np.random.default_rng(seed)
    keys = rng.integers(0, 4, size=(n, bands)).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    reps = rng.random(n) < 0.8
    start = min(start, n)
    columns = []
    for b in range(bands + 1):
        column = _spill.Column(folder / f"c{b}", np.uint64, 0)
        column.append(keys[:, b] if b < bands else keys[:, 0])
        column.flush()
        columns.append(column)
    runs = RunSet(folder, [], 1 << 10)
    for cut in sorted(c for c in cuts if c <= start):
        runs.add_tail(columns, reps, cut)
    spill = _spill.SortedSpill(folder, 1 << 10)
    _disk_links.candidate_codes(columns[:bands], reps, start, window, spill, 1 << 10, runs)
    codes = np.concatenate([np.zeros(0, dtype=np.uint64), *spill])
    got = np.stack([codes // np.uint64(n), codes % np.uint64(n)], axis=1).astype(np.int64)
    members = np.flatnonzero(reps)
    want = members[candidate_pairs(keys[members], window=window)]
    assert got.tolist() == want[want[:, 1] >= start].tolist()
