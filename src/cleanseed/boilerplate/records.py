"""The record each post of a thread repeats: the lines between the posts of a forum or the
comments under an article that say who wrote the post, when, its number and what can be done
with it ("alice_w", "Joined: Mar 2019", "Posts: 212", "#3", "Report").

No word of them is known in advance: what gives them away is that their *shape* comes back in
the stretch between every two posts. A short line's shape is the line in lower case, with its
numbers folded if it is a line of figures ("#3" and "#4" are "#0"), or, for a field with a
number ("Joined: Mar 2019", "Beiträge: 377"), its name ("joined:"). A shape recurs when it is
found in :data:`RECORDS` or more stretches between lines of content (prose, or a sentence),
never when its copies stand together (a table's column).

A stretch between posts holds a record when at least two of its lines have recurring shapes and
one of them is a row of labels ("Like · Quote · Reply") or a post's number ("#3"): one
recurring line alone is a heading the article repeats ("Step 1", "Step 2"), lines without a
number are as likely the labels of a review's lists ("Pros", "Cons"), and fields with one the
facts an article gives of each person or product it lists ("Age: 45", "Price: $99"). Its
record is its lines of recurring shape and a single line between two of them (the author's
name). The page must have :data:`RECORDS` such stretches: a thread, not a coincidence.

    >>> lines = ["ann", "#1", "Joined: 2019", "I changed the chain and it works now.",
    ...          "Report", "#2", "Joined: 2021", "Good to hear that it worked out.",
    ...          "Report", "#3", "Joined: 2018", "It was the cassette in my case, too."]
    >>> kinds = ["text", "cell", "cell", "prose"] * 3
    >>> [lines[i] for i in record_lines(lines, kinds)]  # "Report" is in two stretches only
    ['#1', 'Joined: 2019', '#2', 'Joined: 2021', '#3', 'Joined: 2018']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import compress, count, pairwise, repeat
from operator import not_

from cleanseed.boilerplate.lines import SENTENCE_ENDS, may_weigh_against

__all__ = ["RECORDS", "find_records", "record_keys", "record_lines", "shape"]

#: A shape recurs when found in this many stretches between posts; a page holds a thread when
#: this many of its stretches hold a record.
RECORDS = 3
#: A line of a record is at most this long (in characters).
RECORD_CHARS = 80

# The kinds of line (lines.kind_of) a record is made of: no prose, no mark.
_SHORT = frozenset(("text", "label", "plain", "cell", "data", "row"))
_PROSE, _TEXT = frozenset(("prose",)), frozenset(("text",))
# The kinds of line with figures (lines.kind_of): their numbers are folded.
_FIGURES = frozenset(("cell", "data"))
# "Joined: Mar 2019", "Beiträge: 377", "Inscrit le : 02/03/2016": a field with a number, of
# which the shape is its name, before its colon.
_FIELD = re.compile(r"([^\d:：]{1,30}?)\s*[:：]\s*\S")
# A number, with the marks inside it: "1,034", "04.05.2018", "10:22", "2016/02/10 10:22".
_NUMBER = re.compile(r"\d(?:[\d.,:/ '’-]*\d)?")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# A post's number: "#3", "№ 12". Other lines of a record say something in words: a line of a
# bare number is a table's cell.
_POST_NUMBER = re.compile(r"[#№] ?\d{1,6}")
# How a post's number starts (a hashtag does not): forty beginnings, looked for only in the lines
# that start with one of the marks (a test of forty costs a line three times what one of two does).
_NUMBERED = tuple(f"{mark}{space}{digit}" for mark in "#№" for space in ("", " ")
                  for digit in "0123456789")
_MARKS = ("#", "№")


def shape(text: str) -> str:
    """The shape of the stripped line *text*: the name of a field with a number, else the line
    in lower case with its numbers folded to 0.

    >>> shape("Joined: Mar 2019"), shape("#12"), shape("2 days ago at 07:52 am"), shape("Report")
    ('joined:', '#0', '0 days ago at 0 am', 'report')
    """
    field = _field(text)
    if field is not None:
        return field
    lowered = text.lower()
    return _NUMBER.sub("0", lowered) if _DIGIT.search(lowered) is not None else lowered


def _field(text: str) -> str | None:
    """The shape of *text* if it is a field with a number ("Joined: Mar 2019": "joined:"),
    else None."""
    field = _FIELD.match(text)
    if field is not None and _DIGIT.search(text, field.end(1)) is not None:
        return field.group(1).lower().rstrip() + ":"
    return None


def record_lines(texts: Sequence[str], kinds: Sequence[str | None]) -> list[int]:
    """The lines of *texts* (stripped, with their *kinds*; None: removed, and not read) that
    are lines of a post's record, in order."""
    return find_records(texts, kinds)[0]


def record_keys(texts: Sequence[str], kinds: Sequence[str | None]) -> list[str | None]:
    """The shape of each of *texts* (stripped, with their *kinds*) that may be a line of a
    record, a line of a short kind that ends no sentence (a line of figures, a short one);
    None for the others. Most lines need only be put in lower case; none is read on a page
    with fewer than RECORDS rows of labels and lines that start as a post's number does (a
    record needs one or the other in each of RECORDS stretches)."""
    marked = compress(texts, map(str.startswith, texts, repeat(_MARKS)))
    if kinds.count("row") + sum(map(str.startswith, marked, repeat(_NUMBERED))) < RECORDS:
        return [None] * len(texts)
    keys: list[str | None] = list(map(str.lower, texts))
    for i in compress(count(), map(not_, map(_SHORT.__contains__, kinds))):
        keys[i] = None
    for i in compress(count(), map(_TEXT.__contains__, kinds)):
        if texts[i].endswith(SENTENCE_ENDS):
            keys[i] = None
    figures = []
    for i in compress(count(), map(_FIGURES.__contains__, kinds)):
        text = texts[i]
        if len(text) > RECORD_CHARS or text.endswith(SENTENCE_ENDS):
            keys[i] = None
        else:
            figures.append(i)
    if figures:  # their numbers folded in one scan of them all
        lowered = "\n".join(map(texts.__getitem__, figures)).lower()
        folded = _NUMBER.sub("0", lowered).split("\n")
        for i, key in zip(figures, folded, strict=True):
            keys[i] = key
    colons = {*compress(count(), map(str.__contains__, texts, repeat(":"))),
              *compress(count(), map(str.__contains__, texts, repeat("：")))}
    for i in sorted(colons):
        if keys[i] is not None and (field := _field(texts[i])) is not None:
            keys[i] = field
    return keys


def find_records(texts: Sequence[str], kinds: Sequence[str | None],
                 keys: Sequence[str | None] | None = None) -> tuple[list[int], bool]:
    """:func:`record_lines`, and whether any of the lines could be a record's once others
    are gone: False when fewer than two shapes recur, which removing lines never changes (it
    takes copies away and joins stretches, so a shape is found in fewer stretches, never
    more). *keys* are :func:`record_keys` of the lines, if known."""
    if keys is None:
        keys = record_keys(texts, kinds)
    # most pages have no two shapes found three times: no need to find the stretches
    counts = Counter(keys)
    frequent = {key for key, n in counts.items() if n >= RECORDS and key is not None}
    if len(frequent) < 2:
        return [], False
    shapes = {i: str(keys[i]) for i in compress(count(), map(frequent.__contains__, keys))}
    # the lines of content, and so the stretch each line is in: the lines of content before it
    content = sorted([*compress(count(), map(_PROSE.__contains__, kinds)),
                      *(i for i in compress(count(), map(_TEXT.__contains__, kinds))
                        if texts[i].endswith(SENTENCE_ENDS))])
    if len(content) < RECORDS - 1:
        return [], False
    stretch = {i: bisect_left(content, i) for i in shapes}
    places = _places(shapes, stretch)
    if sum(len(where) >= RECORDS for where in places.values()) < 2:
        return [], False
    # the lines of a record may weigh against and say something in words (or be a number)
    fit = {i: key for i, key in shapes.items() if len(places[key]) >= RECORDS
           and _may_be_record(texts[i])}
    out = _record_lines(fit, _places(fit, stretch), stretch, texts, kinds, keys)
    if len({stretch[i] for i in out if i in stretch}) < RECORDS:
        return [], True
    return sorted(out), True


def _places(shapes: dict[int, str], stretch: dict[int, int]) -> dict[str, set[int]]:
    """The stretches (*stretch*: each line's) that each shape of lines *shapes* is found in."""
    places: dict[str, set[int]] = {}
    for i, key in shapes.items():
        places.setdefault(key, set()).add(stretch[i])
    return places


def _record_lines(fit: dict[int, str], places: dict[str, set[int]], stretch: dict[int, int],
                  texts: Sequence[str], kinds: Sequence[str | None],
                  keys: Sequence[str | None]) -> list[int]:
    """The lines of the records among the lines *fit* (their shapes), stretch by stretch: where
    a stretch holds two shapes or more found in RECORDS stretches (*places*), one of them a row
    or a post's number, its lines of those shapes, and a single line between two of them."""
    by_stretch: dict[int, list[int]] = {}
    for i in sorted(fit):
        if len(places[fit[i]]) >= RECORDS:
            by_stretch.setdefault(stretch[i], []).append(i)
    out: list[int] = []
    for members in by_stretch.values():
        if len({fit[i] for i in members}) < 2 or not any(
                kinds[i] == "row" or _POST_NUMBER.fullmatch(texts[i]) for i in members):
            continue
        out += members
        # a single line between two lines of the record (the author's name) is one of it
        out += [a + 1 for a, b in pairwise(members) if b == a + 2 and keys[a + 1] is not None]
    return out


def _may_be_record(text: str) -> bool:
    """Whether the short line *text* may be a line of a record: it may weigh against
    (:func:`~cleanseed.boilerplate.lines.may_weigh_against`, so that a text the context step
    skips unread holds no record), and it says something in words or is a post's number."""
    return may_weigh_against(text) and (_LETTER.search(text) is not None
                                        or _POST_NUMBER.fullmatch(text) is not None)
