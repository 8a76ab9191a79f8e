"""What the command line shows people: the counts of a ``cleanseed clean`` run (:class:`Tally`)
and its end-of-run summary, and the removals ``cleanseed explain`` prints in context, coloured
when the output is a terminal.

:mod:`cleanseed.cli.clean` parses the options, reads, runs and writes; this module only turns counts
and removals into lines of text, so the wording can change without touching how a run goes.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, cast

from cleanseed._text import iter_lines
from cleanseed.cli._config_args import configured
from cleanseed.cli._limits import LimitExceeded, Limits, apply_size_cap, call_with_budget
from cleanseed.cli._pages import Payload
from cleanseed.damage import find_damage
from cleanseed.default import DEFAULT_PIPELINE
from cleanseed.document import Damage, Removal
from cleanseed.errors import CleanseedError
from cleanseed.pipeline import Pipeline

if TYPE_CHECKING:
    from cleanseed.config import CleanConfig

__all__ = ["Paint", "Tally", "damage_lines", "explain_document", "render", "skipped_line",
           "summary"]


class Tally:
    """Counts of a run: every document read is out, removed or skipped, and why."""

    #: how many left-out documents the summary names; the report names them all
    SHOWN = 5

    def __init__(self) -> None:
        self.read = self.out = self.removed = self.skipped = self.truncated = self.kept = 0
        self.rules: dict[tuple[str, str], list[int]] = {}
        self.listed: list[str] = []
        self.notes = 0
        #: records that hold no document (a WARC's request records), skipped, by reason
        self.passed: dict[str, int] = {}
        self.damage: dict[str, int] = {}  # damaged spans left as they are, by kind
        self.damaged_documents = self.repaired = 0

    def note(self, where: str, outcome: str, reason: str) -> None:
        self.notes += 1
        if len(self.listed) < self.SHOWN:
            self.listed.append(f"{outcome} {where}: {reason}")

    def removals(self, found: Iterable[Removal]) -> None:
        for r in found:
            entry = self.rules.setdefault((r.stage, r.rule), [0, 0])
            entry[0] += 1
            entry[1] += len(r.text)

    def pass_over(self, reason: str) -> None:
        """Count a record that holds no document: skipped, counted by reason, not listed."""
        self.skipped += 1
        self.passed[reason] = self.passed.get(reason, 0) + 1

    def damaged(self, spans: Iterable[Damage]) -> None:
        left = [d for d in spans if not d.repaired]
        self.repaired += sum(d.repaired for d in spans)
        self.damaged_documents += bool(left)
        for d in left:
            self.damage[d.kind] = self.damage.get(d.kind, 0) + 1

    def balanced(self) -> bool:
        return self.read == self.out + self.removed + self.skipped


def summary(tally: Tally, *, report: str | None, rows: int = 12, damaged: str = "flag") -> str:
    """Return the end-of-run summary: the balance, the removals by rule, what was left out,
    and the damaged documents."""
    lines = [f"cleanseed: in {tally.read:,} = out {tally.out:,} + removed {tally.removed:,}"
             f" + skipped {tally.skipped:,}"]
    if tally.kept:
        lines.append(f"  out includes {tally.kept:,} emptied documents kept by --keep-empty")
    if tally.truncated:
        lines.append(f"  {tally.truncated:,} documents truncated at the size cap")
    if tally.passed:
        kinds = ", ".join(f"{why}: {n:,}" for why, n in sorted(tally.passed.items(),
                                                             key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"  skipped {sum(tally.passed.values()):,} records that hold no document: "
                     f"{kinds}")
    lines += damage_summary(tally.damage, tally.damaged_documents, tally.repaired, damaged)
    ranked = sorted(tally.rules.items(), key=lambda kv: (-kv[1][1], kv[0]))
    if ranked:
        lines.append(f"  {'removed by rule':<34}{'stage':<12}{'pieces':>10}{'chars':>14}")
    for (stage, rule), (count, chars) in ranked[:rows]:
        lines.append(f"  {rule:<34}{stage:<12}{count:>10,}{chars:>14,}")
    if len(ranked) > rows:
        lines.append(f"  ... and {len(ranked) - rows} more rules")
    lines.extend(f"  {entry}" for entry in tally.listed)
    if tally.notes > len(tally.listed):
        more = f"see {report}" if report else "--report FILE lists them all"
        lines.append(f"  ... and {tally.notes - len(tally.listed):,} more ({more})")
    return "\n".join(lines) + "\n"


class Paint:
    """ANSI colours, or none (when the output is not a terminal)."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text

    def red(self, text: str) -> str:
        return self._wrap("31", text)

    def green(self, text: str) -> str:
        return self._wrap("32", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def yellow(self, text: str) -> str:
        return self._wrap("33", text)


def _clip(text: str, width: int = 240) -> str:
    return text if len(text) <= width else f"{text[:width]}... (+{len(text) - width:,} chars)"


def _removal_lines(r: Removal, paint: Paint) -> Iterator[str]:
    label = f"[{r.rule}]"
    body = r.text.rstrip("\n").split("\n") if r.text.strip() else [repr(r.text)]
    yield paint.red(f"- {label} {_clip(body[0])}")
    for rest in body[1:]:
        yield paint.red(f"- {' ' * len(label)} {_clip(rest)}")
    if r.replacement:
        yield paint.green(f"+ {label} {_clip(r.replacement)}")
    if r.why:  # the deciding signals, where the rule id alone does not tell them
        yield paint.dim(f"  {' ' * len(label)} why: {r.why}")


def _kept(line_start: int, line: str, covering: list[Removal]) -> str:
    """The part of a line no removal took, with the replacements of edits put in."""
    pieces, pos = [], line_start
    for r in sorted(covering, key=lambda r: r.start):
        if r.start > pos:
            pieces.append(line[pos - line_start : r.start - line_start])
        if r.start >= line_start:
            pieces.append(r.replacement)
        pos = max(pos, r.start + len(r.text))
    pieces.append(line[max(pos - line_start, 0):])
    return "".join(pieces)


def render(base: str | None, removals: Sequence[Removal], paint: Paint,
           context: int = 1) -> Iterator[str]:
    """Yield a readable diff: each removal as ``- [rule] text`` among the kept lines around it.

    Removals whose offsets do not point into *base* are listed without context.

    >>> ad = Removal("boilerplate", "chrome.ad", "Advertisement\\n", 5)
    >>> list(render("keep\\nAdvertisement\\nkeep too", [ad], Paint(False)))
    ['  keep', '- [chrome.ad] Advertisement', '  keep too']
    """
    if base is None or not all(base.startswith(r.text, r.start) for r in removals):
        for r in removals:
            yield from _removal_lines(r, paint)
        return
    lines = list(iter_lines(base))
    starts = [line.start for line in lines]
    first: dict[int, list[Removal]] = {}
    covering: dict[int, list[Removal]] = {}
    for r in sorted(removals, key=lambda r: r.start):
        low = bisect.bisect_right(starts, r.start) - 1
        high = bisect.bisect_right(starts, r.start + max(len(r.text) - 1, 0)) - 1
        first.setdefault(low, []).append(r)
        for i in range(low, high + 1):
            covering.setdefault(i, []).append(r)
    shown = sorted({j for i in covering for j in range(i - context, i + context + 1)
                    if 0 <= j < len(lines)})
    for n, i in enumerate(shown):
        if n and i != shown[n - 1] + 1:
            yield paint.dim("  ...")
        for r in first.get(i, ()):
            yield from _removal_lines(r, paint)
        kept = _kept(lines[i].start, lines[i].text, covering[i]) if i in covering else lines[i].text
        if i not in covering or kept.strip():
            yield f"  {_clip(kept)}"


Section = tuple[str | None, tuple[Removal, ...]]


def _stepwise(text: str, pipeline: Pipeline = DEFAULT_PIPELINE) -> tuple[list[Section], str]:
    """Run the steps one by one, keeping each step's input to show its removals in."""
    sections: list[Section] = []
    for given, (out, removals) in pipeline.explain_steps(text):
        if removals:
            sections.append((given, removals))
        text = out
    return sections, text


def html_stepwise(html: str | bytes, config: CleanConfig | None = None,
                  charset: str | None = None) -> tuple[list[Section], str]:
    """The HTML stage's removals (they have no offset: listed without context), then the rest.

    With another library's extractor (named in *config*), only the text steps' removals show.
    """
    from cleanseed.html import html_to_text_and_explain
    from cleanseed.html.decode import decode_html

    if isinstance(html, bytes):
        html = decode_html(html, charset)
    extractor = None if config is None else config.extractor_function()
    removals: tuple[Removal, ...] = ()
    if extractor is not None:
        text = extractor(html)
    else:
        text, removals = html_to_text_and_explain(html, None if config is None else config.html)
    sections, out = stepwise(text, config)
    return ([(None, removals)] if removals else []) + sections, out


def stepwise(text: str, config: CleanConfig | None = None) -> tuple[list[Section], str]:
    """The text steps *config* names (the default ones for ``None``), run one by one."""
    return _stepwise(text, DEFAULT_PIPELINE if config is None else config.pipeline)


def section_lines(sections: list[Section], paint: Paint, context: int) -> Iterator[str]:
    """Each step's removals under a ``-- stage`` line, in context where they have offsets."""
    for base, removals in sections:
        stages = sorted({r.stage for r in removals})
        yield paint.dim(f"-- {', '.join(stages)}")
        yield from render(base, removals, paint, context)


def _explain_lines(payload: Payload, limits: Limits, paint: Paint, context: int,
                   config: CleanConfig | None) -> Iterator[str]:
    sections: list[Section]
    content = payload.content
    try:
        if payload.html:
            content, note = apply_size_cap(content, limits, html=True, size=payload.size)
            work = functools.partial(html_stepwise, config=config, charset=payload.charset)
            sections, text = call_with_budget(work, content, limits.time_budget)
        else:  # only raw HTML comes as bytes
            content, note = apply_size_cap(cast(str, content), limits, html=False,
                                           size=payload.size)
            work = functools.partial(stepwise, config=config)
            sections, text = call_with_budget(work, content, limits.time_budget)
    except LimitExceeded as exc:
        yield skipped_line(exc.reason, paint)
        return
    if note:
        yield paint.dim(f"({note})")
    yield from section_lines(sections, paint, context)
    count = sum(len(removals) for _, removals in sections)
    damage = find_damage(text)
    if damage:
        yield paint.dim("-- damage (kept as it is)")
        yield from damage_lines(text, damage, paint)
    spans = f"; {len(damage)} damaged {'span' if len(damage) == 1 else 'spans'}" if damage else ""
    yield paint.dim(f"{count} removals; {len(text):,} of {len(content):,} characters kept{spans}")


def damage_summary(damage: dict[str, int], documents: int, repaired: int, mode: str
                   ) -> list[str]:
    """The summary's lines about damage, none if none was found."""
    lines = []
    if documents:
        kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(damage.items()))
        verb = "rejected" if mode == "reject" else "flagged"
        lines.append(f"  {documents:,} damaged documents {verb}: {kinds} (kept as they are)"
                     if verb == "flagged" else f"  {documents:,} damaged documents {verb}: {kinds}")
    if repaired:
        lines.append(f"  {repaired:,} damaged words repaired from evidence in the corpus")
    return lines


def damage_lines(text: str, spans: Sequence[Damage], paint: Paint, width: int = 60
                 ) -> Iterator[str]:
    """Yield each damaged span as ``~ [kind confidence] context [[span]] context``, and the
    evidence for the intact word where there is one.

    >>> text = "The CEO Ola K llenius said so."
    >>> list(damage_lines(text, find_damage(text), Paint(False)))
    ['~ [lost.space 0.6] The CEO Ola [[K llenius]] said so.']
    """
    for d in spans:
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[max(line_start, d.start - width):d.start]
        after = text[d.end:min(line_end, d.end + width)]
        marked = paint.yellow(f"[[{d.text}]]")
        yield f"~ [{d.kind} {d.confidence:g}] {before}{marked}{after}"
        if d.repair:
            yield paint.green(f"  {'repaired to' if d.repaired else 'could be'} "
                              f"{d.repair!r}: {d.evidence}")


def skipped_line(reason: str, paint: Paint) -> str:
    """The line ``explain`` shows in place of a document that went over a limit."""
    return paint.dim(f"(skipped: {reason})")


def explain_document(limits: Limits, paint: Paint, context: int,
                     payload: Payload | tuple[str | bytes, bool]) -> tuple[list[str], str | None]:
    """Return the lines that show what cleaning removes from one document, and ``None``; or no
    lines and why the document cannot be explained.

    *payload* holds text, or raw HTML with the charset a header gave, the run's configuration
    and the full size of a document the reader cut at its cap (see
    :class:`~cleanseed.cli._pages.Payload`). The error is returned, not raised, because this may
    run in a worker process (under a time budget) that goes on to the next document.
    """
    try:
        payload = Payload(*payload)
        lines = _explain_lines(payload, limits, paint, context, configured(payload.config))
        return list(lines), None
    except CleanseedError as exc:
        return [], str(exc)
