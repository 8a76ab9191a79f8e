"""Compressed files in and out: gzip, bzip2, xz and Zstandard, told by name and checked by content.

A file's name says how it is compressed (``.gz``, ``.bz2``, ``.xz``, ``.zst``); its first bytes
say how it really is. Where the two disagree (a ``.gz`` that is plain text, a ``.jsonl`` that is
Zstandard data) the file is reported by name rather than read as something it is not. Standard
input has no name, so there the first bytes alone decide.

gzip, bzip2 and xz come with Python. Zstandard needs the ``zstandard`` package
(``pip install 'cleanseed[zstd]'``), or Python's own ``compression.zstd`` from 3.14 on.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import IO, Any, Literal, cast

from cleanseed.errors import CleanseedError, InputError

__all__ = ["CODECS", "SUFFIXES", "Codec", "codec_of_name", "open_compressed", "packed_with",
           "readable", "sniff_codec", "strip_codec", "writable", "zstd_head"]

Codec = Literal["gz", "bz2", "xz", "zst"]
#: The suffix that names each codec.
SUFFIXES: Mapping[str, Codec] = MappingProxyType(
    {".gz": "gz", ".gzip": "gz", ".bz2": "bz2", ".xz": "xz", ".zst": "zst", ".zstd": "zst"})
CODECS: tuple[Codec, ...] = ("gz", "bz2", "xz", "zst")
#: What each codec's streams start with.
_MAGIC: tuple[tuple[bytes, Codec], ...] = (
    (b"\x1f\x8b", "gz"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zst"),
)
_NAMES: Mapping[Codec, str] = MappingProxyType(
    {"gz": "gzip", "bz2": "bzip2", "xz": "xz", "zst": "Zstandard"})

_ZSTD_MISSING = ("reading or writing .zst files needs the zstandard package: "
                 "pip install 'cleanseed[zstd]'")


def codec_of_name(name: str) -> Codec | None:
    """Return the codec a file's name ends in, or ``None``.

    >>> codec_of_name("part-0001.jsonl.ZST"), codec_of_name("notes.txt")
    ('zst', None)
    """
    lower = name.lower()
    for suffix, codec in SUFFIXES.items():
        if lower.endswith(suffix):
            return codec
    return None


def strip_codec(name: str) -> str:
    """Return *name* without the suffix of its codec, if it has one.

    >>> strip_codec("crawl.warc.gz")
    'crawl.warc'
    """
    lower = name.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def sniff_codec(head: bytes) -> Codec | None:
    """Return the codec whose stream starts with *head*, or ``None`` for uncompressed data.

    >>> sniff_codec(gzip.compress(b"x")), sniff_codec(b'{"text": "x"}')
    ('gz', None)
    """
    for magic, codec in _MAGIC:
        if head.startswith(magic):
            return codec
    return None


def _zstd() -> Any:
    with contextlib.suppress(ImportError):
        from compression import zstd  # type: ignore[import-not-found, unused-ignore]

        return zstd
    try:
        import zstandard
    except ImportError:
        raise CleanseedError(_ZSTD_MISSING) from None
    return zstandard


def _zstd_reader(fh: IO[bytes]) -> IO[bytes]:
    module = _zstd()
    if hasattr(module, "ZstdDecompressor") and hasattr(module.ZstdDecompressor, "stream_reader"):
        reader = module.ZstdDecompressor().stream_reader(fh, read_across_frames=True,
                                                         closefd=False)
        return cast(IO[bytes], reader)
    return cast(IO[bytes], module.ZstdFile(fh, "rb"))


def zstd_head(packed: bytes, size: int) -> bytes:
    """The first *size* bytes of the Zstandard stream *packed* starts (needs the module)."""
    module = _zstd()
    if hasattr(module, "ZstdDecompressor") and hasattr(module.ZstdDecompressor, "stream_reader"):
        return bytes(module.ZstdDecompressor().stream_reader(io.BytesIO(packed)).read(size))
    return bytes(module.ZstdDecompressor().decompress(packed, size))


def _zstd_writer(fh: IO[bytes]) -> IO[bytes]:
    module = _zstd()
    if hasattr(module, "ZstdCompressor") and hasattr(module.ZstdCompressor, "stream_writer"):
        return cast(IO[bytes], module.ZstdCompressor(level=3).stream_writer(fh, closefd=False))
    return cast(IO[bytes], module.ZstdFile(fh, "wb"))


class _Plain(io.RawIOBase):
    """A decompressing stream whose errors are all :class:`OSError`: a truncated or corrupt
    stream is then one kind of error to whoever reads it, whatever the codec (``lzma`` and
    Zstandard raise their own kinds, gzip an ``EOFError`` when cut short)."""

    def __init__(self, inner: IO[bytes], codec: Codec) -> None:
        super().__init__()
        self.inner, self.codec = inner, codec
        self._read = getattr(inner, "read1", inner.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:  # read1: what one step of decompression gives, so data before a cut comes out
            data = self._read(len(buffer))
        except Exception as exc:  # each codec's own error for bad data
            msg = f"truncated or corrupt {_NAMES[self.codec]} data: {exc}"
            raise OSError(msg) from None
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


def readable(fh: IO[bytes], codec: Codec | None) -> IO[bytes]:
    """Return a stream of *fh*'s data decompressed with *codec* (*fh* itself for ``None``).

    Every error of bad data is an :class:`OSError`. Closing the returned stream leaves *fh*
    open.
    """
    if codec is None:
        return fh
    if codec == "gz":
        inner = cast(IO[bytes], gzip.GzipFile(fileobj=fh, mode="rb"))
    elif codec == "bz2":
        inner = cast(IO[bytes], bz2.BZ2File(fh, "rb"))
    elif codec == "xz":
        inner = cast(IO[bytes], lzma.LZMAFile(fh, "rb"))  # noqa: SIM115 (returned open)
    else:
        inner = _zstd_reader(fh)
    return cast(IO[bytes], io.BufferedReader(_Plain(inner, codec)))


def writable(fh: IO[bytes], codec: Codec | None) -> IO[bytes]:
    """Return a stream that compresses what is written to it with *codec* into *fh*.

    Close the returned stream to finish the compressed data; *fh* stays open.
    """
    if codec is None:
        return fh
    if codec == "gz":  # no name and no time in the header: the same input gives the same bytes
        return cast(IO[bytes], gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0))
    if codec == "bz2":
        return cast(IO[bytes], bz2.BZ2File(fh, "wb"))
    if codec == "xz":
        return cast(IO[bytes], lzma.LZMAFile(fh, "wb"))
    return _zstd_writer(fh)


@contextlib.contextmanager
def packed_with(fh: IO[bytes], codec: Codec | None) -> Iterator[IO[bytes]]:
    """Compress what is written in the block into *fh*, finished when the block ends."""
    out = writable(fh, codec)
    if out is fh:
        yield fh
        return
    with out:
        yield out


def _peek(fh: IO[bytes], size: int) -> bytes:
    peek = getattr(fh, "peek", None)
    if peek is not None:
        return bytes(peek(size)[:size])
    if fh.seekable():
        at = fh.tell()
        head = fh.read(size)
        fh.seek(at)
        return head
    msg = "cannot look at the start of a stream that can be neither peeked nor sought"
    raise CleanseedError(msg)


def open_compressed(fh: IO[bytes], name: str, source: str) -> IO[bytes]:
    """Return *fh* decompressed as its *name* says, after checking its first bytes agree.

    A *name* of ``"-"`` (standard input) is decompressed as its first bytes say. *fh* must be
    able to peek or seek. Raises :class:`InputError` naming *source* when name and content
    disagree.
    """
    head = _peek(fh, 8)
    found = sniff_codec(head)
    named = None if name == "-" else codec_of_name(name)
    if name != "-" and found != named and head:
        if named is None:
            msg = (f"holds {_NAMES[cast(Codec, found)]}-compressed data, but its name does not "
                   f"say so: name it ...{_suffix(cast(Codec, found))} or decompress it")
        else:
            msg = f"not {_NAMES[named]} data, though its name ends in {_suffix(named)}"
        raise InputError(msg, source=source)
    return readable(fh, found)


def _suffix(codec: Codec) -> str:
    return next(s for s, c in SUFFIXES.items() if c == codec)
