"""Strip boilerplate: cookie banners, photo captions, page chrome and article metadata.

The rules are data (:mod:`cleanseed.boilerplate.rules`), compiled by
:mod:`cleanseed.boilerplate.ruleset`; this module applies them line by line, where a non-blank
line is a paragraph. One RE2 set holds every rule: one scan of a line finds every rule that
matches it. Where most texts match nothing, the set scans the whole text
first, and its lines only if anything matched. A line is then judged on its own: whole-line rules
remove it, and metadata glued to a title is cut from its start or end while the title stays. A few
rules also look at the neighbours: a lone button label ("Accept") goes only next to a line that went
for a rule of its class.

Matching runs on the UTF-8 bytes of the text, encoded once: RE2 works on bytes, and handing it
``str`` would encode the text again for every rule and translate every offset back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from itertools import compress, count, pairwise
from operator import ne

from cleanseed import _validate
from cleanseed._mapping import accepts_rows
from cleanseed._text import Line, Lines, Span, line_span, lines_and_starts, remove_spans
from cleanseed.boilerplate.code import code_line
from cleanseed.boilerplate.context import judge, taken_lines
from cleanseed.boilerplate.lines import features, stop_words
from cleanseed.boilerplate.rules import CLASSES, DEFAULT_RULES, Rule
from cleanseed.boilerplate.ruleset import Compiled, RuleSet
from cleanseed.boilerplate.weights import RULE_RUN
from cleanseed.document import Explained, Removal
from cleanseed.errors import ConfigError, check_text
from cleanseed.pipeline import explains

__all__ = [
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

# Glued metadata is looked for within this many characters of either end of what is left of a
# line, so a line of a million glued stamps costs linear time, not quadratic.
_WINDOW = 256

# The context step needs a page: a text of fewer non-blank lines is left to the rules.
MIN_CONTEXT_LINES = 4
# A line removed by a rule of these classes is one an article holds too (a caption, a
# dateline): the context step does not take it for a sign that the lines around it are chrome.
_ARTICLE_CLASSES = frozenset(("caption", "metadata"))
# The rules that take a stamp of time alone ("March 4, 2026", "2H ago"), which a list of
# teasers prints with each teaser (context.teaser_list); a stamp that names its author is a
# post's or a comment's.
_STAMPS = frozenset(("metadata.date", "metadata.ago"))
# The classes whose rules name what they remove outright (a cookie banner says what it is): they
# take a line even when it is shaped as code or as a row of a table set in columns, which the
# other rules leave (see cleanseed.boilerplate.code).
_OUTRIGHT = frozenset(("cookie",))


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


def _candidates(lines: Lines, data: bytes, ruleset: RuleSet,
                ) -> list[tuple[Line, list[Compiled]]]:
    """Return every line of *lines* that some rule matches, with those rules in table order
    (*data*: the text's UTF-8).

    Each line that is not blank is matched against the set on its own: one call per line finds
    every rule of the line at once, where searching the text rule by rule costs a call per rule
    and hit. Matching a block of lines first, to skip its lines when it has no match, does not
    pay: the set's automaton meets far more states on a block than on single lines, and a
    block with a match costs its lines' calls as well.
    """
    raws = data.split(b"\n")
    numbers = list(compress(range(len(raws)), map(bytes.strip, raws)))  # the non-blank lines
    found = ruleset.hits([raws[i] for i in numbers])
    # "\n" is one byte in UTF-8 and no other character's encoding holds it, so the lines of
    # the text and of its bytes pair up
    texts, starts = lines
    out = []
    for k, rules in found:
        i = numbers[k]
        out.append((Line(starts[i], texts[i]), rules))
    return out


def _first(body: str, rules: Iterable[Compiled], config: BoilerplateConfig, *,
           near: bool = False, run: bool = False) -> Compiled | None:
    """Return the first whole-line rule that accepts *body*: among the rules that need a
    neighbour if *near*, that need a run of lines if *run*, among the others if neither."""
    found: frozenset[int] | None = None  # the line's companions, looked for once if needed
    size = len(body)
    for compiled in rules:
        if not (compiled.beside if near else compiled.in_run if run else compiled.whole) \
                or not compiled.fits(size, config.max_banner_chars):
            continue
        if compiled.need or compiled.veto:  # the companions must have all it needs, no veto
            if found is None:
                found = config.ruleset.companions(body)
            if not (compiled.need <= found and found.isdisjoint(compiled.veto)):
                continue
        return compiled
    return None


def _whole_line(body: str, rules: Iterable[Compiled], config: BoilerplateConfig) -> str | None:
    """Return the id of the first whole-line rule (not one needing a neighbour) that accepts
    *body*, if any."""
    compiled = _first(body, rules, config)
    return None if compiled is None else compiled.rule.id


def _sweep(items: Iterable[tuple[int, str, int | None]]) -> set[int]:
    """Walk *items* (ordinal, class, distance or None for an anchor) in the given order; return
    the ordinals of the candidates within their distance of the last anchor or accepted line
    of their class."""
    last: dict[str, int] = {}
    accepted = set()
    for ordinal, cls, distance in items:
        if distance is not None:
            if cls not in last or abs(ordinal - last[cls]) > distance:
                continue
            accepted.add(ordinal)
        last[cls] = ordinal
    return accepted


def _ordinals(lines: Lines) -> dict[int, int]:
    """The number of each non-blank line of a text (its *lines*) among them, by where it
    starts."""
    raws, starts = lines
    return dict(zip(compress(starts, map(str.strip, raws)), count()))


def _near(scan: str, lines: Lines, anchors: list[Span], pending: list[tuple[Line, Compiled]],
          ) -> list[Span]:
    """Return spans for the *pending* lines (matched by rules that need a neighbour) that a
    chain of lines ties to an *anchor*: a line removed whole by a rule of the same class."""
    ordinal = _ordinals(lines)
    items = sorted([(ordinal[a.start], a.rule.partition(".")[0], None) for a in anchors]
                   + [(ordinal[line.start], c.rule.rule_class, c.rule.near) for line, c in pending])
    keep = _sweep(items) | _sweep(reversed(items))
    return [line_span(scan, line, c.rule.id) for line, c in pending if ordinal[line.start] in keep]


def _in_runs(scan: str, lines: Lines, anchors: list[Span], pending: list[tuple[Line, Compiled]],
             ) -> list[Span]:
    """Return spans for the *pending* lines (matched by rules that need a run) that stand in
    a run of their rule's ``run`` lines or more, one right after the other; a line removed
    whole by a rule of the rule's class (an *anchor*) may stand between them."""
    ordinal = _ordinals(lines)
    classes: dict[int, set[str]] = {}
    for span in anchors:
        if (k := ordinal.get(span.start)) is not None:
            classes.setdefault(k, set()).add(span.rule.partition(".")[0])
    runs: list[list[tuple[Line, Compiled]]] = []
    last = -1
    for line, compiled in pending:
        k = ordinal[line.start]
        rule = compiled.rule
        # it goes on the run when the lines between it and the run's last are its class's
        if runs and runs[-1][0][1].rule is rule and all(
                rule.rule_class in classes.get(j, ()) for j in range(last + 1, k)):
            runs[-1].append((line, compiled))
        else:
            runs.append([(line, compiled)])
        last = k
    return [line_span(scan, line, c.rule.id) for run in runs
            if len(run) >= (run[0][1].rule.run or 0) for line, c in run]


def _matching(data: bytes, ruleset: RuleSet,
              known: dict[bytes, list[Compiled]]) -> list[Compiled]:
    """:meth:`RuleSet.matching` of *data*, looked up in *known* if that text was scanned before."""
    if data not in known:
        known[data] = ruleset.matching(data)
    return known[data]


def _cut_once(line: str, start: int, end: int, prefix: bool, ruleset: RuleSet,
              known: dict[bytes, list[Compiled]]) -> Span | None:
    """Cut one prefix (or suffix) from ``line[start:end]``; return its span within the line.
    *known* maps the text scanned so far to the rules matching it (see :func:`_matching`)."""
    base = start if prefix else max(start, end - _WINDOW)
    rest = line[base:min(end, start + _WINDOW) if prefix else end].encode()
    scope = "prefix" if prefix else "suffix"
    for compiled in _matching(rest, ruleset, known):
        match = compiled.regex.search(rest) if compiled.rule.scope == scope else None
        if match is None:
            continue
        # a pattern may mark the text to keep in some of its branches only
        kept = compiled.keep is not None and match.start(compiled.keep) >= 0
        if prefix:
            at = match.start(compiled.keep) if kept else match.end()
        else:
            at = match.end(compiled.keep) if kept else match.start()
        cut = base + len(rest[:at].decode())  # RE2 cuts UTF-8 at character boundaries
        span = Span(start, cut, compiled.rule.id) if prefix else Span(cut, end, compiled.rule.id)
        if span.end > span.start and line[span.start:span.end].strip():
            return span
    return None


def _trim(scan: str, line: Line, rules: list[Compiled], config: BoilerplateConfig) -> list[Span]:
    """Cut glued metadata from both ends of a line until none is left; drop the line if only
    metadata (or a line that a whole-line rule takes) remains. *rules* match the line."""
    text = scan[line.start:line.end]
    ruleset = config.ruleset
    # Each piece of the line is scanned once, for all the rules at once: the whole line was
    # already; while what is left is short, it is the window at both ends; and the piece left
    # at the end is judged as a line.
    known = {text.encode(): rules}
    start, end, cuts = 0, len(text), []
    while True:
        span = _cut_once(text, start, end, True, ruleset, known) or _cut_once(
            text, start, end, False, ruleset, known)
        if span is None:
            break
        cuts.append(span)
        start, end = (span.end, end) if span.start == start else (start, span.start)
    if not cuts:
        return []
    core = text[start:end]
    whole = _whole_line(core.strip(), _matching(core.encode(), ruleset, known), config)
    if whole is not None or not any(ch.isalnum() for ch in core):
        return [line_span(scan, line, whole or cuts[0].rule)]
    return [Span(line.start + s.start, line.start + s.end, s.rule) for s in cuts]


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
        spans += _context_spans(scan, lines, spans, None if record is None else whys)
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
    known: dict[str, _Verdict] = {}  # a line the text repeats (a menu's item) is judged once
    for line, found in _candidates(lines, data, ruleset):
        matched = True
        verdict = known.get(line.text)
        if verdict is None:
            verdict = known[line.text] = _verdict(line.text, found, config)
        whole, rules, near, ran = verdict
        if whole is not None:
            anchors.append(line_span(scan, line, whole))
        elif any(c.cuts for c in rules):
            spans.extend(_trim(scan, line, rules, config))
        elif near is not None:
            pending.append((line, near))
        elif ran is not None:
            in_run.append((line, ran))
    ruleset.seen(matched)
    if pending and anchors:
        spans.extend(_near(scan, lines, anchors, pending))
    if len(in_run) > 1:
        spans.extend(_in_runs(scan, lines, anchors, in_run))
    return spans + anchors


# What the rules make of a line: the whole-line rule that takes it, the rules that apply to it
# (which may cut it), the rule that takes it next to a neighbour, and the one that takes it in a
# run of such lines.
_Verdict = tuple["str | None", list[Compiled], "Compiled | None", "Compiled | None"]


def _verdict(text: str, rules: list[Compiled], config: BoilerplateConfig) -> _Verdict:
    """What the *rules* that match the line *text* make of it (:data:`_Verdict`); on a line of
    code, only the rules of the classes that take any line apply."""
    body = text.strip()
    if not body:
        return None, [], None, None
    if code_line(text):
        rules = [c for c in rules if c.rule.rule_class in _OUTRIGHT]
    whole = _whole_line(body, rules, config)
    if whole is not None or any(c.cuts for c in rules):
        return whole, rules, None, None
    near = _first(body, rules, config, near=True)
    if near is not None:
        return None, rules, near, None
    return None, rules, None, _first(body, rules, config, run=True)


def _context_spans(scan: str, lines: Lines, spans: list[Span],
                   whys: dict[tuple[str, int], str] | None) -> list[Span]:
    """Spans for the lines of *scan* that the context step takes, beside the rules' *spans*.
    A line the rules cut is judged by what is left of it, as stripping again would see it.

    With *whys*, a span a line, and the deciding signals of each put in *whys* under its rule
    and its end (for explain); without, the lines taken one after the other are one span,
    under one rule (for the plain step, where no removal is recorded: it saves a span a line).
    """
    raws, starts = lines
    numbers = list(compress(count(), map(str.strip, raws)))  # the non-blank lines
    if len(numbers) < MIN_CONTEXT_LINES:
        return []
    texts = list(map(raws.__getitem__, numbers))
    removed = [False] * len(numbers)
    quiet = [False] * len(numbers)  # removed by a rule of a class that articles hold
    stamps = [False] * len(numbers)  # removed as a stamp (a date, "2H ago")
    if spans:  # what the rules left of each line they touched
        by_line: dict[int, list[Span]] = {}
        for span in sorted(spans):  # each in the line it starts in
            k = bisect_right(numbers, bisect_right(starts, span.start) - 1) - 1
            by_line.setdefault(k, []).append(span)
        for k, cuts in by_line.items():
            start = starts[numbers[k]]
            end = start + len(texts[k])
            if cuts[0].start <= start and cuts[0].end >= end:  # most go whole
                texts[k], removed[k] = "", True
            else:
                texts[k] = _rest(scan, start, end, cuts)
                removed[k] = not texts[k].strip()
            quiet[k] = removed[k] and cuts[0].rule.partition(".")[0] in _ARTICLE_CLASSES
            stamps[k] = removed[k] and cuts[0].rule in _STAMPS
    if whys is None:
        return _runs_of(taken_lines(texts, removed, quiet=quiet, stamps=stamps), numbers,
                        starts, len(scan))
    taken = judge(texts, removed, quiet=quiet, stamps=stamps)
    if taken:
        out = []
        for k, t in sorted(taken.items()):
            span = line_span(scan, Line(starts[numbers[k]], raws[numbers[k]]), t.rule)
            whys[t.rule, span.end] = t.why(features(texts[k], stop_words(t.stretch.lang)))
            out.append(span)
        return out
    return []


def _rest(scan: str, start: int, end: int, cuts: list[Span]) -> str:
    """What is left of ``scan[start:end]`` without the spans *cuts* (sorted) that start in it."""
    rest, j = [], start
    for span in cuts:
        rest.append(scan[j:max(j, span.start)])
        j = max(j, span.end)
    rest.append(scan[j:end])
    return "".join(rest)


def _runs_of(taken: list[int], numbers: list[int], starts: list[int], size: int) -> list[Span]:
    """One span for each run of the lines *taken* (their numbers among the non-blank lines,
    in order) that follow one another in the text (*numbers*: the non-blank lines' numbers
    among all the lines, which start at *starts*; *size*: the text's length)."""
    if not taken:
        return []
    lines = list(map(numbers.__getitem__, taken))
    # runs of lines one after the other: where a line does not follow the one before
    firsts = [0, *compress(count(1), map(ne, lines[1:], map((1).__add__, lines))), len(lines)]
    return [Span(starts[lines[a]], min(starts[lines[b - 1] + 1], size), RULE_RUN)
            for a, b in pairwise(firsts)]


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


#: The context step alone, no rules: what the default pipeline runs again after the repeats
#: step when that step removed something.
CONTEXT_ONLY = BoilerplateConfig(classes=frozenset())


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
