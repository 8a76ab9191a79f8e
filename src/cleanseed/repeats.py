"""Remove paragraphs a document repeats: exactly, with small edits, or as part of a pasted block.

Each non-blank line is a paragraph. The first occurrence always stays; what goes:

* ``repeat.exact``: a paragraph whose normalised key (case-folded, white space and punctuation
  folded) equals an earlier one's, and a line that repeats the line right before it.
* ``repeat.near``: a paragraph whose shingle set has Jaccard similarity >= ``threshold`` with an
  earlier paragraph that stayed. MinHash signatures banded into buckets find the candidates;
  each candidate is then checked with the exact Jaccard, so nothing goes on an estimate.
* ``repeat.block``: a short line (a sub-heading, "Q:", a title) that occurred earlier and sits
  inside a run of repeated paragraphs, in the same place relative to them as its first copy.

Short lines repeated on their own stay: a recipe's second "Method", a second "Yes." in a
dialogue, a chorus line that comes back after a verse. Table rows and lines of punctuation count
as short whatever their length: rows of a table look alike, and may repeat, by design. A line
repeated right after itself goes when it has at least ``min_consecutive_chars`` characters: on
web pages that is almost always a caption or a title rendered twice, and a lyric line sung twice
in a row loses its repeat, which a corpus can live with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, NamedTuple

import numpy as np

from cleanseed import _shingles
from cleanseed._text import Line, line_span, remove_spans
from cleanseed.document import Explained, Removal
from cleanseed.errors import ConfigError, check_text

__all__ = ["RULES", "RepeatsConfig", "dedup_paragraphs", "dedup_paragraphs_and_explain"]

STAGE = "repeats"

#: The rules of this step: stable id -> what it removes.
RULES = (
    ("repeat.exact", "a paragraph whose normalised text equals an earlier paragraph's"),
    ("repeat.near", "a paragraph with Jaccard similarity >= threshold to an earlier paragraph"),
    ("repeat.block", "a short line that repeats along with the block of paragraphs around it"),
)
EXACT, NEAR, BLOCK = (rule for rule, _ in RULES)

# A short line joins a repeated block when a repeated paragraph is at most this many lines away
# (only other repeated short lines in between) ...
_BLOCK_GAP = 3
# ... and its first copy sat at the same distance from that paragraph's first copy, give or
# take this many lines (a caption doubled in one copy and not the other shifts lines by one).
_BLOCK_SLACK = 2
# A paragraph is checked against at most this many earlier paragraphs that share a bucket.
_MAX_CHECKS = 32


@dataclass(frozen=True, kw_only=True)
class RepeatsConfig:
    """Options of :func:`dedup_paragraphs`. Lengths count characters of the normalised text.

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
    #: Shorter lines are removed only inside a repeated block or right after themselves.
    min_repeat_chars: int = 25
    #: Shorter lines are never near-matched: their shingle sets are too small to judge.
    min_near_chars: int = 40
    #: Shorter lines repeated right after themselves stay ("Yes." / "Yes.").
    min_consecutive_chars: int = 8
    #: Paragraphs whose numbers differ are distinct ("Step 1: ..." and "Step 2: ...").
    numbers_must_match: bool = True

    _minhasher: ClassVar[_shingles.MinHasher]  # set on each instance by __post_init__

    def __post_init__(self) -> None:
        _check_config(self)
        # Built once per config (datasketch draws the permutations from a seeded generator,
        # which is slow); not a field, so it stays out of repr, equality and asdict.
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
            "min_near_chars": config.char_shingle, "min_consecutive_chars": 1}
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


DEFAULT = RepeatsConfig()


class _Para(NamedTuple):
    """A non-blank line (its offset and text), its normalised key, and its weight: the length
    of the key, or 0 for a line that only gives structure (a table row, a rule of punctuation),
    which is always short."""

    start: int
    text: str
    key: str
    weight: int


def _paragraphs(text: str) -> list[_Para]:
    out = []
    start = 0
    for line, key in zip(text.split("\n"), _shingles.line_keys(text), strict=True):
        if key:
            # Rows of one table look alike and may repeat on purpose ("| n/a | n/a |").
            table = "\t" in line or line.count("|") >= 2
            out.append(_Para(start, line, key, 0 if table else len(key)))
        elif line and not line.isspace():
            # Punctuation only ("* * *"): compared as written.
            out.append(_Para(start, line, " ".join(line.split()), 0))
        start += len(line) + 1
    return out


class _Found(NamedTuple):
    """Why a paragraph goes: the rule, and the index of the paragraph it repeats."""

    rule: str
    source: int


def _long_repeats(paras: list[_Para], config: RepeatsConfig) -> dict[int, _Found]:
    """Exact and near repeats among paragraphs of at least ``min_repeat_chars``."""
    first: dict[str, int] = {}
    for i, para in enumerate(paras):
        if para.weight >= config.min_repeat_chars:
            first.setdefault(para.key, i)
    low = max(config.min_near_chars, config.min_repeat_chars)
    near = _near_sources(paras, [i for i in first.values() if paras[i].weight >= low], config)
    found = {}
    for i, para in enumerate(paras):
        head = first.get(para.key) if para.weight >= config.min_repeat_chars else None
        if head is None:
            continue
        if head in near:  # the whole class of an exact key goes with its first copy
            found[i] = _Found(NEAR, near[head])
        elif head != i:
            found[i] = _Found(EXACT, head)
    return found


def _buckets(keys: list[str], config: RepeatsConfig) -> list[tuple[int, ...]]:
    """Groups of *keys* (indices, ascending) whose MinHash signatures share a band."""
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=len(keys))
    # Near pairs have lengths within a factor of threshold, so every such pair is in one group:
    # both under limit / threshold (character shingles) or both at least limit (word shingles).
    limit = config.word_shingle_min_chars
    ways: list[tuple[_shingles.Mode, int, np.ndarray]] = [
        ("char", config.char_shingle, lengths < limit / config.threshold),
        ("word", config.word_shingle, lengths >= limit)]
    plan = [way for way in ways if way[2].sum() >= 2]
    if not plan:
        return []  # nothing to compare: skip the MinHash work entirely
    hashes, counts = _shingles.shingle_hashes(keys, plan)
    columns = np.flatnonzero(counts).tolist()
    if len(columns) < 2:
        return []
    hasher = config._minhasher
    sig = _shingles.signatures(hashes, counts, hasher.perms)
    out: list[tuple[int, ...]] = []
    for rows in _shingles.band_buckets(sig, hasher.rows):
        # A column is one key shingled one way; a bucket only counts within one way.
        by_plan: dict[int, list[int]] = {}
        for row in rows:
            entry, key = divmod(columns[row], len(keys))
            by_plan.setdefault(entry, []).append(key)
        out.extend(tuple(members) for members in by_plan.values() if len(members) > 1)
    return out


def _near_sources(paras: list[_Para], heads: list[int], config: RepeatsConfig) -> dict[int, int]:
    """Map each head that near-repeats an earlier head that stays to that earlier head.

    A head is checked against at most ``_MAX_CHECKS`` earlier heads that stay and share a
    bucket with it, the earliest first: this bounds the work on pages made of hundreds of
    look-alike lines, and keeps the step idempotent (only heads that stay are counted).
    """
    if len(heads) < 2:
        return {}
    keys = [paras[i].key for i in heads]
    buckets = _buckets(keys, config)
    member_of: dict[int, list[int]] = {}
    for b, members in enumerate(buckets):
        for i in members:
            member_of.setdefault(i, []).append(b)
    kept: list[list[int]] = [[] for _ in buckets]
    verify = _Verifier(keys, config)
    near: dict[int, int] = {}
    for i in sorted(member_of):
        earlier = sorted({j for b in member_of[i] for j in kept[b][:_MAX_CHECKS]})
        match = next((j for j in earlier[:_MAX_CHECKS] if verify(j, i)), None)
        if match is not None:
            near[i] = match
            continue
        for b in member_of[i]:
            kept[b].append(i)
    return {heads[i]: heads[j] for i, j in near.items()}


class _Verifier:
    """The exact test of a candidate pair; shingle sets are built once per key, when needed."""

    def __init__(self, keys: list[str], config: RepeatsConfig) -> None:
        self.keys = keys
        self.config = config
        self.sets: dict[tuple[int, str], set[str]] = {}

    def shingles(self, i: int, mode: _shingles.Mode) -> set[str]:
        if (i, mode) not in self.sets:
            size = self.config.char_shingle if mode == "char" else self.config.word_shingle
            self.sets[i, mode] = _shingles.shingle_set(self.keys[i], mode, size)
        return self.sets[i, mode]

    def __call__(self, j: int, i: int) -> bool:
        config = self.config
        a, b = self.keys[j], self.keys[i]
        if config.numbers_must_match and _shingles.numbers(a) != _shingles.numbers(b):
            return False
        cut = config.word_shingle_min_chars / config.threshold
        mode: _shingles.Mode = "char" if max(len(a), len(b)) < cut else "word"
        return _shingles.jaccard(self.shingles(j, mode), self.shingles(i, mode)) >= config.threshold


def _anchor(paras: list[_Para], found: dict[int, _Found], seen: set[int], i: int,
            step: int) -> int | None:
    """The nearest removed paragraph from *i* in direction *step*, across repeated short lines."""
    k = i + step
    while 0 <= k < len(paras) and abs(k - i) <= _BLOCK_GAP:
        if k in found:
            return k
        if k not in seen:
            return None
        k += step
    return None


def _block_members(paras: list[_Para], found: dict[int, _Found],
                   config: RepeatsConfig) -> dict[int, _Found]:
    """Short lines seen before that sit in a repeated block where their first copy sat."""
    where: dict[str, list[int]] = {}
    for i, para in enumerate(paras):
        where.setdefault(para.key, []).append(i)
    # Short lines that occurred earlier: the lines a block may carry along.
    seen = {i for idx in where.values() for i in idx[1:]
            if paras[i].weight < config.min_repeat_chars}
    block = {}
    for i in sorted(seen):
        for step in (-1, 1):
            k = _anchor(paras, found, seen, i, step)
            if k is None:
                continue
            offset, source = i - k, found[k].source
            for j in where[paras[i].key]:
                shift = j - source
                if j < i and (shift > 0) == (offset > 0) and abs(shift - offset) <= _BLOCK_SLACK:
                    block[i] = _Found(BLOCK, j)
                    break
            if i in block:
                break
    return block


def _consecutive(paras: list[_Para], found: dict[int, _Found],
                 config: RepeatsConfig) -> dict[int, _Found]:
    """Short lines equal to the line that stays right before them (a caption shown twice)."""
    out = {}
    previous = -1
    for i, para in enumerate(paras):
        if i in found:
            continue
        if (previous >= 0 and para.key == paras[previous].key
                and para.weight >= config.min_consecutive_chars):
            out[i] = _Found(EXACT, previous)
            continue
        previous = i
    return out


def _dedup(text: str, config: RepeatsConfig, record: list[Removal] | None) -> str:
    paras = _paragraphs(text)
    found = _long_repeats(paras, config)
    if found:
        found.update(_block_members(paras, found, config))
    found.update(_consecutive(paras, found, config))
    spans = [line_span(text, Line(paras[i].start, paras[i].text), f.rule)
             for i, f in found.items()]
    return remove_spans(text, spans, STAGE, record)


def _config(config: RepeatsConfig | None) -> RepeatsConfig:
    if config is None:
        return DEFAULT
    if not isinstance(config, RepeatsConfig):
        msg = f"config must be a RepeatsConfig, got {type(config).__name__}"
        raise ConfigError(msg)
    return config


def dedup_paragraphs(text: str, config: RepeatsConfig | None = None) -> str:
    """Remove paragraphs that repeat earlier ones, keeping the first occurrence.

    >>> dedup_paragraphs("Rain is expected in the north tonight.\\nSun in the south.\\n"
    ...                  "Rain is expected in the north tonight!")
    'Rain is expected in the north tonight.\\nSun in the south.'
    """
    return _dedup(check_text(text, "dedup_paragraphs"), _config(config), None)


def dedup_paragraphs_and_explain(text: str, config: RepeatsConfig | None = None) -> Explained:
    """Like :func:`dedup_paragraphs`, and list each removed line as a :class:`Removal`.

    >>> text = "Photo: the harbour at dawn\\nPhoto: the harbour at dawn"
    >>> [(r.rule, r.text, r.start) for r in dedup_paragraphs_and_explain(text).removals]
    [('repeat.exact', 'Photo: the harbour at dawn', 27)]
    """
    record: list[Removal] = []
    out = _dedup(check_text(text, "dedup_paragraphs_and_explain"), _config(config), record)
    return Explained(out, tuple(record))


dedup_paragraphs.and_explain = dedup_paragraphs_and_explain  # type: ignore[attr-defined]
