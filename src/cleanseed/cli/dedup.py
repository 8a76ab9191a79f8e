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
import collections
import contextlib
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import numpy as np
from tqdm import tqdm

from cleanseed.cli import ray_engine as cli_ray
from cleanseed.cli._args import memory_size, threshold
from cleanseed.corpus.budget import BudgetIndex
from cleanseed.corpus.disk_index import (
    DEFAULT_MEMORY,
    DiskIndex,
    Positions,
    RepeatedId,
    is_disk_index,
)
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
                     "opened if DIR holds one (never loaded whole), committed at the end")
    sub.add_argument("--memory", type=memory_size, default=DEFAULT_MEMORY, metavar="SIZE",
                     help="memory budget, e.g. 4G or 512M (default 4G): what does not fit goes "
                          "to disk, with the same result")
    sub.add_argument("--work-dir", metavar="DIR", help="where the run's data goes on disk "
                     "(default: the system's temporary folder; with --index, the index)")
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


Index = NearDupIndex | DiskIndex | BudgetIndex


def _open_index(args: argparse.Namespace, stack: contextlib.ExitStack) -> Index:
    """The index of --index (an in-memory one saved by an earlier version is loaded as
    before), or one for this run: in memory if it fits --memory, else in a temporary folder."""
    wanted = None if args.threshold is None else DedupConfig(threshold=args.threshold)
    if not args.index:
        return stack.enter_context(BudgetIndex(wanted, memory=args.memory,
                                               work_dir=args.work_dir))
    if (Path(args.index) / "params.json").exists() and not is_disk_index(args.index):
        return NearDupIndex.load(args.index, wanted)
    return stack.enter_context(DiskIndex(args.index, wanted, memory=args.memory))


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


def _pairs(files: list[InputFile], options: ReadOptions, bar: tqdm,
           recent: collections.deque[Any]) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every record; the latest ones' origins are kept in *recent* with their
    rank in the run, to name the file and line of an id the index finds twice."""
    for rank, doc in enumerate(_documents(files, options)):
        recent.append((rank, origin(doc)))
        bar.update()
        yield _doc_id(doc), doc.text


def _located(msg: str, where: Any, options: ReadOptions) -> InputError:
    return InputError(msg, source=where.source if where else "",
                      line=where.line if where else None, field=options.id_field)


Removal = Callable[[str], "tuple[Any, float] | None"]


def _in_memory_removals(result: DedupResult) -> Removal:
    def lookup(doc_id: str) -> tuple[Any, float] | None:
        dup = result.removed.get(doc_id)
        return None if dup is None else (dup.duplicate_of, dup.jaccard)
    return lookup


def _removals(index: DiskIndex | BudgetIndex, found: Positions) -> Removal:
    """Whether each document, in input order, was removed: a walk over sorted positions."""
    targets, which = np.unique(found.targets, return_inverse=True)
    target_ids = index.ids(targets)
    state = {"pos": found.start - 1, "next": 0}

    def lookup(doc_id: str) -> tuple[Any, float] | None:
        state["pos"] += 1
        k = state["next"]
        if k < len(found.removed) and found.removed[k] == state["pos"]:
            state["next"] = k + 1
            return target_ids[which[k]], float(found.jaccards[k])
        return None
    return lookup


def _write(files: list[InputFile], options: ReadOptions, removal: Removal,
           out: RecordWriter, removed_out: RecordWriter | None) -> None:
    for doc in _documents(files, options):
        record = to_record(doc, text_field=options.text_field, id_field=options.id_field)
        dup = removal(_doc_id(doc))
        if dup is None:
            out.write(record)
        elif removed_out is not None:
            record["duplicate_of"] = dup[0]
            record["jaccard"] = round(dup[1], 6)
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


def _find(index: Index, files: list[InputFile], options: ReadOptions,
          bar: tqdm) -> tuple[Removal, int]:
    """Dedup the records of *files* against *index*; return the lookup of removals, and how
    many were removed."""
    recent: collections.deque[Any] = collections.deque(maxlen=1 << 16)
    start = len(index)
    try:
        if isinstance(index, NearDupIndex):
            result = index.add(_pairs(files, options, bar, recent))
            return _in_memory_removals(result), len(result.removed)
        found = index.add(_pairs(files, options, bar, recent))
    except RepeatedId as err:  # the id's record is among the latest read
        where = next((at for rank, at in recent if rank == err.position - start), None)
        raise _located(f"id {err.doc_id!r} occurs twice", where, options) from None
    return _removals(index, found), len(found.removed)


def run(args: argparse.Namespace) -> int:
    """Run ``cleanseed dedup`` with parsed *args*; return the exit code."""
    if args.engine == "ray":
        return cli_ray.run_dedup(args)
    options = ReadOptions(text_field=args.text_field, id_field=args.id_field)
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    with contextlib.ExitStack() as keep:
        index = _open_index(args, keep)
        before = len(index)
        with _spooled(expand_paths(args.paths, stdin_kind="jsonl")) as files:
            with tqdm(unit=" docs", file=sys.stderr, disable=not progress, delay=1.0,
                      mininterval=0.5, desc="dedup", dynamic_ncols=True) as bar:
                removal, removed_count = _find(index, files, options, bar)
            with contextlib.ExitStack() as stack:
                out = stack.enter_context(record_file(args.output))
                removed = stack.enter_context(record_file(args.removed)) if args.removed else None
                _write(files, options, removal, out, removed)
        if isinstance(index, DiskIndex):
            index.commit()
        elif isinstance(index, NearDupIndex):
            index.save(args.index)
        read = len(index) - before
        if not args.quiet:
            sys.stderr.write(f"dedup: {read} documents read, {read - removed_count} kept, "
                             f"{removed_count} removed as near-duplicates "
                             f"(threshold {index.config.threshold})"
                             + (f"; index {args.index}: {len(index)} documents\n" if args.index
                                else "\n"))
    return 0
