"""Outputs: only regular files are replaced (atomically); devices, FIFOs, descriptors and ``-``
are written as streams; links are written through; no output overwrites an input or another
output; every OS error is one line naming the path, before the work where it can be.

Devices, FIFOs and links are made inside ``tmp_path``; the machine's own ``/dev`` entries are
never written to.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanseed.cli import main
from cleanseed.errors import OutputError
from cleanseed.records.writers import atomic_writer

Capsys = pytest.CaptureFixture[str]
#: The command line in a process of its own, from this checkout's source.
CLI = [sys.executable, "-c", "import sys; from cleanseed.cli import main; sys.exit(main())"]
RECORDS = [{"id": "a", "text": "The tide came in over the flats at dawn."},
           {"id": "b", "text": "Gulls followed the boats back to the harbour."}]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    return path


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A character device like /dev/null (major 1, minor 3), made in tmp_path (needs root)."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


class FifoReader:
    """Reads a FIFO on a thread while the run writes to it."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path, self.data = path, b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with self.path.open("rb") as fh:
            self.data = fh.read()

    def result(self) -> bytes:
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()
        return self.data


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[FifoReader]:
    yield FifoReader(tmp_path / "fifo.jsonl")


def one_line_error(err: str, *names: str) -> None:
    """The error is one line, `cleanseed: error: ...`, naming each of *names*; no traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("cleanseed"), err
    assert "Traceback" not in err
    for name in names:
        assert name in lines[0], err


# -- 1. outputs replace only regular files -------------------------------------------------


@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_a_character_device_stays_a_device(command: str, corpus: Path, null_device: Path,
                                           capsys: Capsys) -> None:
    """`-o /dev/null` writes into the device, as a stream; it stays a character device."""
    assert main([command, str(corpus), "-o", str(null_device), "-q"]) == 0
    assert stat.S_ISCHR(null_device.lstat().st_mode)
    assert [p.name for p in null_device.parent.iterdir() if p.name.startswith(".")] == []


def test_report_and_removed_to_a_device(corpus: Path, null_device: Path, tmp_path: Path) -> None:
    """--report and --removed go through the same writer: the device stays one."""
    assert main(["clean", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-q",
                 "--report", str(null_device)]) == 0
    assert main(["dedup", str(corpus), "-o", str(tmp_path / "d.jsonl"), "-q",
                 "--removed", str(null_device)]) == 0
    assert stat.S_ISCHR(null_device.lstat().st_mode)


@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_a_fifo_is_written_as_a_stream(command: str, corpus: Path, fifo: FifoReader) -> None:
    """A FIFO gets the output through the pipe and stays a FIFO."""
    assert main([command, str(corpus), "-o", str(fifo.path), "-q"]) == 0
    data = fifo.result()
    assert [json.loads(line)["id"] for line in data.splitlines()] == ["a", "b"]
    assert stat.S_ISFIFO(fifo.path.lstat().st_mode)


def test_a_descriptor_path_is_written_to_that_descriptor(corpus: Path) -> None:
    """`-o /dev/fd/N` (what `-o >(cmd)` passes) writes to descriptor N, as process
    substitution expects; it used to die with FileNotFoundError."""
    read, write = os.pipe()
    try:
        assert main(["clean", str(corpus), "-o", f"/dev/fd/{write}", "-q"]) == 0
        os.close(write)
        with os.fdopen(read, "rb") as fh:
            lines = fh.read().splitlines()
    finally:
        for fd in (read, write):
            with pytest.raises(OSError):
                os.close(fd)
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_a_link_to_a_device_leaves_both(corpus: Path, null_device: Path, tmp_path: Path) -> None:
    """A symbolic link to a device is written through: the link and the device both stay."""
    link = tmp_path / "link.jsonl"
    link.symlink_to(null_device)
    assert main(["clean", str(corpus), "-o", str(link), "-q"]) == 0
    assert link.is_symlink()
    assert stat.S_ISCHR(null_device.lstat().st_mode)


def test_a_link_to_a_file_is_written_through(corpus: Path, tmp_path: Path) -> None:
    """A link to a regular file stays a link; the file it names gets the output, atomically."""
    real = tmp_path / "data" / "real.jsonl"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert main(["clean", str(corpus), "-o", str(link), "-q"]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert [json.loads(line)["id"] for line in real.read_text().splitlines()] == ["a", "b"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.jsonl"]


def test_a_dangling_link_makes_its_file(corpus: Path, tmp_path: Path) -> None:
    """A link to a file not made yet is written through, as a shell's `>` would."""
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "made.jsonl")
    assert main(["clean", str(corpus), "-o", str(link), "-q"]) == 0
    assert link.is_symlink()
    assert len((tmp_path / "made.jsonl").read_text().splitlines()) == 2


def test_a_regular_file_keeps_its_mode(corpus: Path, tmp_path: Path) -> None:
    """The file replaced keeps its permission bits."""
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    out.chmod(0o640)
    assert main(["clean", str(corpus), "-o", str(out), "-q"]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert len(out.read_text().splitlines()) == 2


def test_atomic_writer_on_a_fifo_and_a_device(tmp_path: Path, null_device: Path) -> None:
    """The library's writer behaves as the command line's: streams stay streams."""
    reader = FifoReader(tmp_path / "f")
    with atomic_writer(reader.path) as fh:
        fh.write(b"hello\n")
    assert reader.result() == b"hello\n"
    with atomic_writer(null_device) as fh:
        fh.write(b"gone\n")
    assert stat.S_ISCHR(null_device.lstat().st_mode)


def test_atomic_writer_refuses_a_folder(tmp_path: Path) -> None:
    """A folder is refused with the reason, as an OutputError (an OSError too)."""
    with pytest.raises(OutputError, match="is a folder"), atomic_writer(tmp_path) as fh:
        fh.write(b"x")
    with pytest.raises(OSError, match="is a folder"), atomic_writer(tmp_path):
        pass


# -- 2. no output overwrites an input or another output ------------------------------------


def same_file_cases(tmp_path: Path, corpus: Path) -> list[list[str]]:
    hard = tmp_path / "hard.jsonl"
    os.link(corpus, hard)
    link = tmp_path / "link.jsonl"
    link.symlink_to(corpus)
    out = str(tmp_path / "same.jsonl")
    c = str(corpus)
    return [
        ["clean", c, "-o", str(tmp_path / "o.jsonl"), "--report", c],
        ["clean", c, "-o", out, "--report", out],
        ["clean", c, "-o", out, "--report", str(tmp_path / "." / "same.jsonl")],
        ["clean", c, "-o", str(hard)],
        ["clean", c, "-o", str(link)],
        ["clean", str(link), "-o", c],
        ["clean", str(tmp_path), "--output-dir", str(tmp_path)],
        ["dedup", c, "-o", c],
        ["dedup", c, "-o", str(tmp_path / "k.jsonl"), "--removed", c],
        ["dedup", c, "-o", out, "--removed", out],
        ["dedup", c, "-o", str(hard)],
        ["dedup", c, "-o", str(tmp_path / "idx" / "params.json"), "--index",
         str(tmp_path / "idx")],
        ["dedup", c, "-o", str(tmp_path / "d.jsonl"), "--index", str(tmp_path)],
        ["clean", c, "-o", c, "--engine", "ray"],
        ["dedup", c, "-o", str(tmp_path / "k.jsonl"), "--removed", c, "--engine", "ray"],
        ["dedup", c, "-o", out, "--removed", out, "--engine", "ray"],
        ["clean", c, "-o", str(tmp_path), "--engine", "ray"],
    ]


@pytest.mark.parametrize("case", range(17))
def test_no_output_is_an_input_or_another_output(case: int, tmp_path: Path, corpus: Path,
                                                  capsys: Capsys) -> None:
    """Every output path is checked against every input and against each other, by inode
    (hard links, symbolic links, ./ names, --output-dir names), before any work: a usage
    error, and every file as it was."""
    (tmp_path / "idx").mkdir()
    argv = same_file_cases(tmp_path, corpus)[case]
    if "ray" in argv:
        pytest.importorskip("ray")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert main(argv) == 2
    one_line_error(capsys.readouterr().err)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before
    assert list((tmp_path / "idx").iterdir()) == []


def test_gz_output_dir_names_are_checked(tmp_path: Path) -> None:
    """`--output-dir` gives a.jsonl.gz the name a.jsonl.gz: the input itself, refused."""
    import gzip

    data = tmp_path / "a.jsonl.gz"
    data.write_bytes(gzip.compress(b'{"text": "The tide came in."}\n'))
    assert main(["clean", str(data), "--output-dir", str(tmp_path), "-q"]) == 2
    assert gzip.decompress(data.read_bytes()) == b'{"text": "The tide came in."}\n'


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_stdout_that_is_an_input_is_refused(command: str, corpus: Path) -> None:
    """`cleanseed clean in.jsonl >> in.jsonl` would read its own output without end."""
    before = corpus.read_bytes()
    with corpus.open("ab") as out:
        done = subprocess.run([*CLI, command, str(corpus)], stdout=out, stderr=subprocess.PIPE,
                              timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert b"is also an input" in done.stderr
    assert corpus.read_bytes() == before


# -- 7. OS errors: one line naming the path, before the work where it can be checked --------


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    """A character device like /dev/full (major 1, minor 7): every write fails with ENOSPC."""
    path = tmp_path / "full"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


def broken_input(tmp_path: Path) -> Path:
    """An input whose first record is bad: a run that reads it fails on it, so an error about
    an output proves the output was checked first."""
    path = tmp_path / "bad.jsonl"
    path.write_text("{not json\n")
    return path


@pytest.mark.parametrize(("output", "reason"), [
    ("missing/out.jsonl", "no such folder"),
    ("", "an empty path"),
    (".", "is a folder"),
    ("in.jsonl/out.jsonl", "Not a directory"),
])
@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_an_output_that_cannot_be_written_is_refused_first(
        command: str, output: str, reason: str, tmp_path: Path, capsys: Capsys) -> None:
    """A missing folder, '', a folder, a file where a folder should be: one line naming the
    path, exit 1, before any input is read (these raised tracebacks, some after the work)."""
    (tmp_path / "in.jsonl").write_text("")
    target = str(tmp_path / output) if output else ""
    assert main([command, str(broken_input(tmp_path)), "-o", target]) == 1
    err = capsys.readouterr().err
    one_line_error(err, reason)
    assert "bad.jsonl" not in err


def test_a_read_only_folder_is_refused_first(tmp_path: Path, capsys: Capsys,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder without write permission (os.access made to say so: root may write anyway)."""
    real = os.access
    folder = tmp_path / "ro"
    folder.mkdir()
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == folder
                        else real(p, mode))
    assert main(["clean", str(broken_input(tmp_path)), "-o", str(folder / "o.jsonl"),
                 "--report", str(tmp_path / "r.jsonl")]) == 1
    one_line_error(capsys.readouterr().err, str(folder), "permission denied")


def test_a_full_disk_is_one_line_naming_the_output(full_device: Path, corpus: Path,
                                                   capsys: Capsys) -> None:
    """ENOSPC while writing (a device like /dev/full): one line naming the output."""
    assert main(["clean", str(corpus), "-o", str(full_device), "-q"]) == 1
    one_line_error(capsys.readouterr().err, str(full_device), "No space left on device")


def test_a_failed_write_removes_the_temporary_file(corpus: Path, tmp_path: Path,
                                                   capsys: Capsys,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A write to a regular file that fails half way (ENOSPC, simulated in the writer's file
    object) is one line naming the output, leaves no temporary file and the old output as it
    was."""
    import errno

    from cleanseed.records import outputs

    out = tmp_path / "out.jsonl"
    out.write_text("old\n")

    def full(self: outputs._Guarded, data: bytes) -> int:
        with outputs._errors_named(self.path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs._Guarded, "write", full)
    assert main(["clean", str(corpus), "-o", str(out), "-q"]) == 1
    one_line_error(capsys.readouterr().err, str(out), "No space left on device")
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
