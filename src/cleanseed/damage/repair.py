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
from cleanseed.damage._evidence import choose
from cleanseed.damage.finder import DamageConfig, context, find_damage, find_hits
from cleanseed.damage.lexicon import Lexicon
from cleanseed.damage.vocabulary import Vocabulary
from cleanseed.document import Damage, Document, Explained, Removal
from cleanseed.errors import check_text
from cleanseed.pipeline import explains

__all__ = ["STAGE", "mark_damage", "repair_damage", "repair_damage_and_explain"]

STAGE = "damage"

_DEFAULT = DamageConfig()


def _repair(text: str, config: DamageConfig, vocabulary: Vocabulary | None,
            lexicon: Lexicon | None, record: list[Damage] | None) -> str:
    ctx = context(text, vocabulary, lexicon)
    pieces: list[str] = []
    pos = 0
    for hit in find_hits(ctx, config):
        found = choose(ctx, hit, config.min_corpus_count)
        if record is not None:
            record.append(Damage(hit.kind, hit.start, text[hit.start:hit.end],
                                 round(hit.confidence, 2), found.word if found else "",
                                 found.evidence if found else "", found is not None))
        if found is None:
            continue
        pieces += [text[pos:hit.start], found.word]
        pos = hit.end
    pieces.append(text[pos:])
    return "".join(pieces)


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
