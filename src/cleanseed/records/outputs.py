"""Where output goes, decided before any work: regular files replaced atomically, streams written
as streams, and no output that would overwrite an input or another output.

A regular file (or a name not taken yet) is written through a temporary file in the same
folder, renamed over it at the end, so a reader never sees it half written and an interrupted
run leaves the old file as it was. Anything else a path can name is *not* replaced: a character
device (``/dev/null``, a terminal), a FIFO, process substitution (``>(cmd)``), ``/dev/stdout`` and
``-`` are written to as streams; a symbolic link is written through, so the link stays and the
file it names is replaced; a link to nothing, a folder, a socket and a block device are refused
with the reason. :func:`check_outputs` runs these checks for every output path of a command,
and compares them with the inputs and with each other by inode, so that no name, link or
hard link lets one file be read and replaced, or written twice, in one run.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, cast

from cleanseed.errors import ConfigError, OutputError

__all__ = ["Target", "check_outputs", "input_identity", "open_target", "target_of"]

#: ``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``: a name of a file descriptor this process
#: holds. Written through a copy of that descriptor, so that a shell's ``>>`` still appends.
_OWN_FD = re.compile(r"/(?:dev/fd|proc/self/fd|proc/(?P<pid>\d+)/fd)/(?P<fd>\d+)")
_STD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_MAX_LINKS = 40  # as the kernel's ELOOP limit

Kind = Literal["stdout", "file", "stream", "fd"]


@dataclass(frozen=True, slots=True)
class Target:
    """An output path, checked: how to write it, and which file it is.

    ``kind`` is ``"file"`` (replace ``real`` atomically), ``"stream"`` (open ``path`` and write),
    ``"fd"`` (write to a copy of descriptor ``fd``) or ``"stdout"``. ``identity`` is the
    ``(device, inode)`` of what is there now, ``None`` for a name not taken yet.
    """

    path: str
    kind: Kind
    real: str
    identity: tuple[int, int] | None = None
    fd: int = -1
    char_device: bool = False


def _fail(option: str, path: str, reason: str) -> OutputError:
    where = f"{option} {path}" if option else path
    return OutputError(f"{where}: {reason}", path=path)


def _own_fd(path: str) -> int | None:
    """The descriptor *path* names, if it names one of this process's."""
    if path in _STD:
        return _STD[path]
    found = _OWN_FD.fullmatch(path)
    if found is None or (found["pid"] is not None and int(found["pid"]) != os.getpid()):
        return None
    return int(found["fd"])


def _link_chain(path: str) -> tuple[str, int | None]:
    """Follow *path*'s symbolic links; return the path reached and, if one of the links names
    a descriptor of this process (``/dev/stdout``, ``/dev/fd/N``), that descriptor."""
    current = Path(path).absolute()
    for _ in range(_MAX_LINKS):
        fd = _own_fd(str(current))
        if fd is not None:
            return str(current), fd
        if not current.is_symlink():
            return str(current), None
        current = Path(os.path.normpath(current.parent / current.readlink()))
    return str(current), None


def _folder_ok(option: str, path: str, real: str, *, make: bool = False) -> None:
    """Check that the folder of *real* takes new files; with *make*, that it can be made (the
    nearest folder that exists takes new folders)."""
    folder = Path(real).parent
    while make and not os.path.lexists(folder) and folder.parent != folder:
        folder = folder.parent
    try:
        info = folder.stat()
    except FileNotFoundError:
        raise _fail(option, path, f"no such folder: {folder}") from None
    except OSError as exc:
        raise _fail(option, path, f"cannot reach its folder {folder}: {exc.strerror}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise _fail(option, path, f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _fail(option, path, f"cannot write to the folder {folder}: permission denied")


def target_of(path: str | os.PathLike[str], option: str = "", *, make: bool = False) -> Target:
    """Check the output path *path* and say how it will be written; *option* names it in errors.
    With *make*, its folder may be missing if it can be made.

    Raises :class:`OutputError`, naming the path and the reason, for what cannot be written: an
    empty name, a folder, a missing or read-only folder, a link to nothing, a socket, a block
    device.
    """
    name = os.fspath(path)
    if name == "-":
        return Target(name, "stdout", name, _fd_identity(1), 1)
    if not name:
        raise _fail(option, "''", "an empty path")
    reached, fd = _link_chain(name)
    if fd is not None:
        info = _stat(option, name, reached)
        return Target(name, "fd", reached, _identity(info), fd, stat.S_ISCHR(info.st_mode))
    try:
        info = Path(name).stat()
    except FileNotFoundError:
        if Path(name).is_symlink():
            # written through: the file the link names is made, as a shell's `>` would make it
            _folder_ok(option, name, reached, make=make)
            return Target(name, "file", reached)
        real = str(Path(name).absolute().parent.resolve() / Path(name).name)
        _folder_ok(option, name, real, make=make)
        return Target(name, "file", real)
    except OSError as exc:
        raise _fail(option, name, exc.strerror or str(exc)) from None
    return _existing(option, name, reached, info)


def _existing(option: str, name: str, reached: str, info: os.stat_result) -> Target:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        _folder_ok(option, name, reached)
        return Target(name, "file", reached, _identity(info))
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target(name, "stream", reached, _identity(info), char_device=stat.S_ISCHR(mode))
    what = ("a folder: name a file in it" if stat.S_ISDIR(mode) else
            "a block device: cleanseed does not write to disks" if stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a file cleanseed can write")
    raise _fail(option, name, f"is {what}")


def _stat(option: str, name: str, reached: str) -> os.stat_result:
    try:
        return Path(reached).stat()
    except OSError as exc:
        raise _fail(option, name, exc.strerror or str(exc)) from None


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _fd_identity(fd: int) -> tuple[int, int] | None:
    try:
        return _identity(os.fstat(fd))
    except OSError:
        return None


def input_identity(path: str) -> tuple[int, int] | None:
    """The ``(device, inode)`` of an input (``-``: whatever stdin is), or None if it has none."""
    if path in ("-", "<stdin>"):
        return _fd_identity(0)
    try:
        return _identity(Path(path).stat())
    except OSError:
        return None


def _mode(path: str) -> int:
    try:
        return os.fstat(0).st_mode if path in ("-", "<stdin>") else Path(path).stat().st_mode
    except OSError:
        return 0


def _keys(target: Target) -> list[object]:
    """What makes two targets one file: the inode, the path a new file gets, stdout."""
    if target.char_device:
        return []  # /dev/null twice, or a terminal: nothing is overwritten
    keys: list[object] = [] if target.identity is None else [target.identity]
    if target.kind == "file":
        keys.append(target.real)
    if target.kind == "stdout":
        keys.append("-")
    return keys


def check_outputs(outputs: Sequence[tuple[str, str | os.PathLike[str]]],
                  inputs: Iterable[str], *, folders: Sequence[tuple[str, str]] = (),
                  make: Collection[str] = ()) -> list[Target]:
    """Check every output path of a command before any work; return their targets in order.

    *outputs* are ``(option, path)`` pairs (``("-o", "out.jsonl")``); *inputs* the paths read
    (``-`` for stdin); *folders* ``(option, path)`` of output folders (``--index``) whose files
    are replaced, which no input or output may lie in. The folders of outputs of the options
    in *make* may be missing if they can be made (``--output-dir``). Raises
    :class:`OutputError` for a path that cannot be written, and :class:`ConfigError` for an
    output that is also an input, or two outputs that are the same file (by inode, through
    links).
    """
    targets = [target_of(path, option, make=option in make) for option, path in outputs]
    seen: dict[object, str] = {}
    for target, (option, _) in zip(targets, outputs, strict=True):
        for key in _keys(target):
            if key in seen:
                msg = f"{seen[key]} and {option} {target.path} are the same file: one would " \
                      "overwrite the other"
                raise ConfigError(msg)
        seen.update(dict.fromkeys(_keys(target), f"{option} {target.path}"))
    read = list(inputs)
    names = {os.path.realpath(p): p for p in read if p not in ("-", "<stdin>")}
    ids = {}
    stdin = any(p in ("-", "<stdin>") for p in read)
    for path in [*names.values(), *(["-"] if stdin else [])]:
        found = input_identity(path)
        if found is not None and not stat.S_ISCHR(_mode(path)):
            ids[found] = path
    for target, (option, _) in zip(targets, outputs, strict=True):
        clash = ids.get(target.identity) if target.identity is not None else None
        if target.kind == "file" and clash is None:
            clash = names.get(target.real)
        if clash is not None and not target.char_device:
            msg = f"{option} {target.path} is also an input ({clash}): it would be overwritten"
            raise ConfigError(msg)
    for option, folder in folders:
        _check_folder(option, folder, [*names, *(t.real for t in targets if t.kind == "file")])
    return targets


def _check_folder(option: str, folder: str, paths: Iterable[str]) -> None:
    if not folder:
        raise _fail(option, "''", "an empty path")
    root = os.path.realpath(folder)
    if os.path.lexists(folder):
        if not Path(folder).is_dir():
            raise _fail(option, folder, "is not a folder")
        if not os.access(root, os.W_OK | os.X_OK):
            raise _fail(option, folder, "cannot write to this folder: permission denied")
    else:
        _folder_ok(option, folder, root, make=True)
    for path in paths:
        if os.path.commonpath([root, path]) == root:
            msg = f"{path} lies in the folder {option} {folder}, whose files are replaced"
            raise ConfigError(msg)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class _Guarded(io.FileIO):
    """A file descriptor opened for writing whose OS errors name the output path."""

    def __init__(self, fd: int, path: str) -> None:
        super().__init__(fd, "wb", closefd=True)
        self.path = path

    def write(self, data: Any) -> int:
        with _errors_named(self.path):
            return super().write(data)

    def flush(self) -> None:
        with _errors_named(self.path):
            super().flush()


def _writer(fd: int, path: str) -> IO[bytes]:
    return cast(IO[bytes], io.BufferedWriter(_Guarded(fd, path)))


@contextlib.contextmanager
def open_target(target: Target, *, gz: bool | None = None) -> Iterator[IO[bytes]]:
    """Open the checked *target* for writing bytes; *gz* defaults to whether its name ends .gz.

    A regular file appears, complete, only when the block ends without error (see the module
    docstring); a stream is written as it goes and closed at the end; stdout is flushed and
    left open. An OS error of the output (a full disk, a folder made read-only meanwhile) is
    raised as an :class:`OutputError` naming the path.
    """
    gz = target.path.endswith(".gz") if gz is None else gz
    with _raw(target) as raw:
        if not gz:
            yield raw
            raw.flush()
            return
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
            yield cast(IO[bytes], packed)
        raw.flush()


@contextlib.contextmanager
def _errors_named(path: str) -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise  # the reader has gone: the command line stops quietly
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}", path=path) from None


@contextlib.contextmanager
def _raw(target: Target) -> Iterator[IO[bytes]]:
    if target.kind == "stdout":
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if target.kind == "file":
        with _replacing(target) as fh:
            yield fh
        return
    with _errors_named(target.path):
        fd = os.dup(target.fd) if target.kind == "fd" else os.open(target.path, os.O_WRONLY)
    with _writer(fd, target.path) as fh:
        yield fh


@contextlib.contextmanager
def _replacing(target: Target) -> Iterator[IO[bytes]]:
    real = Path(target.real)
    with _errors_named(target.path):
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with _errors_named(target.path):
            try:
                mode = stat.S_IMODE(real.stat().st_mode)  # keep the mode of the file replaced
            except FileNotFoundError:
                mode = 0o666 & ~_umask()  # what a plain open() would have given a new file
            os.fchmod(fd, mode)
        with _writer(fd, target.path) as raw:
            yield raw
            raw.flush()
            with _errors_named(target.path):
                os.fsync(raw.fileno())
        with _errors_named(target.path):
            Path(tmp).replace(real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
