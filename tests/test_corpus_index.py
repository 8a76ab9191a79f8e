"""Tests of cleanseed.corpus.index.NearDupIndex: incremental adds, queries, save and load."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanseed.corpus.budget import dedup_documents
from cleanseed.corpus.disk_index import DiskIndex
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupConfig
from cleanseed.errors import ConfigError, InputError, InputTypeError

WORDS = [f"w{i}" for i in range(3000)]


def doc(start: int, stop: int, *, drop: tuple[int, ...] = ()) -> str:
    return " ".join(WORDS[i] for i in range(start, stop) if i not in drop)


# a small corpus with clusters, chains, exact copies and empty texts
POOL = [doc(0, 100), doc(0, 100, drop=(50,)), doc(10, 110), doc(20, 120), doc(500, 600),
        doc(500, 600, drop=(520, 580)), doc(1000, 1040), "", "...", doc(2000, 2100)]


def restrict(result, ids):  # type: ignore[no-untyped-def]
    keep = set(ids)
    return ([k for k in result.kept if k in keep],
            {k: v for k, v in result.removed.items() if k in keep})


@settings(max_examples=60)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=14), st.data())
def test_adding_in_steps_equals_one_pass(texts: list[str], data: st.DataObject) -> None:
    """Each add() gives its documents what one pass over everything so far gives them. (Earlier
    results stay as they were: a later document can link two earlier clusters.)"""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(texts)), min_size=2, max_size=2)))
    docs = list(enumerate(texts))
    index = NearDupIndex()
    for lo, hi in zip([0, *cuts], [*cuts, len(texts)], strict=True):
        step = index.add(docs[lo:hi])
        assert (list(step.kept), dict(step.removed)) == restrict(dedup_documents(docs[:hi]),
                                                                  range(lo, hi))


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    """A loaded index answers queries and dedups new documents as the original would."""
    index = NearDupIndex()
    index.add([(f"p{i}", t) for i, t in enumerate(POOL[:7])])
    index.save(tmp_path / "idx")
    loaded = NearDupIndex.load(tmp_path / "idx")
    assert len(loaded) == len(index) and loaded.ids() == index.ids()
    assert loaded.config == index.config
    for text in POOL:
        assert loaded.query(text) == index.query(text)
    more = [("n1", POOL[1]), ("n2", POOL[9]), ("n3", POOL[5])]
    assert loaded.add(more) == index.add(more)


def test_params_are_stored_beside_the_arrays(tmp_path: Path) -> None:
    """params.json holds the parameters and the file names; the arrays need no pickle."""
    index = NearDupIndex(DedupConfig(threshold=0.9, num_perm=64))
    index.add([("a", POOL[0])])
    index.save(tmp_path)
    params = json.loads((tmp_path / "params.json").read_text())
    assert params["config"]["threshold"] == 0.9 and params["config"]["num_perm"] == 64
    assert params["config"]["bands"] * params["config"]["rows"] <= 64
    assert params["count"] == 1
    with np.load(tmp_path / params["arrays"], allow_pickle=False) as arrays:
        assert set(arrays.files) == {"keys", "offsets", "values", "digests", "roots", "reps"}
    assert json.loads((tmp_path / params["ids"]).read_text()) == ["a"]


def test_saving_again_replaces_the_old_files(tmp_path: Path) -> None:
    """Each save leaves exactly one set of data files, the one params.json names."""
    index = NearDupIndex()
    index.add([("a", POOL[0])])
    index.save(tmp_path)
    index.add([("b", POOL[4])])
    index.save(tmp_path)
    params = json.loads((tmp_path / "params.json").read_text())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["params.json", params["arrays"], params["ids"]])
    assert NearDupIndex.load(tmp_path).ids() == ("a", "b")


def test_loading_with_other_parameters_is_refused(tmp_path: Path) -> None:
    """A config that differs from the stored one raises ConfigError naming the difference."""
    NearDupIndex(DedupConfig(threshold=0.8)).save(tmp_path)
    assert len(NearDupIndex.load(tmp_path, DedupConfig(threshold=0.8))) == 0
    with pytest.raises(ConfigError, match="threshold"):
        NearDupIndex.load(tmp_path, DedupConfig(threshold=0.7))
    with pytest.raises(ConfigError, match="ngram"):
        NearDupIndex.load(tmp_path, DedupConfig(ngram=3))


def test_an_index_of_another_version_is_refused(tmp_path: Path) -> None:
    """A different shingling version means different hashes: the index must be rebuilt."""
    NearDupIndex().save(tmp_path)
    params = json.loads((tmp_path / "params.json").read_text())
    params["shingling"] = "something-else"
    (tmp_path / "params.json").write_text(json.dumps(params))
    with pytest.raises(ConfigError, match="rebuild"):
        NearDupIndex.load(tmp_path)


def test_damaged_indexes_are_reported(tmp_path: Path) -> None:
    """Missing, inconsistent or pickled data raise InputError, never run anything."""
    with pytest.raises(InputError, match=r"params\.json is missing"):
        NearDupIndex.load(tmp_path)
    index = NearDupIndex()
    index.add([("a", POOL[0]), ("b", POOL[4])])
    index.save(tmp_path)
    params = json.loads((tmp_path / "params.json").read_text())
    params["count"] = 3
    (tmp_path / "params.json").write_text(json.dumps(params))
    with pytest.raises(InputError, match="damaged"):
        NearDupIndex.load(tmp_path)
    params["count"] = 2
    (tmp_path / "params.json").write_text(json.dumps(params))
    np.savez(tmp_path / params["arrays"], keys=np.array([object()]), offsets=np.zeros(1))
    with pytest.raises(InputError):
        NearDupIndex.load(tmp_path)
    (tmp_path / "params.json").write_text("{not json")
    with pytest.raises(InputError, match="JSON"):
        NearDupIndex.load(tmp_path)


def test_a_failed_add_leaves_the_index_unchanged() -> None:
    """An error in the middle of add() rolls back everything that call added."""
    index = NearDupIndex()
    index.add([("a", POOL[0])])
    with pytest.raises(InputTypeError):
        index.add([("b", POOL[4]), ("c", None)])
    assert index.ids() == ("a",) and "b" not in index
    assert index.add([("b", POOL[4]), ("c", POOL[1])]).removed["c"].duplicate_of == "a"


def test_ids_must_be_unique_across_adds() -> None:
    """An id already in the index is refused."""
    index = NearDupIndex()
    index.add([("a", POOL[0])])
    with pytest.raises(InputError, match="twice"):
        index.add([("a", POOL[4])])


def test_query_finds_verified_matches_only() -> None:
    """query() lists documents at or above the threshold, with their exact Jaccard."""
    index = NearDupIndex()
    assert index.query(POOL[0]) == []
    index.add([("a", POOL[0]), ("b", POOL[4]), ("c", POOL[0])])
    assert index.query(POOL[1]) == [("a", pytest.approx(0.9, abs=0.06))]
    assert index.query(POOL[0]) == [("a", 1.0)]  # "c" is an exact copy of "a"
    assert index.query(POOL[9]) == []
    assert index.query(POOL[3]) == []  # J(POOL[0], POOL[3]) < 0.8


def test_removed_documents_still_link_later_ones() -> None:
    """A removed document stays in the index, so a later document close to it is caught."""
    index = NearDupIndex()
    index.add([("a", doc(0, 100)), ("b", doc(10, 110))])
    result = index.add([("c", doc(20, 120))])
    assert result.removed["c"].duplicate_of == "a"


# --- the `cleanseed dedup` command ----------------------------------------------------------

def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


RECORDS = [{"id": "a", "text": POOL[0], "lang": "en"}, {"lang": "fr", "text": POOL[1], "id": "b"},
           {"id": "c", "text": POOL[4]}, {"text": POOL[5]}, {"id": "e", "text": POOL[9]}]


def test_cli_writes_kept_and_removed_records(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Kept records go out unchanged; removed ones get duplicate_of and jaccard; a summary."""
    from cleanseed.cli import main

    src = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    code = main(["dedup", str(src), "-o", str(tmp_path / "out.jsonl"),
                 "--removed", str(tmp_path / "removed.jsonl")])
    assert code == 0
    assert read_jsonl(tmp_path / "out.jsonl") == [RECORDS[0], RECORDS[2], RECORDS[4]]
    removed = read_jsonl(tmp_path / "removed.jsonl")
    assert removed[0] == {**RECORDS[1], "duplicate_of": "a", "jaccard": pytest.approx(0.9, abs=0.1)}
    assert list(removed[0])[:3] == ["lang", "text", "id"]  # the record's own field order
    assert removed[1]["duplicate_of"] == "c"  # a record without id is named FILE:LINE
    assert "5 documents read, 3 kept, 2 removed" in capsys.readouterr().err


def test_cli_extends_an_index_across_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A second run, reading stdin, dedups against the first run's saved index."""
    import io
    import sys

    from cleanseed.cli import main

    first = write_jsonl(tmp_path / "one.jsonl", RECORDS[:3])
    assert main(["dedup", str(first), "-o", str(tmp_path / "o1.jsonl"), "--index",
                 str(tmp_path / "idx"), "-q"]) == 0
    again = [{"id": "x", "text": POOL[1]}, {"id": "y", "text": POOL[6]}]
    stdin = io.TextIOWrapper(io.BytesIO("".join(json.dumps(r) + "\n" for r in again).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["dedup", "-", "-o", str(tmp_path / "o2.jsonl"), "--removed",
                 str(tmp_path / "r2.jsonl"), "--index", str(tmp_path / "idx"), "-q"]) == 0
    assert read_jsonl(tmp_path / "o2.jsonl") == [again[1]]
    assert read_jsonl(tmp_path / "r2.jsonl")[0]["duplicate_of"] == "a"
    with DiskIndex(tmp_path / "idx") as index:
        assert len(index) == 5
    capsys.readouterr()
    assert main(["dedup", str(first), "-o", str(tmp_path / "o3.jsonl"), "--index",
                 str(tmp_path / "idx")]) == 1
    assert re.search(r"one.jsonl:1 \(field 'id'\): id 'a' occurs twice", capsys.readouterr().err)
    assert not (tmp_path / "o3.jsonl").exists()
    assert main(["dedup", str(first), "-o", str(tmp_path / "o3.jsonl"), "--index",
                 str(tmp_path / "idx"), "--threshold", "0.9"]) == 1
    assert "threshold" in capsys.readouterr().err


def test_cli_extends_an_index_saved_by_save(tmp_path: Path) -> None:
    """A folder written by NearDupIndex.save is still read and extended in its own format."""
    from cleanseed.cli import main

    saved = NearDupIndex()
    saved.add([(r["id"], r["text"]) for r in RECORDS[:3]])
    saved.save(tmp_path / "idx")
    again = write_jsonl(tmp_path / "two.jsonl", [{"id": "x", "text": POOL[1]}])
    assert main(["dedup", str(again), "-o", str(tmp_path / "o.jsonl"), "--index",
                 str(tmp_path / "idx"), "-q"]) == 0
    assert read_jsonl(tmp_path / "o.jsonl") == []
    assert len(NearDupIndex.load(tmp_path / "idx")) == 4


def test_cli_with_a_tiny_memory_budget_gives_the_same_output(tmp_path: Path) -> None:
    """--memory 64K slices every grouping finely: the outputs are byte for byte the same."""
    from cleanseed.cli import main

    src = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    for name, extra in (("big", []), ("tiny", ["--memory", "64K", "--work-dir", str(tmp_path)])):
        assert main(["dedup", str(src), "-o", str(tmp_path / f"{name}.jsonl"), "--removed",
                     str(tmp_path / f"{name}-r.jsonl"), "-q", *extra]) == 0
    for suffix in (".jsonl", "-r.jsonl"):
        assert ((tmp_path / f"big{suffix}").read_bytes()
                == (tmp_path / f"tiny{suffix}").read_bytes())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("cleanseed-")] == []


def test_cli_reports_bad_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A record without text names its file, line and field (exit code 1)."""
    from cleanseed.cli import main

    src = write_jsonl(tmp_path / "in.jsonl", [RECORDS[0], {"id": "z", "body": "no text"}])
    assert main(["dedup", str(src), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert re.search(r"in.jsonl:2 \(field 'text'\)", capsys.readouterr().err)
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_runs_as_a_program(tmp_path: Path) -> None:
    """Smoke test in a subprocess: exit code 0 and the kept records."""
    import subprocess
    import sys

    src = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    done = subprocess.run([sys.executable, "-m", "cleanseed.cli", "dedup", str(src), "-o",
                           str(tmp_path / "out.jsonl"), "--text-field", "text"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 3
