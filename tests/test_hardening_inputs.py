"""Hardening of the inputs: every input the user named or a folder holds is read, or counted
and listed with its reason (unreadable folders, FIFOs, links to folders, CR-only JSONL, broken
elements of a .json array).

Unreadability is simulated two ways: by making os.scandir raise PermissionError for a folder
(portable, in-process), and for real with chmod 000 and a subprocess that drops to an
unprivileged user (uid 65534) when run as root, since permission bits do not stop root.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from cleanseed.cli import main


def _corpus_folder(root: Path) -> Path:
    """in/a.jsonl (2 records), in/sub/b.jsonl (2 records), in/c.txt (1 document)."""
    (root / "in" / "sub").mkdir(parents=True)
    (root / "in" / "a.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n')
    (root / "in" / "sub" / "b.jsonl").write_text('{"text": "Three."}\n{"text": "Four."}\n')
    (root / "in" / "c.txt").write_text("Five.\n")
    return root / "in"


def _summary(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def _refuse_scandir(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make *folder* unreadable the portable way: os.scandir raises PermissionError for it, as
    it does for a chmod 000 folder when not running as root (root reads it anyway)."""
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("which", ["sub", "named"])
def test_unreadable_folder_is_counted_and_listed(which: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable folder (os.scandir made to raise PermissionError) is one skipped entry
    with its reason under --on-error skip, and a one-line error (exit 1) without it; it used to
    vanish (`in 3 = out 3`, or `in 0 = out 0` and exit 0 for a folder named on the command
    line)."""
    root = _corpus_folder(tmp_path)
    bad = root / "sub" if which == "sub" else root
    _refuse_scandir(monkeypatch, bad)
    out, report = tmp_path / "out.jsonl", tmp_path / "r.jsonl"
    argv = ["clean", str(root), "-o", str(out), "--report", str(report)]
    code, err = _summary([*argv, "--on-error", "skip"], capsys)
    assert code == 0
    expected = "in 4 = out 3 + removed 0 + skipped 1" if which == "sub" else \
        "in 1 = out 0 + removed 0 + skipped 1"
    assert expected in err
    (entry,) = [json.loads(line) for line in report.read_text().splitlines()]
    assert (entry["source"], entry["outcome"]) == (str(bad), "skipped")
    assert "cannot read this folder: Permission denied" in entry["reason"]
    code, err = _summary(argv, capsys)
    assert code == 1
    assert err.strip() == f"cleanseed: error: {bad}: cannot read this folder: Permission denied"


def test_unreadable_folder_as_an_unprivileged_user(tmp_path: Path) -> None:
    """The same with real permissions: chmod 000 on a sub-folder, the command line run as
    an unprivileged user (as root, a subprocess drops to uid 65534 first, since permission
    bits do not stop root)."""
    root_run = os.geteuid() == 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        base.chmod(0o755)
        folder = _corpus_folder(base)
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (folder / "sub").chmod(0)
        out = base / "out"
        out.mkdir(mode=0o777)
        out.chmod(0o777)
        # imported first (every codec too): the interpreter's files may be unreadable to them
        script = ("import os, sys, importlib, pkgutil, encodings\n"
                  "for m in pkgutil.iter_modules(encodings.__path__):\n"
                  "    try: importlib.import_module('encodings.' + m.name)\n"
                  "    except Exception: pass\n"
                  "from cleanseed.cli import main\n"
                  "import cleanseed; cleanseed.clean('Caf\\u00c3\\u00a9 menu.\\nShare this')\n"
                  "if os.geteuid() == 0:\n"
                  "    os.setgid(65534); os.setgroups([]); os.setuid(65534)\n"
                  "sys.exit(main(sys.argv[1:]))\n")
        argv = ["clean", str(folder), "-o", str(out / "o.jsonl"), "--on-error", "skip"]
        done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True,
                              text=True, timeout=120, check=False)
        (folder / "sub").chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert "in 4 = out 3 + removed 0 + skipped 1" in done.stderr, (root_run, done.stderr)


def test_linked_folders_are_followed_once(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A link to a folder is followed; a link back up (a loop) or a second link to a folder
    already read is listed, not read again or without end."""
    root = _corpus_folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "d.jsonl").write_text('{"text": "Six."}\n')
    (root / "linked").symlink_to(elsewhere)
    (root / "sub" / "loop").symlink_to(root)
    out, report = tmp_path / "out.jsonl", tmp_path / "r.jsonl"
    code, err = _summary(["clean", str(root), "-o", str(out), "--report", str(report),
                          "--on-error", "skip"], capsys)
    assert code == 0
    assert "in 7 = out 6 + removed 0 + skipped 1" in err
    assert [json.loads(line)["text"] for line in out.read_text().splitlines()] == [
        "One.", "Two.", "Five.", "Six.", "Three.", "Four."]
    (entry,) = [json.loads(line) for line in report.read_text().splitlines()]
    assert entry["source"] == str(root / "sub" / "loop")
    assert "already read" in entry["reason"]


def test_fifo_in_a_folder_is_listed_not_read(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO named like a corpus file inside a folder would block the run for ever: it is
    listed as skipped, with the reason."""
    root = _corpus_folder(tmp_path)
    os.mkfifo(root / "pipe.jsonl")
    code, err = _summary(["clean", str(root), "-o", str(tmp_path / "o.jsonl"),
                          "--on-error", "skip"], capsys)
    assert code == 0
    assert "in 6 = out 5 + removed 0 + skipped 1" in err
    assert "not a regular file" in err


def test_cr_only_jsonl_is_read_line_by_line(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """JSONL with lone-CR line ends holds one record a line (it was one skipped record); the
    lines keep their numbers, in errors too."""
    src = tmp_path / "cr.jsonl"
    src.write_bytes(b'{"text": "One."}\r{"text": "Two."}\r\r{"text": 3}\r{"text": "Four."}\r')
    report = tmp_path / "r.jsonl"
    code, err = _summary(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--report",
                          str(report), "--on-error", "skip"], capsys)
    assert code == 0
    assert "in 4 = out 3 + removed 0 + skipped 1" in err
    (entry,) = [json.loads(line) for line in report.read_text().splitlines()]
    assert entry["line"] == 4


def test_broken_json_array_element_is_one_skipped_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A syntax error inside a .json array costs that element, counted; the array goes on
    (it used to drop every record after it, exit 0)."""
    src = tmp_path / "a.json"
    src.write_text('[{"text": "One."},\n{"text": "Two" "x": 1},\n{"text": "Three."}]')
    code, err = _summary(["clean", str(src), "-o", str(tmp_path / "o.jsonl"),
                          "--on-error", "skip"], capsys)
    assert code == 0
    assert "in 3 = out 2 + removed 0 + skipped 1" in err
