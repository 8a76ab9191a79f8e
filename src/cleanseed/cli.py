"""The command line: ``cleanseed clean`` cleans documents, ``cleanseed explain`` shows why,
``cleanseed dedup`` (from :mod:`cleanseed.cli_dedup`) removes near-duplicate documents.

Exit codes: 0 when the run finished (documents skipped with ``--on-error skip`` included),
1 on a data error (a bad file or record, named with its line and field), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import dataclasses
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import IO, Any, NamedTuple

from tqdm import tqdm

from cleanseed import cli_dedup, cli_ray
from cleanseed._text import iter_lines
from cleanseed._workers import ordered_map
from cleanseed.default import DEFAULT_PIPELINE
from cleanseed.document import Removal
from cleanseed.errors import CleanseedError, InputError
from cleanseed.limits import LimitExceeded, Limits, apply_size_cap, call_with_budget
from cleanseed.pipeline import explainer
from cleanseed.records import (
    InputFile,
    Item,
    ReadOptions,
    atomic_writer,
    dumps_record,
    expand_paths,
    iter_items,
    origin,
    to_record,
)

__all__ = ["main"]


class UsageError(Exception):
    """Options that do not fit together, found after parsing (exit code 2)."""


class Outcome(NamedTuple):
    """What cleaning one document gave: its text, or why it is not in the output."""

    status: str  # "out", "removed" or "skipped"
    text: str = ""
    reason: str = ""
    note: str = ""  # what a limit did to a document that was still cleaned (truncation)
    removals: tuple[Removal, ...] = ()
    error: bool = False  # skipped because of an error, not a limit: --on-error decides


def _clean_content(content: str | bytes, html: bool) -> tuple[str, tuple[Removal, ...]]:
    if not html:
        return DEFAULT_PIPELINE.explain(content)  # type: ignore[arg-type, unused-ignore]
    try:
        from cleanseed.html import explain_html
    except ImportError:
        msg = "HTML input needs the cleanseed HTML stage, which is not installed"
        raise CleanseedError(msg) from None
    return explain_html(content)


def process(limits: Limits, payload: tuple[str | bytes, bool]) -> Outcome:
    """Clean one document within *limits*; never raises, so one bad page cannot end a run."""
    content, html = payload
    try:
        content, note = apply_size_cap(content, limits)
        text, removals = call_with_budget(
            functools.partial(_clean_content, html=html), content, limits.time_budget)
    except LimitExceeded as exc:
        return Outcome("skipped", reason=exc.reason)
    except CleanseedError as exc:
        return Outcome("skipped", reason=str(exc), error=True)
    except Exception as exc:  # a bug in a step: report it with the document, go on
        return Outcome("skipped", reason=f"internal error: {type(exc).__name__}: {exc}", error=True)
    if not text.strip():
        reason = "empty after cleaning" if content.strip() else "empty input"
        return Outcome("removed", text, reason, note or "", removals)
    return Outcome("out", text, "", note or "", removals)


def _payload(item: Item) -> tuple[str | bytes, bool]:
    return (item.html, True) if item.html is not None else (item.doc.text, False)


def _crashed(item: Item, reason: str) -> Outcome:
    return Outcome("skipped", reason=reason, error=True)


# -- command line ---------------------------------------------------------------------------


def _positive(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not value > 0 or value != value or value == float("inf"):
            msg = f"expected a positive number, got {text!r}"
            raise argparse.ArgumentTypeError(msg)
        return value
    parse.__name__ = kind.__name__
    return parse


def _count(text: str) -> int:
    if not text.isdigit():
        msg = f"expected a whole number >= 0, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _input_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="+", metavar="PATH",
                        help="text, HTML or JSONL files (.gz too), folders, or - for stdin")
    group = common.add_argument_group("input")
    group.add_argument("--format", choices=["auto", "text", "jsonl", "html"], default="auto",
                       help="read every input as this (default: by suffix; stdin is text, or "
                            "JSONL when --text-field or --html-field is given)")
    group.add_argument("--text-field", default=None, help="JSONL field holding the text "
                       "(default: text); cleaned text is written back to it")
    group.add_argument("--id-field", default="id", help="JSONL field holding the id (default: id)")
    group.add_argument("--html-field", help="JSONL field holding raw HTML to clean")
    group.add_argument("--encoding-errors", choices=["strict", "replace"], default="strict",
                       help="a non-UTF-8 file or line: an error (strict), or decoded with "
                            "U+FFFD in place of bad bytes (replace)")
    group.add_argument("--on-error", choices=["fail", "skip"], default="fail",
                       help="a bad record: stop with exit code 1 (fail), or skip it, count it "
                            "and list it in --report (skip)")
    limits = common.add_argument_group("limits")
    limits.add_argument("--max-chars", type=_positive(int), default=Limits().max_chars,
                        help="size cap per document, in characters (bytes for raw HTML)")
    limits.add_argument("--on-oversize", choices=["truncate", "skip"], default="truncate",
                        help="a document over the cap: keep its start, cut at a line break "
                             "(truncate), or skip it (skip); either way it is reported")
    limits.add_argument("--time-budget", type=_positive(float), metavar="SECONDS",
                        help="seconds one document may take; a slower one is skipped and reported")
    return common


def _clean_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    sub = subparsers.add_parser("clean", parents=[common], help="clean documents",
                                description="Clean documents; the summary goes to stderr.")
    out = sub.add_argument_group("output")
    where = out.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="write everything to FILE "
                       "(written atomically; .gz is compressed; - for stdout, the default)")
    where.add_argument("--output-dir", metavar="DIR",
                       help="one cleaned file per input file, under the same relative name")
    out.add_argument("--to", choices=["auto", "text", "jsonl"], default="auto",
                     help="output format (default: JSONL if any input is JSONL, else text)")
    out.add_argument("--explain", action="store_true",
                     help="add a 'removals' field to each JSONL record")
    out.add_argument("--keep-empty", action="store_true",
                     help="write documents that cleaning emptied, with empty text")
    out.add_argument("--report", metavar="FILE.jsonl",
                     help="one record per removed, skipped or truncated document, with the reason")
    run = sub.add_argument_group("run")
    run.add_argument("--workers", type=_count, default=1, metavar="N",
                     help="worker processes (0: one per core; default 1)")
    run.add_argument("--chunk-size", type=_positive(int), default=64, metavar="N",
                     help="documents sent to a worker at a time (default 64)")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on stderr (default: when stderr is a terminal)")
    run.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    cli_ray.add_engine_options(sub)
    sub.set_defaults(run=_run_clean)


def _explain_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    sub = subparsers.add_parser("explain", parents=[common], help="show what cleaning removes",
                                description="Show each removal in context: '- [rule] text'.")
    sub.add_argument("--context", type=_count, default=1, metavar="N",
                     help="kept lines shown around each removal (default 1)")
    sub.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                     help="colour the output (default: when stdout is a terminal)")
    sub.set_defaults(run=_run_explain)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``cleanseed`` command, one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="cleanseed", description="Turn raw scraped documents into clean text.")
    from cleanseed import __version__

    parser.add_argument("--version", action="version", version=f"cleanseed {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _input_options()
    _clean_parser(subparsers, common)
    _explain_parser(subparsers, common)
    cli_dedup.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cleanseed`` with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else 0
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"cleanseed {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except CleanseedError as exc:
        print(f"cleanseed: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("cleanseed: interrupted; no partial output file was left", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `cleanseed clean ... | head`: the reader has gone, stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


# -- reading --------------------------------------------------------------------------------


def _read_setup(args: argparse.Namespace) -> tuple[list[InputFile], ReadOptions, Limits]:
    explicit = args.text_field is not None or args.html_field is not None
    files = expand_paths(args.paths, fmt=args.format, stdin_kind="jsonl" if explicit else "text")
    options = ReadOptions(text_field=args.text_field or "text", id_field=args.id_field,
                          html_field=args.html_field, encoding_errors=args.encoding_errors,
                          max_line_bytes=8 * args.max_chars + (1 << 20))  # JSON escapes grow text
    limits = Limits(max_chars=args.max_chars, on_oversize=args.on_oversize,
                    time_budget=args.time_budget)
    return files, options, limits


def _where(item: Item) -> str:
    found = origin(item.doc)
    return str(found) if found else item.file.path


class Tally:
    """Counts of a run: every document read is out, removed or skipped, and why."""

    #: how many left-out documents the summary names; the report names them all
    SHOWN = 5

    def __init__(self) -> None:
        self.read = self.out = self.removed = self.skipped = self.truncated = self.kept = 0
        self.rules: dict[tuple[str, str], list[int]] = {}
        self.listed: list[str] = []
        self.notes = 0

    def note(self, where: str, outcome: str, reason: str) -> None:
        self.notes += 1
        if len(self.listed) < self.SHOWN:
            self.listed.append(f"{outcome} {where}: {reason}")

    def removals(self, found: Iterable[Removal]) -> None:
        for r in found:
            count = self.rules.setdefault((r.stage, r.rule), [0, 0])
            count[0] += 1
            count[1] += len(r.text)

    def balanced(self) -> bool:
        return self.read == self.out + self.removed + self.skipped


def _intake(items: Iterable[Item | InputError], tally: Tally, report: IO[bytes] | None,
            skip: bool) -> Iterator[Item]:
    """Count what is read; pass on documents; fail on a bad record, or skip and report it."""
    for item in items:
        tally.read += 1
        if isinstance(item, Item):
            yield item
            continue
        if not skip:
            raise item
        tally.skipped += 1
        reason = item.reason if item.field is None else f"field {item.field!r}: {item.reason}"
        where = item.source if item.line is None else f"{item.source}:{item.line}"
        tally.note(where, "skipped", reason)
        if report is not None:
            report.write(dumps_record({"id": None, "source": item.source, "line": item.line,
                                       "outcome": "skipped", "reason": reason}))


# -- writing --------------------------------------------------------------------------------


def _file_format(fmt: str, file: InputFile) -> str:
    """The format *file*'s documents are written in: "auto" keeps JSONL as JSONL, the rest text."""
    if fmt != "auto":
        return fmt
    return "jsonl" if file.kind == "jsonl" else "text"


def _out_name(file: InputFile, fmt: str) -> str:
    fmt = _file_format(fmt, file)
    rel = PurePath(file.rel[:-3] if file.gz else file.rel)
    if fmt == "jsonl" and file.kind != "jsonl":
        rel = rel.with_suffix(".jsonl")
    elif fmt == "text" and file.kind != "text":
        rel = rel.with_suffix(".txt")
    return str(rel) + (".gz" if file.gz else "")


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, from a JSON "\ud800" escape
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text).encode()


class Output:
    """Where cleaned documents go: stdout, one file, or one file per input file."""

    def __init__(self, args: argparse.Namespace, fmt: str, fields: ReadOptions) -> None:
        self.fmt, self.fields, self.explain = fmt, fields, args.explain
        self.target = None if args.output in (None, "-") else args.output
        self.out_dir: str | None = args.output_dir
        self._stack = contextlib.ExitStack()
        self._file_stack = contextlib.ExitStack()
        self._file: InputFile | None = None
        self._fh: IO[bytes] | None = None
        self._written = False

    def __enter__(self) -> Output:
        if self.target is not None:
            self._fh = self._stack.enter_context(atomic_writer(self.target))
        elif self.out_dir is None:
            sys.stdout.flush()
            self._fh = sys.stdout.buffer
        self._stack.enter_context(self._file_stack)  # closed first, even if a commit fails
        return self

    def __exit__(self, *exc: Any) -> bool:
        return bool(self._stack.__exit__(*exc))

    def visit(self, file: InputFile) -> None:
        """Start *file*'s output file (with --output-dir), committing the one before."""
        if self.out_dir is None or file == self._file:
            return
        self._file_stack.close()  # the previous file is complete: rename it into place
        self._file, self._fh, self._written = file, None, False
        if _file_format(self.fmt, file) == "jsonl" and file.kind == "jsonl":
            self._open()  # even if every record is left out, the file is there (empty)

    def _open(self) -> IO[bytes]:
        if self._fh is None:
            assert self.out_dir is not None and self._file is not None
            path = Path(self.out_dir, _out_name(self._file, self.fmt))
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self._file_stack.enter_context(atomic_writer(path))
        return self._fh

    def write(self, item: Item, text: str, removals: tuple[Removal, ...]) -> None:
        """Write one cleaned document."""
        fh = self._open()
        if _file_format(self.fmt, item.file) == "jsonl":
            doc = dataclasses.replace(item.doc, text=text, removals=removals)
            fh.write(dumps_record(to_record(doc, text_field=self.fields.text_field,
                                            id_field=self.fields.id_field, removals=self.explain)))
            return
        fh.write(b"\n" + _utf8(text) + b"\n" if self._written else _utf8(text) + b"\n")
        self._written = True


def _output_format(args: argparse.Namespace, files: list[InputFile]) -> str:
    """The output format: with --output-dir, "auto" is decided file by file."""
    fmt: str = args.to
    some_jsonl = any(f.kind == "jsonl" for f in files)
    if fmt == "auto" and args.output_dir is None:
        fmt = "jsonl" if some_jsonl else "text"
    if args.explain and (fmt == "text" or (not some_jsonl and fmt == "auto")):
        msg = "--explain adds a field to JSONL records: use it with JSONL output (--to jsonl)"
        raise UsageError(msg)
    return fmt


def _check_targets(args: argparse.Namespace, files: list[InputFile], fmt: str) -> None:
    inputs = {os.path.realpath(f.path) for f in files}
    targets: dict[str, str] = {}
    if args.output_dir is not None:
        if any(f.rel == "-" for f in files):
            raise UsageError("stdin (-) has no file name to use under --output-dir")
        for f in files:
            path = os.path.realpath(Path(args.output_dir, _out_name(f, fmt)))
            if path in targets:
                msg = f"{targets[path]} and {f.path} would both be written to {path}"
                raise UsageError(msg)
            targets[path] = f.path
    elif args.output not in (None, "-"):
        targets[os.path.realpath(args.output)] = args.output
    for path in targets:
        if path in inputs:
            raise UsageError(f"output {path} is also an input: it would be overwritten")


# -- clean ----------------------------------------------------------------------------------


def _settle(item: Item, outcome: Outcome, tally: Tally, report: IO[bytes] | None,
            output: Output, args: argparse.Namespace) -> None:
    """Account for one cleaned document: write it, or count and report why not."""
    where = _where(item)
    if outcome.status == "skipped" and outcome.error and args.on_error == "fail":
        raise CleanseedError(f"{where}: {outcome.reason}")
    output.visit(item.file)
    tally.removals(outcome.removals)
    entries = []
    if outcome.note:
        tally.truncated += 1
        entries.append(("truncated", outcome.note))
    if outcome.status == "out" or (outcome.status == "removed" and args.keep_empty):
        tally.out += 1
        tally.kept += outcome.status == "removed"
        output.write(item, outcome.text, outcome.removals)
        if outcome.status == "removed":
            entries.append(("emptied", outcome.reason))
    else:
        setattr(tally, outcome.status, getattr(tally, outcome.status) + 1)
        entries.append((outcome.status, outcome.reason))
    found = origin(item.doc)
    for kind, reason in entries:
        tally.note(where, kind, reason)
        if report is not None:
            report.write(dumps_record({
                "id": item.doc.id or None, "source": found.source if found else item.file.path,
                "line": found.line if found else None, "outcome": kind, "reason": reason}))


def _run_clean(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        return cli_ray.run_clean(args)
    files, options, limits = _read_setup(args)
    fmt = _output_format(args, files)
    _check_targets(args, files, fmt)
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    tally = Tally()
    with contextlib.ExitStack() as stack:
        report = stack.enter_context(atomic_writer(args.report)) if args.report else None
        output = stack.enter_context(Output(args, fmt, options))
        bar = stack.enter_context(tqdm(unit=" docs", file=sys.stderr, disable=not progress,
                                       delay=1.0, mininterval=0.5, dynamic_ncols=True))
        items = _intake(iter_items(files, options), tally, report, args.on_error == "skip")
        budget = limits.time_budget
        results = ordered_map(
            functools.partial(process, limits), items, workers=workers,
            chunksize=args.chunk_size, payload=_payload, on_crash=_crashed,
            item_timeout=None if budget is None else 2 * budget + 5)
        for item, outcome in results:
            _settle(item, outcome, tally, report, output, args)
            bar.update()
    if not args.quiet:
        sys.stderr.write(summary(tally, report=args.report))
    if not tally.balanced():
        msg = f"internal error: {tally.read} documents read but {tally.out} + " \
              f"{tally.removed} + {tally.skipped} accounted for"
        raise CleanseedError(msg)
    return 0


# -- summary and explain views ------------------------------------------------------------


def summary(tally: Tally, *, report: str | None, rows: int = 12) -> str:
    """Return the end-of-run summary: the balance, the removals by rule, what was left out."""
    lines = [f"cleanseed: in {tally.read:,} = out {tally.out:,} + removed {tally.removed:,}"
             f" + skipped {tally.skipped:,}"]
    if tally.kept:
        lines.append(f"  out includes {tally.kept:,} emptied documents kept by --keep-empty")
    if tally.truncated:
        lines.append(f"  {tally.truncated:,} documents truncated at the size cap")
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


def _stepwise(text: str) -> tuple[list[Section], str]:
    """Run the default steps one by one, keeping each step's input to show its removals in."""
    sections: list[Section] = []
    for step in DEFAULT_PIPELINE.steps:
        out, removals = explainer(step)(text)
        if removals:
            sections.append((text, removals))
        text = out
    return sections, text


def _html_stepwise(html: str | bytes) -> tuple[list[Section], str]:
    """The HTML stage's removals (they have no offset: listed without context), then the rest."""
    from cleanseed.html import html_to_text_and_explain

    text, removals = html_to_text_and_explain(html)
    sections, out = _stepwise(text)
    return ([(None, removals)] if removals else []) + sections, out


def _explain_item(item: Item, limits: Limits, paint: Paint, context: int) -> Iterator[str]:
    sections: list[Section]
    try:
        if item.html is not None:
            content, note = apply_size_cap(item.html, limits)
            sections, text = call_with_budget(_html_stepwise, content, limits.time_budget)
        else:
            content, note = apply_size_cap(item.doc.text, limits)
            sections, text = call_with_budget(_stepwise, content, limits.time_budget)
    except LimitExceeded as exc:
        yield paint.dim(f"(skipped: {exc.reason})")
        return
    if note:
        yield paint.dim(f"({note})")
    count = 0
    for base, removals in sections:
        stages = sorted({r.stage for r in removals})
        yield paint.dim(f"-- {', '.join(stages)}")
        yield from render(base, removals, paint, context)
        count += len(removals)
    yield paint.dim(f"{count} removals; {len(text):,} of {len(content):,} characters kept")


def _run_explain(args: argparse.Namespace) -> int:
    files, options, limits = _read_setup(args)
    paint = Paint(args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ))
    sys.stdout.flush()
    out = sys.stdout.buffer
    for item in iter_items(files, options):
        if isinstance(item, InputError):
            if args.on_error == "fail":
                raise item
            print(f"cleanseed: skipped {item}", file=sys.stderr)
            continue
        try:
            lines = list(_explain_item(item, limits, paint, args.context))
        except CleanseedError as exc:
            if args.on_error == "fail":
                raise CleanseedError(f"{_where(item)}: {exc}") from None
            print(f"cleanseed: skipped {_where(item)}: {exc}", file=sys.stderr)
            continue
        out.write(_utf8(paint.bold(f"== {_where(item)}") + "\n"))
        out.write(_utf8("".join(line + "\n" for line in lines)))
    return 0
