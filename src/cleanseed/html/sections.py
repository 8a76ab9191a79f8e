"""Drop the headings whose sections lost all their text.

A page's "Contents", "See also", "Related stories" or "Comments" heads a list of links, a
thread, a gallery, which the HTML stage drops; left alone, the heading would read as the last
line of the article or as a heading over the next section's text. A heading goes when the
blocks after it, up to the next heading of its rank or higher (or the end of the page), were
all dropped, and there was at least one: a heading right above another (a part's title, then
its first chapter's) heads that one's text, and stays. So does a heading that is sentences (a
closing line set as an ``<h4>``: "He denies it. The record does not."): it heads nothing.
"""

from __future__ import annotations

from cleanseed.html.blocks import Layout
from cleanseed.html.rules import HEADINGS

__all__ = ["EMPTY_SECTION", "empty_sections"]

#: The rule of a heading whose section lost all its text.
EMPTY_SECTION = "html.empty_section"
#: The marks that end a statement (a question or a colon may head a section: "Why now?",
#: "Ingredients:"), the quotes and brackets that may close after them, and the words a
#: heading ending with one needs to be a sentence; a word this short ending with a full stop
#: may be an abbreviation ("Dr.", "St.") rather than a sentence's end.
_FULL_STOPS = frozenset(".!。！")
_CLOSERS = "\"'”’»)]"
_SENTENCE_WORDS = 8
_ABBREVIATION = 3


def _rank(layout: Layout, index: int) -> int:
    """The rank of the heading block at *index* (1 for h1...), or 0 if it is no heading."""
    elem = layout.blocks[index].elem
    name = layout.elements[elem].name if elem >= 0 else ""
    return int(name[1]) if name in HEADINGS else 0


def _sentences(text: str) -> bool:
    """Whether a heading's *text* is sentences, not a title: it ends as a statement ends, and
    holds more than one of them or enough words for one ("The council said no."): a closing
    line set as a heading (``<h4>``), a pull quote, which head no section."""
    words = text.split()
    tail = text.rstrip(_CLOSERS)
    if not tail or tail[-1] not in _FULL_STOPS:
        return False
    return len(words) >= _SENTENCE_WORDS or any(
        word[-1] in _FULL_STOPS for word in words[1:-1] if len(word) > _ABBREVIATION)


def empty_sections(layout: Layout, drop: list[str | None]) -> None:
    """Mark in *drop* the kept headings whose sections' blocks were all dropped.

    The blocks are read from the end: for each rank, whether kept text (or a kept heading of
    a lower rank) stands between here and the next kept heading of that rank or higher.

    >>> from cleanseed.html.blocks import collect
    >>> from cleanseed.html.parse import parse
    >>> layout = collect(parse("<h2>See also</h2><ul><li>Links</ul><h2>Part</h2><h3>One</h3>"
    ...                        "<p>Text.</p>", None))
    >>> drop = [None, "html.low_density", None, None, None]
    >>> empty_sections(layout, drop)
    >>> drop
    ['html.empty_section', 'html.low_density', None, None, None]
    """
    dropped_since = False  # blocks dropped since the last kept one
    text_below: dict[int, bool] = {}
    for i in range(len(drop) - 1, -1, -1):
        rank = _rank(layout, i)
        if drop[i] is not None:
            dropped_since = True
            continue
        if not rank:
            text_below = dict.fromkeys(range(1, 7), True)
            dropped_since = False
            continue
        if not text_below.get(rank, False) and dropped_since and not _sentences(
                layout.blocks[i].text):
            drop[i] = EMPTY_SECTION
            continue
        # a kept heading is text for the ranks above it, and ends the sections of its own
        text_below = {r: r < rank for r in range(1, 7)}
        dropped_since = False
