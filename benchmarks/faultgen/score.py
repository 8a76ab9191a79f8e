"""Score a cleaner on labelled documents: removals per class, content kept, exact-clean documents.

The rules are set out in the docstring of ``benchmarks/faults.py``; this module implements them.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cleanseed.document import Removal
from cleanseed.pipeline import Pipeline, explainer

from .model import CLASSES, Fault, LabelledDoc, Unit

__all__ = ["DocScore", "Tally", "normalise", "rule_class", "run_stages", "score_doc"]

Roles = dict[str, list[tuple[str, int]]]


def normalise(text: str) -> list[str]:
    """The lines of *text*, stripped, blank ones dropped: the form outputs are compared in.

    >>> normalise(" a \\n\\n b\\n")
    ['a', 'b']
    """
    return [line.strip() for line in text.split("\n") if line.strip()]


def rule_class(removal: Removal) -> str:
    """The fault class a removal claims: its stage for encoding edits, else its rule's prefix.

    >>> rule_class(Removal("boilerplate", "cookie.banner", "x", 0))
    'cookie'
    """
    if removal.stage == "encoding":
        return "encoding"
    head = removal.rule.split(".", 1)[0]
    return head if head in CLASSES else "other"


def run_stages(pipeline: Callable[[str], str], text: str) -> tuple[str, list[tuple[str, Removal]]]:
    """Run *pipeline* step by step; return its output and each removal with its step's input.

    The removals are those of ``pipeline.explain(text)``, in the same order; pairing each with the
    text its step was given is what lets a removal's offset be read.
    """
    steps = pipeline.steps if isinstance(pipeline, Pipeline) else (pipeline,)
    pairs: list[tuple[str, Removal]] = []
    for step in steps:
        out, found = explainer(step)(text)
        pairs += [(text, r) for r in found]
        text = out
    return text, pairs


@dataclass
class DocScore:
    """What one document contributed to each count; :class:`Tally` adds these up."""

    planted: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    removals: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    content: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)
    exact: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Tally:
    """The sums over a run of documents."""

    docs: int = 0
    exact: int = 0
    with_class: Counter[str] = field(default_factory=Counter)
    total: DocScore = field(default_factory=DocScore)
    failures: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, score: DocScore) -> None:
        self.docs += 1
        self.exact += score.exact
        self.with_class.update(set(score.planted))
        for name in ("planted", "removed", "removals", "false_pos", "content", "kept"):
            getattr(self.total, name).update(getattr(score, name))
        for key, example in score.failures:
            self.failures[key] += 1
            self.examples.setdefault(key, example)


def _roles(doc: LabelledDoc) -> Roles:
    """Map each line a step may see to what it is: content, damaged content, glued, fault."""
    roles: Roles = {}
    for i, unit in enumerate(doc.units):
        if unit.kind == "fault":
            roles.setdefault(unit.text.strip(), []).append(("fault", i))
            continue
        roles.setdefault(unit.expected.strip(), []).append(("content", i))
        if unit.prefix:
            roles.setdefault(unit.text.strip(), []).append(("glued", i))
        elif unit.text != unit.expected:
            roles.setdefault(unit.text.strip(), []).append(("dirty", i))
    return roles


def _fuzzy(line: str, doc: LabelledDoc) -> list[tuple[str, int]]:
    """Roles of a line no unit holds whole: a piece of a unit, or a unit with a piece left."""
    hits = []
    for i, unit in enumerate(doc.units):
        kind = "fault" if unit.kind == "fault" else "content"
        if unit.prefix and line.endswith(unit.expected.strip()):
            kind = "glued"
        elif unit.encoding and line in unit.text and line not in unit.expected:
            kind = "dirty"
        if line in unit.text or line in unit.expected or (unit.expected or unit.text) in line:
            hits.append((kind, i))
    return hits


def _locate(text: str, removal: Removal) -> tuple[str, int] | None:
    """The text a removal's offset refers to (encoding edits count in CRLF-folded text)."""
    end = removal.start + len(removal.text)
    for base in (text, text.replace("\r\n", "\n")):
        if base[removal.start : end] == removal.text:
            return base, removal.start
    found = text.find(removal.text) if removal.text else -1
    return (text, found) if found >= 0 else None


class _Judge:
    """Decide, removal by removal, whether a removal took content (a false positive)."""

    def __init__(self, doc: LabelledDoc) -> None:
        self.doc = doc
        self.roles = _roles(doc)
        # copies of a content line that are planted repeats: removing that many is right
        self.budget = Counter(u.text.strip() for u in doc.units if u.kind == "fault")
        self.starts: dict[str, list[int]] = {}

    def lines(self, base: str, start: int, end: int) -> Iterable[tuple[str, bool, int]]:
        """Each line the span touches: its text, whether it is covered whole, where the cut ends.

        A span of no length (an edit that inserted text) touches the line it sits in.
        """
        if base not in self.starts:
            self.starts[base] = [0] + [i + 1 for i, c in enumerate(base) if c == "\n"]
        starts = self.starts[base]
        first = bisect.bisect_right(starts, start) - 1
        for j in range(first, len(starts)):
            ls = starts[j]
            if j > first and ls >= end:
                break
            le = starts[j + 1] - 1 if j + 1 < len(starts) else len(base)
            if min(end, le) > max(start, ls) or start == end:
                yield base[ls:le], start <= ls and end >= le, min(end, le) - ls

    def line_ok(self, raw: str, whole: bool, cut_end: int, encoding: bool) -> tuple[bool, int]:
        """Whether taking from this line spares content; the content line hurt, or -1."""
        line = raw.strip()
        hits = self.roles.get(line) or _fuzzy(line, self.doc)
        kinds = {k for k, _ in hits}
        content = next((i for k, i in hits if k != "fault"), -1)
        if encoding:  # an edit repairs a damaged line, or touches a fault: anything else harms
            return "dirty" in kinds or kinds == {"fault"}, content
        if kinds == {"fault"}:
            return True, -1
        if whole and "fault" in kinds and self.budget[line] > 0:
            self.budget[line] -= 1
            return True, -1
        if not whole and "glued" in kinds:
            unit = self.doc.units[content]
            return 0 <= cut_end <= raw.rfind(unit.expected.strip()), content
        return False, content

    def __call__(self, text: str, removal: Removal) -> tuple[bool, list[int]]:
        """Return (false positive?, content lines hurt) for *removal* made on *text*."""
        located = _locate(text, removal)
        if located is None:
            return True, []
        base, start = located
        hurt, bad = [], False
        for raw, whole, cut_end in self.lines(base, start, start + len(removal.text)):
            if not raw.strip():
                continue
            ok, content = self.line_ok(raw, whole, cut_end, removal.stage == "encoding")
            if not ok:
                bad = True
                hurt += [content] if content >= 0 else []
        return bad, hurt


def _recall(doc: LabelledDoc, out: str, residue: Counter[str], kept: set[int]) -> list[bool]:
    """For each fault of ``doc.faults()``: was it removed (or, for encoding, repaired)?"""
    faults = doc.faults()
    done: list[bool | None] = [None] * len(faults)
    texts = []
    for k, fault in enumerate(faults):
        if fault.cls == "encoding":
            done[k] = "\r" not in out if fault.line < 0 else fault.line in kept
        texts.append(doc.units[fault.line].text.strip() if fault.line >= 0 else "")
    for k in range(len(faults)):  # the fault's line is still there, whole
        if done[k] is None and residue[texts[k]] > 0:
            residue[texts[k]] -= 1
            done[k] = False
    for k in range(len(faults)):  # a piece of it is still there
        if done[k] is None:
            piece = next((r for r, c in residue.items() if c > 0 and r in texts[k]), None)
            if piece is not None:
                residue[piece] -= 1
            done[k] = piece is None
    return [bool(d) for d in done]


def _content(doc: LabelledDoc, lines: list[str]) -> tuple[set[int], Counter[str]]:
    """The content lines found in the output, and the output lines left over."""
    residue = Counter(lines)
    kept = set()
    for i, unit in doc.content():
        line = unit.expected.strip()
        if residue[line] > 0:
            residue[line] -= 1
            kept.add(i)
    return kept, residue


def _lost_reason(unit: Unit, lines: list[str], rule: str | None) -> str:
    """Why a content line is not in the output; "" when a missed fault already says why."""
    if rule is not None:
        return f"removed by {rule}"
    if unit.encoding and unit.text.strip() in lines:
        return ""  # the encoding fault was not repaired
    title = unit.expected.strip()
    if unit.prefix and any(line.endswith(title) and line != title for line in lines):
        return ""  # some of the glued date is still in front of it
    return "changed"


def score_doc(doc: LabelledDoc, pipeline: Callable[[str], str]) -> DocScore:
    """Run *pipeline* on one labelled document and count what it got right and wrong."""
    out, pairs = run_stages(pipeline, doc.text)
    lines = normalise(out)
    score = DocScore(exact=lines == doc.expected())
    judge, hurt = _Judge(doc), {}
    for text, removal in pairs:
        cls = rule_class(removal)
        bad, damaged = judge(text, removal)
        score.removals[cls] += 1
        if bad:
            score.false_pos[cls] += 1
        hurt.update({i: removal.rule for i in damaged if i not in hurt})
    kept, residue = _content(doc, lines)
    faults: list[Fault] = doc.faults()
    for fault, removed in zip(faults, _recall(doc, out, residue, kept), strict=True):
        score.planted[fault.cls] += 1
        score.removed[fault.cls] += removed
        if not removed:
            score.failures.append((f"missed {fault.cls}: {fault.template}", fault.text))
    for i, unit in doc.content():
        score.content[unit.cls] += 1
        if i in kept:
            score.kept[unit.cls] += 1
            continue
        reason = _lost_reason(unit, lines, hurt.get(i))
        if reason:
            score.failures.append((f"lost {unit.cls} ({reason})", unit.expected))
    return score
