"""The options of the repeats step, below both the step and its near-repeat search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from cleanseed.errors import ConfigError
from cleanseed.repeats import _keys as _shingles

__all__ = ["RepeatsConfig"]


@dataclass(frozen=True, kw_only=True)
class RepeatsConfig:
    """Options of :func:`dedup_paragraphs`. Lengths in characters count the normalised text;
    words count a character of a script written without spaces (Chinese, Thai...) as a word.

    >>> RepeatsConfig(threshold=0.9).threshold
    0.9
    """

    #: Jaccard similarity of shingle sets from which a paragraph counts as a near-repeat.
    threshold: float = 0.8
    #: MinHash permutations. Candidates are verified exactly, so a small signature does: 32
    #: permutations in 10 bands of 3 rows find 99.9% of pairs at Jaccard 0.8, more above it.
    num_perm: int = 32
    #: Seed of the MinHash permutations; fixed so results are the same in every process.
    seed: int = 1
    #: Characters per shingle for paragraphs shorter than ``word_shingle_min_chars``: a one-word
    #: edit changes few of them, and they work for Chinese and Japanese, written without spaces.
    char_shingle: int = 5
    #: Words per shingle for long paragraphs, where character shingles would cost too much.
    word_shingle: int = 3
    #: From this length on, paragraphs are compared by word shingles.
    word_shingle_min_chars: int = 300
    #: Shorter lines only go with a block or right after themselves, and are reported as
    #: ``repeat.block``; a block pasted right after itself needs one line this long to go.
    min_repeat_chars: int = 25
    #: Shorter lines are never near-matched: their shingle sets are too small to judge.
    min_near_chars: int = 40
    #: Shorter lines repeated right after themselves stay ("Yes." / "Yes.").
    min_consecutive_chars: int = 8
    #: Running text shorter than this may repeat on purpose ("Vote for Anna on the last page!").
    min_paragraph_words: int = 10
    #: From this many words a line counts as running text even without a sentence's end.
    long_words: int = 40
    #: A copy this long goes whatever its shape or number of copies.
    always_words: int = 50
    #: Running text found this often, each time in other context, is a template and stays.
    template_copies: int = 3
    #: Paragraphs whose numbers differ are distinct ("Step 1: ..." and "Step 2: ...").
    numbers_must_match: bool = True

    _minhasher: ClassVar[_shingles.MinHasher]  # set on each instance by __post_init__

    def __post_init__(self) -> None:
        _check_config(self)
        # Built once per config; not a field, so it stays out of repr, equality and asdict.
        hasher = _shingles.minhasher(self.num_perm, self.seed, self.threshold)
        object.__setattr__(self, "_minhasher", hasher)


def _check_config(config: RepeatsConfig) -> None:
    threshold = config.threshold
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        msg = f"threshold must be a number, got {type(threshold).__name__}"
        raise ConfigError(msg)
    if not 0.0 < threshold <= 1.0:
        msg = f"threshold must be in (0, 1], got {threshold!r}"
        raise ConfigError(msg)
    lows = {"num_perm": 2, "seed": 0, "char_shingle": 1, "word_shingle": 1,
            "word_shingle_min_chars": 1, "min_repeat_chars": 0,
            "min_near_chars": config.char_shingle, "min_consecutive_chars": 1,
            "min_paragraph_words": 1, "long_words": 1, "always_words": 1, "template_copies": 2}
    for name, low in lows.items():
        value = getattr(config, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            msg = f"{name} must be an int >= {low}, got {value!r}"
            raise ConfigError(msg)
    if not isinstance(config.numbers_must_match, bool):
        msg = f"numbers_must_match must be a bool, got {config.numbers_must_match!r}"
        raise ConfigError(msg)
    if config.seed >= 1 << 32:
        msg = f"seed must be below 2**32, got {config.seed}"
        raise ConfigError(msg)
