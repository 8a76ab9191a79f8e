"""wordfreq's word lists, read one language at a time, and only as far as needed.

wordfreq stores each language's list as a "cBpack": a gzipped msgpack array whose first item is a
header and whose item ``i`` after it holds the words of frequency ``-i`` centibels, that is of Zipf
``9 - i/100``, the commonest first. :func:`buckets` reads a whole list with wordfreq's own reader;
:func:`common_words` reads only the head of one, the few thousand commonest words, without
unpacking the rest (a tenth of the cost), and falls back to the whole list if the file is not
laid out as expected.

wordfreq's data is CC BY-SA 4.0 (its code Apache 2.0); cleanseed reads it from the installed
package and ships none of it.
"""

from __future__ import annotations

import functools
import gzip
from types import ModuleType
from typing import Any

from cleanseed.errors import ConfigError

__all__ = ["buckets", "common_words", "zipf_of"]

_READ_SIZE = 4096


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
    return list(_wordfreq().read_cBpack(_path(language)))


def common_words(language: str, min_zipf: float) -> dict[str, float]:
    """The words of *language* at least as common as *min_zipf*, with their Zipf values."""
    path = _path(language)
    wanted = round((9 - min_zipf) * 100) + 1
    try:
        head = _head(path, wanted)
    except (ValueError, TypeError, OSError):
        head = buckets(language)[:wanted]
    return {word: zipf_of(i) for i, bucket in enumerate(head) for word in bucket}


def _head(path: str, wanted: int) -> list[list[str]]:
    import msgpack  # wordfreq's own dependency, for its lists

    with gzip.open(path, "rb") as stream:
        # small reads: the head of a list is a few kilobytes of the compressed file
        unpacker = msgpack.Unpacker(stream, raw=False, read_size=_READ_SIZE)
        size = unpacker.read_array_header()
        header: Any = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or \
                header.get("version") != 1:
            msg = f"unexpected word list header {header!r}"
            raise ValueError(msg)
        out = []
        for _ in range(min(wanted, size - 1)):
            bucket = unpacker.unpack()
            if not isinstance(bucket, list):
                msg = "unexpected word list bucket"
                raise TypeError(msg)
            out.append(bucket)
        return out
