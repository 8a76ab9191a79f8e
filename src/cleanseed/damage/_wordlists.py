"""wordfreq's word lists, read one language at a time, and only as far as needed.

wordfreq stores each language's list as a "cBpack": a gzipped msgpack array whose first item is a
header and whose item ``i`` after it holds the words of frequency ``-i`` centibels, that is of Zipf
``9 - i/100``, the commonest first. :func:`buckets` reads a whole list as wordfreq's own reader
does, and :func:`common_words` only the head of one, the few thousand commonest words, without
unpacking the rest (a tenth of the cost); both fall back to wordfreq's reader if the file is not
laid out as expected. The files are found in wordfreq's installed data folder without importing
wordfreq, whose import costs more than reading the lists a text needs.

wordfreq's data is CC BY-SA 4.0 (its code Apache 2.0); cleanseed reads it from the installed
package and ships none of it.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from cleanseed.errors import ConfigError

__all__ = ["buckets", "common_words", "zipf_of"]

_READ_SIZE = 4096
_WHOLE_READ_SIZE = 1 << 20
# wordfreq's file names: small_en.msgpack.gz.
_PREFIX, _SUFFIX = "small_", ".msgpack.gz"


def zipf_of(index: int) -> float:
    """The Zipf value of a cBpack's bucket *index* (0 is the header's successor)."""
    return 9 - index / 100


@functools.cache
def _wordfreq() -> ModuleType:
    try:
        import wordfreq  # importing it costs a tenth of a second: paid when a list is needed
    except ImportError as exc:  # pragma: no cover - wordfreq is a dependency
        msg = "finding lost letters needs the wordfreq package: pip install wordfreq"
        raise ConfigError(msg) from exc
    return wordfreq


@functools.cache
def _paths() -> dict[str, str]:
    """Each language's small list: found in wordfreq's data folder without importing wordfreq
    (its import, and those of its own dependencies, cost more than reading a list), or, if the
    folder is not where it was, as wordfreq lists them."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "data"
        found = {path.name[len(_PREFIX):-len(_SUFFIX)]: str(path)
                 for path in folder.glob(f"{_PREFIX}*{_SUFFIX}")}
        if found:
            return found
    return {lang: str(path) for lang, path in _wordfreq().available_languages("small").items()}


def _path(language: str) -> str:
    paths = _paths()
    if language not in paths:
        msg = f"wordfreq has no small word list for language {language!r}"
        raise ConfigError(msg)
    return paths[language]


def buckets(language: str) -> list[list[str]]:
    """Every bucket of *language*'s small list: index ``i`` holds the words of Zipf
    :func:`zipf_of` ``(i)``."""
    path = _path(language)
    try:
        return _head(path, None, _WHOLE_READ_SIZE)
    except (ValueError, TypeError, OSError):  # not laid out as expected: wordfreq's reader
        return list(_wordfreq().read_cBpack(path))


def common_words(language: str, min_zipf: float) -> dict[str, float]:
    """The words of *language* at least as common as *min_zipf*, with their Zipf values."""
    path = _path(language)
    wanted = round((9 - min_zipf) * 100) + 1
    try:
        head = _head(path, wanted)
    except (ValueError, TypeError, OSError):
        head = buckets(language)[:wanted]
    return {word: zipf_of(i) for i, bucket in enumerate(head) for word in bucket}


def _head(path: str, wanted: int | None, read_size: int = _READ_SIZE) -> list[list[str]]:
    """The first *wanted* buckets of the list at *path* (``None``: all of them), read with
    msgpack as wordfreq's own reader does, the header checked."""
    import msgpack  # wordfreq's own dependency, for its lists

    with gzip.open(path, "rb") as stream:
        # small reads: the head of a list is a few kilobytes of the compressed file
        unpacker = msgpack.Unpacker(stream, raw=False, read_size=read_size)
        size = unpacker.read_array_header()
        header: Any = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or \
                header.get("version") != 1:
            msg = f"unexpected word list header {header!r}"
            raise ValueError(msg)
        out = []
        for _ in range(size - 1 if wanted is None else min(wanted, size - 1)):
            bucket = unpacker.unpack()
            if not isinstance(bucket, list):
                msg = "unexpected word list bucket"
                raise TypeError(msg)
            out.append(bucket)
        return out
