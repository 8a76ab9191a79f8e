"""Repair lost letters from evidence in the corpus, and mark damage on documents.

Repair is opt-in. A damaged word is restored only when the document itself or a corpus
vocabulary holds exactly one intact word that fits it (see :mod:`._evidence`): only the damaged
characters change, to letters seen in that word. With no candidate, or more than one, the text
stays as it is and the damage stays flagged. The lexicon never supplies a letter: it only
helps decide whether a split word is damaged at all.
"""

from __future__ import annotations

import dataclasses

from cleanseed import _validate
from cleanseed.damage._evidence import Repair, choose
from cleanseed.damage._hits import Hit
from cleanseed.damage.finder import DamageConfig, context, find_damage, find_hits
from cleanseed.damage.lexicon import Lexicon
from cleanseed.damage.vocabulary import Vocabulary
from cleanseed.document import Damage, Document, Explained, Removal
from cleanseed.errors import check_text
from cleanseed.pipeline import explains

__all__ = ["STAGE", "mark_damage", "repair_damage", "repair_damage_and_explain"]

STAGE = "damage"

_DEFAULT = DamageConfig()


# A repair changes the text, and with it what the finder sees (the text's languages are guessed
# from its words): repairs are made again on the repaired text until none is left, so that
# repairing a repaired text changes nothing. A round or two suffice; this many at most.
_ROUNDS = 4


class _Edits:
    """The replacements made so far: disjoint spans of the original text, sorted, each with what
    stands there now, its kind and the evidence for it."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int, str, str, str]] = []

    def _current(self, offset: int) -> int:
        """Where *offset* of the original text (not inside a replacement) is now."""
        delta = 0
        for s, e, new, _, _ in self.spans:
            if e > offset:
                break
            delta += len(new) - (e - s)
        return offset + delta

    def _original(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` of the current text as a span of the original one, widened to the
        whole of any replacement it touches."""
        first = last = None
        delta = 0  # the current text's offset less the original's, before each replacement
        for s, e, new, _, _ in self.spans:
            here, there = s + delta, s + delta + len(new)
            if first is None and start < there:
                first = start - delta if start < here else s
            if last is None and end <= there:
                last = end - delta if end <= here else e
            delta += len(new) - (e - s)
        return (start - delta if first is None else first, end - delta if last is None else last)

    def replace(self, current: str, start: int, end: int, word: str, kind: str,
                evidence: str) -> None:
        """Record that ``current[start:end]`` becomes *word*."""
        first, last = self._original(start, end)
        now = current[self._current(first):start] + word + current[end:self._current(last)]
        self.spans = sorted([span for span in self.spans if span[1] <= first or span[0] >= last]
                            + [(first, last, now, kind, evidence)])


def _round(text: str, config: DamageConfig, vocabulary: Vocabulary | None,
           lexicon: Lexicon | None) -> list[tuple[Hit, Repair | None]]:
    ctx = context(text, vocabulary, lexicon)
    return [(hit, choose(ctx, hit, config.min_corpus_count)) for hit in find_hits(ctx, config)]


def _repair(text: str, config: DamageConfig, vocabulary: Vocabulary | None,
            lexicon: Lexicon | None, record: list[Damage] | None) -> str:
    first = _round(text, config, vocabulary, lexicon)
    edits = _Edits()
    current, found = text, first
    for _ in range(_ROUNDS):
        repairs = [(hit, fix) for hit, fix in found if fix is not None]
        if not repairs:
            break
        for hit, fix in reversed(repairs):  # from the end, so that offsets stay good
            edits.replace(current, hit.start, hit.end, fix.word, hit.kind, fix.evidence)
            current = current[:hit.start] + fix.word + current[hit.end:]
        found = _round(current, config, vocabulary, lexicon)
    if record is not None:
        record += _spans(text, first, edits)
    return current


def _spans(text: str, first: list[tuple[Hit, Repair | None]], edits: _Edits) -> list[Damage]:
    """Every span found in *text*, repaired or not, and every repair made in a later round."""
    out: dict[tuple[int, int], Damage] = {}
    for hit, fix in first:
        out[hit.start, hit.end] = Damage(hit.kind, hit.start, text[hit.start:hit.end],
                                         round(hit.confidence, 2), fix.word if fix else "",
                                         fix.evidence if fix else "")
    for start, end, word, kind, evidence in edits.spans:
        earlier = [k for k in out if start <= k[0] and k[1] <= end]
        confidence = max((out[k].confidence for k in earlier), default=1.0)
        for k in earlier:
            del out[k]
        out[start, end] = Damage(kind, start, text[start:end], confidence, word, evidence, True)
    return [out[k] for k in sorted(out)]


def repair_damage(text: str, config: DamageConfig | None = None, *,
                  vocabulary: Vocabulary | None = None, lexicon: Lexicon | None = None) -> str:
    """Restore the damaged words of *text* that the evidence names; leave the rest as it is.

    >>> repair_damage("Fran?ois came. Fran\\u00e7ois left.")
    'François came. François left.'
    """
    text = check_text(text, "repair_damage")
    config = _validate.config(config, DamageConfig, _DEFAULT, "repair_damage")
    return _repair(text, config, vocabulary, lexicon, None)


@explains(repair_damage)
def repair_damage_and_explain(text: str, config: DamageConfig | None = None, *,
                              vocabulary: Vocabulary | None = None,
                              lexicon: Lexicon | None = None) -> Explained:
    """:func:`repair_damage`, with each repair as an edit: the damaged word and its repair."""
    text = check_text(text, "repair_damage")
    config = _validate.config(config, DamageConfig, _DEFAULT, "repair_damage_and_explain")
    spans: list[Damage] = []
    out = _repair(text, config, vocabulary, lexicon, spans)
    edits = tuple(Removal(STAGE, d.kind, d.text, d.start, d.repair) for d in spans if d.repaired)
    return Explained(out, edits)



def mark_damage(doc: Document, config: DamageConfig | None = None, *, repair: bool = False,
                vocabulary: Vocabulary | None = None, lexicon: Lexicon | None = None
                ) -> Document:
    """Return *doc* with its damage listed in ``doc.damage``; with *repair*, restored too.

    Offsets are in ``doc.text`` as it was given, as a step's removals are in its input; each
    repair is also recorded among the removals as an edit of stage ``damage``.

    >>> doc = mark_damage(Document("The CEO Ola K llenius spoke."))
    >>> [(d.kind, d.text) for d in doc.damage]
    [('lost.space', 'K llenius')]
    """
    config = _validate.config(config, DamageConfig, _DEFAULT, "mark_damage")
    if not repair:
        found = find_damage(doc.text, config, vocabulary=vocabulary, lexicon=lexicon)
        return dataclasses.replace(doc, damage=found)
    spans: list[Damage] = []
    text = _repair(check_text(doc.text, "mark_damage"), config, vocabulary, lexicon, spans)
    edits = tuple(Removal(STAGE, d.kind, d.text, d.start, d.repair) for d in spans if d.repaired)
    return dataclasses.replace(doc, text=text, damage=tuple(spans),
                               removals=doc.removals + edits)
