"""Invariants the boilerplate steps keep on any text, checked by the property tests of more
than one file."""

from __future__ import annotations

from cleanseed import clean
from cleanseed.boilerplate import (
    strip_boilerplate,
    strip_boilerplate_and_explain,
    strip_context,
    strip_context_and_explain,
)


def assert_strip_invariants(text: str) -> str:
    """Stripping twice is stripping once (though removing lines changes the neighbours of the
    rest), the explained text is the plain one, and every removal is found in the input, for
    strip_boilerplate and strip_context alike; clean, whose repeats step removes neighbours
    after the lines were judged, is its own fixed point too. Returns ``clean(text)``."""
    for step, twin in ((strip_boilerplate, strip_boilerplate_and_explain),
                       (strip_context, strip_context_and_explain)):
        out = step(text)
        assert step(out) == out
        explained = twin(text)
        assert explained.text == out
        for removal in explained.removals:
            assert text[removal.start:removal.start + len(removal.text)] == removal.text
    once = clean(text)
    assert clean(once) == once
    return once
