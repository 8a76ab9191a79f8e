"""Find the damage that cannot be undone: characters lost, or left broken, before the text
reached cleanseed.

Four kinds, each with its own evidence (see the modules named):

- ``lost.space``: a letter replaced by a space ("Ola K llenius") - :mod:`._space`;
- ``lost.question``: a letter replaced by "?" ("Fran?ois") - :mod:`._marks`;
- ``lost.replacement``: a letter replaced by U+FFFD ("Stra\\ufffde") - :mod:`._marks`;
- ``mojibake``: mojibake left unrepaired ("pi√π") - :mod:`._mojibake`.

The finder never changes the text: what it finds is evidence, reported as
:class:`~cleanseed.document.Damage` spans. Each names the intact word when the document itself
or a corpus :class:`~cleanseed.damage.vocabulary.Vocabulary` holds exactly one that fits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from cleanseed import _validate
from cleanseed.damage._evidence import choose
from cleanseed.damage._hits import Context, Hit
from cleanseed.damage._marks import QUESTION, REPLACEMENT, question_hits, replacement_hits
from cleanseed.damage._mojibake import KIND as MOJIBAKE
from cleanseed.damage._mojibake import mojibake_hits
from cleanseed.damage._space import KIND as SPACE
from cleanseed.damage._space import space_hits
from cleanseed.damage.lexicon import Lexicon, default_lexicon
from cleanseed.damage.vocabulary import Vocabulary
from cleanseed.document import Damage
from cleanseed.errors import ConfigError, check_text

__all__ = ["KINDS", "DamageConfig", "damage_counts", "find_damage"]

#: Every kind of damage the finder reports.
KINDS = frozenset({SPACE, QUESTION, REPLACEMENT, MOJIBAKE})


@dataclass(frozen=True, slots=True, kw_only=True)
class DamageConfig:
    """How sure the finder must be, and what a repair needs.

    >>> DamageConfig(min_confidence=0.8).min_confidence
    0.8
    """

    #: Spans found with less confidence are not reported. 0.5 lets through a lone capital
    #: before a fragment that is a word nowhere ("K llenius", 0.6), the weakest evidence kept.
    min_confidence: float = 0.5
    #: Sightings an intact word needs in a corpus vocabulary to serve as evidence; one in the
    #: same document is enough. Three keeps out a word misspelt once or twice.
    min_corpus_count: int = 3
    #: The kinds looked for.
    kinds: frozenset[str] = KINDS

    def __post_init__(self) -> None:
        _validate.number("min_confidence", self.min_confidence, low=0.0, high=1.0)
        _validate.integer("min_corpus_count", self.min_corpus_count, low=1)
        if not isinstance(self.kinds, (set, frozenset)):
            msg = f"kinds must be a set of kinds, got {self.kinds!r}"
            raise ConfigError(msg)
        unknown = set(self.kinds) - KINDS
        if unknown:
            msg = f"unknown damage kinds {sorted(unknown)}; known: {sorted(KINDS)}"
            raise ConfigError(msg)


_DEFAULT = DamageConfig()


def context(text: str, vocabulary: Vocabulary | None, lexicon: Lexicon | None) -> Context:
    """The context the rules read: the text, its own words, the corpus's, and the lexicon."""
    return Context(text, lexicon if lexicon is not None else default_lexicon(), vocabulary)


def find_hits(ctx: Context, config: DamageConfig) -> list[Hit]:
    """Every damaged word at or above the configured confidence, overlaps resolved, in order."""
    hits: list[Hit] = []
    if SPACE in config.kinds:
        hits += space_hits(ctx)
    if QUESTION in config.kinds:
        hits += question_hits(ctx)
    if REPLACEMENT in config.kinds:
        hits += replacement_hits(ctx)
    if MOJIBAKE in config.kinds:
        hits += mojibake_hits(ctx)
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.confidence, h.start)):
        if hit.confidence >= config.min_confidence and not any(
                hit.start < k.end and k.start < hit.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def find_damage(text: str, config: DamageConfig | None = None, *,
                vocabulary: Vocabulary | None = None,
                lexicon: Lexicon | None = None) -> tuple[Damage, ...]:
    """Return the spans of *text* where a character was lost or left broken; never change it.

    *vocabulary* holds a corpus's intact words: it confirms damage and names the intact word
    (the text's own words always do). *lexicon* defaults to wordfreq's lists, loaded on the
    first call.

    >>> [(d.kind, d.text) for d in find_damage("Fran?ois and Stra\\ufffde")]
    [('lost.question', 'Fran?ois'), ('lost.replacement', 'Stra\\ufffde')]
    """
    text = check_text(text, "find_damage")
    config = _validate.config(config, DamageConfig, _DEFAULT, "find_damage")
    ctx = context(text, vocabulary, lexicon)
    found = []
    for hit in find_hits(ctx, config):
        repair = choose(ctx, hit, config.min_corpus_count)
        found.append(Damage(hit.kind, hit.start, text[hit.start:hit.end],
                            round(hit.confidence, 2), repair.word if repair else "",
                            repair.evidence if repair else ""))
    return tuple(found)


def damage_counts(spans: Iterable[Damage]) -> dict[str, int]:
    """Count *spans* by kind, for a document's summary.

    >>> damage_counts(find_damage("Fran?ois, Fran?oise"))
    {'lost.question': 2}
    """
    return dict(sorted(Counter(d.kind for d in spans).items()))
