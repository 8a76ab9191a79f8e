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
from typing import IO, Any, NamedTuple, cast

from tqdm import tqdm

from cleanseed.cli import _damage
from cleanseed.cli import ray_engine as cli_ray
from cleanseed.cli._args import (
    UsageError,
    check_paths,
    count,
    positive,
    read_paths,
    read_setup,
    where,
)
from cleanseed.cli._config_args import config_of, config_text
from cleanseed.cli._limits import LimitExceeded, Limits, apply_size_cap, call_with_budget
from cleanseed.cli._pages import Fields, Payload, clean_content
from cleanseed.cli._view import Tally, summary
from cleanseed.cli._workers import HUNG, ordered_map
from cleanseed.document import Damage, Removal
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.compression import codec_of_name, strip_codec
from cleanseed.records.formats import Skipped
from cleanseed.records.inputs import (
    RECORD_KINDS,
    InputFile,
    Item,
    ReadOptions,
    origin,
)
from cleanseed.records.read import iter_items
from cleanseed.records.sinks import (
    RecordSink,
    check_output_name,
    named_kind,
    output_stream,
    record_output,
)
from cleanseed.records.writers import (
    RecordWriter,
    atomic_writer,
    dumps_record,
    to_record,
)

__all__ = ["Outcome", "Payload", "add_parser", "process", "process_and_mark", "run"]


class Outcome(NamedTuple):
    """What cleaning one document gave: its text, or why it is not in the output."""

    status: str  # "out", "removed" or "skipped"
    text: str = ""
    reason: str = ""
    note: str = ""  # what a limit did to a document that was still cleaned (truncation)
    removals: tuple[Removal, ...] = ()
    error: bool = False  # skipped because of an error, not a limit: --on-error decides
    fields: Fields = ()  # what a page says of itself: title, url, language, canonical
    damage: tuple[Damage, ...] = ()  # letters lost before the text reached us
    rejected: bool = False  # left out by --damaged reject


def _clean_content(content: str | bytes, html: bool, extra: Payload | None = None,
                   ) -> tuple[str, tuple[Removal, ...], Fields]:
    """Clean one document: *extra* carries what the payload asked beside content and kind."""
    job = extra._replace(content=content) if extra is not None else Payload(content, html)
    return clean_content(job)


def process(limits: Limits, payload: Payload | tuple[str | bytes, bool]) -> Outcome:
    """Clean one document within *limits*; never raises, so one bad page cannot end a run.

    *payload* is ``(content, html)``, or a :class:`~cleanseed.cli._pages.Payload` that also
    carries a page's charset and URL, the run's configuration, and the full size of a document
    the reader cut at its cap (the content is then no more than the cap and one character).
    """
    job = Payload(*payload)
    content = job.content
    try:
        content, note = apply_size_cap(content, limits, html=job.html, size=job.size)
        work = functools.partial(_clean_content, html=job.html)
        if not job.plain():
            work = functools.partial(work, extra=job)
        text, removals, *rest = call_with_budget(work, content, limits.time_budget)
        fields = rest[0] if rest else ()
    except LimitExceeded as exc:
        return Outcome("skipped", reason=exc.reason)
    except CleanseedError as exc:
        return Outcome("skipped", reason=str(exc), error=True)
    except Exception as exc:  # a bug in a step: report it with the document, go on
        return Outcome("skipped", reason=f"internal error: {type(exc).__name__}: {exc}", error=True)
    if not text.strip():
        reason = "empty after cleaning" if content.strip() else "empty input"
        return Outcome("removed", text, reason, note or "", removals, fields=fields)
    return Outcome("out", text, "", note or "", removals, fields=fields)


def process_and_mark(cleaner: Callable[[Limits, Payload | tuple[str | bytes, bool]], Outcome],
                     limits: Limits, damage: _damage.DamageOptions | None,
                     payload: Payload | tuple[str | bytes, bool]) -> Outcome:
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


def payload(item: Item, *, config: str | None = None, page_fields: bool = False) -> Payload:
    """What a worker is sent of *item*: its content, and for a page its charset and URL; the
    run's configuration (as TOML), whether to read a page's head for fields, and the full size
    of a document the reader cut at its cap."""
    if item.html is None:
        return Payload(item.doc.text, False, config=config, size=item.size)
    url = item.doc.metadata.get("url")
    return Payload(item.html, True, item.charset, url if isinstance(url, str) else None,
                   config, page_fields, item.size)


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
    where.add_argument("-o", "--output", metavar="FILE", help="write everything to FILE, "
                       "in the format its name says (.jsonl, .json: one array, .csv, .tsv, "
                       ".parquet; .gz, .bz2, .xz, .zst compressed), atomically; - for stdout, "
                       "the default")
    where.add_argument("--output-dir", metavar="DIR",
                       help="one cleaned file per input file, under the same relative name")
    out.add_argument("--to", choices=["auto", "text", "jsonl"], default="auto",
                     help="output format (default: records if any input holds records (JSON, "
                          "CSV, TSV, Parquet, WARC) or FILE is named for them, else text); "
                          "records go out in the format FILE is named for")
    out.add_argument("--explain", action="store_true",
                     help="add a 'removals' field to each JSONL record")
    out.add_argument("--page-fields", action=argparse.BooleanOptionalAction, default=True,
                     help="add title, url, language and canonical fields to the record of each "
                          "HTML page (default: on)")
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


def _intake(items: Iterable[Item | InputError | Skipped], tally: Tally,
            report: IO[bytes] | None, skip: bool) -> Iterator[Item]:
    """Count what is read; pass on documents; fail on a bad record, or skip and report it.

    What holds no document is skipped whatever --on-error says: a file of unknown kind is listed
    and reported, a WARC record that is not a page only counted, by reason."""
    for item in items:
        tally.read += 1
        if isinstance(item, Item):
            yield item
            continue
        if isinstance(item, Skipped):
            _pass_over(item, tally, report)
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


def _pass_over(item: Skipped, tally: Tally, report: IO[bytes] | None) -> None:
    if item.bulk:
        tally.pass_over(item.reason)
        return
    tally.skipped += 1
    tally.note(item.source, "skipped", item.reason)
    if report is not None:
        report.write(dumps_record({"id": None, "source": item.source, "line": None,
                                   "outcome": "skipped", "reason": item.reason}))


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
    codec = codec_of_name(file.rel)
    rel = PurePath(strip_codec(file.rel))
    if fmt == "jsonl" and file.kind not in _SAME_KIND_OUT:  # CSV, TSV, Parquet stay so
        rel = rel.with_suffix(".jsonl")
    elif fmt == "text" and file.kind != "text":
        rel = rel.with_suffix(".txt")
    return str(rel) + (str(PurePath(file.rel).suffix) if codec else "")


#: Kinds of record file whose cleaned records go out, under --output-dir, in a file of the same
#: kind (a WARC's pages go out as JSONL: cleanseed does not write WARC).
_SAME_KIND_OUT = frozenset({"jsonl", "csv", "tsv", "parquet"})


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
        self._records: RecordSink | None = None
        self._written = False

    def __enter__(self) -> Output:
        if self.target is not None and self.fmt == "jsonl":  # the kind of records it is named
            self._records = self._stack.enter_context(record_output(self.target))
        elif self.target is not None:
            self._fh = self._stack.enter_context(output_stream(self.target))
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

    def _open(self) -> IO[bytes] | None:
        if self._fh is None and self._records is None:
            assert self.out_dir is not None and self._file is not None
            path = Path(self.out_dir, _out_name(self._file, self.fmt))
            path.parent.mkdir(parents=True, exist_ok=True)
            if _file_format(self.fmt, self._file) == "jsonl":
                self._records = self._file_stack.enter_context(record_output(path))
            else:
                self._fh = self._file_stack.enter_context(output_stream(path))
        return self._fh

    def write(self, item: Item, text: str, removals: tuple[Removal, ...],
              fields: Fields = (), damage: tuple[Damage, ...] = ()) -> None:
        """Write one cleaned document; *fields* (a page's title...) join its record's fields,
        where it has none of the same name; a damaged one's record gets its counts by kind."""
        fh = self._open()
        if _file_format(self.fmt, item.file) == "jsonl":
            metadata = dict(item.doc.metadata)
            for key, value in fields:
                metadata.setdefault(key, value)
            doc = dataclasses.replace(item.doc, text=text, removals=removals, metadata=metadata)
            self._records = self._records or RecordWriter(cast(IO[bytes], fh))
            record = to_record(doc, text_field=self.fields.text_field,
                               id_field=self.fields.id_field, removals=self.explain)
            if damage:
                record["damage"] = _damage.summary(damage)
            self._records.write(record)
            return
        assert fh is not None  # text output: a stream was opened for it
        fh.write(b"\n" + utf8(text) + b"\n" if self._written else utf8(text) + b"\n")
        self._written = True


def _named_kind(path: str | None) -> str | None:
    """The kind of file -o names by its suffix, if it names one (a bare .gz does not)."""
    if path in (None, "-"):
        return None
    return named_kind(path)


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
        label = {"jsonl": "JSON", "json": "JSON", "tsv": "TSV"}.get(named, str(named).upper())
        msg = f"--to text writes plain text, but {args.output} is named for {label} records"
        raise UsageError(msg)
    if args.output not in (None, "-"):
        try:
            check_output_name(args.output)
        except CleanseedError as exc:
            raise UsageError(str(exc)) from None
    if args.explain and (fmt == "text" or (not some_records and fmt == "auto")):
        msg = "--explain adds a field to JSONL records: use it with JSONL output (--to jsonl)"
        raise UsageError(msg)
    return fmt


def _check_targets(args: argparse.Namespace, files: list[InputFile], fmt: str) -> None:
    """Check every output path against the inputs and each other, before any work."""
    outputs: list[tuple[str, str]] = []
    if args.output_dir is not None:
        if any(f.rel == "-" for f in files):
            raise UsageError("stdin (-) has no file name to use under --output-dir")
        named: dict[str, str] = {}
        for f in files:
            path = str(Path(args.output_dir, _out_name(f, fmt)))
            if os.path.realpath(path) in named:
                msg = f"{named[os.path.realpath(path)]} and {f.path} would both be written " \
                      f"to {path}"
                raise UsageError(msg)
            named[os.path.realpath(path)] = f.path
            outputs.append(("--output-dir", path))
    else:
        outputs.append(("-o", args.output or "-"))
    if args.report:
        outputs.append(("--report", args.report))
    check_paths(outputs, read_paths(files), make={"--output-dir"})


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
        output.write(item, outcome.text, outcome.removals, outcome.fields, outcome.damage)
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
        send = functools.partial(payload, config=config_text(config_of(args)),
                                 page_fields=args.page_fields)
        # closed on the way out, so that an interrupted run stops its workers at once
        results = stack.enter_context(contextlib.closing(ordered_map(
            functools.partial(process_and_mark, process, limits, damage), items,
            workers=workers, chunksize=_chunk_size(args.chunk_size, limits), payload=send,
            on_crash=_crashed, item_timeout=item_timeout(limits))))
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


