"""The folder a :class:`~cleanseed.corpus.index.NearDupIndex` is saved in: its lock, its files,
and the checks that make a damaged or edited index a named error, never a traceback, a hang,
a read outside the folder or a lost index.

``params.json`` names the data files and holds the parameters. Every field is checked on load:
its type, its range (bounds that keep a tampered value from hanging the run), and the names of
the data files, which must be the names a save gives (no path, nothing outside the folder).
Arrays are read with ``allow_pickle=False``: loading an index never runs code from the file.

Two runs must not extend one index at once (each would save its own documents over the other's):
:func:`lock` holds an exclusive ``flock`` on the folder itself for a whole load-add-save, and a
save checks that the folder still holds the index it was loaded from.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import secrets
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from cleanseed.corpus.neardup import DedupConfig
from cleanseed.errors import CleanseedError, ConfigError, InputError, OutputError
from cleanseed.records.writers import atomic_writer

try:
    import fcntl
except ImportError:  # not a POSIX system: no lock (the save still checks for another's index)
    fcntl = None  # type: ignore[assignment]

__all__ = ["ARRAYS", "FORMAT", "SHINGLING", "VERSION", "check_unchanged", "load_files", "lock",
           "read_params", "remove_old", "stored_config", "write_files"]

FORMAT, VERSION = "cleanseed.NearDupIndex", 1
#: Changes whenever shingles or band keys of a text would change: such an index must be rebuilt.
SHINGLING = "cleanseed-words-1"
ARRAYS = ("keys", "offsets", "values", "digests", "roots", "reps")
_NAMES = {"arrays": re.compile(r"arrays-[0-9a-f]{8}\.npz"),
          "ids": re.compile(r"ids-[0-9a-f]{8}\.json")}
_FIELDS = {"format", "version", "shingling", "scheme", "count", "arrays", "ids", "config"}
#: A window beyond this pairs so many documents per bucket that a run would not end.
_MAX_WINDOW = 1 << 16
_held: dict[tuple[int, int], int] = {}  # folders this process has locked, and how many times


@contextlib.contextmanager
def lock(folder: str | os.PathLike[str], *, notice: bool = True) -> Iterator[None]:
    """Hold the index folder *folder* (made if missing) for this process: another process that
    asks waits until it is let go; with *notice*, the wait is said on stderr. Re-entrant."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(f"{path}: cannot use as an index folder: {exc.strerror}",
                          path=str(path)) from None
    key = (os.fstat(fd).st_dev, os.fstat(fd).st_ino)
    try:
        if fcntl is not None and not _held.get(key):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if notice:
                    print(f"cleanseed: the index {path} is in use by another run; waiting for "
                          "it to finish", file=sys.stderr)
                fcntl.flock(fd, fcntl.LOCK_EX)
        _held[key] = _held.get(key, 0) + 1
        try:
            yield
        finally:
            _held[key] -= 1
    finally:
        os.close(fd)  # lets the lock go, once no holder in this process is left


def read_params(folder: Path) -> dict[str, Any]:
    """The checked contents of ``params.json``; an :class:`InputError` naming the file and the
    field for anything a save would not have written."""
    where = str(folder / "params.json")
    try:
        params = json.loads((folder / "params.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = "no saved index here (params.json is missing)"
        raise InputError(msg, source=str(folder)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=where) from None
    except (ValueError, RecursionError) as err:
        raise InputError(f"not valid JSON: {err}", source=where) from None
    if not isinstance(params, dict) or params.get("format") != FORMAT:
        raise InputError(f"not a {FORMAT} parameter file", source=where)
    if params.get("version") != VERSION or params.get("shingling") != SHINGLING:
        msg = (f"saved by another version (format {params.get('version')!r}, shingling "
               f"{params.get('shingling')!r}); rebuild the index with this one")
        raise ConfigError(f"{where}: {msg}")
    _check_fields(params, where)
    return params


def _check_fields(params: Mapping[str, Any], where: str) -> None:
    def bad(field: str, what: str) -> InputError:
        return InputError(f"{what}, got {params.get(field)!r}", source=where, field=field)

    if set(params) != _FIELDS:
        unknown = sorted(set(params) ^ _FIELDS)
        raise InputError(f"fields missing or unknown: {', '.join(unknown)}", source=where)
    if params["scheme"] != "affine32":
        raise bad("scheme", "expected 'affine32'")
    count = params["count"]
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise bad("count", "expected a whole number >= 0")
    for field, pattern in _NAMES.items():
        name = params[field]
        if not isinstance(name, str) or not pattern.fullmatch(name):
            raise bad(field, f"expected a file name of the form {pattern.pattern} in the folder")


def stored_config(params: Mapping[str, Any], folder: Path) -> DedupConfig:
    """The parameters an index was built with, checked as :class:`DedupConfig` checks them, and
    for bounds a saved index must keep within."""
    where = str(folder / "params.json")
    fields = {f.name for f in dataclasses.fields(DedupConfig)}
    raw = params["config"]
    if not isinstance(raw, dict) or set(raw) != fields:
        raise InputError("the stored parameters are incomplete", source=where, field="config")
    try:
        config = DedupConfig(**raw)
    except (ConfigError, TypeError) as exc:
        raise InputError(f"stored parameters: {exc}", source=where, field="config") from None
    if not config.bands or config.window > _MAX_WINDOW:
        msg = f"stored parameters: bands and rows must be stored, and window at most " \
              f"{_MAX_WINDOW}; got {raw!r}"
        raise InputError(msg, source=where, field="config")
    return config


def load_files(folder: Path, params: Mapping[str, Any],
               ) -> tuple[dict[str, np.ndarray], list[Any]]:
    """The arrays and the ids of a saved index; any problem reading them is an InputError."""
    try:
        with np.load(folder / params["arrays"], allow_pickle=False) as saved:
            arrays = {name: saved[name] for name in ARRAYS}
        ids = json.loads((folder / params["ids"]).read_text(encoding="utf-8"))
    except Exception as err:  # np.load: EOFError, ValueError, zip errors; json: RecursionError
        if isinstance(err, (CleanseedError, MemoryError)):
            raise
        msg = f"the saved index is damaged: {type(err).__name__}: {err}"
        raise InputError(msg, source=str(folder)) from None
    if not isinstance(ids, list):
        raise InputError("the saved index is damaged: the ids are not a list", source=str(folder))
    return arrays, ids


def check_unchanged(folder: Path, loaded_from: str | None, *, overwrite: bool,
                    ) -> dict[str, Any] | None:
    """The params of the index *folder* holds now, after checking that saving over it loses no
    documents: it is the one this index was loaded from (or last saved as), or there is none,
    or *overwrite* says to replace it."""
    if not (folder / "params.json").exists():
        return None
    try:
        old = read_params(folder)
    except CleanseedError:
        if overwrite:
            return None
        raise
    if old["arrays"] != loaded_from and not overwrite:
        msg = (f"{folder} holds an index ({old['count']} documents) that this one was not "
               "loaded from, or that another run has saved since: saving would lose its "
               "documents (load it and add to it, or pass overwrite=True)")
        raise ConfigError(msg)
    return old


def write_files(folder: Path, arrays: Mapping[str, np.ndarray], ids: list[Any],
                params: dict[str, Any]) -> str:
    """Write new data files, then ``params.json`` naming them; return the arrays' file name."""
    tag = secrets.token_hex(4)
    data, names = f"arrays-{tag}.npz", f"ids-{tag}.json"
    with atomic_writer(folder / data) as fh:
        np.savez(fh, **arrays)  # type: ignore[arg-type]
    with atomic_writer(folder / names) as fh:
        fh.write(json.dumps(ids, ensure_ascii=False).encode("utf-8"))
    params = {**params, "arrays": data, "ids": names}
    with atomic_writer(folder / "params.json") as fh:
        fh.write(json.dumps(params, indent=2).encode("utf-8") + b"\n")
    return data


def remove_old(folder: Path, old: Mapping[str, Any] | None, keep: str) -> None:
    """Remove the data files of the index *old* (checked names only) once *keep* replaced it."""
    if old is None or old["arrays"] == keep:
        return
    for field in ("arrays", "ids"):
        with contextlib.suppress(FileNotFoundError):
            (folder / old[field]).unlink()

