"""SIGTERM (what schedulers, ``docker stop`` and job controllers send) ends a run as Ctrl-C
does: a non-zero exit, no worker process left, no temporary file left.

Each run is a subprocess in a session of its own, so that every process it started, whatever
became of its parent, is found by its session id in /proc.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.strategies import FRAGMENTS

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")]

_RUN = ("import sys\n"
        "from cleanseed.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")


def _big_corpus(path: Path, docs: int = 6000) -> Path:
    """Enough documents that cleaning them takes seconds, with two workers."""
    para = " ".join(FRAGMENTS)
    with path.open("w") as fh:
        for i in range(docs):
            text = f"Document {i}. {para}\nShare this article\n{para}\n" * 6
            fh.write(json.dumps({"id": i, "text": text}) + "\n")
    return path


def _session_members(sid: int) -> list[int]:
    """Processes of session *sid* still alive (zombies aside)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _wait_gone(sid: int, seconds: float = 15.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _session_members(sid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _wait_for(predicate: Callable[[], bool], proc: subprocess.Popen[bytes],
              seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert proc.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline, "the run did not start"
        time.sleep(0.05)


@pytest.mark.parametrize("where", ["-o", "--output-dir"])
def test_sigterm_stops_workers_and_leaves_no_temporary_file(where: str, tmp_path: Path) -> None:
    """SIGTERM in the middle of a run with two workers: a non-zero exit, no worker left
    behind (none of the run's session is alive), no .tmp file (it used to leave 4 orphans
    a run and a partial .out.jsonl.*.tmp)."""
    (tmp_path / "in").mkdir()
    src = _big_corpus(tmp_path / "in" / "in.jsonl")
    out = tmp_path / "out"
    out.mkdir()
    target = str(out / "o.jsonl") if where == "-o" else str(out / "d")
    proc = subprocess.Popen([sys.executable, "-c", _RUN, "clean", str(src), where, target,
                             "--workers", "2", "--chunk-size", "8"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        _wait_for(lambda: any(p.suffix == ".tmp" for p in out.rglob(".*")), proc)
        time.sleep(0.5)  # workers busy
        assert len(_session_members(proc.pid)) >= 3  # this run, its forkserver, its workers
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"terminated; no partial output file was left" in err
    assert _wait_gone(proc.pid) == []
    assert [p.name for p in out.rglob("*") if p.is_file()] == []


def test_sigterm_closes_the_pipe_a_reader_waits_on(tmp_path: Path) -> None:
    """`cleanseed clean ... | cat`: after SIGTERM the reader sees the end of the pipe (orphaned
    workers held it open, and the reader hung)."""
    src = _big_corpus(tmp_path / "in.jsonl")
    proc = subprocess.Popen([sys.executable, "-c", _RUN, "clean", str(src), "--workers", "2",
                             "--chunk-size", "8", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.read(1000)  # output has started
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)  # to the end of the pipe: every writer has gone
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert _wait_gone(proc.pid) == []
