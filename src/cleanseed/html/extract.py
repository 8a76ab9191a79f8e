"""Find the main content of a page among its blocks, and turn the kept blocks into text.

Three passes over the blocks, each O(blocks + elements):

1. Elements a class rule flagged (``class="share-bar"``, ``<nav>``) are dropped, unless their
   text outweighs their name: they hold the article (:mod:`cleanseed.html.flagged`).
2. The paragraphs vote for the elements around them (in the manner of Arc90's Readability:
   the parent gets a paragraph's full score, the grandparent half, and so on), and the element
   with the best score, weighed down by its share of link text, is the main content, with
   those of its siblings that score nearly as well. That container is a prior, not a cut:
   when it holds too little of the page's prose, :mod:`cleanseed.html.widen` takes back the
   prose around it; and the prose of flagged elements amid it comes back when its text
   outweighs its name (:mod:`cleanseed.html.weigh`).
3. Inside it, captions (text in a ``<figure>``, or alone beside an image), blocks that are
   mostly links, and a heading that repeats the page's title go; then the headings whose
   sections lost all their text (:mod:`cleanseed.html.sections`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleanseed.document import Removal
from cleanseed.html.blocks import Block, Element, Layout, Sums
from cleanseed.html.classify import carried
from cleanseed.html.config import HtmlConfig
from cleanseed.html.flagged import drop_flagged, unnamed_around
from cleanseed.html.match import MARKER
from cleanseed.html.parse import STAGE
from cleanseed.html.rules import HEADINGS
from cleanseed.html.sections import empty_sections
from cleanseed.html.weigh import revive
from cleanseed.html.widen import widen

__all__ = ["select"]

#: Shorter blocks are not paragraphs (labels, buttons, bylines): they cast no vote.
_MIN_PARAGRAPH = 25
#: Elements that hold paragraphs, and how a container of that kind is scored to begin with.
_TAG_BONUS = MappingProxyType({
    "div": 5, "section": 5, "article": 10, "main": 5, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "h1": -5,
    "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
})
_MARKER_BONUS = 25
#: Near rivals of the best candidate (this share of its score, among the best few) that share
#: an ancestor with it mean the article is split in parts: the ancestor is the main content.
_CANDIDATES = 5
_RIVAL_SHARE = 0.75
_MIN_RIVALS = 3
#: A link-heavy block keeps its place if it has this many characters outside its links,
#: unless more than this share of it is links.
_OWN_WORDS = 20
_ALL_LINKS = 0.8
#: An unmarked caption is at most this long, and sits at most this many levels below the
#: element holding its image.
_CAPTION_MAX = 300
_CAPTION_CLIMB = 3
#: Commas, which a paragraph's score counts: Latin, CJK full width and ideographic, Arabic.
_COMMAS = ",，、\u060c"
#: Block elements that are paragraphs themselves: they vote for their parent.
_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote"})


def _scores(layout: Layout, alive: list[bool]) -> list[float]:
    """Readability-style scores: each paragraph votes for its parent and nearer ancestors."""
    elements = layout.elements
    score = [0.0] * len(elements)
    seen = [False] * len(elements)
    for block, live in zip(layout.blocks, alive, strict=True):
        if not live or len(block.text) < _MIN_PARAGRAPH or block.elem < 0:
            continue
        if block.link_density > 0.5:
            continue
        points = 1 + _commas(block.text) + min(len(block.text) // 100, 3)
        node = block.elem
        if elements[node].name in _PARAGRAPH_TAGS:
            node = elements[node].parent
        level = 0
        while node >= 0 and level < 5:
            if not seen[node]:
                seen[node] = True
                score[node] += _initial(elements[node])
            score[node] += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            node, level = elements[node].parent, level + 1
    return score


def _commas(text: str) -> int:
    """How many commas *text* holds, in any script's form of the comma."""
    return sum(text.count(comma) for comma in _COMMAS if comma in text)


def _initial(element: Element) -> float:
    bonus = _TAG_BONUS.get(element.name, 0)
    if element.rule == MARKER or element.name in ("article", "main"):
        bonus += _MARKER_BONUS
    return float(bonus)


def _top(layout: Layout, score: list[float], sums: Sums) -> int:
    """The best candidate, moved up to the ancestor that holds it and its near rivals."""
    final = [raw * (1 - sums.density(layout.elements[node])) if raw > 0 else 0.0
             for node, raw in enumerate(score)]
    ranked = sorted((node for node, value in enumerate(final) if value > 0),
                    key=lambda node: -final[node])[:_CANDIDATES]
    if not ranked:
        return -1
    top = ranked[0]
    rivals = [node for node in ranked[1:] if final[node] >= _RIVAL_SHARE * final[top]]
    if len(rivals) >= _MIN_RIVALS:
        top = _common_ancestor(layout, top, rivals)
    return _climb(layout, top, final)


def _contains(layout: Layout, outer: int, inner: int) -> bool:
    return outer < inner < layout.elements[outer].last


def _common_ancestor(layout: Layout, top: int, rivals: list[int]) -> int:
    """The nearest ancestor of *top* that holds at least ``_MIN_RIVALS`` of its *rivals*."""
    node = layout.elements[top].parent
    while node >= 0 and layout.elements[node].name != "body":
        if sum(_contains(layout, node, rival) for rival in rivals) >= _MIN_RIVALS:
            return node
        node = layout.elements[node].parent
    return top


def _climb(layout: Layout, top: int, final: list[float]) -> int:
    """Move up to a parent that scores better than the way up to it (a split article)."""
    last = final[top]
    node = layout.elements[top].parent
    while node >= 0 and layout.elements[node].name != "body":
        if final[node] == 0:  # no paragraph voted for it: look further up
            node = layout.elements[node].parent
            continue
        if final[node] < final[top] / 3:
            break
        if final[node] > last:
            return node
        last = final[node]
        node = layout.elements[node].parent
    return top


def _regions(layout: Layout, top: int, score: list[float],
             sums: Sums) -> list[tuple[int, int]]:
    """The block ranges kept: the top candidate and its siblings that score nearly as well."""
    elements = layout.elements
    parent = elements[top].parent
    if parent < 0:
        return [(elements[top].start, elements[top].end)]
    threshold = max(10.0, score[top] * 0.2)
    ranges = []
    for node in layout.children()[parent]:
        element = elements[node]
        if node == top or score[node] >= threshold or _good_sibling(layout, node, sums):
            ranges.append((element.start, element.end))
    return ranges


def _good_sibling(layout: Layout, node: int, sums: Sums) -> bool:
    """Whether a sibling of the main content is one more paragraph of it (a lead, a coda)."""
    element = layout.elements[node]
    if element.end - element.start != 1:
        return False
    size, density = sums.size(element), sums.density(element)
    text = layout.blocks[element.start].text if element.end > element.start else ""
    return (size > 80 and density < 0.25) or (
        0 < size <= 80 and density == 0 and text.rstrip().endswith("."))


def _beside_image(layout: Layout, block: Block) -> bool:
    """Whether *block* is the one short text next to an image: an unmarked caption.

    It is, if an element around it holds an image and no other block, and the text is in an
    element of its own (an image inside a paragraph is an illustration of the paragraph).
    """
    if len(block.text) > _CAPTION_MAX or block.elem < 0:
        return False
    elements = layout.elements
    if elements[block.elem].name in HEADINGS:
        return False
    node = elements[block.elem].parent
    for _ in range(_CAPTION_CLIMB):
        if node < 0 or elements[node].end - elements[node].start != 1:
            return False
        if elements[node].images:
            return True
        node = elements[node].parent
    return False


def _link_list(block: Block, config: HtmlConfig) -> bool:
    """Whether *block* is mostly links: a menu item, a "related" entry, a tag cloud.

    A block whose own words (outside its links) make a sentence is prose that links much, as
    a news digest does; it stays unless it is nearly all links.
    """
    density = block.link_density
    if density <= config.max_link_density:
        return False
    own = len(block.text) - block.link_chars
    return own < _OWN_WORDS or density > _ALL_LINKS


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_title(text: str, titles: list[str]) -> bool:
    """Whether *text* is the page's title (or, if long enough, the title without site name)."""
    if not titles or len(text) > max(map(len, titles)) + 10:
        return False
    text = _fold(text)
    return bool(text) and any(text == t or (len(text) > 15 and text in t) for t in titles)


def _main_content(layout: Layout, drop: list[str | None], named: list[bool]) -> None:
    alive = [rule is None for rule in drop]
    score = _scores(layout, alive)
    sums = Sums(layout.blocks, alive)
    top = _top(layout, score, sums)
    if top < 0:
        return
    inside = [False] * len(layout.blocks)
    for start, end in _regions(layout, top, score, sums):
        for i in range(start, end):
            inside[i] = True
    inside = widen(layout, drop, inside, top, unnamed_around(layout, top, named))
    revive(layout, drop, inside)
    for i, keep in enumerate(inside):
        if not keep and drop[i] is None:
            drop[i] = "html.outside_main"


def select(layout: Layout, titles: tuple[str, ...], config: HtmlConfig,
           record: list[Removal] | None) -> list[Block]:
    """Return the blocks of the page's main content, recording why the others were dropped."""
    blocks = layout.blocks
    drop: list[str | None] = [None] * len(blocks)
    named = drop_flagged(layout, drop)
    if config.main_content and blocks:
        _main_content(layout, drop, named)
    folded = [] if config.keep_title else [_fold(t) for t in titles]
    alive = [rule is None for rule in drop]
    lists: dict[int, bool] = {}
    for i, block in enumerate(blocks):
        if drop[i] is None and (block.caption or _beside_image(layout, block)):
            drop[i] = "html.caption"
        elif drop[i] is None and _link_list(block, config) and not (
                config.main_content and carried(layout, i, alive, lists)):
            drop[i] = "html.low_density"
        elif drop[i] is None and _is_title(block.text, folded):
            drop[i] = "html.title"
    if config.main_content:
        empty_sections(layout, drop)
    kept = []
    for block, rule in zip(blocks, drop, strict=True):
        if rule is None:
            kept.append(block)
        elif record is not None:
            record.append(Removal(STAGE, rule, block.text, -1))
    return kept
