"""The boilerplate stage: banners, captions, chrome and glued metadata removed line by line.

:mod:`~cleanseed.boilerplate.strip` applies the rules, compiled into RE2 sets
(:mod:`~cleanseed.boilerplate.ruleset`), with the options of
:mod:`~cleanseed.boilerplate.options`; :mod:`~cleanseed.boilerplate.rules` holds the rules
themselves, as data; :mod:`~cleanseed.boilerplate.context` judges the lines the rules leave by
their shape (:mod:`~cleanseed.boilerplate.lines`) and their neighbours.
"""

from __future__ import annotations

from cleanseed.boilerplate.context import LineVerdict, classify_lines
from cleanseed.boilerplate.lines import LineFeatures, features, guess_language, stop_words
from cleanseed.boilerplate.rules import Rule
from cleanseed.boilerplate.ruleset import RuleSet
from cleanseed.boilerplate.strip import (
    BoilerplateConfig,
    strip_boilerplate,
    strip_boilerplate_and_explain,
    strip_context,
    strip_context_and_explain,
)

__all__ = [
    "BoilerplateConfig",
    "LineFeatures",
    "LineVerdict",
    "Rule",
    "RuleSet",
    "classify_lines",
    "features",
    "guess_language",
    "stop_words",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
    "strip_context",
    "strip_context_and_explain",
]
