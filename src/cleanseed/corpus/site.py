"""Strip lines that recur across many documents: the boilerplate of a site that no rule knows.

A site's own cookie notice, footer or newsletter pitch is the same line in hundreds of its
pages. Two passes over the corpus find and remove it:

1. :func:`find_recurring` counts, for each normalised line, how many documents contain it
   (per site, if you say how to tell a document's site);
2. :meth:`RecurringLines.strip` removes those lines from each document and records every
   removal as ``Removal(stage="corpus", rule="site.recurring", ...)``.

:func:`strip_site_boilerplate` runs both passes over a sequence of documents. For a stream too
large to hold, run pass 1 over one reading of it and pass 2 over another.

Lines match *near-exactly*: the key of a line is its text case-folded, every run of digits
turned into ``0`` and every run of other characters that are not letters into one space, so
``"© 2023 Example Ltd."`` and ``"© 2024 Example Ltd"`` are the same line. The counts are kept as
a 64-bit hash per distinct key: memory grows with the number of distinct lines (about 16 bytes
each, with temporary buffers while counting), not with the corpus; pass 2 needs only the hashes
of the recurring lines.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cleanseed import _validate
from cleanseed._text import Span, iter_lines, line_span, remove_spans
from cleanseed.document import Document, Explained, Removal, as_document
from cleanseed.errors import InputTypeError, check_text

__all__ = ["RecurringLines", "find_recurring", "strip_site_boilerplate"]

STAGE, RULE = "corpus", "site.recurring"
# Linear-time patterns: one character class under one quantifier each, no nesting.
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")
_COMPACT_EVERY = 1 << 20  # line hashes buffered before they are folded into the counts

Site = Callable[[Document], Hashable]


def line_key(line: str) -> str:
    """Return the normalised key of *line* (see the module docstring).

    >>> line_key("  © 2024 Example Ltd. -- All rights reserved!")
    '0 example ltd all rights reserved'
    """
    return _NON_WORD.sub(" ", _DIGITS.sub("0", line.casefold())).strip()


def _hash(site: Hashable, key: str) -> int:
    """A 64-bit hash of (site, key), the same in every process and run."""
    data = f"{site!r}\x00{key}".encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Options:
    min_docs: int
    min_fraction: float
    min_words: int

    def __post_init__(self) -> None:
        _validate.integer("min_docs", self.min_docs, low=2)
        _validate.number("min_fraction", self.min_fraction, low=0.0, high=1.0)
        _validate.integer("min_words", self.min_words, low=1)


@dataclass(frozen=True, slots=True)
class RecurringLines:
    """The recurring lines found by :func:`find_recurring`, ready to strip from documents."""

    hashes: np.ndarray  # sorted uint64 hashes of (site, key) of the recurring lines
    options: _Options
    site: Site | None = None

    def __len__(self) -> int:
        return len(self.hashes)

    def _spans(self, text: str, site: Hashable) -> list[Span]:
        spans = []
        for line in iter_lines(text):
            key = line_key(line.text)
            if len(key.split()) >= self.options.min_words and self._has(_hash(site, key)):
                spans.append(line_span(text, line, RULE))
        return spans

    def _has(self, h: int) -> bool:
        pos = int(np.searchsorted(self.hashes, np.uint64(h)))
        return pos < len(self.hashes) and int(self.hashes[pos]) == h

    def strip_and_explain(self, text: str, site: Hashable = None) -> Explained:
        """Remove the recurring lines from *text* (of *site*); list each as a Removal."""
        text = check_text(text, "RecurringLines.strip_and_explain")
        record: list[Removal] = []
        out = remove_spans(text, self._spans(text, site), STAGE, record)
        return Explained(out, tuple(record))

    def strip(self, doc: Document) -> Document:
        """Return *doc* without its recurring lines, the removals appended to its own."""
        site = self.site(doc) if self.site is not None else None
        text, found = self.strip_and_explain(doc.text, site)
        return dataclasses.replace(doc, text=text, removals=doc.removals + found)


class _Counter:
    """Documents per (site, line key) hash, folded into sorted arrays as it goes."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.groups = np.zeros(0, dtype=np.int64)
        self.pending: list[tuple[int, int]] = []
        self.sites: dict[Hashable, int] = {}
        self.site_docs: list[int] = []

    def add(self, site: Hashable, hashes: set[int]) -> None:
        group = self.sites.setdefault(site, len(self.sites))
        if group == len(self.site_docs):
            self.site_docs.append(0)
        self.site_docs[group] += 1
        self.pending.extend((h, group) for h in hashes)
        if len(self.pending) >= _COMPACT_EVERY:
            self.compact()

    def compact(self) -> None:
        if not self.pending:
            return
        new = np.array(self.pending, dtype=np.uint64).reshape(-1, 2)
        self.pending = []
        keys = np.concatenate([self.keys, new[:, 0]])
        counts = np.concatenate([self.counts, np.ones(len(new), dtype=np.int64)])
        groups = np.concatenate([self.groups, new[:, 1].astype(np.int64)])
        self.keys, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        self.counts = np.bincount(inverse, weights=counts).astype(np.int64)
        self.groups = groups[first]


def find_recurring(docs: Iterable[Any], *, min_docs: int = 5, min_fraction: float = 0.0,
                   min_words: int = 3, site: Site | None = None) -> RecurringLines:
    """Pass 1: find the lines present in at least *min_docs* documents (of the same site).

    *docs* are Documents or ``(id, text)`` pairs. A line counts once per document. With *site*
    (a function of a Document, such as the host name of ``doc.metadata["url"]``), lines are
    counted per site and a line must also be in *min_fraction* of that site's documents. Lines
    with fewer than *min_words* words never count: "Yes." and "Thank you." recur by chance.
    """
    options = _Options(min_docs=min_docs, min_fraction=min_fraction, min_words=min_words)
    counter = _Counter()
    for i, item in enumerate(docs):
        doc = as_document(item, i)
        group = site(doc) if site is not None else None
        keys = {line_key(line.text) for line in iter_lines(check_text(doc.text, f"item {i}"))}
        counter.add(group, {_hash(group, k) for k in keys if len(k.split()) >= min_words})
    counter.compact()
    totals = np.array(counter.site_docs or [0], dtype=np.int64)
    enough = counter.counts >= min_docs
    enough &= counter.counts >= min_fraction * totals[counter.groups]
    return RecurringLines(counter.keys[enough], options, site)


def strip_site_boilerplate(docs: Sequence[Any], *, min_docs: int = 5, min_fraction: float = 0.0,
                           min_words: int = 3, site: Site | None = None) -> list[Document]:
    """Remove lines recurring in at least *min_docs* documents; return the documents, each with
    a ``Removal(stage="corpus", rule="site.recurring")`` per line removed.

    Reads *docs* twice (count, then strip), so it must be a sequence, not an iterator.

    >>> news = ["Rain in Lyon.", "Snow on Etna.", "Fog at sea.", "Sun in Oslo.", "Hail in Rome."]
    >>> pages = [(i, f"{n}\\nSign up to our newsletter today!") for i, n in enumerate(news)]
    >>> [d.text for d in strip_site_boilerplate(pages)][:2]
    ['Rain in Lyon.', 'Snow on Etna.']
    >>> strip_site_boilerplate(pages)[0].removals[0].rule
    'site.recurring'
    """
    if isinstance(docs, Iterator) or not isinstance(docs, Sequence):
        msg = ("strip_site_boilerplate reads the documents twice: give a list, or run "
               "find_recurring() and RecurringLines.strip() over two readings of a stream")
        raise InputTypeError(msg)
    found = find_recurring(docs, min_docs=min_docs, min_fraction=min_fraction,
                           min_words=min_words, site=site)
    return [found.strip(as_document(item, i)) for i, item in enumerate(docs)]
