"""The rule tables of the boilerplate step, one module per rule class.

Each table is a tuple of :class:`Rule` records; :data:`DEFAULT_RULES` joins them in the order
the step tries them when more than one rule fits a line (cookie, caption, chrome, metadata).

>>> from cleanseed.boilerplate.rules import DEFAULT_RULES
>>> sorted({rule.rule_class for rule in DEFAULT_RULES})
['caption', 'chrome', 'cookie', 'metadata']
"""

from __future__ import annotations

from cleanseed.boilerplate.rules import (
    captions,
    chrome,
    cookies,
    metadata,
    posts,
    prompts,
    sections,
)
from cleanseed.boilerplate.rules.base import CLASSES, SCOPES, Rule, Scope, alternation, label_line

__all__ = [
    "CAPTION_RULES",
    "CHROME_RULES",
    "CLASSES",
    "COOKIE_RULES",
    "DEFAULT_RULES",
    "METADATA_RULES",
    "SCOPES",
    "Rule",
    "Scope",
    "alternation",
    "label_line",
]

COOKIE_RULES: tuple[Rule, ...] = cookies.RULES
CAPTION_RULES: tuple[Rule, ...] = captions.RULES
CHROME_RULES: tuple[Rule, ...] = (chrome.RULES + sections.RULES + posts.CHROME_RULES
                                  + prompts.RULES)
METADATA_RULES: tuple[Rule, ...] = metadata.RULES + posts.METADATA_RULES

#: Every built-in rule, in the order of precedence.
DEFAULT_RULES: tuple[Rule, ...] = COOKIE_RULES + CAPTION_RULES + CHROME_RULES + METADATA_RULES
