"""The record each post of a thread repeats: the lines between the posts of a forum or the
comments under an article that say who wrote the post, when, its number and what can be done
with it ("alice_w", "Joined: Mar 2019", "Posts: 212", "#3", "Report").

No word of them is known in advance: what gives them away is that their *shape* comes back in
the stretch between every two posts. A short line's shape is the line in lower case with its
numbers folded ("#3" and "#4" are "#0"), or, for a field with a number ("Joined: Mar 2019",
"Beiträge: 377"), its name ("joined:"). A shape recurs when it is found in :data:`RECORDS` or
more stretches between lines of content (prose, or a sentence), never when its copies stand
together (a table's column).

A stretch between posts holds a record when at least two of its lines have recurring shapes and
one of them holds a digit or is a row of labels: one recurring line alone is a heading the
article repeats ("Step 1", "Step 2"), and lines without a number are as likely the labels of a
review's lists ("Pros", "Cons"). Its record is its lines of recurring shape and a single line
between two of them (the author's name). The page must have :data:`RECORDS` such stretches:
a thread, not a coincidence.

    >>> lines = ["ann", "#1", "Joined: 2019", "I changed the chain and it works now.",
    ...          "Report", "#2", "Joined: 2021", "Good to hear that it worked out.",
    ...          "Report", "#3", "Joined: 2018", "It was the cassette in my case, too."]
    >>> kinds = ["text", "cell", "cell", "prose"] * 3
    >>> [lines[i] for i in record_lines(lines, kinds)]  # "Report" is in two stretches only
    ['#1', 'Joined: 2019', '#2', 'Joined: 2021', '#3', 'Joined: 2018']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from cleanseed.boilerplate.lines import may_weigh_against

__all__ = ["RECORDS", "record_lines", "shape"]

#: A shape recurs when found in this many stretches between posts; a page holds a thread when
#: this many of its stretches hold a record.
RECORDS = 3
#: A line of a record is at most this long (in characters).
RECORD_CHARS = 80

# The kinds of line (lines.kind_of) a record is made of: no prose, no mark.
_SHORT = frozenset(("text", "label", "plain", "cell", "data", "row"))
# The end of a sentence: such a line is a post of its own ("Thanks, that was it.").
_END = (".", "!", "?", "…", "。", "！", "？")
# "Joined: Mar 2019", "Beiträge: 377", "Inscrit le : 02/03/2016": a field's name before its
# colon.
_FIELD = re.compile(r"([^\d:：]{1,30}?)\s*[:：]\s*\S")
# A number, with the marks inside it: "1,034", "04.05.2018", "10:22", "2016/02/10 10:22".
_NUMBER = re.compile(r"\d(?:[\d.,:/ '’-]*\d)?")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# A post's number: "#3", "№ 12". Other lines of a record say something in words: a line of a
# bare number is a table's cell.
_POST_NUMBER = re.compile(r"[#№]\s?\d{1,6}")


def shape(text: str) -> str:
    """The shape of the stripped line *text*: the name of a field with a number, else the line
    in lower case with its numbers folded to 0.

    >>> shape("Joined: Mar 2019"), shape("#12"), shape("2 days ago at 07:52 am"), shape("Report")
    ('joined:', '#0', '0 days ago at 0 am', 'report')
    """
    if _DIGIT.search(text) is None:
        return text.lower()
    field = _FIELD.match(text)
    if field is not None:
        return field.group(1).lower() + ":"
    return _NUMBER.sub("0", text.lower())


def record_lines(texts: Sequence[str], kinds: Sequence[str | None]) -> list[int]:
    """The lines of *texts* (stripped, with their *kinds*; None: removed, and not read) that
    are lines of a post's record, in order."""
    shapes: dict[int, str] = {}
    short: set[int] = set()  # the lines that may be a name between two lines of a record
    stretch = [0] * len(texts)  # which stretch between lines of content each line is in
    found = 0
    for i, (text, kind) in enumerate(zip(texts, kinds, strict=True)):
        if kind is None or (kind not in _SHORT and kind != "prose"):
            stretch[i] = found
            continue
        if kind == "prose" or (kind == "text" and text.endswith(_END)):
            found += 1
        elif len(text) <= RECORD_CHARS:
            short.add(i)
            if may_weigh_against(text) and (_LETTER.search(text) is not None
                                            or _POST_NUMBER.fullmatch(text) is not None):
                shapes[i] = shape(text)
        stretch[i] = found
    if len(shapes) < 2 * RECORDS:
        return []
    places: dict[str, set[int]] = {}
    for i, key in shapes.items():
        places.setdefault(key, set()).add(stretch[i])
    recurring = {i for i, key in shapes.items() if len(places[key]) >= RECORDS}
    by_stretch: dict[int, list[int]] = {}
    for i in sorted(recurring):
        by_stretch.setdefault(stretch[i], []).append(i)
    out: list[int] = []
    for members in by_stretch.values():
        if len({shapes[i] for i in members}) < 2 or not any(
                kinds[i] == "row" or _DIGIT.search(texts[i]) for i in members):
            continue
        out += members
        # a single line between two lines of the record (the author's name) is one of it
        out += [a + 1 for a, b in pairwise(members) if b == a + 2 and a + 1 in short]
    if len({stretch[i] for i in out}) < RECORDS:
        return []
    return sorted(out)
