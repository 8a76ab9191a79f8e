"""What a page says about itself: its title, language and canonical link, and its URL if known.

Corpus records need these beside the text (to filter by language, to dedupe by canonical URL, to
cite a source), and they sit in the page's ``<head>``, which is read alone here: lxml's parser
runs over the markup up to ``<body`` (or a bounded prefix of it), calling back on each tag, so
the cost stays small beside the extraction of the text.

- title: the ``<title>``, or ``og:title`` when there is none; white space collapsed.
- language: ``<html lang>``, else ``<meta http-equiv="content-language">``, else ``og:locale``;
  as BCP 47 writes it (``en-US``, ``pt-BR``: ``_`` becomes ``-``).
- canonical: ``<link rel="canonical">``, made absolute against the page's URL when it is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from cleanseed.errors import InputTypeError
from cleanseed.html.decode import decode_html

__all__ = ["PageMetadata", "page_metadata"]

#: How much of the page is read for its head when no ``<body`` comes first: heads of real
#: pages are a few kilobytes, and inline scripts and styles can make them a few hundred.
_HEAD = 1 << 19
_BODY = re.compile(r"<body[\s>/]", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_LANG = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """A page's title, language, canonical link and URL; ``None`` for what it does not say."""

    title: str | None = None
    language: str | None = None
    canonical: str | None = None
    url: str | None = None

    def as_fields(self) -> dict[str, str | None]:
        """The metadata as record fields: ``title``, ``url``, ``language``, ``canonical``."""
        return {"title": self.title, "url": self.url, "language": self.language,
                "canonical": self.canonical}


def _language(value: str | None) -> str | None:
    found = _LANG.fullmatch((value or "").strip())
    if found is None:
        return None
    primary, *rest = found.group().replace("_", "-").split("-")
    tags = [primary.lower()] + [t.upper() if len(t) == 2 else t.lower() for t in rest]
    return "-".join(tags)


class _Head:
    """An lxml parser target that keeps what the head declares."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.og_title: str | None = None
        self.lang: str | None = None
        self.content_language: str | None = None
        self.locale: str | None = None
        self.canonical: str | None = None
        self._in_title: list[str] | None = None

    def start(self, tag: Any, attrib: Any) -> None:
        tag = str(tag).lower()
        get = attrib.get
        if tag == "html" and self.lang is None:
            self.lang = get("lang") or get("xml:lang")
        elif tag == "title" and self.title is None:
            self._in_title = []
        elif tag == "link" and self.canonical is None:
            rels = (get("rel") or "").lower().split()
            if "canonical" in rels and (get("href") or "").strip():
                self.canonical = get("href").strip()
        elif tag == "meta":
            self._meta(attrib)

    def _meta(self, attrib: Any) -> None:
        content = attrib.get("content")
        name = (attrib.get("property") or attrib.get("name") or "").lower()
        if name == "og:title" and self.og_title is None:
            self.og_title = content
        elif name == "og:locale" and self.locale is None:
            self.locale = content
        elif (attrib.get("http-equiv") or "").lower() == "content-language":
            self.content_language = self.content_language or content

    def end(self, tag: Any) -> None:
        if str(tag).lower() == "title" and self._in_title is not None:
            self.title = "".join(self._in_title)
            self._in_title = None

    def data(self, data: Any) -> None:
        if self._in_title is not None:
            self._in_title.append(str(data))

    def close(self) -> None:
        """Nothing to return: the fields are read off the target."""


def _tidy(text: str | None) -> str | None:
    text = _SPACE.sub(" ", text or "").strip()
    return text or None


def _head_of(markup: str) -> str:
    found = _BODY.search(markup, 0, _HEAD)
    return markup[: found.start()] if found else markup[:_HEAD]


def page_metadata(html: str | bytes, *, url: str | None = None,
                  charset: str | None = None) -> PageMetadata:
    """Return what *html*'s head says of the page; *url* is where it was fetched from, if known.

    >>> page_metadata('<html lang="en_gb"><title> Tides\\n</title><link rel=canonical '
    ...               'href="/tides">', url="https://example.org/a?b=1")
    PageMetadata(title='Tides', language='en-GB', canonical='https://example.org/tides', \
url='https://example.org/a?b=1')
    """
    if isinstance(html, (bytes, bytearray, memoryview)):
        html = decode_html(bytes(html), charset)
    elif not isinstance(html, str):
        msg = f"page_metadata takes HTML as str or bytes, got {type(html).__name__}"
        raise InputTypeError(msg)
    head = _Head()
    parser = etree.HTMLParser(target=head, encoding="utf-8", no_network=True, recover=True)
    try:
        parser.feed(_head_of(html).encode("utf-8", errors="replace"))
        parser.close()
    except etree.LxmlError:  # nothing to parse (an empty page): nothing declared
        pass
    canonical = head.canonical
    if canonical and url:
        canonical = urljoin(url, canonical)
    return PageMetadata(
        title=_tidy(head.title) or _tidy(head.og_title),
        language=_language(head.lang) or _language(head.content_language)
        or _language(head.locale),
        canonical=canonical, url=url or None)
