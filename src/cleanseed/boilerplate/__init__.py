"""The boilerplate stage: banners, captions, chrome and glued metadata removed line by line.

:mod:`~cleanseed.boilerplate.strip` compiles the rules into RE2 sets and applies them;
:mod:`~cleanseed.boilerplate.rules` holds the rules themselves, as data.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules import Rule
from cleanseed.boilerplate.strip import (
    BoilerplateConfig,
    RuleSet,
    strip_boilerplate,
    strip_boilerplate_and_explain,
)

__all__ = [
    "BoilerplateConfig",
    "Rule",
    "RuleSet",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
]
