"""WARC and WET files: the pages of a crawl, through FastWARC (``pip install 'cleanseed[warc]'``).

Common Crawl and most web archives store what a crawler fetched as WARC records. Here:

- a ``response`` record (an HTTP response) of HTML goes through the HTML path, with its URL,
  date and record id kept as fields and the charset its HTTP header gave weighed as a browser
  weighs it (after a byte order mark, before the page's ``<meta>``); a plain-text response
  goes through the text path;
- a ``resource`` record (a file stored without HTTP) goes the same way by its content type;
- a ``conversion`` record (the text Common Crawl's WET files hold) goes through the text path;
- everything else (``warcinfo``, ``request``, ``metadata``, ``revisit`` records, responses that
  are not HTML or text, or not a success) holds no page: it is passed over, counted by reason.

`FastWARC <https://resiliparse.chatnoir.eu/en/stable/man/fastwarc.html>`_ reads gzip and
Zstandard members natively and several times faster than warcio; it also writes WARCs, which
the tests use to build theirs.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import IO, Any

from cleanseed.document import Document
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.formats import Skipped
from cleanseed.records.inputs import ORIGIN, InputFile, Item, Origin, ReadOptions, decode

__all__ = ["fastwarc", "iter_warc"]

_MISSING = "reading WARC files needs FastWARC: pip install 'cleanseed[warc]'"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+xhtml"})
_TEXT_TYPES = frozenset({"text/plain"})
_CUT = "record {} is cut short: the file is truncated or damaged"


def fastwarc() -> Any:
    """Return the ``fastwarc.warc`` module, or raise an error naming the extra that installs it."""
    try:
        from fastwarc import warc
    except ImportError:
        raise CleanseedError(_MISSING) from None
    return warc


def _content_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def _fields(record: Any, options: ReadOptions) -> tuple[dict[str, Any], tuple[str, ...]]:
    headers = record.headers
    fields = {"url": headers.get("WARC-Target-URI") or None,
              "date": headers.get("WARC-Date") or None}
    keys = (options.id_field, options.text_field, "url", "date")
    return fields, keys


def _document(record: Any, number: int, file: InputFile, options: ReadOptions, *,
              html: bool) -> Item | InputError:
    """The page a record holds, its body read. HTML stays bytes, with the charset its HTTP
    header named, for the HTML stage to decode (and to guess, if it must)."""
    fields, keys = _fields(record, options)
    raw_id = record.headers.get("WARC-Record-ID") or None
    fields[ORIGIN] = Origin(file.path, None, keys, raw_id, None, number)
    body: bytes = record.reader.read()
    if len(body) < record.content_length:
        return InputError(_CUT.format(number), source=file.path)
    if html:
        charset = record.http_charset if record.is_http else None
        return Item(Document("", raw_id or "", fields), body, file, charset or None)
    text = decode(body, options, file.path)
    if isinstance(text, InputError):
        return InputError(f"record {number}: {text.reason}", source=file.path)
    return Item(Document(text, raw_id or "", fields), None, file)


#: How far from its end a gzipped WARC is searched for the start of its last members: records of
#: web pages are far smaller; past it, the end is not checked.
_TAIL = 2 << 20
_MEMBER = re.compile(rb"\x1f\x8b\x08")


def gzip_cut_short(fh: IO[bytes]) -> bool:
    """Whether a seekable stream of gzip members ends inside one (a download cut short).

    FastWARC stops quietly at a cut member, so the members near the end are inflated one after
    the other, from the first place within reach where one starts, to the end of the stream.
    A stream that is not gzip, or cannot seek, or has no member start within reach, is not
    judged.
    """
    if not fh.seekable():
        return False
    fh.seek(0)
    if fh.read(2) != b"\x1f\x8b":
        return False
    end = fh.seek(0, 2)
    fh.seek(max(end - _TAIL, 0))
    tail = fh.read()
    for found in _MEMBER.finditer(tail):
        verdict = _members_cut(tail[found.start():])
        if verdict is not None:
            return verdict
    return False


def _members_cut(data: bytes) -> bool | None:
    """Inflate the gzip members *data* holds one after the other: whether the last is cut
    short; ``None`` if *data* does not start with a member (the bytes only looked like one)."""
    first = True
    while data:
        inflate = zlib.decompressobj(wbits=31)
        try:
            while not inflate.eof:
                if not data:
                    return True
                inflate.decompress(data, 1 << 20)
                data = inflate.unconsumed_tail
        except zlib.error:
            return None if first else True
        data, first = inflate.unused_data, False
    return False


def _route(record: Any, warc: Any) -> tuple[bool | None, str]:
    """Whether a record holds HTML (``True``) or text (``False``), or why it holds no page."""
    kind = record.record_type
    name = getattr(kind, "name", str(kind))
    if kind == warc.WarcRecordType.conversion:
        return False, ""
    if kind == warc.WarcRecordType.response:
        if not record.is_http:
            return None, "WARC response record without HTTP"
        status = record.http_headers.status_code
        if status is None or not 200 <= int(status) < 300:
            return None, f"HTTP {status} response"
        ctype = _content_type(record.http_content_type)
    elif kind == warc.WarcRecordType.resource:
        ctype = _content_type(record.headers.get("Content-Type"))
    else:
        return None, f"WARC {name} record"
    if not ctype or ctype in _HTML_TYPES:
        return True, ""
    if ctype in _TEXT_TYPES:
        return False, ""
    return None, f"response of type {ctype}"


def iter_warc(fh: IO[bytes], file: InputFile, options: ReadOptions,
              ) -> Iterator[Item | InputError | Skipped]:
    """Yield a page (an item) for each HTML, text or conversion record of an open WARC stream,
    and a :class:`Skipped` for each other record; a damaged file ends with one error.

    *fh* may still be gzip- or Zstandard-compressed: FastWARC decompresses those itself.
    """
    warc = fastwarc()
    number = 0
    try:
        for record in warc.ArchiveIterator(fh, parse_http=True, auto_decode="all",
                                           fsspec_args=False):
            number += 1
            html, why = _route(record, warc)
            if html is None:
                length = record.content_length
                consumed = record.consume()
                if isinstance(consumed, int) and consumed < length:
                    yield InputError(_CUT.format(number), source=file.path)
                    return
                yield Skipped(file.path, why, number, bulk=True)
            else:
                yield _document(record, number, file, options, html=html)
        if gzip_cut_short(fh):
            msg = f"the file ends inside a gzip member, after record {number}: it is truncated"
            yield InputError(msg, source=file.path)
    except (OSError, ValueError) as exc:
        at = f" after record {number}" if number else ""
        yield InputError(f"not a readable WARC file{at}: {exc}", source=file.path)
    except BaseException as exc:  # FastWARC's Rust core panics on some streams: say so, go on
        if type(exc).__name__ != "PanicException":
            raise
        at = f" after record {number}" if number else ""
        yield InputError(f"not a readable WARC file{at}: the WARC reader failed: {exc}",
                         source=file.path)
