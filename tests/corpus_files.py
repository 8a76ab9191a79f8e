"""Small corpus files the format tests write: WARCs written with FastWARC's own writer."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import pytest


class Page(NamedTuple):
    """One fetched page: its URL, its body bytes and the HTTP Content-Type header sent."""

    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200


def _record(warc: object, kind: object, uri: str, payload: bytes, ctype: str,
            number: int) -> object:
    record = warc.WarcRecord()  # type: ignore[attr-defined]
    urn = uuid.UUID(int=number).urn[4:].encode()  # fixed ids: the same file every run
    record.init_headers(record_type=kind, record_urn=urn)
    record.headers["WARC-Target-URI"] = uri
    record.headers["WARC-Date"] = f"2024-03-0{1 + number % 9}T12:00:00Z"
    record.headers["Content-Type"] = ctype
    record.set_bytes_content(payload)
    return record


def _http(page: Page) -> bytes:
    reason = "OK" if page.status == 200 else "Other"
    head = (f"HTTP/1.1 {page.status} {reason}\r\nContent-Type: {page.content_type}\r\n"
            f"Content-Length: {len(page.body)}\r\n\r\n")
    return head.encode("latin-1") + page.body


def warc_bytes(pages: Iterable[Page], *, gz: bool = True, requests: bool = True,
               conversions: Iterable[tuple[str, str]] = ()) -> bytes:
    """A WARC (one gzip member per record if *gz*) with a warcinfo record, then a request
    (if *requests*), a response and a metadata record per page, then WET-style conversions."""
    warc = pytest.importorskip("fastwarc.warc")
    stream_io = pytest.importorskip("fastwarc.stream_io")
    kinds = warc.WarcRecordType
    records = [_record(warc, kinds.warcinfo, "", b"software: tests\r\n",
                       "application/warc-fields", 0)]
    n = 1
    for page in pages:
        if requests:
            get = f"GET / HTTP/1.1\r\nHost: {page.url}\r\n\r\n".encode()
            records.append(_record(warc, kinds.request, page.url, get,
                                   "application/http; msgtype=request", n))
        records.append(_record(warc, kinds.response, page.url, _http(page),
                               "application/http; msgtype=response", n + 1))
        records.append(_record(warc, kinds.metadata, page.url, b"fetchTimeMs: 12\r\n",
                               "application/warc-fields", n + 2))
        n += 3
    for url, text in conversions:
        records.append(_record(warc, kinds.conversion, url, text.encode(), "text/plain", n))
        n += 1
    out = io.BytesIO()
    for record in records:
        if gz:  # one gzip member per record, as crawlers write them
            member = io.BytesIO()
            writer = stream_io.GzipWriter(member)
            record.write(writer)  # type: ignore[attr-defined]
            writer.close()
            out.write(member.getvalue())
        else:
            record.write(out)  # type: ignore[attr-defined]
    return out.getvalue()


def write_warc(path: Path, pages: Iterable[Page], **kwargs: object) -> Path:
    """Write :func:`warc_bytes` to *path* and return it."""
    path.write_bytes(warc_bytes(pages, **kwargs))  # type: ignore[arg-type]
    return path


def article(title: str, body: str, *, lang: str = "en", extra_head: str = "") -> str:
    """A small news page: a head with a title, a menu, the article, a footer."""
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title>{extra_head}'
            f'</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>'
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>")
