"""The folder of a :class:`~cleanseed.corpus.disk_index.DiskIndex`: its lock, its
``params.json`` and the checks that make a damaged or edited one a named error."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import IO, Any

from cleanseed.corpus._saved import SHINGLING
from cleanseed.errors import ConfigError, InputError

__all__ = ["FORMAT", "VERSION", "is_disk_index", "lock_file", "read_params"]

FORMAT, VERSION = "cleanseed.DiskIndex", 1


def is_disk_index(folder: str | Path) -> bool:
    """Whether *folder* holds a committed :class:`DiskIndex` (not another kind of index)."""
    try:
        params = json.loads((Path(folder) / "params.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(params, dict) and params.get("format") == FORMAT


def lock_file(folder: Path) -> IO[bytes]:
    fh = (folder / ".lock").open("ab")
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise InputError("the index is in use by another process", source=str(folder)) from None
    return fh


def read_params(folder: Path) -> dict[str, Any] | None:
    path = folder / "params.json"
    if not path.exists():
        return None
    try:
        params = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"not a readable parameter file: {err}", source=str(path)) from None
    if not isinstance(params, dict) or params.get("format") != FORMAT:
        raise InputError(f"not a {FORMAT} parameter file", source=str(path))
    if params.get("version") != VERSION or params.get("shingling") != SHINGLING:
        msg = (f"{path}: saved by another version (format {params.get('version')!r}, "
               f"shingling {params.get('shingling')!r}); rebuild the index with this one")
        raise ConfigError(msg)
    count = params.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise InputError("the stored document count is not a count", source=str(path))
    for name in ("roots", "reps"):
        value = params.get(name)
        if count and (not isinstance(value, str) or "/" in value or value.startswith(".")):
            raise InputError(f"the stored {name} file name is not a plain name", source=str(path))
    return params
