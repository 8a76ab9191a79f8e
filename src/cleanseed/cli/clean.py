"""``cleanseed clean``: read documents, clean them (in worker processes when asked to, or when a
time budget has to be enforced) and write them, accounting for every one.

What a run shows, the summary, is worded in :mod:`cleanseed.cli._view`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO, Any, NamedTuple

from tqdm import tqdm

from cleanseed.cli import _damage
from cleanseed.cli import ray_engine as cli_ray
from cleanseed.cli._args import UsageError, count, positive, read_setup, where
from cleanseed.cli._limits import LimitExceeded, Limits, apply_size_cap, call_with_budget
from cleanseed.cli._view import Tally, summary
from cleanseed.cli._workers import HUNG, ordered_map
from cleanseed.default import DEFAULT_PIPELINE, explain_html
from cleanseed.document import Damage, Removal
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.inputs import (
    RECORD_KINDS,
    SUFFIX_KINDS,
    InputFile,
    Item,
    ReadOptions,
    origin,
)
from cleanseed.records.read import iter_items
from cleanseed.records.writers import (
    RecordWriter,
    atomic_writer,
    dumps_record,
    record_file,
    to_record,
)

__all__ = ["Outcome", "add_parser", "process", "process_and_mark", "run"]


class Outcome(NamedTuple):
    """What cleaning one document gave: its text, or why it is not in the output."""

    status: str  # "out", "removed" or "skipped"
    text: str = ""
    reason: str = ""
    note: str = ""  # what a limit did to a document that was still cleaned (truncation)
    removals: tuple[Removal, ...] = ()
    error: bool = False  # skipped because of an error, not a limit: --on-error decides
    damage: tuple[Damage, ...] = ()  # letters lost before the text reached us
    rejected: bool = False  # left out by --damaged reject


def _clean_content(content: str | bytes, html: bool) -> tuple[str, tuple[Removal, ...]]:
    if not html:
        return DEFAULT_PIPELINE.explain(content)  # type: ignore[arg-type, unused-ignore]
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


def process_and_mark(cleaner: Callable[[Limits, tuple[str | bytes, bool]], Outcome],
                     limits: Limits, damage: _damage.DamageOptions | None,
                     payload: tuple[str | bytes, bool]) -> Outcome:
    """*cleaner* (:func:`process`, passed in so that a worker runs the very function its parent
    chose), then look for damage in the cleaned text as *damage* says: flag it, repair it from
    evidence, or reject the document."""
    outcome = cleaner(limits, payload)
    if damage is None or outcome.status != "out":
        return outcome
    text, repairs, spans = _damage.apply(outcome.text, damage)
    removals = outcome.removals + repairs
    if damage.mode == "reject" and not all(d.repaired for d in spans):
        return outcome._replace(status="removed", text=text, reason=_damage.reason(spans),
                                removals=removals, damage=spans, rejected=True)
    return outcome._replace(text=text, removals=removals, damage=spans)


def payload(item: Item) -> tuple[str | bytes, bool]:
    return (item.html, True) if item.html is not None else (item.doc.text, False)


def _crashed(item: Item, reason: str) -> Outcome:
    # A worker stopped at its deadline went over the time budget, a limit like the alarm in
    # call_with_budget: skipped and reported. One that died is an error: --on-error decides.
    return Outcome("skipped", reason=reason, error=reason != HUNG)


def item_timeout(limits: Limits) -> float | None:
    """How long a worker may take over one document before it is stopped from outside.

    The alarm of :func:`call_with_budget` stops a slow document within its budget; this is the
    fallback for a call into C code that the alarm cannot interrupt. Slack covers starting a
    fresh worker. With a budget, even one worker is a separate process, so that it can be stopped.
    """
    return None if limits.time_budget is None else 2 * limits.time_budget + 5


# With a time budget, a chunk whose worker is stuck in C code is noticed only when the whole
# chunk is overdue, so chunks are kept this small: a stuck document holds up the run for at most
# this many times its deadline before it is isolated and skipped.
_BUDGET_CHUNK = 8


def _chunk_size(asked: int, limits: Limits) -> int:
    return asked if limits.time_budget is None else min(asked, _BUDGET_CHUNK)


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register the ``clean`` subcommand on *subparsers*; it runs :func:`run`."""
    sub = subparsers.add_parser("clean", parents=[common], help="clean documents",
                                description="Clean documents; the summary goes to stderr.")
    out = sub.add_argument_group("output")
    where = out.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="write everything to FILE "
                       "(written atomically; .gz is compressed; .json holds one JSON array; "
                       "- for stdout, the default)")
    where.add_argument("--output-dir", metavar="DIR",
                       help="one cleaned file per input file, under the same relative name")
    out.add_argument("--to", choices=["auto", "text", "jsonl"], default="auto",
                     help="output format (default: records if any input is JSON or JSONL or "
                          "FILE is named so, else text)")
    out.add_argument("--explain", action="store_true",
                     help="add a 'removals' field to each JSONL record")
    out.add_argument("--keep-empty", action="store_true",
                     help="write documents that cleaning emptied, with empty text")
    out.add_argument("--report", metavar="FILE.jsonl",
                     help="one record per removed, skipped or truncated document, with the reason")
    running = sub.add_argument_group("run")
    running.add_argument("--workers", type=count, default=1, metavar="N",
                     help="worker processes (0: one per core; default 1, which runs in this "
                          "process unless --time-budget is set)")
    running.add_argument("--chunk-size", type=positive(int), default=64, metavar="N",
                     help=f"documents sent to a worker at a time (default 64; at most "
                          f"{_BUDGET_CHUNK} with --time-budget)")
    running.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on stderr (default: when stderr is a terminal)")
    running.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    _damage.add_options(sub)
    cli_ray.add_engine_options(sub)
    sub.set_defaults(run=run)


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
    """The format *file*'s documents are written in: "auto" writes the records of JSON and JSONL
    files as JSONL, the rest as text."""
    if fmt != "auto":
        return fmt
    return "jsonl" if file.kind in RECORD_KINDS else "text"


def _out_name(file: InputFile, fmt: str) -> str:
    """The name of *file*'s output under --output-dir: its own, with the suffix of the output
    format where it differs (``a.json`` -> ``a.jsonl``: JSONL is what is written)."""
    fmt = _file_format(fmt, file)
    rel = PurePath(file.rel[:-3] if file.gz else file.rel)
    if fmt == "jsonl" and file.kind != "jsonl":
        rel = rel.with_suffix(".jsonl")
    elif fmt == "text" and file.kind != "text":
        rel = rel.with_suffix(".txt")
    return str(rel) + (".gz" if file.gz else "")


def utf8(text: str) -> bytes:
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
        self._records: RecordWriter | None = None
        self._written = False

    def __enter__(self) -> Output:
        if self.target is not None and self.fmt == "jsonl":  # named .json: one JSON array
            self._records = self._stack.enter_context(record_file(self.target))
            self._fh = self._records.fh
        elif self.target is not None:
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
        self._file, self._fh, self._records, self._written = file, None, None, False
        if _file_format(self.fmt, file) == "jsonl" and file.kind in RECORD_KINDS:
            self._open()  # even if every record is left out, the file is there (empty)

    def _open(self) -> IO[bytes]:
        if self._fh is None:
            assert self.out_dir is not None and self._file is not None
            path = Path(self.out_dir, _out_name(self._file, self.fmt))
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self._file_stack.enter_context(atomic_writer(path))
        return self._fh

    def write(self, item: Item, text: str, removals: tuple[Removal, ...],
              damage: tuple[Damage, ...] = ()) -> None:
        """Write one cleaned document; a damaged one's record gets its counts by kind."""
        fh = self._open()
        if _file_format(self.fmt, item.file) == "jsonl":
            doc = dataclasses.replace(item.doc, text=text, removals=removals)
            self._records = self._records or RecordWriter(fh)
            record = to_record(doc, text_field=self.fields.text_field,
                               id_field=self.fields.id_field, removals=self.explain)
            if damage:
                record["damage"] = _damage.summary(damage)
            self._records.write(record)
            return
        fh.write(b"\n" + utf8(text) + b"\n" if self._written else utf8(text) + b"\n")
        self._written = True


def _named_kind(path: str | None) -> str | None:
    """The kind of file -o names by its suffix, if it names one (a bare .gz does not)."""
    if path in (None, "-"):
        return None
    return SUFFIX_KINDS.get(PurePath(path.lower().removesuffix(".gz")).suffix)


def _output_format(args: argparse.Namespace, files: list[InputFile]) -> str:
    """The output format: with --output-dir, "auto" is decided file by file.

    Records are written when an input holds records or -o is named for them (``.json``,
    ``.jsonl``), so that the file is what its name says.
    """
    fmt: str = args.to
    some_records = any(f.kind in RECORD_KINDS for f in files)
    named = _named_kind(args.output)
    if fmt == "auto" and args.output_dir is None:
        fmt = "jsonl" if some_records or named in RECORD_KINDS else "text"
    if fmt == "text" and named in RECORD_KINDS:
        msg = f"--to text writes plain text, but {args.output} is named for JSON records"
        raise UsageError(msg)
    if args.explain and (fmt == "text" or (not some_records and fmt == "auto")):
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
            output: Output, args: argparse.Namespace, rejected: IO[bytes] | None = None) -> None:
    """Account for one cleaned document: write it, or count and report why not."""
    named = where(item)
    if outcome.status == "skipped" and outcome.error and args.on_error == "fail":
        raise CleanseedError(f"{named}: {outcome.reason}")
    output.visit(item.file)
    tally.removals(outcome.removals)
    tally.damaged(outcome.damage)
    entries = []
    if outcome.note:
        tally.truncated += 1
        entries.append(("truncated", outcome.note))
    if outcome.damage and not outcome.rejected and any(not d.repaired for d in outcome.damage):
        entries.append(("damaged", _damage.reason(outcome.damage)))
    if outcome.rejected and rejected is not None:
        doc = dataclasses.replace(item.doc, text=outcome.text)
        rejected.write(dumps_record({**to_record(doc, text_field=output.fields.text_field,
                                                 id_field=output.fields.id_field),
                                     "damage": _damage.summary(outcome.damage),
                                     "reason": outcome.reason}))
    if outcome.status == "out" or (outcome.status == "removed" and args.keep_empty
                                   and not outcome.rejected):
        tally.out += 1
        tally.kept += outcome.status == "removed"
        output.write(item, outcome.text, outcome.removals, outcome.damage)
        if outcome.status == "removed":
            entries.append(("emptied", outcome.reason))
    else:
        setattr(tally, outcome.status, getattr(tally, outcome.status) + 1)
        entries.append((outcome.status, outcome.reason))
    found = origin(item.doc)
    place: dict[str, Any] = {"id": item.doc.id or None,
                             "source": found.source if found else item.file.path,
                             "line": found.line if found else None}
    if found is not None and found.element is not None:
        place["element"] = found.element  # a minified .json array has every record on line 1
    for kind, reason in entries:
        if kind != "damaged":  # kept documents are counted in the summary, not named
            tally.note(named, kind, reason)
        if report is not None:
            entry = {**place, "outcome": kind, "reason": reason}
            if kind in ("damaged", "removed") and outcome.damage:
                entry["damage"] = [d.as_dict() for d in outcome.damage]
            report.write(dumps_record(entry))


def run(args: argparse.Namespace) -> int:
    """Run ``cleanseed clean`` with the parsed *args*; return the exit code."""
    if args.engine == "ray":
        return cli_ray.run_clean(args)
    files, options, limits = read_setup(args)
    fmt = _output_format(args, files)
    _check_targets(args, files, fmt)
    damage = _damage.options(args, files, options)
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    tally = Tally()
    with contextlib.ExitStack() as stack:
        report = stack.enter_context(atomic_writer(args.report)) if args.report else None
        rejected = stack.enter_context(atomic_writer(args.rejected)) if args.rejected else None
        output = stack.enter_context(Output(args, fmt, options))
        bar = stack.enter_context(tqdm(unit=" docs", file=sys.stderr, disable=not progress,
                                       delay=1.0, mininterval=0.5, dynamic_ncols=True))
        items = _intake(iter_items(files, options), tally, report, args.on_error == "skip")
        results = ordered_map(
            functools.partial(process_and_mark, process, limits, damage), items, workers=workers,
            chunksize=_chunk_size(args.chunk_size, limits), payload=payload,
            on_crash=_crashed, item_timeout=item_timeout(limits))
        for item, outcome in results:
            _settle(item, outcome, tally, report, output, args, rejected)
            bar.update()
    if not args.quiet:
        sys.stderr.write(summary(tally, report=args.report, damaged=args.damaged))
    if not tally.balanced():
        msg = f"internal error: {tally.read} documents read but {tally.out} + " \
              f"{tally.removed} + {tally.skipped} accounted for"
        raise CleanseedError(msg)
    return 0


