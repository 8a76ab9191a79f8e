"""What the context step (:mod:`cleanseed.boilerplate.context`) says of the lines it judged: the
stretches of chrome it took (:class:`Stretch`), each line taken and why (:class:`Taken`), and the
verdict on every line that :func:`~cleanseed.boilerplate.context.classify_lines` returns
(:class:`LineVerdict`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from cleanseed.boilerplate.lines import LineFeatures

__all__ = ["LineVerdict", "Stretch", "Taken"]


class Stretch(NamedTuple):
    """A stretch of lines the context step took, and what it weighed."""

    #: Its lines, those a rule took among them.
    lines: int
    #: The weight of all its lines together (negative: against).
    weight: float
    #: The weight of its lines that no rule took: what must reach OWN_WEIGHT against.
    own: float
    #: What showed it to be chrome: lines a rule took, rows of labels, or a menu's run of plain
    #: labels.
    evidence: str
    #: The language whose stop words the lines were read with.
    lang: str


class Taken(NamedTuple):
    """A line the context step took: the id of the reason, the line's weight among its
    neighbours, and the stretch it went with."""

    rule: str
    weight: float
    stretch: Stretch

    def why(self, features: LineFeatures) -> str:
        """The deciding signals, as explain shows them: the line's own *features*, its weight
        where it stands, and its stretch.

        >>> from cleanseed.boilerplate.lines import features, stop_words
        >>> s = Stretch(7, -9.5, -7.5, "1 line a rule took", "en")
        >>> Taken("context.short_run", -1.0, s).why(features("Sport", stop_words("en")))
        'label words=1 stop=0.00 unended plain; weighs -1.00 where it stands; in a stretch of \
chrome weighing -9.5 (-7.5 without the lines rules took; 7 lines), shown by 1 line a rule took; \
stop words: en'
        """
        s = self.stretch
        return (f"{features.signals()}; weighs {self.weight:+.2f} where it stands; in a stretch "
                f"of chrome weighing {s.weight:+.1f} ({s.own:+.1f} without the lines rules took; "
                f"{s.lines} line{'s' * (s.lines > 1)}), shown by {s.evidence}; stop words: "
                f"{s.lang}")


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What the context step decided about one line, and why."""

    #: Whether the line stays.
    keep: bool
    #: The id of the reason it goes, or None.
    rule: str | None
    #: The line's own features (None for a line removed before the context step).
    features: LineFeatures | None
    #: The weight of the stretch of chrome the line went with (0.0 for a line that stays).
    stretch: float = 0.0
    #: For a line the step took, the deciding signals (see :meth:`Taken.why`).
    why: str = ""

    @property
    def signals(self) -> str:
        """The deciding signals: the line's features, and for a line taken, its weight where it
        stands and its stretch's."""
        if self.why:
            return self.why
        return self.features.signals() if self.features is not None else "removed by a rule"
