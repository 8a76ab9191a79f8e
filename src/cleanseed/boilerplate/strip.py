"""Strip boilerplate: cookie banners, photo captions, page chrome and article metadata.

The rules are data (:mod:`cleanseed.boilerplate.rules`), compiled by
:mod:`cleanseed.boilerplate.ruleset`; this module applies them line by line, where a non-blank
line is a paragraph. One RE2 set holds every rule: one scan of a line finds every rule that
matches it. Where most texts match nothing, the set scans the whole text
first, and its lines only if anything matched. A line is then judged on its own
(:mod:`~cleanseed.boilerplate.line_rules`): whole-line rules remove it, and metadata glued to a
title is cut from its start or end while the title stays (:mod:`~cleanseed.boilerplate.glued`).
A few rules also look at the neighbours (:mod:`~cleanseed.boilerplate.neighbours`): a lone
button label ("Accept") goes only next to a line that went for a rule of its class. Then the
lines the rules leave are judged in context (:mod:`~cleanseed.boilerplate.context_spans`).
The options are :class:`~cleanseed.boilerplate.options.BoilerplateConfig`.

Matching runs on the UTF-8 bytes of the text, encoded once: RE2 works on bytes, and handing it
``str`` would encode the text again for every rule and translate every offset back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cleanseed import _validate
from cleanseed._mapping import accepts_rows
from cleanseed._text import Line, Lines, Span, line_span, lines_and_starts, remove_spans
from cleanseed.boilerplate.context_spans import context_spans
from cleanseed.boilerplate.glued import trim
from cleanseed.boilerplate.line_rules import RuleVerdict, candidates, rule_verdict
from cleanseed.boilerplate.neighbours import in_runs, near_anchors
from cleanseed.boilerplate.options import CONTEXT_ONLY, DEFAULT, BoilerplateConfig
from cleanseed.boilerplate.ruleset import Compiled, RuleSet
from cleanseed.document import Explained, Removal
from cleanseed.errors import check_text
from cleanseed.pipeline import explains

__all__ = [
    "CONTEXT_ONLY",
    "DEFAULT",
    "BoilerplateConfig",
    "RuleSet",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
    "strip_context",
    "strip_context_and_explain",
]

STAGE = "boilerplate"

# RE2 cannot encode lone surrogates; they are matched as U+FFFD, which keeps every offset.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _strip(text: str, config: BoilerplateConfig, record: list[Removal] | None) -> str:
    scan = text
    try:
        data = scan.encode()
    except UnicodeEncodeError:  # lone surrogates: rare, so only then pay for the substitution
        scan = _SURROGATE.sub("\ufffd", text)
        data = scan.encode()
    lines = lines_and_starts(scan)
    spans = _rule_spans(scan, lines, data, config)
    whys: dict[tuple[str, int], str] = {}
    if config.context:
        spans += context_spans(scan, lines, spans, None if record is None else whys)
    if not whys or record is None:
        return remove_spans(text, spans, STAGE, record)
    mine: list[Removal] = []
    out = remove_spans(text, spans, STAGE, mine)
    # a context removal carries its deciding signals (it ends where its line did)
    record.extend(replace(r, why=whys.get((r.rule, r.start + len(r.text)), "")) for r in mine)
    return out


def _rule_spans(scan: str, lines: Lines, data: bytes, config: BoilerplateConfig) -> list[Span]:
    """The spans the rules remove from *scan* (*lines*: its lines; *data*: its UTF-8)."""
    ruleset = config.ruleset
    if not ruleset.rules:  # the context step alone
        return []
    if ruleset.prescan_pays() and not ruleset.matches(data):
        ruleset.seen(matched=False)
        return []
    spans: list[Span] = []
    anchors: list[Span] = []
    pending: list[tuple[Line, Compiled]] = []
    in_run: list[tuple[Line, Compiled]] = []  # lines of rules that need a run of them
    matched = False
    known: dict[str, RuleVerdict] = {}  # a line the text repeats (a menu's item) is judged once
    for line, found in candidates(lines, data, ruleset):
        matched = True
        verdict = known.get(line.text)
        if verdict is None:
            verdict = known[line.text] = rule_verdict(line.text, found, config)
        whole, rules, near, ran = verdict
        if whole is not None:
            anchors.append(line_span(scan, line, whole))
        elif any(c.cuts for c in rules):
            spans.extend(trim(scan, line, rules, config))
        elif near is not None:
            pending.append((line, near))
        elif ran is not None:
            in_run.append((line, ran))
    ruleset.seen(matched)
    if pending and anchors:
        spans.extend(near_anchors(scan, lines, anchors, pending))
    if len(in_run) > 1:
        spans.extend(in_runs(scan, lines, anchors, in_run))
    return spans + anchors


@accepts_rows
def strip_boilerplate(text: str, config: BoilerplateConfig | None = None) -> str:
    """Remove cookie banners, photo captions, page chrome and glued metadata from *text*.

    >>> strip_boilerplate("Advertisement\\nThe bakery's cookies sold out.\\nShare this article")
    "The bakery's cookies sold out."
    >>> strip_boilerplate(" date 2026-03-04 The power of cooperation")
    'The power of cooperation'
    """
    return _strip(check_text(text, "strip_boilerplate"),
                  _validate.config(config, BoilerplateConfig, DEFAULT, "strip_boilerplate"), None)


@explains(strip_boilerplate)
def strip_boilerplate_and_explain(text: str, config: BoilerplateConfig | None = None) -> Explained:
    """Like :func:`strip_boilerplate`, and list each removal with the id of the rule behind it.

    >>> strip_boilerplate_and_explain("Photo: Reuters\\nMarkets rallied.").removals[0].rule
    'caption.label'
    """
    record: list[Removal] = []
    where = "strip_boilerplate_and_explain"
    out = _strip(check_text(text, where),
                 _validate.config(config, BoilerplateConfig, DEFAULT, where), record)
    return Explained(out, tuple(record))


def strip_context(text: str) -> str:
    """Judge the lines of *text* in context, with no rules: the context step of
    :func:`strip_boilerplate` alone.

    It is the default pipeline's last step, run only when the repeats step removed something
    (``after_change``): the lines that step removes were neighbours of the lines left, and a
    stretch judged with them may judge otherwise without them. Judging again makes ``clean``
    its own fixed point. It is a step of its own so that a pipeline of your own can do the same
    after a step of yours that removes lines.

    >>> print(strip_context("Home\\nNews\\nSport\\nWeather\\nTravel\\nFloods close the bridge\\n"
    ...                     "The river rose by two metres, and the bridge was closed."))
    Floods close the bridge
    The river rose by two metres, and the bridge was closed.
    """
    return _strip(check_text(text, "strip_context"), CONTEXT_ONLY, None)


@explains(strip_context)
def strip_context_and_explain(text: str) -> Explained:
    """Like :func:`strip_context`, and list each removal with its reason."""
    record: list[Removal] = []
    out = _strip(check_text(text, "strip_context_and_explain"), CONTEXT_ONLY, record)
    return Explained(out, tuple(record))
