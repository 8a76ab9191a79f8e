"""The types that flow through the pipeline: Document, Removal and Explained.

Every step receives text and returns text; when asked to explain, it also returns one
:class:`Removal` per piece it took out (or, for the encoding step, per piece it rewrote).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple

from cleanseed.errors import InputTypeError, check_text

__all__ = ["Damage", "Document", "Explained", "Removal", "as_document"]


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text a step removed (or rewrote), and why.

    ``start`` is the offset of ``text`` in the text *that step received*: in the output of the
    step before it, not in the original document. ``replacement`` is empty for a removal and holds
    the new text for an edit (the encoding step rewrites mojibake rather than removing it).
    ``why`` holds the deciding signals where a rule id alone does not tell them: a line the
    boilerplate stage's context step took names its shape, its weight where it stands and the
    stretch of chrome it went with; it is empty for a removal a rule of the tables made.
    """

    stage: str
    rule: str
    text: str
    start: int
    replacement: str = ""
    why: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Return the removal as a plain dict, ready for JSON."""
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Damage:
    """A span where a character was lost or left broken before the text reached cleanseed.

    Damage is evidence, not a removal: the text stays as it is. ``kind`` says how the character
    was lost (``lost.space``, ``lost.question``, ``lost.replacement``, ``mojibake``); ``text``
    is the damaged word as it stands at ``start`` in the text that was searched, and
    ``confidence`` how sure the finder is (0 to 1). ``repair`` is the intact word when the
    document or the corpus holds exactly one that fits, and ``evidence`` says where it was seen
    and how often; both are empty otherwise. ``repaired`` is true once the text was changed to
    ``repair`` (only when a repair was asked for).
    """

    kind: str
    start: int
    text: str
    confidence: float
    repair: str = ""
    evidence: str = ""
    repaired: bool = False

    @property
    def end(self) -> int:
        """The offset just past the damaged word."""
        return self.start + len(self.text)

    def as_dict(self) -> dict[str, Any]:
        """Return the span as a plain dict, ready for JSON."""
        return dataclasses.asdict(self)


class Explained(NamedTuple):
    """The cleaned text and the removals that produced it, in the order they happened."""

    text: str
    removals: tuple[Removal, ...]


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Document:
    """A document on its way through the pipeline.

    Steps never mutate a document: they return a new one with :func:`dataclasses.replace`.
    ``metadata`` carries every field a record came with besides its id and text, so JSONL records
    go out with the fields they came in with. ``damage`` lists the spans where a character was
    lost before the text reached cleanseed: a typed field rather than a metadata entry, so it
    can never clash with a field of the user's record, and a writer decides how to show it.
    """

    text: str
    id: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    removals: tuple[Removal, ...] = ()
    damage: tuple[Damage, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", _frozen(self.metadata))

    def __reduce__(self) -> tuple[Any, ...]:
        # a read-only mapping proxy cannot be pickled: send a plain dict, frozen again on arrival
        return (Document, (self.text, self.id, dict(self.metadata), self.removals, self.damage))


def as_document(item: Any, i: int) -> Document:
    """Item *i* of what a corpus step was given, a :class:`Document` or an ``(id, text)`` pair,
    as a Document; anything else is an :class:`~cleanseed.errors.InputTypeError` naming it.

    >>> as_document(("a", "Some text."), 0)
    Document(text='Some text.', id='a', metadata=mappingproxy({}), removals=(), damage=())
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return Document(check_text(item[1], f"item {i} (id {item[0]!r})"), id=item[0])
    msg = f"item {i}: expected an (id, text) pair or a Document, got {type(item).__name__}"
    raise InputTypeError(msg)
