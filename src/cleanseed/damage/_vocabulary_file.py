"""A corpus vocabulary kept in a file, so that a later run shares what a corpus run counted.

The file is JSON (gzipped when its name ends in ``.gz``): a header that names the format and
its version, then each word with its counts, a few document ids and its spellings. A file that
is not one, or of a version this release does not read, is refused with a message that names
the file and says what was found; nothing is guessed.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Literal

from cleanseed.errors import InputError, OutputError

__all__ = ["FORMAT", "VERSION", "read", "write"]

#: What the header of a vocabulary file says it is.
FORMAT = "cleanseed.vocabulary"
#: The version of the layout below; a file of another version is refused.
VERSION = 1

# One word: [folded word, times seen, documents, ids, [[spelling, times], ...]].
Row = list[Any]


def _open(path: Path, mode: Literal["r", "w"]) -> IO[str]:
    if not path.name.endswith(".gz"):
        return path.open(mode, encoding="utf-8")
    if mode == "r":
        return gzip.open(path, "rt", encoding="utf-8")
    return gzip.open(path, "wt", encoding="utf-8")


def write(path: str | os.PathLike[str], documents: int, rows: list[Row]) -> None:
    """Write a vocabulary of *documents* documents and *rows* to *path*, atomically: a
    temporary file in the same folder, renamed over it."""
    target = Path(path)
    data = {"format": FORMAT, "version": VERSION, "documents": documents, "words": rows}
    suffix = ".gz" if target.name.endswith(".gz") else ""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix,
                                    dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            with _open(tmp, "w") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        msg = f"cannot write the vocabulary to {target}: {exc.strerror or exc}"
        raise OutputError(msg, path=str(target)) from exc


def read(path: str | os.PathLike[str]) -> tuple[int, list[Row]]:
    """The number of documents and the rows of the vocabulary file *path*."""
    source = str(path)
    try:
        with _open(Path(path), "r") as stream:
            data = json.load(stream)
    except OSError as exc:
        raise InputError(f"cannot read the vocabulary: {exc.strerror or exc}",
                         source=source) from exc
    except (ValueError, EOFError) as exc:  # bad JSON, bad UTF-8, a broken gzip stream
        raise InputError(f"not a vocabulary file ({exc})", source=source) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"not a vocabulary file: no header saying {FORMAT!r}", source=source)
    if data.get("version") != VERSION:
        msg = (f"vocabulary file of version {data.get('version')!r}; this release reads "
               f"version {VERSION}: build the vocabulary again")
        raise InputError(msg, source=source)
    documents, rows = data.get("documents"), data.get("words")
    if not isinstance(documents, int) or not isinstance(rows, list):
        raise InputError("vocabulary file without 'documents' and 'words'", source=source)
    for number, row in enumerate(rows):
        if not _valid(row):
            raise InputError(f"word {number} is not [word, count, documents, ids, forms]: "
                             f"{row!r:.80}", source=source, field="words")
    return documents, rows


def _valid(row: object) -> bool:
    if not (isinstance(row, list) and len(row) == 5):
        return False
    word, count, documents, ids, forms = row
    return (isinstance(word, str) and bool(word) and isinstance(count, int) and count > 0
            and isinstance(documents, int) and 0 < documents <= count
            and isinstance(ids, list) and all(isinstance(i, str) for i in ids)
            and isinstance(forms, list) and all(
                isinstance(f, list) and len(f) == 2 and isinstance(f[0], str)
                and isinstance(f[1], int) and f[1] > 0 for f in forms))
