"""The on-disk index trusts nothing in its folder: every field of params.json is checked with
bounds, only the folder's own files are read, a damaged index is a named error before any output
is written, and two runs on one index do not lose each other's documents."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cleanseed.cli import main
from cleanseed.corpus.disk_index import DiskIndex
from cleanseed.corpus.index import NearDupIndex, index_lock
from cleanseed.errors import ConfigError, InputError, OutputError

Capsys = pytest.CaptureFixture[str]
WORDS = [f"w{i}" for i in range(100_000)]


def doc(i: int) -> str:
    """Distinct documents: no two share a 5-gram."""
    return " ".join(WORDS[i * 20 : i * 20 + 20])


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    index = NearDupIndex()
    index.add([("a", doc(0)), ("b", doc(1))])
    index.save(tmp_path / "idx")
    return tmp_path / "idx"


def edit(folder: Path, change: Callable[[dict[str, Any]], object]) -> None:
    params = json.loads((folder / "params.json").read_text())
    change(params)
    (folder / "params.json").write_text(json.dumps(params))


TAMPERED: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "arrays outside the folder": (lambda p: p.update(arrays="../outside.npz"), "arrays"),
    "ids an absolute path": (lambda p: p.update(ids="/etc/hostname"), "ids"),
    "arrays named params.json": (lambda p: p.update(arrays="params.json"), "arrays"),
    "huge ngram": (lambda p: p["config"].update(ngram=1_000_000_000), "ngram"),
    "string threshold": (lambda p: p["config"].update(threshold="0.8"), "threshold"),
    "huge window": (lambda p: p["config"].update(window=10**12), "window"),
    "no bands": (lambda p: p["config"].update(bands=0, rows=0), "bands"),
    "negative count": (lambda p: p.update(count=-1), "count"),
    "count a string": (lambda p: p.update(count="2"), "count"),
    "other scheme": (lambda p: p.update(scheme="sha1"), "scheme"),
    "an unknown field": (lambda p: p.update(extra=1), "extra"),
    "no config": (lambda p: p.pop("config"), "config"),
}


@pytest.mark.parametrize("case", list(TAMPERED))
def test_every_field_of_params_is_checked(case: str, saved: Path) -> None:
    """An edited params.json is an InputError naming the file and the field, at once (an
    ngram of 10**9 used to hang, a string threshold to raise TypeError, ../outside.npz to be
    read outside the folder)."""
    change, field = TAMPERED[case]
    outside = saved.parent / "outside.npz"
    outside.write_bytes(b"")
    edit(saved, change)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        NearDupIndex.load(saved)
    assert time.monotonic() - started < 5
    assert "params.json" in str(caught.value)
    assert field in str(caught.value)


@pytest.mark.parametrize("damage", ["zero-byte arrays", "deep ids", "ids a dict", "no ids"])
def test_damaged_data_files_are_named_errors(damage: str, saved: Path) -> None:
    """A zero-byte .npz, ids nested 100,000 deep, ids that are not a list: InputError."""
    params = json.loads((saved / "params.json").read_text())
    arrays, ids = saved / params["arrays"], saved / params["ids"]
    if damage == "zero-byte arrays":
        arrays.write_bytes(b"")
    elif damage == "deep ids":
        ids.write_text("[" * 100_000 + "]" * 100_000)
    elif damage == "ids a dict":
        ids.write_text('{"a": 1}')
    else:
        ids.unlink()
    with pytest.raises(InputError, match="damaged"):
        NearDupIndex.load(saved)


def test_an_edited_index_is_never_deleted_by_a_save(saved: Path) -> None:
    """A save over a folder whose params.json no longer reads refuses, rather than replace the
    index (and delete its data files) with one that lacks its documents."""
    before = sorted(p.name for p in saved.iterdir())
    edit(saved, lambda p: p.update(arrays="params.json"))
    fresh = NearDupIndex()
    fresh.add([("z", doc(9))])
    with pytest.raises(InputError, match="arrays"):
        fresh.save(saved)
    assert sorted(p.name for p in saved.iterdir()) == before


def test_a_save_never_overwrites_another_index(saved: Path) -> None:
    """Two indexes loaded from one folder, both extended: the second save would lose the
    first's documents, and is refused; overwrite=True replaces on purpose."""
    one, two = NearDupIndex.load(saved), NearDupIndex.load(saved)
    one.add([("c", doc(2))])
    two.add([("d", doc(3))])
    one.save(saved)
    with pytest.raises(ConfigError, match="another run has saved"):
        two.save(saved)
    assert NearDupIndex.load(saved).ids() == ("a", "b", "c")
    with pytest.raises(ConfigError, match="not loaded from"):
        NearDupIndex().save(saved)
    two.save(saved, overwrite=True)
    assert NearDupIndex.load(saved).ids() == ("a", "b", "d")


def test_an_index_path_that_is_a_file(tmp_path: Path, capsys: Capsys) -> None:
    """Load, save and the command line name the path, before any output is written."""
    path = tmp_path / "idx"
    path.write_text("not a folder")
    with pytest.raises(InputError):
        NearDupIndex.load(path)
    with pytest.raises(OutputError, match="idx"):
        NearDupIndex().save(path)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": doc(0)}) + "\n")
    assert main(["dedup", str(src), "-o", str(tmp_path / "o.jsonl"), "--index", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cleanseed: error: --index") and "is not a folder" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_a_bad_index_fails_the_run_before_any_output(saved: Path, capsys: Capsys) -> None:
    """The index is loaded and checked before the outputs are opened."""
    edit(saved, lambda p: p["config"].update(ngram=10**9))
    src = saved.parent / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": doc(5)}) + "\n")
    out = saved.parent / "o.jsonl"
    assert main(["dedup", str(src), "-o", str(out), "--index", str(saved)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "params.json" in err and "ngram" in err
    assert not out.exists()


_RUN = "import sys; from cleanseed.cli import main; sys.exit(main(sys.argv[1:]))"


def _count(folder: Path) -> int:
    """Documents in the index `dedup --index` keeps in *folder* (a disk index)."""
    with DiskIndex(folder) as index:
        return len(index)


def _corpus(path: Path, ids: range) -> Path:
    path.write_text("".join(json.dumps({"id": f"{path.stem}-{i}", "text": doc(i)}) + "\n"
                            for i in ids))
    return path


@pytest.mark.slow
def test_two_runs_on_one_index_lose_nothing(tmp_path: Path) -> None:
    """Two `dedup --index` runs started together: the second waits for the first, and the index
    ends with both runs' documents (one run's were lost, both exiting 0)."""
    one = _corpus(tmp_path / "one.jsonl", range(2500))
    two = _corpus(tmp_path / "two.jsonl", range(2500, 5000))
    idx = tmp_path / "idx"
    runs = [subprocess.Popen([sys.executable, "-c", _RUN, "dedup", str(src), "-o",
                              str(tmp_path / f"out-{src.stem}.jsonl"), "--index", str(idx)],
                             stderr=subprocess.PIPE, text=True) for src in (one, two)]
    errs = [run.communicate(timeout=600)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errs
    assert _count(idx) == 5000


def test_a_second_run_waits_for_the_lock(tmp_path: Path) -> None:
    """While the index is held, a run on it says so and waits; it finishes once let go."""
    src = _corpus(tmp_path / "in.jsonl", range(3))
    idx = tmp_path / "idx"
    with index_lock(idx):
        run = subprocess.Popen([sys.executable, "-c", _RUN, "dedup", str(src), "-o",
                                str(tmp_path / "o.jsonl"), "--index", str(idx)],
                               stderr=subprocess.PIPE, text=True)
        try:
            assert run.stderr is not None
            assert "in use by another run; waiting" in run.stderr.readline()
            time.sleep(0.5)
            assert run.poll() is None
            assert not (idx / "params.json").exists()
        except BaseException:
            run.kill()
            raise
    _, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert _count(idx) == 3


def test_the_lock_is_reentrant_in_one_process(tmp_path: Path) -> None:
    """save() takes the lock the command line already holds without waiting for itself."""
    index = NearDupIndex()
    index.add([("a", doc(0))])
    with index_lock(tmp_path / "idx"), index_lock(tmp_path / "idx"):
        index.save(tmp_path / "idx")
    assert len(NearDupIndex.load(tmp_path / "idx")) == 1
