"""What a line's neighbours say of it, for :mod:`cleanseed.boilerplate.context`: a short line
amid chrome, the entries of a list of a page's sections, a page's title above its content, the
teasers of a list whose stamps come back at a steady step.

Each function reads a round's lines as the context step has them: their kinds
(:func:`~cleanseed.boilerplate.lines.kind_of`, None where a rule removed the line, "row",
"record" and "entry" for what goes wherever it stands) and their texts, stripped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import compress, count

from cleanseed.boilerplate.lines import _END, _MARKERS, SENTENCE_ENDS

__all__ = [
    "TITLE_CHARS",
    "TITLE_WORDS",
    "enclosed_lines",
    "may_be_enclosed",
    "ranked_teasers",
    "ranks",
    "section_entries",
    "steady_stamps",
    "teaser_lines",
    "title_line",
]

#: Between the menu above and a run of evidence right above the content (a row of a recipe's
#: times, the list of a page's sections), a line of TITLE_WORDS words and TITLE_CHARS
#: characters or more is the page's title, and stays.
TITLE_WORDS = 2
TITLE_CHARS = 20

#: A list of teasers is told by its stamps ("2H ago", "Nov 18"), lines a rule took as a stamp:
#: TEASER_STAMPS or more of them, each TEASER_STEPS lines after the one before (a headline, a
#: summary, a byline between them), every line between them of TEASER_HEADLINE_WORDS words or
#: more and TEASER_CHARS characters or fewer (a name, a label, an article's paragraph are no
#: teaser's); see teaser_lines.
TEASER_STAMPS = 3
TEASER_STEPS = range(2, 5)
TEASER_CHARS = 320
TEASER_HEADLINE_WORDS = 4

#: A line amid chrome that opens in lower case and has this many words is a reader's remark.
REMARK_WORDS = 4

_NONE = frozenset((None,))
# What a list's heading may be: a line a rule took, or a label.
_HEADED = frozenset((None, "label", "plain"))
# A rank alone on its line: "1", "2.", "#3", "01".
_RANK = re.compile(r"#?\d{1,2}\.?")
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
    item of one; nor is it a reader's remark under a post, which a headline never is: a line
    that opens in lower case, of REMARK_WORDS words or more ("endlich mal gute Nachrichten
    für die Stadt"). The context step's shortcut asks it of lines that cannot be labels."""
    if text.endswith(_OPEN) or (text[:1] in _MARKERS and text[1:2].isspace()):
        return False
    return not (text[:1].islower() and text.count(" ") >= REMARK_WORDS - 1)


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


# The kinds of the lines of a teaser: lines that no rule took, nor go on their own.
_TEASER_KINDS = frozenset(("prose", "text", "label", "plain", "cell", "data"))


def teaser_lines(stamps: list[int], kinds: list[str | None], texts: list[str]) -> list[int]:
    """The lines between the stamps (*stamps*: the numbers of the lines a rule took as a stamp
    of time, in order) of a list of teasers ("Two U.S. troops killed in crash", "Officials
    dismiss the claim", "2H ago", again and again): runs of TEASER_STAMPS stamps or more at one
    step of TEASER_STEPS lines (:func:`steady_stamps`), where every line between them is a
    teaser's (:func:`_teaser_line`), most stretches between two stamps hold a line that is no
    sentence (a headline), and the lines between them hold fewer characters than the page's
    prose outside them (a listicle's items, or a page's list of events, each with its date, are
    the page). Above the first stamp and below the last, a teaser's length of lines goes too
    when they read as the teasers between the stamps do (:func:`_edges`): which side of its
    stamp a teaser stands on is not known. A timeline of dated paragraphs has no headlines; a
    thread's comments have their commenters' names between the stamps, which are short."""
    out: list[int] = []
    prose = sum(len(texts[k]) for k in compress(count(), map(_PROSE.__contains__, kinds)))
    stamped = set(stamps)
    for i, j in steady_stamps(stamps):
        lines = range(stamps[i] + 1, stamps[j])
        if not all(k in stamped or _teaser_line(kinds[k], texts[k]) for k in lines):
            continue
        units = [range(stamps[a] + 1, stamps[a + 1]) for a in range(i, j)]
        # most teasers hold their headline (a headline may end in a quotation), and the list
        # is not the page's text: it holds fewer characters than the prose outside it (a
        # listicle's items, a page that lists events, are the page)
        headed = sum(any(_headline(texts[k]) for k in unit) for unit in units)
        held = sum(len(texts[k]) for k in lines if kinds[k] == "prose")
        listed = sum(len(texts[k]) for k in lines if k not in stamped)
        if 2 * headed > len(units) and listed < prose - held:
            out += (k for k in lines if k not in stamped)
            out += _edges(stamps[i], stamps[j], units, kinds, texts)
    return out


def ranks(texts: Sequence[str], removed: Sequence[bool]) -> list[list[int]]:
    """The runs of lines of *texts* (stripped) that are a rank alone ("1", "2.", "#3"), no
    rule took, TEASER_STAMPS or more that count up by one from 1 ("1", "2", "3"): the numbers
    of a list of the most read, which :func:`ranked_teasers` reads as a list of teasers."""
    found = [(i, int(text.strip("#."))) for i, text in enumerate(texts)
             if 0 < len(text) <= 4 and not removed[i] and _RANK.fullmatch(text)]
    out: list[list[int]] = []
    last = 0  # the rank the run has come to; 0: no run
    for i, value in found:
        if value == 1:
            out.append([])
        elif value != last + 1 or not last:
            last = 0
            continue
        out[-1].append(i)
        last = value
    return [run for run in out if len(run) >= TEASER_STAMPS]


def ranked_teasers(ranked: list[list[int]], kinds: list[str | None],
                   texts: list[str]) -> list[int]:
    """The lines of the lists of teasers told by their ranks (*ranked*: :func:`ranks`), as
    :func:`teaser_lines` finds them between stamps, and the ranks above them: "Most read", "1",
    "This Bay Area zip code ranks first", "2", "Witness cheered for the verdict", again and
    again. The list stands under its heading, a line a rule took or a label ("Most read",
    "Meistgelesen"), not under a sentence or a line that announces a list, and a listicle's
    items, each with its paragraph, hold more characters than the page's prose outside them:
    such a list stays."""
    out: list[int] = []
    for run in ranked:
        top = run[0] - 1
        if top >= 0 and not (kinds[top] in _HEADED or (
                kinds[top] == "text" and not texts[top].endswith(_OPEN))):
            continue
        lines = teaser_lines(run, kinds, texts)
        found = set(lines)
        out += lines
        out += (i for i in run if i + 1 in found)
    return out


def _edges(first: int, last: int, units: list[range], kinds: list[str | None],
           texts: list[str]) -> list[int]:
    """The teasers above the *first* stamp and below the *last* of a list whose teasers
    between its stamps are *units*: the lines of a teaser's length on either side that are
    all a teaser's and read as the teasers do (the same lines end as sentences)."""
    size = len(units[0])
    shapes = Counter(tuple(map(_headline, (texts[k] for k in unit))) for unit in units)
    shape = shapes.most_common(1)[0][0]
    out: list[int] = []
    for edge in (range(first - size, first), range(last + 1, last + 1 + size)):
        if (edge.start >= 0 and edge.stop <= len(kinds)
                and all(_teaser_line(kinds[k], texts[k]) for k in edge)
                and tuple(_headline(texts[k]) for k in edge) == shape):
            out += edge
    return out


def _teaser_line(kind: str | None, text: str) -> bool:
    """Whether a line of *kind* and stripped *text* may be a teaser's: a line no rule took of
    TEASER_HEADLINE_WORDS words or more (a commenter's name, or a comment of two words, is
    shorter) and at most TEASER_CHARS characters."""
    return (kind in _TEASER_KINDS and len(text) <= TEASER_CHARS
            and text.count(" ") >= TEASER_HEADLINE_WORDS - 1)


def _headline(text: str) -> bool:
    """Whether the stripped line *text* (a teaser's line) may be its headline: no sentence."""
    return not text.endswith(_END)


def steady_stamps(stamps: list[int]) -> list[tuple[int, int]]:
    """The runs of *stamps* (line numbers, in order) at one step of TEASER_STEPS lines, of
    TEASER_STAMPS stamps or more, as (first, last) places among *stamps*."""
    out = []
    i = 0
    while i + 1 < len(stamps):
        step = stamps[i + 1] - stamps[i]
        j = i + 1
        while j + 1 < len(stamps) and stamps[j + 1] - stamps[j] == step:
            j += 1
        if step in TEASER_STEPS and j - i + 1 >= TEASER_STAMPS:
            out.append((i, j))
        i = j
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
