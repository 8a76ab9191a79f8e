"""The ``cleanseed dedup`` command: near-duplicate documents out of JSONL (or JSON) corpora.

    cleanseed dedup IN.jsonl [MORE ...] -o OUT.jsonl [--removed REMOVED.jsonl] [--index DIR]

The input is read twice: once to find the duplicates (only ids, signatures and shingle sets are
held, not the texts), once to write the kept records to ``-o`` and the removed ones, with
``duplicate_of`` and ``jaccard`` fields added, to ``--removed``. Records keep their fields and
their order; an output named ``.json`` holds them as one JSON array. With ``--index DIR`` the
documents are also checked against an index saved by an earlier run, and the index, extended
with this run's documents, is saved back (only after the outputs are written). Standard input
(``-``) is spooled to a temporary file for the second pass.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from tqdm import tqdm

from cleanseed.cli import ray_engine as cli_ray
from cleanseed.cli._args import threshold
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupConfig, DedupResult
from cleanseed.document import Document
from cleanseed.errors import InputError
from cleanseed.records.inputs import InputFile, ReadOptions, origin
from cleanseed.records.read import expand_paths, iter_items
from cleanseed.records.writers import RecordWriter, record_file, to_record

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``dedup`` subcommand on *subparsers*; it runs :func:`run`."""
    sub = subparsers.add_parser(
        "dedup", help="remove near-duplicate documents",
        description="Remove near-duplicate documents (exact Jaccard of word 5-gram sets >= "
                    "threshold); keep the first of each cluster. The summary goes to stderr.")
    sub.add_argument("paths", nargs="+", metavar="PATH",
                     help="JSONL or JSON files (.gz too), folders of them, or - for stdin")
    sub.add_argument("-o", "--output", required=True, metavar="OUT.jsonl",
                     help="kept records (written atomically; .gz is compressed)")
    sub.add_argument("--removed", metavar="REMOVED.jsonl",
                     help="removed records, with 'duplicate_of' and 'jaccard' fields added")
    sub.add_argument("--index", metavar="DIR", help="an index to dedup against and extend: "
                     "loaded if DIR holds one, saved to DIR at the end")
    sub.add_argument("--threshold", type=threshold, default=None,
                     help="Jaccard at or above which documents are duplicates (default 0.8, "
                          "or the one stored in --index)")
    sub.add_argument("--text-field", default="text", help="JSONL field holding the text")
    sub.add_argument("--id-field", default="id", help="JSONL field holding the id (records "
                     "without one are named FILE:LINE)")
    sub.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on stderr (default: when stderr is a terminal)")
    sub.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    sub.set_defaults(run=run)
    cli_ray.add_engine_options(sub)
    return cast(argparse.ArgumentParser, sub)


def _open_index(args: argparse.Namespace) -> NearDupIndex:
    wanted = None if args.threshold is None else DedupConfig(threshold=args.threshold)
    if args.index and (Path(args.index) / "params.json").exists():
        return NearDupIndex.load(args.index, wanted)
    return NearDupIndex(wanted)


def _documents(files: list[InputFile], options: ReadOptions) -> Iterator[Document]:
    for item in iter_items(files, options):
        if isinstance(item, InputError):
            raise item
        if item.html is not None:
            msg = "raw HTML cannot be deduplicated: clean it to text first (cleanseed clean)"
            raise InputError(msg, source=item.file.path)
        yield item.doc


def _doc_id(doc: Document) -> str:
    if doc.id:
        return doc.id
    where = origin(doc)
    return str(where) if where else ""


def _pairs(files: list[InputFile], options: ReadOptions, index: NearDupIndex,
           bar: tqdm) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every record; an id seen twice is reported with its file and line."""
    seen: set[str] = set()
    for doc in _documents(files, options):
        doc_id = _doc_id(doc)
        if doc_id in seen or doc_id in index:
            where = origin(doc)
            msg = f"id {doc_id!r} occurs twice" + ("" if doc_id in seen else " (in the index)")
            raise InputError(msg, source=where.source if where else "",
                             line=where.line if where else None, field=options.id_field)
        seen.add(doc_id)
        bar.update()
        yield doc_id, doc.text


def _write(files: list[InputFile], options: ReadOptions, result: DedupResult,
           out: RecordWriter, removed_out: RecordWriter | None) -> None:
    for doc in _documents(files, options):
        record = to_record(doc, text_field=options.text_field, id_field=options.id_field)
        dup = result.removed.get(_doc_id(doc))
        if dup is None:
            out.write(record)
        elif removed_out is not None:
            record["duplicate_of"] = dup.duplicate_of
            record["jaccard"] = round(dup.jaccard, 6)
            removed_out.write(record)


@contextlib.contextmanager
def _spooled(files: list[InputFile]) -> Iterator[list[InputFile]]:
    """Standard input copied to a temporary file, so that it can be read twice."""
    with contextlib.ExitStack() as stack:
        out = []
        for file in files:
            if file.rel == "-":
                tmp = stack.enter_context(tempfile.NamedTemporaryFile(suffix=".jsonl"))
                shutil.copyfileobj(sys.stdin.buffer, tmp)
                tmp.flush()
                file = InputFile(tmp.name, "-", "jsonl")
            out.append(file)
        yield out


def run(args: argparse.Namespace) -> int:
    """Run ``cleanseed dedup`` with parsed *args*; return the exit code."""
    if args.engine == "ray":
        return cli_ray.run_dedup(args)
    options = ReadOptions(text_field=args.text_field, id_field=args.id_field)
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    index = _open_index(args)
    before = len(index)
    with _spooled(expand_paths(args.paths, stdin_kind="jsonl")) as files:
        with tqdm(unit=" docs", file=sys.stderr, disable=not progress, delay=1.0,
                  mininterval=0.5, desc="dedup", dynamic_ncols=True) as bar:
            result = index.add(_pairs(files, options, index, bar))
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(record_file(args.output))
            removed = stack.enter_context(record_file(args.removed)) if args.removed else None
            _write(files, options, result, out, removed)
    if args.index:
        index.save(args.index)
    if not args.quiet:
        read = len(index) - before
        sys.stderr.write(f"dedup: {read} documents read, {len(result.kept)} kept, "
                         f"{len(result.removed)} removed as near-duplicates "
                         f"(threshold {index.config.threshold})"
                         + (f"; index {args.index}: {len(index)} documents\n" if args.index
                            else "\n"))
    return 0
