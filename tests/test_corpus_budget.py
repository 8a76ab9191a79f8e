"""Tests of dedup within a memory budget: in memory when it fits, on disk when not, one answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_corpus_disk_index import corpora

from cleanseed.corpus import _index_base, budget
from cleanseed.corpus.budget import BudgetIndex, dedup_documents
from cleanseed.corpus.disk_index import MIN_MEMORY
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupConfig
from cleanseed.errors import ConfigError, InputError

WORDS = [f"w{i}" for i in range(400)]


def test_a_small_run_stays_in_memory_and_writes_nothing(tmp_path: Path) -> None:
    """100 small documents: no folder is made under the work folder, the answer is the index's."""
    docs = [(i, " ".join(WORDS[i % 50 : i % 50 + 30])) for i in range(100)]
    with BudgetIndex(work_dir=tmp_path) as index:
        got = index.result(index.add(docs))
        assert not index.on_disk
    assert list(tmp_path.iterdir()) == []
    assert got == NearDupIndex().add(docs)
    assert dedup_documents(docs, work_dir=tmp_path) == got
    assert list(tmp_path.iterdir()) == []


def test_a_run_over_budget_goes_to_disk_with_the_same_answer(tmp_path: Path) -> None:
    """The smallest budget moves the run to disk; the folder is gone after, the answer equal."""
    docs = [(f"d{i}", " ".join(WORDS[i % 70 : i % 70 + 40])) for i in range(300)]
    with BudgetIndex(memory=MIN_MEMORY, work_dir=tmp_path) as index:
        found = index.add(docs)
        assert index.on_disk and len(list(tmp_path.iterdir())) == 1
        got = index.result(found)
        assert index.ids(found.removed[:2]) == list(got.removed)[:2]
    assert list(tmp_path.iterdir()) == []
    assert got == NearDupIndex().add(docs)
    assert dedup_documents(docs, memory=MIN_MEMORY, work_dir=tmp_path) == got


@settings(max_examples=60, deadline=None)
@given(corpora(), st.integers(1, 40), st.integers(1, 5))
def test_moving_to_disk_mid_run_changes_nothing(tmp_path_factory: pytest.TempPathFactory,
                                                docs: list[tuple[object, str]], after: int,
                                                handover: int) -> None:
    """One document a batch, the budget taken to be passed after *after* documents, the
    in-memory columns handed over *handover* documents at a time: the answer is the in-memory
    index's."""
    config = DedupConfig(threshold=0.6, ngram=2, num_perm=32)
    want = NearDupIndex(config).add(docs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_index_base, "_BATCH_CHARS", 1)
        patch.setattr(BudgetIndex, "_fits", lambda _, index, p: len(index) + len(p.ids) <= after)
        patch.setattr(budget, "_HANDOVER", handover)
        with BudgetIndex(config, memory=MIN_MEMORY,
                         work_dir=tmp_path_factory.mktemp("w")) as index:
            got = index.result(index.add(docs))
            assert index.on_disk == (len(docs) > after)
    assert got.kept == want.kept
    assert dict(got.removed) == dict(want.removed)


def test_errors_are_clear(tmp_path: Path) -> None:
    """A budget below the least, a repeated id (where it would have gone), a second add."""
    with pytest.raises(ConfigError, match="memory"):
        dedup_documents([("a", "x")], memory=1000)
    with pytest.raises(ConfigError, match="memory"):
        BudgetIndex(memory=True)  # type: ignore[arg-type]
    for memory in (MIN_MEMORY, 1 << 30):
        with BudgetIndex(memory=memory, work_dir=tmp_path) as index, \
                pytest.raises(InputError, match="'b' occurs twice") as err:
            index.add([("a", "x y"), ("b", "y z"), ("b", "z w")])
        assert err.value.position == 2  # type: ignore[attr-defined]
    with BudgetIndex() as index:
        index.add([("a", "x")])
        with pytest.raises(RuntimeError, match="one add"):
            index.add([("b", "y")])
