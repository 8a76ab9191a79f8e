"""Tests of cleanseed.corpus.site: lines recurring across documents are stripped, and why."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import documents

from cleanseed.corpus.site import find_recurring, line_key, strip_site_boilerplate
from cleanseed.document import Document
from cleanseed.errors import ConfigError, InputTypeError

STORIES = [
    "The river rose two metres overnight in the old town.",
    "Farmers brought their harvest to the square before dawn.",
    "A new bridge will open to cyclists in the spring.",
    "The library extends its opening hours during exams.",
    "Fishermen report the best season in a decade.",
    "Students built a solar car for the national race.",
    "The museum returns a painting to its first owner.",
]
FOOTER = "Subscribe to the Valley Courier newsletter for daily news."


def page(i: int, *extra: str) -> str:
    return "\n".join([STORIES[i % len(STORIES)], *extra])


def test_a_footer_in_many_pages_is_removed_everywhere() -> None:
    """The recurring line goes; each page keeps its story; each removal says why and where."""
    docs = [(i, page(i, FOOTER)) for i in range(6)]
    out = strip_site_boilerplate(docs, min_docs=5)
    assert [d.text for d in out] == [STORIES[i] for i in range(6)]
    for doc, (_, original) in zip(out, docs, strict=True):
        (removal,) = doc.removals
        assert (removal.stage, removal.rule) == ("corpus", "site.recurring")
        assert original[removal.start :].startswith(removal.text)
        assert removal.text.strip() == FOOTER


def test_near_exact_copies_count_as_one_line() -> None:
    """Case, punctuation and numbers do not make a line different."""
    variants = ["© 2023 Valley Courier Ltd. All rights reserved.",
                "© 2024 Valley Courier Ltd - all rights reserved",
                "(c) 2025 VALLEY COURIER LTD, ALL RIGHTS RESERVED!"]
    assert len({line_key(v) for v in variants}) == 2  # "©" and "(c)" differ: "c" is a letter
    docs = [(i, page(i, variants[i % 2])) for i in range(6)]
    assert all(d.text == STORIES[i] for i, d in enumerate(strip_site_boilerplate(docs)))


def test_rare_and_short_lines_stay() -> None:
    """Below min_docs, or shorter than min_words, a recurring line is kept."""
    docs = [(i, page(i, "Thank you.", FOOTER if i < 4 else "")) for i in range(6)]
    out = strip_site_boilerplate(docs, min_docs=5)
    assert all("Thank you." in d.text for d in out)
    assert sum(FOOTER in d.text for d in out) == 4


def test_a_line_repeated_inside_one_page_counts_once() -> None:
    """Five copies in one document are one document."""
    docs = [(0, page(0, *[FOOTER] * 5)), (1, page(1, FOOTER))]
    assert all(not d.removals for d in strip_site_boilerplate(docs, min_docs=3))


def test_counts_per_site_with_a_fraction() -> None:
    """With site=, a line must recur within one site, in enough of its pages."""
    docs = [Document(page(i, FOOTER), id=str(i), metadata={"site": "a" if i < 3 else "b"})
            for i in range(6)]
    by_site = strip_site_boilerplate(docs, min_docs=3, site=lambda d: d.metadata["site"])
    assert all(len(d.removals) == 1 for d in by_site)
    strict = strip_site_boilerplate(docs, min_docs=4, site=lambda d: d.metadata["site"])
    assert all(not d.removals for d in strict)
    half = [Document(page(i, FOOTER if i % 2 else ""), id=str(i)) for i in range(20)]
    assert all(not d.removals for d in strip_site_boilerplate(half, min_fraction=0.6))
    assert sum(bool(d.removals) for d in strip_site_boilerplate(half, min_fraction=0.5)) == 10


def test_two_passes_over_a_stream() -> None:
    """find_recurring on one reading, strip on another: for corpora that do not fit in memory."""
    def read():  # type: ignore[no-untyped-def]
        return ((i, page(i, FOOTER)) for i in range(8))

    found = find_recurring(read(), min_docs=5)
    assert len(found) == 1
    stripped = [found.strip(Document(text, id=str(i))) for i, text in read()]
    assert [d.text for d in stripped] == [STORIES[i % len(STORIES)] for i in range(8)]


@pytest.mark.slow
@given(st.lists(documents(), min_size=1, max_size=8), st.integers(2, 4))
def test_stripping_keeps_the_step_invariants(texts: list[str], min_docs: int) -> None:
    """Idempotent, never invents text, removals sit at their offsets, plain == explained."""
    docs = [(i, t) for i, t in enumerate(texts)]
    found = find_recurring(docs, min_docs=min_docs)
    for _, text in docs:
        out, removals = found.strip_and_explain(text)
        assert found.strip_and_explain(out).text == out
        assert found.strip(Document(text)).text == out
        lines = set(text.split("\n"))
        assert all(line.rstrip() in {x.rstrip() for x in lines} for line in out.split("\n") if line)
        for r in removals:
            assert text[r.start : r.start + len(r.text)] == r.text


def test_the_line_hash_is_stable() -> None:
    """The same line hashes the same in every process and run (no salted hash())."""
    from cleanseed.corpus.site import _hash

    assert _hash(None, "valley courier") == _hash(None, "valley courier") == 2728873546714141278


def test_bad_arguments() -> None:
    """An iterator for the two-pass function, odd items or parameters are refused."""
    with pytest.raises(InputTypeError, match="twice"):
        strip_site_boilerplate(iter([(0, "text")]))
    with pytest.raises(InputTypeError):
        strip_site_boilerplate(["just text"])
    with pytest.raises(InputTypeError):
        strip_site_boilerplate([(0, b"bytes")])
    for kwargs in ({"min_docs": 1}, {"min_fraction": 2.0}, {"min_words": 0}):
        with pytest.raises(ConfigError):
            strip_site_boilerplate([], **kwargs)  # type: ignore[arg-type]
