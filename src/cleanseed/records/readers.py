"""Open an input file as what its name says, after checking that its content agrees, and read
the kinds of file that hold rows or records beside JSON: CSV and TSV, Parquet, WARC and WET.

:func:`open_input` decompresses (:mod:`~cleanseed.records.compression`) and checks the first
bytes (:func:`~cleanseed.records.formats.check_content`); :data:`READERS` maps each of these
kinds to its reader. Every reader yields :class:`~cleanseed.records.inputs.Item`\\ s,
:class:`~cleanseed.errors.InputError`\\ s naming the file and the line or record, and
:class:`~cleanseed.records.formats.Skipped` for what holds no document.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import IO, cast

from cleanseed.errors import InputError
from cleanseed.records.compression import codec_of_name, open_compressed, sniff_codec, zstd_head
from cleanseed.records.csv_files import iter_csv
from cleanseed.records.formats import Skipped, check_content, content_of, looks_binary
from cleanseed.records.inputs import STDIN, InputFile, Item, ReadOptions
from cleanseed.records.parquet_files import iter_parquet
from cleanseed.records.warc_files import iter_warc

__all__ = ["READERS", "Read", "Reader", "open_input", "read_new_kind"]

Read = Item | InputError | Skipped
Reader = Callable[[IO[bytes], InputFile, ReadOptions], Iterator[Read]]

#: The readers of the kinds of file this module adds, by kind.
READERS: Mapping[str, Reader] = MappingProxyType({
    "csv": iter_csv, "tsv": iter_csv, "parquet": iter_parquet, "warc": iter_warc,
})
#: Bytes looked at to tell what a file holds.
_HEAD = 512


def _peekable(fh: IO[bytes]) -> io.BufferedReader:
    if isinstance(fh, io.BufferedReader):
        return fh
    return io.BufferedReader(cast(io.RawIOBase, fh))


@contextlib.contextmanager
def _raw(file: InputFile) -> Iterator[IO[bytes]]:
    if file.path == STDIN:
        yield sys.stdin.buffer
    else:
        with Path(file.path).open("rb") as fh:
            yield fh


@contextlib.contextmanager
def open_input(file: InputFile) -> Iterator[IO[bytes]]:
    """Open *file* decompressed, as its name says, checked against its first bytes.

    Raises :class:`InputError` naming the file when its name and its content disagree.
    A WARC compressed with gzip or Zstandard is handed over still compressed: its reader
    decompresses those natively, member by member.
    """
    name = "-" if file.path == STDIN else file.path
    with _raw(file) as raw, contextlib.ExitStack() as stack:
        fh = _peekable(raw)
        if file.kind == "warc" and sniff_codec(fh.peek(8)[:8]) in ("gz", "zst"):
            _check_name(fh, name, file)
            error = check_content("warc", _inflated_head(fh.peek(_HEAD)), file.path)
            if error is not None:
                raise error
            yield fh
            return
        data = _peekable(stack.enter_context(open_compressed(fh, name, file.path)))
        try:
            head = bytes(data.peek(_HEAD)[:_HEAD])
        except OSError as exc:  # a stream cut short or corrupt before its first bytes
            raise InputError(str(exc), source=file.path) from None
        error = check_content(file.kind, head, file.path)
        if error is not None:
            raise error
        yield data


def _inflated_head(packed: bytes) -> bytes:
    """The first bytes of the gzip (or Zstandard) stream that *packed* starts, or ``b""`` when
    they tell nothing (which the content check lets pass, for the reader to judge)."""
    if sniff_codec(packed) == "zst":
        try:
            return zstd_head(packed, _HEAD)
        except Exception:  # no module, or too few bytes to tell
            return b""
    try:
        return zlib.decompressobj(wbits=31).decompress(packed, _HEAD)
    except zlib.error:
        return b""


def _check_name(fh: io.BufferedReader, name: str, file: InputFile) -> None:
    """A compressed WARC must be named so (standard input is taken as it comes)."""
    if name != "-" and codec_of_name(name) != sniff_codec(fh.peek(8)[:8]):
        open_compressed(fh, name, file.path)  # raises the error that names the mismatch


@contextlib.contextmanager
def _seekable(fh: IO[bytes]) -> Iterator[IO[bytes]]:
    """*fh* if it can seek (a Parquet reader jumps to the footer); else a spooled copy."""
    if fh.seekable():
        yield fh
        return
    with tempfile.TemporaryFile() as spool:
        shutil.copyfileobj(fh, spool)
        spool.seek(0)
        yield spool


def read_new_kind(file: InputFile, options: ReadOptions) -> Iterator[Read]:
    """Yield what *file*, of one of the kinds in :data:`READERS`, holds; errors are yielded."""
    try:
        with open_input(file) as fh:
            if file.kind in ("parquet", "warc"):  # their readers seek: a stream is spooled
                with _seekable(fh) as seekable:
                    yield from READERS[file.kind](seekable, file, options)
            else:
                yield from READERS[file.kind](fh, file, options)
    except InputError as exc:
        yield exc
    except OSError as exc:  # cannot open: permissions, a vanished file, a corrupt stream
        yield InputError(exc.strerror or str(exc), source=file.path)


def unknown_file(file: InputFile) -> Skipped:
    """What a file of a kind no reader knows stands for: listed and counted, not read."""
    with contextlib.suppress(OSError), Path(file.path).open("rb") as fh:
        head = fh.read(_HEAD)
        found = content_of(head) or ("binary data" if looks_binary(head) else None)
        if found is not None:
            return Skipped(file.path, f"not a kind of file cleanseed reads ({found})")
    return Skipped(file.path, "not a kind of file cleanseed reads (unknown suffix)")
