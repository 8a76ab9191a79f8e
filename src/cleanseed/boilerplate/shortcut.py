"""The shortcut of the context step (:mod:`~cleanseed.boilerplate.context`): a text it surely
leaves as it is, known from a few of its lines before its language is guessed or any line is
weighed. Most texts that are already a page's main content stop here.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from math import ceil

from cleanseed.boilerplate.around import may_be_enclosed
from cleanseed.boilerplate.lines import heads_prose, may_be_row, may_weigh_against
from cleanseed.boilerplate.weights import (
    LABEL_WEIGHTS,
    NEAR_WEIGHT,
    OWN_WEIGHT,
    PAST_CHROME,
    WEIGHTS,
)

__all__ = ["nothing_to_take"]

_WORST_LABEL = min(w for (_, where), w in LABEL_WEIGHTS.items() if where != PAST_CHROME)
_WORST_LABEL_RULED = min(LABEL_WEIGHTS.values()) + NEAR_WEIGHT


def nothing_to_take(texts: list[str], alive: list[int], removed: Sequence[bool],
                     quiet: Sequence[bool] | None) -> bool:
    """Whether the context step surely takes nothing, known before the language is guessed:
    no line may be a row of labels, and the lines that may weigh against
    (:func:`~cleanseed.boilerplate.lines.may_weigh_against`) weigh too little together for a
    stretch to go (see :mod:`~cleanseed.boilerplate.rounds`), even each at its worst. Most
    texts that are already a page's main content (an article with a heading or two) are left
    as they are at that cost; on a page, the reading stops at its first few labels."""
    # past a line a rule removed, a label weighs its worst, and more beside such a line
    calm = quiet if quiet is not None else repeat(False)
    ruled = any(g and not q for g, q in zip(removed, calm, strict=False))
    worst = min(_WORST_LABEL_RULED if ruled else _WORST_LABEL, WEIGHTS["mark"])
    enough = ceil(OWN_WEIGHT / -worst - 1e-9)  # that many such lines may make a stretch go
    count = 0
    last = len(alive) - 1
    for k, i in enumerate(alive):
        text = texts[i]
        # past a line a rule took, a short line of text amid chrome weighs as a label too
        if not may_weigh_against(text) and not (ruled and may_be_enclosed(text)):
            continue
        if may_be_row(text):
            return False
        # a label right above a line that is surely prose is a heading, which weighs for
        if k < last and heads_prose(text, texts[alive[k + 1]]):
            continue
        count += 1
        if count >= enough:
            return False
    return True

