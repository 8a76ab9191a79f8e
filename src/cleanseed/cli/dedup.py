"""The ``cleanseed dedup`` command: near-duplicate documents out of a corpus.

    cleanseed dedup IN.parquet [MORE ...] -o OUT.parquet [--removed REMOVED.jsonl] [--index DIR]

The input is read twice: once to find the duplicates (only ids, signatures and shingle sets are
held, not the texts), once to write the kept records to ``-o`` and the removed ones, with
``duplicate_of`` and ``jaccard`` fields added, to ``--removed``. Records keep their fields and
their order, in the format each output's name says (JSONL, a JSON array, CSV, TSV, Parquet;
compressed or not); ``-o -`` writes JSONL to standard output. With ``--index DIR`` the
documents are also checked against an index kept by an earlier run, and the index, extended
with this run's documents, is committed (only after the outputs are written). The run works
within ``--memory`` (default 4G): in memory when it fits, on disk when not, with the same
result (:mod:`cleanseed.cli._dedup_index`). Standard input (``-``) is spooled to a temporary
file for the second pass.

Pages (a WARC's responses, a record's ``--html-field``) are compared by the text cleanseed's HTML
stage extracts from them, in ``--workers`` processes. The options that ``clean`` has mean the
same here: ``--on-error skip`` skips a bad record, counts it and lists it in ``--report``, and
the summary accounts for every record, ``in = out + removed + skipped``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, Any, NamedTuple, cast

from tqdm import tqdm

from cleanseed.cli import ray_engine as cli_ray
from cleanseed.cli._args import (
    add_error_options,
    check_paths,
    count,
    memory_size,
    read_paths,
    threshold,
)
from cleanseed.cli._dedup_index import Index, Removal, in_memory_removals, open_index, removals
from cleanseed.cli._view import Tally, summary
from cleanseed.cli._workers import ordered_map
from cleanseed.corpus.disk_index import DEFAULT_MEMORY, DiskIndex
from cleanseed.corpus.index import NearDupIndex, index_lock
from cleanseed.document import Document
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.formats import Skipped
from cleanseed.records.inputs import InputFile, Item, ReadOptions, origin
from cleanseed.records.read import expand_paths, iter_items
from cleanseed.records.sinks import RecordSink, record_output, record_writer
from cleanseed.records.writers import atomic_writer, dumps_record, to_record

__all__ = ["add_parser", "run"]

_FORMATS = ["auto", "text", "jsonl", "json", "html", "csv", "tsv", "parquet", "warc"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``dedup`` subcommand on *subparsers*; it runs :func:`run`."""
    sub = subparsers.add_parser(
        "dedup", help="remove near-duplicate documents",
        description="Remove near-duplicate documents (exact Jaccard of word 5-gram sets >= "
                    "threshold); keep the first of each cluster. The summary goes to stderr.")
    sub.add_argument("paths", nargs="+", metavar="PATH",
                     help="JSONL, JSON, CSV, TSV, Parquet, WARC or WET files (.gz, .bz2, .xz, "
                          ".zst too), folders of them, or - for stdin")
    sub.add_argument("-o", "--output", required=True, metavar="OUT",
                     help="kept records, in the format the name says (.jsonl, .json, .csv, "
                          ".tsv, .parquet; .gz, .bz2, .xz, .zst compressed), written "
                          "atomically; - for JSONL on stdout")
    sub.add_argument("--removed", metavar="REMOVED",
                     help="removed records, with 'duplicate_of' and 'jaccard' fields added")
    sub.add_argument("--index", metavar="DIR", help="an index to dedup against and extend: "
                     "opened if DIR holds one (never loaded whole), committed at the end")
    sub.add_argument("--memory", type=memory_size, default=DEFAULT_MEMORY, metavar="SIZE",
                     help="memory budget, e.g. 4G or 512M (default 4G): a run that does not "
                          "fit goes to disk, with the same result")
    sub.add_argument("--work-dir", metavar="DIR", help="where a run that goes to disk puts its "
                     "data (default: the system's temporary folder; with --index, the index)")
    sub.add_argument("--threshold", type=threshold, default=None,
                     help="Jaccard at or above which documents are duplicates (default 0.8, "
                          "or the one stored in --index)")
    _input_options(sub)
    sub.add_argument("--report", metavar="FILE.jsonl",
                     help="one record per removed or skipped document, with the reason")
    sub.add_argument("--workers", type=count, default=1, metavar="N",
                     help="processes that extract the text of pages (0: one per core; "
                          "default 1)")
    sub.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on stderr (default: when stderr is a terminal)")
    sub.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    sub.set_defaults(run=run)
    cli_ray.add_engine_options(sub)
    return cast(argparse.ArgumentParser, sub)


def _input_options(sub: argparse.ArgumentParser) -> None:
    group = sub.add_argument_group("input")
    group.add_argument("--format", choices=_FORMATS, default="auto",
                       help="read every input as this (default: by suffix; stdin is JSONL)")
    group.add_argument("--text-field", default="text", help="record field holding the text")
    group.add_argument("--id-field", default="id", help="record field holding the id (records "
                       "without one are named FILE:LINE)")
    group.add_argument("--html-field", help="record field holding raw HTML: documents are "
                       "compared by the text extracted from it, and written as they came")
    group.add_argument("--charset", metavar="LABEL", help="the charset HTML files are in, as "
                       "a server's header would say it")
    add_error_options(group)


def _page_text(payload: tuple[str | bytes, str | None] | None) -> tuple[str | None, str]:
    """The text of a page, in a worker: ``(text, "")``, or ``(None, why not)``."""
    if payload is None:
        return None, ""
    from cleanseed.html import html_to_text

    try:
        return html_to_text(payload[0], charset=payload[1]), ""
    except CleanseedError as exc:
        return None, str(exc)


def _payload(read: tuple[int, Item | InputError | Skipped],
             ) -> tuple[str | bytes, str | None] | None:
    item = read[1]
    return (item.html, item.charset) if isinstance(item, Item) and item.html is not None else None


class Doc(NamedTuple):
    """A document to compare: its number in the input, its item, its text and its id."""

    n: int
    item: Item
    text: str
    doc_id: str


class _Run:
    """One dedup run: what it reads, how it accounts for it, and what it has skipped."""

    def __init__(self, args: argparse.Namespace, files: list[InputFile]) -> None:
        self.args, self.files = args, files
        self.options = ReadOptions(text_field=args.text_field, id_field=args.id_field,
                                   html_field=args.html_field, keep_html=True,
                                   encoding_errors=args.encoding_errors, charset=args.charset)
        self.tally = Tally()
        self.dropped: set[int] = set()  # numbers of the documents skipped in the first pass
        self.pages = args.html_field is not None or any(f.kind in ("html", "warc")
                                                       for f in files)

    def _read(self) -> Iterator[tuple[tuple[int, Item | InputError | Skipped],
                                      tuple[str | None, str]]]:
        numbered = enumerate(iter_items(self.files, self.options))
        workers = (self.args.workers or os.cpu_count() or 1) if self.pages else 1
        return ordered_map(_page_text, numbered, workers=workers, chunksize=16,
                           payload=_payload, on_crash=lambda read, why: (None, why))

    def documents(self, report: IO[bytes] | None, *, first: bool) -> Iterator[Doc]:
        """Every document, with the text to compare; the rest accounted for (the *first* pass)
        or passed over as the first pass decided (the second)."""
        for (n, item), (text, why) in self._read():
            if not first:
                if isinstance(item, Item) and n not in self.dropped:
                    yield Doc(n, item, text if text is not None else item.doc.text,
                              _doc_id(item))
                continue
            self.tally.read += 1
            if isinstance(item, Item) and text is None and why:
                item = InputError(why, source=item.file.path, line=_line(item))
            if isinstance(item, Item):
                yield Doc(n, item, text if text is not None else item.doc.text, _doc_id(item))
            else:
                self.skip(n, item, report)

    def skip(self, n: int, problem: InputError | Skipped, report: IO[bytes] | None) -> None:
        """Account for a record that is not compared: a bad one (per --on-error) or no document."""
        self.dropped.add(n)
        if isinstance(problem, Skipped) and problem.bulk:
            self.tally.pass_over(problem.reason)
            return
        if isinstance(problem, InputError) and self.args.on_error == "fail":
            raise problem
        self.tally.skipped += 1
        reason = problem.reason
        line = getattr(problem, "line", None)
        where = problem.source if line is None else f"{problem.source}:{line}"
        self.tally.note(where, "skipped", reason)
        if report is not None and self.args.report:
            report.write(dumps_record({"id": None, "source": problem.source, "line": line,
                                       "outcome": "skipped", "reason": reason}))


def _line(item: Item) -> int | None:
    where = origin(item.doc)
    return where.line if where else None


def _doc_id(item: Item) -> str:
    if item.doc.id:
        return item.doc.id
    where = origin(item.doc)
    return str(where) if where else ""


def _pairs(run: _Run, index: Index, report: IO[bytes], bar: tqdm, seen: set[str],
           ) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every document; an id seen twice is a bad record (see --on-error).
    *seen* holds the ids the index has not taken yet (it is emptied as the index takes each
    batch): the rest the index answers for, in bounded memory."""
    for doc in run.documents(report, first=True):
        if doc.doc_id in seen or doc.doc_id in index:
            where = origin(doc.item.doc)
            msg = f"id {doc.doc_id!r} occurs twice" + ("" if doc.doc_id in seen
                                                       else " (in the index)")
            run.skip(doc.n, InputError(msg, source=where.source if where else "",
                                       line=where.line if where else None,
                                       field=run.options.id_field), report)
            continue
        seen.add(doc.doc_id)
        bar.update()
        yield doc.doc_id, doc.text


def _find(run: _Run, index: Index, report: IO[bytes], bar: tqdm) -> Removal:
    """Dedup the run's documents against *index*; the lookup of what it removed."""
    seen: set[str] = set()
    docs = _pairs(run, index, report, bar, seen)
    if isinstance(index, NearDupIndex):
        return in_memory_removals(index.add(docs, progress=lambda _: seen.clear()))
    return removals(index, index.add(docs, progress=lambda _: seen.clear()))


def _write(run: _Run, removal: Removal, out: RecordSink, removed_out: RecordSink | None,
           report: IO[bytes] | None) -> None:
    options = run.options
    for doc in run.documents(None, first=False):
        record = to_record(_with_text(doc), text_field=options.text_field,
                           id_field=options.id_field)
        dup = removal(doc.doc_id)
        if dup is None:
            run.tally.out += 1
            out.write(record)
            continue
        run.tally.removed += 1
        reason = f"near-duplicate of {dup[0]!r} (Jaccard {dup[1]:.3f})"
        if report is not None:
            where = origin(doc.item.doc)
            report.write(dumps_record({"id": doc.doc_id, "source": doc.item.file.path,
                                       "line": where.line if where else None,
                                       "outcome": "removed", "reason": reason}))
        if removed_out is not None:
            record["duplicate_of"] = dup[0]
            record["jaccard"] = round(dup[1], 6)
            removed_out.write(record)


def _with_text(doc: Doc) -> Document:
    """The document with the text it was compared by (a page's extracted text), unless its
    record holds raw HTML in a field of its own, which is written as it came."""
    if doc.item.html is None or doc.item.file.kind not in ("html", "warc"):
        return doc.item.doc
    return dataclasses.replace(doc.item.doc, text=doc.text)


@contextlib.contextmanager
def _spooled(files: list[InputFile]) -> Iterator[list[InputFile]]:
    """Standard input copied to a temporary file, so that it can be read twice."""
    with contextlib.ExitStack() as stack:
        out = []
        for file in files:
            if file.rel == "-":
                tmp = stack.enter_context(tempfile.NamedTemporaryFile(suffix=".input"))
                shutil.copyfileobj(sys.stdin.buffer, tmp)
                tmp.flush()
                file = InputFile(tmp.name, "-", file.kind)
            out.append(file)
        yield out


@contextlib.contextmanager
def _records_to(path: str) -> Iterator[RecordSink]:
    """Records to *path* in the format its name says, or JSONL to standard output for ``-``."""
    if path != "-":
        with record_output(path) as records:
            yield records
        return
    sys.stdout.flush()
    records = record_writer(sys.stdout.buffer, None)
    yield records
    records.close()
    sys.stdout.buffer.flush()


def run(args: argparse.Namespace) -> int:
    """Run ``cleanseed dedup`` with parsed *args*; return the exit code."""
    if args.engine == "ray":
        return cli_ray.run_dedup(args)
    listed = expand_paths(args.paths, fmt=args.format, stdin_kind="jsonl")
    outputs = [("-o", args.output)] + [(flag, path) for flag, path in (
        ("--removed", args.removed), ("--report", args.report)) if path]
    check_paths(outputs, read_paths(listed),
                folders=[("--index", args.index)] if args.index is not None else [])
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    with contextlib.ExitStack() as held:
        if args.index:  # held from load to save: a second run on the index waits for this one
            held.enter_context(index_lock(args.index))
        index = open_index(args, held)
        with _spooled(listed) as files, contextlib.ExitStack() as stack:
            run_ = _Run(args, files)
            report = stack.enter_context(atomic_writer(args.report)) if args.report else None
            with tqdm(unit=" docs", file=sys.stderr, disable=not progress, delay=1.0,
                      mininterval=0.5, desc="dedup", dynamic_ncols=True) as bar:
                removal = _find(run_, index, report or _NOWHERE, bar)
            out = stack.enter_context(_records_to(args.output))
            removed = stack.enter_context(record_output(args.removed)) if args.removed else None
            _write(run_, removal, out, removed, report)
        if isinstance(index, DiskIndex):
            index.commit()
        elif isinstance(index, NearDupIndex):
            index.save(args.index)
    if not args.quiet:
        tally = run_.tally
        sys.stderr.write(f"dedup: {tally.out + tally.removed} documents read, {tally.out} kept, "
                         f"{tally.removed} removed as near-duplicates "
                         f"(threshold {index.config.threshold})"
                         + (f"; index {args.index}: {len(index)} documents\n" if args.index
                            else "\n"))
        sys.stderr.write(summary(tally, report=args.report))
    return 0


class _Nowhere:
    """A report that is not kept: the first pass still accounts for what it skips."""

    def write(self, data: bytes) -> int:
        return len(data)


_NOWHERE = cast(IO[bytes], _Nowhere())
