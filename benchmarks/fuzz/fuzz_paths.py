"""Coverage-guided fuzzing of the command line's path handling (atheris).

    python benchmarks/fuzz/fuzz_paths.py [libFuzzer options] [CORPUS_DIR]

Each input builds a small tree in a fresh temporary folder (corpus files, folders, symbolic
links to files, to folders, to nothing and in a loop, hard links, a FIFO, and a character
device like /dev/null when the fuzzer runs as root), then runs ``cleanseed clean``, ``explain``
or ``dedup`` in-process with inputs and outputs (``-o``, ``--report``, ``--removed``,
``--output-dir``, ``--index``) drawn from that tree, new names in it, ``''`` and ``-``.

The contract, whatever the paths:

- ``main`` returns 0, 1 or 2 and raises nothing;
- no input changes (no output ever lands on an input, through a link or a hard link);
- what was a FIFO, a device or a symbolic link is still one (only regular files are replaced);
- no temporary ``.tmp`` file is left behind.

A FIFO is never given as an input (reading one blocks by design); its reader is opened before
the run, so that writing to it does not wait.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from pathlib import Path

import atheris

# The modules with numba kernels are left uninstrumented: numba cannot compile the calls
# instrumentation adds, and this harness is about paths, not about hashing.
with atheris.instrument_imports(include=["cleanseed"], exclude=[
        "cleanseed.corpus.minhash", "cleanseed.corpus.neardup", "cleanseed.repeats._keys"]):
    from cleanseed.cli import main as cleanseed_main

RECORDS = (b'{"id": "a", "text": "The tide came in over the flats."}\n'
           b'{"id": "b", "text": "The tide came in over the flats!"}\n')
KINDS = ("file", "folder", "link-file", "link-folder", "link-nothing", "link-loop", "hard-link",
         "fifo", "device", "text")
COMMANDS = ("clean", "explain", "dedup")
OPTIONS = {"clean": ("-o", "--report", "--output-dir"), "explain": (),
           "dedup": ("-o", "--removed", "--index")}


def _build(root: Path, fdp: atheris.FuzzedDataProvider) -> list[Path]:
    """Make up to eight entries under *root*; return their paths."""
    (root / "sub").mkdir()
    (root / "sub" / "base.jsonl").write_bytes(RECORDS)
    made = [root / "sub", root / "sub" / "base.jsonl"]
    for i in range(fdp.ConsumeIntInRange(0, 8)):
        kind = KINDS[fdp.ConsumeIntInRange(0, len(KINDS) - 1)]
        where = (root / "sub" if fdp.ConsumeBool() else root) / f"e{i}.jsonl"
        target = made[fdp.ConsumeIntInRange(0, len(made) - 1)]
        with contextlib.suppress(OSError):
            _make(kind, where, target)
            made.append(where)
    return made


def _make(kind: str, where: Path, target: Path) -> None:
    if kind == "file":
        where.write_bytes(RECORDS)
    elif kind == "text":
        where.write_bytes(b"Just a line of text.\n")
    elif kind == "folder":
        where.mkdir()
        (where / "in.jsonl").write_bytes(RECORDS)
    elif kind == "link-file" or kind == "link-folder":
        where.symlink_to(target)
    elif kind == "link-nothing":
        where.symlink_to(where.parent / "nothing-here")
    elif kind == "link-loop":
        where.symlink_to(where)
    elif kind == "hard-link" and target.is_file() and not target.is_symlink():
        os.link(target, where)
    elif kind == "fifo":
        os.mkfifo(where)
    elif kind == "device":
        os.mknod(where, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null; needs root


def _pick(fdp: atheris.FuzzedDataProvider, made: list[Path], root: Path) -> str:
    choice = fdp.ConsumeIntInRange(0, len(made) + 2)
    if choice < len(made):
        return str(made[choice])
    return ("", "-", str(root / "new" / "out.jsonl"))[choice - len(made)]


def _state(paths: list[Path]) -> dict[str, tuple[int, bytes | None]]:
    """Each entry's file type, and its bytes if it is a regular file (not through a link)."""
    found: dict[str, tuple[int, bytes | None]] = {}
    for path in paths:
        try:
            mode = path.lstat().st_mode
        except OSError:
            continue
        data = path.read_bytes() if stat.S_ISREG(mode) else None
        found[str(path)] = (stat.S_IFMT(mode), data)
    return found


def _fifo_readers(paths: list[Path]) -> list[int]:
    readers = []
    for path in paths:
        with contextlib.suppress(OSError):
            if stat.S_ISFIFO(path.stat().st_mode):
                readers.append(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    return readers


def _argv(fdp: atheris.FuzzedDataProvider, made: list[Path], root: Path) -> list[str]:
    command = COMMANDS[fdp.ConsumeIntInRange(0, len(COMMANDS) - 1)]
    inputs = [p for p in made if not _is_fifo(p)] or [made[1]]
    argv = [command, *(str(inputs[fdp.ConsumeIntInRange(0, len(inputs) - 1)])
                       for _ in range(fdp.ConsumeIntInRange(1, 2)))]
    for option in OPTIONS[command]:
        if fdp.ConsumeBool() or (option == "-o" and command == "dedup"):
            argv += [option, _pick(fdp, made, root)]
    if command == "clean" and "-o" in argv and "--output-dir" in argv:
        argv = argv[: argv.index("--output-dir")]
    return [*argv, "-q"] if command != "explain" else argv


def _input_files(argv: list[str], made: list[Path]) -> set[str]:
    """The regular files the run reads: inputs named, and the files of input folders."""
    named = [a for a in argv[1:] if not a.startswith("-")]
    options = {argv[i + 1] for i, a in enumerate(argv[:-1]) if a.startswith("-") and a != "-"}
    found = set()
    for path in (Path(a) for a in named if a not in options):
        with contextlib.suppress(OSError):
            root = os.path.realpath(path) + os.sep
            if path.is_dir():
                found.update(str(p) for p in made
                             if os.path.realpath(p).startswith(root) and p.is_file())
            elif path.is_file():
                found.update(str(p) for p in made if p.is_file() and p.samefile(path))
    return found


def _is_fifo(path: Path) -> bool:
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False


def test_one_input(data: bytes) -> None:
    """Build a tree, run one command over it, check the contract."""
    fdp = atheris.FuzzedDataProvider(data)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        made = _build(root, fdp)
        argv = _argv(fdp, made, root)
        inputs = _input_files(argv, made)
        before = _state(made)
        readers = _fifo_readers(made)
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        here = Path.cwd()
        os.chdir(root)  # relative outputs ("--output-dir ''", "--index -") land in the tree
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                code = cleanseed_main(argv)
        finally:
            os.chdir(here)
            for fd in readers:
                os.close(fd)
        if code not in (0, 1, 2):
            raise AssertionError(f"{argv}: exit code {code}")
        after = _state(made)
        for path, (kind, content) in before.items():
            now = after.get(path)
            if kind != stat.S_IFREG and (now is None or now[0] != kind):
                raise AssertionError(f"{argv}: {path} was replaced ({kind:o} -> {now})")
            if path in inputs and now is not None and kind == stat.S_IFREG and now[1] != content:
                raise AssertionError(f"{argv}: the input {path} changed")
        left = list(root.rglob("*.tmp"))
        if left:
            raise AssertionError(f"{argv}: temporary files left: {left}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
