"""A page cut where it pays most: a header of chrome, the content with stretches of chrome
inside it, and a footer of chrome, each part possibly empty (a Viterbi pass over the runs of
weighted lines). :mod:`cleanseed.boilerplate.context` weighs the lines and calls it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, compress, count, pairwise
from operator import ne

__all__ = ["runs", "segment"]


def segment(weights: Sequence[float], edge: float, inner: float) -> list[bool]:
    """Which of a sequence of weighted items to keep, read as a page: a header of chrome, the
    content, with stretches of chrome inside it, and a footer of chrome; each part may be
    empty. The choice maximises the weight of the items kept less the weight of the items
    dropped, less *edge* for leaving the header or entering the footer and *inner* for
    entering or leaving a stretch of chrome inside the content. Ties are settled for keeping.

    >>> segment([-1, -1, 3, -1, 3, -1, -1, -1], 1.5, 3.0)
    [False, False, True, True, True, False, False, False]
    """
    out: list[bool] = []
    for (start, end, _), keep in runs(weights, edge, inner):
        out += [keep] * (end - start)
    return out


def runs(weights: Sequence[float], edge: float, inner: float,
          ) -> list[tuple[tuple[int, int, float], bool]]:
    """:func:`segment`, as runs of items of one sign ((start, end, weight), keep).

    A change of part never falls inside a run of items of one sign (moving it to the run's end
    gains, or costs nothing), so the runs are what is judged, each as one item.
    """
    signs = [(w > 0) - (w < 0) for w in weights]
    bounds = [0, *compress(count(1), map(ne, signs, signs[1:])), len(signs)]
    totals = list(accumulate(weights, initial=0.0))
    found = [(s, e, totals[e] - totals[s]) for s, e in pairwise(bounds)]
    return list(zip(found, _viterbi([w for _, _, w in found], edge, inner), strict=True))


_HEAD, _BODY, _INSIDE, _FOOT = 0, 1, 2, 3


def _viterbi(weights: Sequence[float], edge: float, inner: float) -> list[bool]:
    """:func:`segment` of items that are judged one by one."""
    head, body, inside, foot = 0.0, 0.0, float("-inf"), float("-inf")
    back: list[tuple[int, int, int]] = []  # the best state before each item, for C, I and F
    for w in weights:
        # into the content: from itself, the header or a stretch inside (ties: content)
        to_body, body_from = body, _BODY
        if head - edge > to_body:
            to_body, body_from = head - edge, _HEAD
        if inside - inner > to_body:
            to_body, body_from = inside - inner, _INSIDE
        # into a stretch inside: from itself or the content
        to_inside, inside_from = (inside, _INSIDE) if inside >= body - inner else (
            body - inner, _BODY)
        # into the footer: from itself, the content or a stretch inside
        to_foot, foot_from = foot, _FOOT
        if body - edge > to_foot:
            to_foot, foot_from = body - edge, _BODY
        if inside > to_foot:
            to_foot, foot_from = inside, _INSIDE
        head, body, inside, foot = head - w, to_body + w, to_inside - w, to_foot - w
        back.append((body_from, inside_from, foot_from))
    scores = (head, body, inside, foot)
    state = max(range(4), key=lambda s: (scores[s], s == _BODY))
    out = [False] * len(back)
    for i in range(len(back) - 1, -1, -1):
        out[i] = state == _BODY
        if state != _HEAD:
            state = back[i][state - 1]
    return out
