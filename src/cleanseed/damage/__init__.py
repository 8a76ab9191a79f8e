"""Damage that cannot be undone: found, shown, and repaired only from evidence in the corpus.

A letter lost before the text reached us ("Ola K llenius", "Fran?ois", "Stra\\ufffde", "pi√π")
cannot be put back by the encoding step: the bytes are gone. This stage finds such spans
(:func:`find_damage`), marks them on documents (:func:`mark_damage`), and, when asked, restores
a word where the document or the corpus (:class:`Vocabulary`) holds exactly one intact word
that fits (:func:`repair_damage`).
"""

from cleanseed.damage.finder import KINDS, DamageConfig, damage_counts, find_damage
from cleanseed.damage.lexicon import Lexicon, default_lexicon
from cleanseed.damage.repair import mark_damage, repair_damage, repair_damage_and_explain
from cleanseed.damage.vocabulary import Seen, Vocabulary

__all__ = [
    "KINDS",
    "DamageConfig",
    "Lexicon",
    "Seen",
    "Vocabulary",
    "damage_counts",
    "default_lexicon",
    "find_damage",
    "mark_damage",
    "repair_damage",
    "repair_damage_and_explain",
]
