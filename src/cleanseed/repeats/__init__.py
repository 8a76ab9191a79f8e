"""The repeats stage: paragraphs a document repeats by accident removed, its own repeats kept.

:mod:`~cleanseed.repeats.paragraphs` holds the step and its rules; :mod:`~cleanseed.repeats._config`
its options; :mod:`~cleanseed.repeats._near` the near-repeat search; :mod:`~cleanseed.repeats._keys`
the paragraph keys and their shingles.
"""

from __future__ import annotations

from cleanseed.repeats._config import RepeatsConfig
from cleanseed.repeats.paragraphs import RULES, dedup_paragraphs, dedup_paragraphs_and_explain

__all__ = ["RULES", "RepeatsConfig", "dedup_paragraphs", "dedup_paragraphs_and_explain"]
