"""Weigh what an element's class or id says against the text it holds and where it sits.

A class or id token ("promo", "share", "header", "paywall") is evidence, not a verdict: sites
mark whole paragraphs of their articles that way. The parser brings back the flagged elements
that hold some prose (:mod:`cleanseed.html.parse`); once the main content is known, such an
element's blocks return to the article when all of these hold:

- its rule is not one whose elements hold prose by nature (comments, captions, consent
  notices: :data:`~cleanseed.html.rules.PROSE_RULES`) nor text kept from sight
  (``html.hidden``), where prose is no evidence against the name;
- it stands amid the main content: the nearest blocks before and after it are the article's;
- its text reads as the article's does: most of its characters are in blocks that
  :mod:`cleanseed.html.classify` judges prose on their own;
- there is enough of it: a few sentences, or the element is a paragraph itself.

Only its prose blocks come back; the rest (a "Subscribe" button's label) stays dropped under
the element's rule, so the explanation still names it.

A header that holds nothing but a subheading (``<header><h2>``, ``<div class="box-header"><h3>``)
amid the main content, and followed by text rather than links, is the header of one of the
article's sections: its heading comes back. So does a quotation in a box of its own (a post
embedded in a "widget" or a "social" box): the article quotes it.
"""

from __future__ import annotations

from cleanseed.html.blocks import Layout
from cleanseed.html.classify import GOOD, alone
from cleanseed.html.match import MARKER
from cleanseed.html.rules import HEADER_RULE, PROSE_RULES, QUOTE_TAGS, SUBHEADINGS

__all__ = ["revive"]

#: Rules whose elements are never brought back for their prose.
_NEVER = PROSE_RULES | {"html.hidden"}
#: The share of an element's characters that must be in prose blocks.
_PROSE_SHARE = 0.7
#: ... and the prose it must hold to outweigh its name, unless the element is a paragraph
#: (``<p class="promo">`` among the article's paragraphs): a box with one line of prose is
#: more often a pitch ("Get our newsletter: every week...") than the article.
_OUTWEIGH = 300
#: A block with more than this share of link text is a link, not a section's text.
_LINKS = 0.5


def revive(layout: Layout, drop: list[str | None], inside: list[bool]) -> None:
    """Bring back, in *drop* and *inside*, the prose of flagged elements amid the article."""
    skip_to = 0
    for index, element in enumerate(layout.elements):
        if index < skip_to or element.rule is None or element.rule == MARKER:
            continue
        skip_to = element.last
        start, end = element.start, element.end
        if (end <= start or element.rule in _NEVER or drop[start] != element.rule
                or not _amid(drop, inside, start, end)):
            continue
        if ((element.name in SUBHEADINGS or (element.rule == HEADER_RULE
                                             and _held_in(layout, index, SUBHEADINGS)))
                and _heads_text(layout, drop, end)) or _held_in(layout, index, QUOTE_TAGS):
            verdicts = [GOOD] * (end - start)
        else:
            verdicts = [alone(layout.blocks[i]) for i in range(start, end)]
            size = sum(len(layout.blocks[i].text) for i in range(start, end))
            prose = sum(len(layout.blocks[i].text)
                        for i, v in zip(range(start, end), verdicts, strict=True) if v == GOOD)
            if prose < _PROSE_SHARE * size or (prose < _OUTWEIGH and element.name != "p"):
                continue
        for i, verdict in zip(range(start, end), verdicts, strict=True):
            if verdict == GOOD and drop[i] == element.rule:
                drop[i] = None
                inside[i] = True


def _held_in(layout: Layout, index: int, tags: frozenset[str]) -> bool:
    """Whether every block of the element at *index* is in an element inside it named in
    *tags*: a box that holds only subheadings, or only a quotation."""
    elements = layout.elements
    element = elements[index]
    for block in layout.blocks[element.start:element.end]:
        node = block.elem
        while node > index and elements[node].name not in tags:
            node = elements[node].parent
        if node <= index:
            return False
    return True


def _heads_text(layout: Layout, drop: list[str | None], end: int) -> bool:
    """Whether the first block from *end* on that is not set aside is text, not links: the
    section a heading heads rather than a list of stories ("Read more", then links)."""
    while end < len(drop) and drop[end] is not None:
        end += 1
    return end < len(drop) and layout.blocks[end].link_density <= _LINKS


def _amid(drop: list[str | None], inside: list[bool], start: int, end: int) -> bool:
    """Whether the nearest blocks before *start* and from *end* on, past other flagged ones,
    are in the main content."""
    before = start - 1
    while before >= 0 and drop[before] is not None and not inside[before]:
        before -= 1
    after = end
    while after < len(inside) and drop[after] is not None and not inside[after]:
        after += 1
    return before >= 0 and after < len(inside) and inside[before] and inside[after]
