"""The HTML sets as one list of pages, each with its site and its half.

    from _pages import load_pages
    pages = load_pages([Path(".../article-extraction-benchmark"),
                        Path(".../readability-test-pages")])

Two layouts are recognised by what a folder holds:

- the article extraction benchmark: ``html/<id>.html.gz`` and ``ground-truth.json``
  (``{id: {"articleBody": str, "url": str}}``); the truth is ``articleBody``;
- the Readability test pages: ``pages/<name>/source.html.gz`` and ``expected.html.gz``; the truth
  is the visible text of ``expected.html``, one line per block element;
- trafilatura's real-world test pages (``realworld_tests.py`` and ``cache/``, in the ``tests/``
  folder of its source distributions up to 1.1.0; the folder or the distribution's root may be
  given): the truth is snippets the main text must hold and must not hold (:mod:`_snippets`),
  in ``with_snippets`` and ``without_snippets``, and ``truth`` is empty.

**Halves are drawn by site**, never by page: every page of one site falls in the same half, so a
rule written while looking at one page of a site cannot lift the held-out score through its
siblings. The site of a benchmark page is the registrable part of its URL's host (two labels,
three under a two-letter second level such as ``co.uk``); the site of a Readability page is its
folder name without a trailing ``-N`` (``nytimes-3`` -> ``nytimes``). A site is ``dev`` when
the first byte of the SHA-256 of its name is even, ``held-out`` otherwise. trafilatura's pages
are split the same way, by the site of each page's URL.

**Fixtures** (Readability's hand-made pages for one piece of markup) are marked, so they can
be reported apart: a page is a fixture when its expected text holds "lorem ipsum" or its source
is under 8,000 bytes. That rule marks 37 of the 130 pages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from _snippets import is_snippet_set, load_snippet_pages
from lxml import html as lxml_html

#: Elements that start a new line of visible text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "td", "th", "tr", "ul", "caption", "option", "legend", "menu", "center",
})
#: Elements whose text is never visible.
HIDDEN_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
})

_SUFFIX_NUMBER = re.compile(r"-\d+$")
_TWO_LETTER_SLD = frozenset({
    "co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go",
})


@dataclass(frozen=True, slots=True)
class Page:
    """One page: where it came from, its raw bytes, its human truth, its site and half."""

    corpus: str  # "aeb", "readability" or "trafilatura"
    id: str
    raw: bytes
    truth: str  # the main text; empty where the truth is snippets
    site: str
    half: str  # "dev" or "held-out"
    fixture: bool = False
    with_snippets: tuple[str, ...] = ()  # text the main text must hold
    without_snippets: tuple[str, ...] = ()  # text it must not hold


def half_of_site(site: str) -> str:
    """``dev`` or ``held-out``, from a hash of the site's name."""
    return "dev" if hashlib.sha256(site.encode()).digest()[0] % 2 == 0 else "held-out"


def site_of_url(url: str) -> str:
    """The registrable part of *url*'s host: ``www.bbc.co.uk`` -> ``bbc.co.uk``."""
    host = (urlsplit(url).hostname or url).lower().rstrip(".")
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _TWO_LETTER_SLD:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def visible_lines(html: str | bytes) -> list[str]:
    """The visible text of *html*, one stripped line per block element, blank lines dropped."""
    if not html or not str(html).strip():
        return []
    root = lxml_html.document_fromstring(html)
    parts: list[str] = []

    def walk(el: object) -> None:
        tag = getattr(el, "tag", None)
        if not isinstance(tag, str):  # comments, processing instructions
            tail = getattr(el, "tail", None)
            if tail:
                parts.append(tail)
            return
        name = tag.lower()
        if name in HIDDEN_TAGS:
            if el.tail:  # type: ignore[attr-defined]
                parts.append(el.tail)  # type: ignore[attr-defined]
            return
        block = name in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:  # type: ignore[attr-defined]
            parts.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:  # type: ignore[attr-defined]
            parts.append(el.tail)  # type: ignore[attr-defined]

    walk(root)
    text = "".join(parts)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _load_aeb(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        site = site_of_url(truth[page_id].get("url") or page_id)
        body = truth[page_id].get("articleBody") or ""
        pages.append(Page("aeb", page_id, raw, body, site, half_of_site(site)))
    return pages


def _load_readability(folder: Path) -> list[Page]:
    pages = []
    for page_dir in sorted(p for p in (folder / "pages").iterdir() if p.is_dir()):
        raw = gzip.decompress((page_dir / "source.html.gz").read_bytes())
        # Readability writes its expected HTML in UTF-8 without saying so; lxml, given the
        # bytes, would read them as Latin-1 and the truth's every accent would be mojibake
        expected = gzip.decompress((page_dir / "expected.html.gz").read_bytes())
        truth = "\n".join(visible_lines(expected.decode("utf-8", errors="replace")))
        fixture = "lorem ipsum" in truth.lower() or len(raw) < 8000
        site = _SUFFIX_NUMBER.sub("", page_dir.name)
        pages.append(
            Page("readability", page_dir.name, raw, truth, site, half_of_site(site), fixture)
        )
    return pages


def _load_trafilatura(folder: Path) -> list[Page]:
    pages = []
    for page in load_snippet_pages(folder):
        site = site_of_url(page.url)
        pages.append(Page("trafilatura", page.path.name, page.path.read_bytes(), "", site,
                          half_of_site(site), with_snippets=page.with_,
                          without_snippets=page.without))
    return pages


def load_pages(folders: Iterable[Path]) -> list[Page]:
    """Every page of every folder, in a stable order; the layout is told by the folder's files."""
    pages: list[Page] = []
    for folder in folders:
        if (folder / "ground-truth.json").is_file():
            pages += _load_aeb(folder)
        elif (folder / "pages").is_dir():
            pages += _load_readability(folder)
        elif is_snippet_set(folder):
            pages += _load_trafilatura(folder)
        else:
            raise SystemExit(
                f"{folder}: neither html/ + ground-truth.json, pages/<name>/source.html.gz, nor"
                " realworld_tests.py + cache/ (in the folder or its tests/)"
            )
    return pages


def groups(pages: Sequence[Page]) -> dict[str, list[Page]]:
    """The reporting groups: each corpus's real pages by half, and Readability's fixtures apart."""
    out: dict[str, list[Page]] = {}
    for page in pages:
        key = f"{page.corpus} fixtures" if page.fixture else f"{page.corpus} {page.half}"
        out.setdefault(key, []).append(page)
    return dict(sorted(out.items()))
