"""The options of the boilerplate step: :class:`BoilerplateConfig`, checked and compiled once,
and the two configurations the package runs by default (every rule, and the context step alone).
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from cleanseed import _validate
from cleanseed.boilerplate.rules import CLASSES, DEFAULT_RULES, Rule
from cleanseed.boilerplate.ruleset import RuleSet
from cleanseed.errors import ConfigError

__all__ = ["CONTEXT_ONLY", "DEFAULT", "BoilerplateConfig"]


def _frozen_ids(value: Iterable[str], name: str) -> frozenset[str]:
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        msg = f"{name} must be a collection of strings, got {value!r}"
        raise ConfigError(msg)
    return frozenset(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class BoilerplateConfig:
    """Options of :func:`strip_boilerplate`. The defaults run every built-in rule.

    >>> BoilerplateConfig(classes={"cookie", "chrome"}).classes == {"cookie", "chrome"}
    True
    """

    #: Rule classes to run: any of "cookie", "caption", "chrome", "metadata".
    classes: AbstractSet[str] = frozenset(CLASSES)
    #: A line longer than this is prose, not a banner: real consent banners are a few sentences.
    max_banner_chars: int = 1000
    #: Rules of your own, tried after the built-in ones; their ids must be new.
    extra_rules: tuple[Rule, ...] = ()
    #: Ids of built-in rules to switch off, e.g. {"metadata.byline"}.
    disabled_rules: AbstractSet[str] = frozenset()
    #: Judge the lines the rules leave in context (:mod:`cleanseed.boilerplate.context`): on a
    #: page's full text, short lines away from its prose go (menus, link lists, footers).
    #: Switch it off for text that is already the main content of a page.
    context: bool = True
    #: The active rules, compiled once when the configuration is made.
    ruleset: RuleSet = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        classes = _frozen_ids(self.classes, "classes")
        if not classes <= set(CLASSES):
            msg = f"unknown rule classes {sorted(classes - set(CLASSES))}; known: {CLASSES}"
            raise ConfigError(msg)
        _validate.integer("max_banner_chars", self.max_banner_chars, low=1)
        extra = tuple(self.extra_rules)
        if not all(isinstance(r, Rule) for r in extra):
            msg = "extra_rules must hold cleanseed.boilerplate.rules.Rule records"
            raise ConfigError(msg)
        _validate.flag("context", self.context)
        disabled = _frozen_ids(self.disabled_rules, "disabled_rules")
        known = {r.id for r in DEFAULT_RULES}
        ids = [r.id for r in extra]
        if len(set(ids)) != len(ids) or known & set(ids):
            msg = f"extra rule ids must be unique and new, got {ids}"
            raise ConfigError(msg)
        if not disabled <= known:
            msg = f"disabled_rules names unknown rules: {sorted(disabled - known)}"
            raise ConfigError(msg)
        object.__setattr__(self, "classes", classes)
        object.__setattr__(self, "extra_rules", extra)
        object.__setattr__(self, "disabled_rules", disabled)
        active = (r for r in (*DEFAULT_RULES, *extra)
                  if r.rule_class in classes and r.id not in disabled)
        object.__setattr__(self, "ruleset", RuleSet(active))


DEFAULT = BoilerplateConfig()


#: The context step alone, no rules: what the default pipeline runs again after the repeats
#: step when that step removed something.
CONTEXT_ONLY = BoilerplateConfig(classes=frozenset())
