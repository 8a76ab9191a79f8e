"""The options of the repeats step, below both the step and its near-repeat search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from cleanseed import _validate
from cleanseed.repeats import _keys

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

    _minhasher: ClassVar[_keys.MinHasher]  # set on each instance by __post_init__

    def __post_init__(self) -> None:
        _check_config(self)
        # Built once per config; not a field, so it stays out of repr, equality and asdict.
        hasher = _keys.minhasher(self.num_perm, self.seed, self.threshold)
        object.__setattr__(self, "_minhasher", hasher)


def _check_config(config: RepeatsConfig) -> None:
    _validate.number("threshold", config.threshold, low=0.0, high=1.0, low_open=True)
    _validate.integer("seed", config.seed, low=0, high=(1 << 32) - 1)
    lows = {"num_perm": 2, "char_shingle": 1, "word_shingle": 1,
            "word_shingle_min_chars": 1, "min_repeat_chars": 0,
            "min_near_chars": config.char_shingle, "min_consecutive_chars": 1,
            "min_paragraph_words": 1, "long_words": 1, "always_words": 1, "template_copies": 2}
    for name, low in lows.items():
        _validate.integer(name, getattr(config, name), low=low)
    _validate.flag("numbers_must_match", config.numbers_must_match)
