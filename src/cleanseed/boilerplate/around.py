"""What a line's neighbours say of it, for :mod:`cleanseed.boilerplate.context`: a short line
amid chrome, the entries of a list of a page's sections, a page's title above its content.

Each function reads a round's lines as the context step has them: their kinds
(:func:`~cleanseed.boilerplate.lines.kind_of`, None where a rule removed the line, "row",
"record" and "entry" for what goes wherever it stands) and their texts, stripped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, count

from cleanseed.boilerplate.lines import _MARKERS, SENTENCE_ENDS

__all__ = [
    "TITLE_CHARS",
    "TITLE_WORDS",
    "enclosed_lines",
    "may_be_enclosed",
    "section_entries",
    "title_line",
]

#: Between the menu above and a run of evidence right above the content (a row of a recipe's
#: times, the list of a page's sections), a line of TITLE_WORDS words and TITLE_CHARS
#: characters or more is the page's title, and stays.
TITLE_WORDS = 2
TITLE_CHARS = 20

_NONE = frozenset((None,))
_PROSE = frozenset(("prose",))
_LABELS = frozenset(("label", "plain"))
_HEADINGS = frozenset(("label", "plain", "text"))
# The lines that are chrome on their own: what a rule took, and what goes wherever it stands.
_HARD = frozenset((None, "row", "record", "entry"))
# The lines that are surely chrome: what a rule took, rows of labels, the records of posts.
_CHROME_LINES = frozenset((None, "row", "record"))
# The short lines that weigh as labels amid chrome: lines of text (a headline). A count or a
# date amid chrome stays as it was: as often a table's figure as a teaser's.
_ENCLOSABLE = frozenset(("text",))
# The end of a sentence, or of a line that announces a list or a quotation.
_OPEN = (*SENTENCE_ENDS, ":", "：")


def may_be_enclosed(text: str) -> bool:
    """Whether the stripped line *text* may be one :func:`enclosed_lines` finds amid chrome,
    known from its text alone (its kind aside): it is no sentence, announces no list, and is no
    item of one. The context step's shortcut asks it of lines that cannot be labels."""
    return not text.endswith(_OPEN) and not (text[:1] in _MARKERS and text[1:2].isspace())


def enclosed_lines(kinds: list[str | None], texts: list[str]) -> set[int]:
    """The short lines of text of a round that are no sentence (a headline, "Station café
    reopens") and stand amid chrome: the nearest line on either side that is not short (lines
    of text, labels, cells, marks and the quiet finds of the rules aside) is a line a rule
    took, a row of labels or a post's record, or the page's edge. Such a line is chrome's."""
    if _ENCLOSABLE.isdisjoint(kinds) or _CHROME_LINES.isdisjoint(kinds):
        return set()
    # (not a sentence, nor a line announcing a list, nor an item of one)
    lines = [i for i in compress(count(), map(_ENCLOSABLE.__contains__, kinds))
             if may_be_enclosed(texts[i])]
    if not lines:
        return set()
    good = list(compress(count(), map(_PROSE.__contains__, kinds)))
    bad = list(compress(count(), map(_CHROME_LINES.__contains__, kinds)))
    out = set()
    for i in lines:
        # the nearest prose and chrome on each side (-1 and n: none)
        g, b = bisect_left(good, i), bisect_left(bad, i)
        if (g == 0 or (b > 0 and bad[b - 1] > good[g - 1])) and (
                g == len(good) or (b < len(bad) and bad[b] < good[g])):
            out.add(i)
    return out


def section_entries(kinds: list[str | None], texts: list[str]) -> list[int]:
    """The entries of a list of the page's sections right below a line a rule took ("On this
    page"): two or more labels that follow it, each found again further down the page, in the
    same order and each with lines of its own in between (the heading of its section). The
    headings stay, so nothing is lost with them; a list that no rule names (a table of
    contents headed "Contents") stays whole, and so do lines found again together (an article
    pasted twice)."""
    n = len(kinds)
    starts = [i for i in compress(count(), map(_NONE.__contains__, kinds))
              if i + 2 < n and kinds[i + 1] in _LABELS and kinds[i + 2] in _LABELS]
    if not starts:
        return []
    out: list[int] = []
    last: dict[str, int] | None = None  # where each text is found last
    for i in starts:
        j, after = i + 1, i + 1
        while j < n and kinds[j] in _LABELS:
            if last is None:
                last = dict(zip(texts, count()))
            if last[texts[j]] <= max(j, after):
                break
            after = last[texts[j]] + 1
            j += 1
        if j - i > 2:
            out += range(i + 1, j)
    return out


def title_line(kinds: list[str | None], texts: Sequence[str], start: int, end: int) -> int | None:
    """The page's title in the stretch of chrome from *start* to *end* above the content, if
    any: a line of TITLE_WORDS words and TITLE_CHARS characters or more, below the stretch's
    first line and right above the lines a rule took, rows or entries at its foot (a menu
    above, a row of the recipe's times or a list of the page's sections below)."""
    j = end - 1
    while j > start and kinds[j] in _HARD:  # up the run of such lines at the foot
        j -= 1
    if j <= start or j == end - 1:
        return None
    text = texts[j]
    if kinds[j] not in _HEADINGS or len(text) < TITLE_CHARS or len(text.split()) < TITLE_WORDS:
        return None
    return j
