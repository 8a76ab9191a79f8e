"""The labelled document: lines that are content, lines that are planted faults, and their labels.

A generated document is a sequence of :class:`Unit`, one per line. A content unit carries the text
the cleaned output must hold (``expected``); a fault unit carries the class of the fault. Two
faults live inside content lines instead of on their own: an encoding fault (the planted ``text``
is a damaged copy of ``expected``) and a date or reading time glued before a title (``prefix``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

__all__ = ["CLASSES", "Fault", "LabelledDoc", "Language", "Unit"]

#: The fault classes, in the order the benchmark reports them.
CLASSES = ("encoding", "cookie", "caption", "chrome", "metadata", "repeat")


@dataclass(frozen=True, slots=True)
class Unit:
    """One line of a generated document.

    ``kind`` is ``"content"`` or ``"fault"``. ``cls`` is the fault class for a fault, and the
    sort of content for content (``text``, ``title``, ``heading``, ``list``, ``short``, or
    ``trap.<kind>``). ``template`` names the template that produced the line, so failures can be
    grouped by what broke rather than by the random words filled in; ``prefix_template`` does
    the same for a glued prefix, and ``encoding`` names the encoding faults planted in the line.
    """

    kind: Literal["content", "fault"]
    cls: str
    text: str
    expected: str = ""
    prefix: str = ""
    template: str = ""
    encoding: tuple[str, ...] = ()
    prefix_template: str = ""


class Fault(NamedTuple):
    """A planted fault: its class, the exact text planted, the line it sits on, its template.

    ``line`` is the index of the unit holding it, or -1 for a fault of the whole document (CRLF
    line breaks). For a glued date ``text`` is the prefix; for an encoding fault it is the
    damaged line.
    """

    cls: str
    text: str
    line: int
    template: str


@dataclass(frozen=True, slots=True)
class LabelledDoc:
    """A generated document with its labels; ``text`` is what the pipeline is given."""

    id: str
    lang: str
    units: tuple[Unit, ...]
    sep: str
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.sep.join(u.text for u in self.units))

    @property
    def crlf(self) -> bool:
        """Whether the lines are separated by CRLF (itself a planted encoding fault)."""
        return "\r\n" in self.sep

    def content(self) -> list[tuple[int, Unit]]:
        """The content units with their line index, in document order."""
        return [(i, u) for i, u in enumerate(self.units) if u.kind == "content"]

    def expected(self) -> list[str]:
        """The lines a perfect cleaner returns, stripped, in order."""
        return [u.expected.strip() for u in self.units if u.kind == "content"]

    def faults(self) -> list[Fault]:
        """Every planted fault, in document order (a CRLF document's fault comes first)."""
        found = [Fault("encoding", self.sep, -1, "encoding.crlf")] if self.crlf else []
        for i, unit in enumerate(self.units):
            if unit.kind == "fault":
                found.append(Fault(unit.cls, unit.text, i, unit.template))
                continue
            if unit.prefix:
                found.append(Fault("metadata", unit.prefix, i, unit.prefix_template))
            if unit.encoding:
                found.append(Fault("encoding", unit.text, i, "encoding." + "+".join(unit.encoding)))
        return found


@dataclass(frozen=True, slots=True, kw_only=True)
class Language:
    """Word lists and sentence templates for writing articles in one language.

    Templates are ``str.format`` strings whose fields are filled by the generator: the names of
    the word lists here (``{city}``, ``{org}``...), ``{name}``/``{name2}`` (a person), and numbers
    (``{n}``, ``{n2}``, ``{big}``, ``{pct}``, ``{amount}``, ``{price}``, ``{year}``, ``{d}``,
    ``{g1}``, ``{g2}``, ``{m}``, ``{hour}``,
    ``{future}``, ``{temp}``). ``{i}`` is the item number of a numbered list.
    """

    code: str
    first: tuple[str, ...]
    last: tuple[str, ...]
    city: tuple[str, ...]
    org: tuple[str, ...]
    company: tuple[str, ...]
    title: tuple[str, ...]
    job: tuple[str, ...]
    weekday: tuple[str, ...]
    month: tuple[str, ...]
    sentences: tuple[str, ...]
    headlines: tuple[str, ...]
    headings: tuple[str, ...]
    short: tuple[str, ...]
    list_intros: tuple[str, ...]
    list_items: tuple[str, ...]
    numbered: tuple[str, ...]
    captions: tuple[str, ...]
    traps: Mapping[str, tuple[str, ...]]
    decimal: str = "."
    joiner: str = " "
    surname_first: bool = False
    bullets: tuple[str, ...] = ("- ", "• ", "* ")
