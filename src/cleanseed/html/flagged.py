"""The elements a class rule flagged: dropped for their name, or taken for the article.

A class or id token ("related", "teaser", "hidden", ``<aside>``) is evidence weighed against the
text the element holds, never a verdict alone. An element flagged is the article itself, and
stays, when:

- it holds most of the page's prose, or a good share of it and an element inside that names
  itself the article's body (``class="page-ad-margins"`` around a whole article);
- or it holds the page's main prose, its longest passage (paragraphs one after another, no
  link between them), and the rest of the page has no article of its own: a site that writes
  its article in a ``<div class="blog_teaser_text">`` beside the teasers it means, whose
  summaries, one each and parted by links, hold as much prose but no passage.

An element flagged by a rule whose elements hold prose by nature (comments, a gallery's
captions, a consent notice) needs more: that the rest of the page have no article of its own;
the passage rule is not for it, and its prose is no passage (a long comment is not the page's
main prose). On a page with no prose outside flagged elements, the posts of a thread (a
forum's, an issue tracker's), each named a comment, are weighed together.

Inside an element taken for the article that holds the page's main prose or nearly all of its
prose, the elements that bear its name too and hold prose are no chrome: the name was
outweighed where it stood (a ``field--label-hidden`` wrapper around a page's every section,
each section a ``field--label-hidden`` of its own). An element taken for its share of the
page's prose beside other text (a column of teasers as long as the article) keeps the names
inside it weighed each.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanseed.html.blocks import Element, Layout, Sums
from cleanseed.html.classify import BAD, GOOD, alone
from cleanseed.html.match import MARKER
from cleanseed.html.rules import COMMENTS_RULE, PROSE_RULES

__all__ = ["drop_flagged", "unnamed_around"]

#: A flagged element holding at least this share of the page's prose is the article itself;
#: so is one holding this lesser share and an element that names itself the article's body.
_OVERRIDE_SHARE = 0.5
_OVERRIDE_MARKER = 0.2
#: ... if that share is at least this many characters: a few sentences.
_OVERRIDE_MIN = 200
#: An element flagged by a rule of :data:`~cleanseed.html.rules.PROSE_RULES` is the article
#: only if the prose outside every flagged element is less than this share of its own, or
#: than ``_OVERRIDE_MIN``: else that prose is the article, and the element its comments, its
#: gallery, its teasers. The same holds of the page's main prose, against its passage.
_OWN = 0.2
#: An element taken for the article that holds this share of the page's prose is the page's
#: text: its name counts against none of the elements inside it that bear it too.
_WHOLE = 0.9


def _outermost(layout: Layout) -> Iterator[tuple[int, Element]]:
    """The elements a class rule flagged that no other flagged element holds, with their
    indices, in order (an element naming itself the article's body is no flag)."""
    skip_to = 0
    for index, element in enumerate(layout.elements):
        if index < skip_to or element.rule is None or element.rule == MARKER:
            continue
        yield index, element
        skip_to = element.last


def _owners(layout: Layout) -> list[int]:
    """For each block, the outermost element a class rule flagged that holds it, or -1."""
    owners = [-1] * len(layout.blocks)
    for index, element in _outermost(layout):
        owners[element.start:element.end] = [index] * (element.end - element.start)
    return owners


def _thread(layout: Layout, sums: Sums) -> int:
    """The prose of the page's comments together: of the outermost elements named so."""
    return sum(sums.prose_of(element) for _, element in _outermost(layout)
               if element.rule == COMMENTS_RULE)


def drop_flagged(layout: Layout, drop: list[str | None]) -> list[bool]:
    """Mark the blocks of flagged elements with their rule, unless the element is the article.

    Return which blocks flagged elements hold, kept or not, but for the posts of a thread,
    which are the page's text as much as the one picked to hold it.
    """
    elements = layout.elements
    sums = Sums(layout.blocks, [True] * len(layout.blocks))
    page = sums.prose[-1]
    owners = _owners(layout)
    named = [owner >= 0 for owner in owners]
    own = sum(sums.prose[i + 1] - sums.prose[i] for i, n in enumerate(named) if not n)
    markers = [0]  # markers[i]: how many of elements[:i] name themselves the article's body
    for element in elements:
        markers.append(markers[-1] + (element.rule == MARKER))
    # with no prose outside flagged elements, a page's comments are a thread, weighed whole
    thread = _thread(layout, sums) if own < _OVERRIDE_MIN else 0
    # the page's main prose, if a flagged element may hold it: no passage is longer than the
    # page, so where the prose outside them outweighs a fifth of the page, none is looked for
    main = (_passage(layout, owners, own) if own < max(_OVERRIDE_MIN, _OWN * sums.chars[-1])
            else (0, 0))
    skip_to = 0
    # the elements taken for the article, open around the one at hand: (their last, rule)
    articles: list[tuple[int, str]] = []
    for index, element in enumerate(elements):
        if index < skip_to or element.rule is None or element.rule == MARKER:
            continue
        while articles and articles[-1][0] <= index:
            articles.pop()
        if any(rule == element.rule for _, rule in articles) and any(
                alone(block) == GOOD for block in layout.blocks[element.start:element.end]):
            continue  # prose under the name the article bears, outweighed there already
        prose = sums.prose_of(element)
        posts = element.rule == COMMENTS_RULE and prose > 0 and thread > 0
        holds_main = element.start <= main[0] < main[1] <= element.end
        if (holds_main and element.rule not in PROSE_RULES) or _is_article(
                element, max(prose, thread) if posts else prose, page, own,
                markers[element.last] > markers[index + 1]):
            if posts:
                named[element.start:element.end] = [False] * (element.end - element.start)
            # its name is outweighed for all it holds if it holds the page's main prose, or
            # nearly all of the page's prose: not where it competes with other text (a column
            # of teasers as long as the article), nor if it is a thread's, whose posts are
            # still weighed each
            if element.rule not in PROSE_RULES and (holds_main or (
                    main[0] == main[1] and prose >= _WHOLE * page)):
                articles.append((element.last, element.rule))
            continue
        for i in range(element.start, element.end):
            drop[i] = element.rule
        skip_to = element.last
    return named


def _passage(layout: Layout, owners: list[int], own: int) -> tuple[int, int]:
    """The blocks ``[start, end)`` of the page's longest passage of prose, if it holds the
    page's main prose: at least ``_OVERRIDE_MIN`` characters, against which the prose outside
    flagged elements (*own*) is no article of its own. Else an empty range.

    A passage is a run of blocks that :func:`~cleanseed.html.classify.alone` judges prose, with
    at most short blocks (a subheading, a short line) between them, in one flagged element
    (*owners*) or outside all of them; any block of links ends it, so that teasers, each a
    summary under its linked headline, are as many passages. The prose of comments, captions
    and consent notices is none.
    """
    best = (0, 0, 0)
    first = last = size = 0
    owner = -2
    elements = layout.elements
    for i, block in enumerate(layout.blocks):
        verdict = alone(block)
        if owners[i] >= 0 and elements[owners[i]].rule in PROSE_RULES:
            verdict = BAD  # a comment's prose is no article's, however long
        if verdict == BAD or owners[i] != owner:
            size, owner = 0, owners[i]
        if verdict == GOOD:
            if not size:
                first = i
            size, last = size + len(block.text), i + 1
            if size > best[2]:
                best = (first, last, size)
    start, end, size = best
    if size < _OVERRIDE_MIN or own >= max(_OVERRIDE_MIN, _OWN * size):
        return (0, 0)
    return (start, end)


def _is_article(element: Element, prose: int, page: int, own: int, marker: bool) -> bool:
    """Whether a flagged *element* holding *prose* (of the *page*'s) is the article, when the
    prose outside every flagged element is *own* and *marker* tells one inside naming itself
    the article's body."""
    return prose >= _OVERRIDE_MIN and prose >= (
        _OVERRIDE_MARKER if marker else _OVERRIDE_SHARE) * page and (
        element.rule not in PROSE_RULES or own < max(_OVERRIDE_MIN, _OWN * prose))


def unnamed_around(layout: Layout, top: int, named: list[bool]) -> list[bool]:
    """*named*, less the blocks of the flagged elements around the container *top*: their
    name was outweighed by the article they hold (``<div class="field--label-hidden">`` around
    a page's every section), so it counts against none of its parts. A comment or a caption
    around it says nothing of the text beside the container: its name still counts there."""
    named = list(named)
    node = layout.elements[top].parent
    while node >= 0:
        element = layout.elements[node]
        if element.rule not in (None, MARKER) and element.rule not in PROSE_RULES:
            named[element.start:element.end] = [False] * (element.end - element.start)
        node = element.parent
    return named


