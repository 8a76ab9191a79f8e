"""``--engine ray`` for ``cleanseed clean`` and ``cleanseed dedup``: the same commands on Ray.

Input is Parquet, JSON or JSONL files (or folders of them), a ``.json`` file read as the local
engine reads it (an array of records, one record, or JSONL); output is Parquet or JSONL (a name
ending in ``.json`` is refused: the local engine writes one JSON array there). Without
``--address`` the run starts a private cluster on this machine, reachable from 127.0.0.1 only
(see :func:`cleanseed.ray.local_cluster`), and stops it at the end; with ``--address`` it joins a
running cluster. The output holds what the local engine writes for the same input: the cleaned
records, or the kept records and (``--removed``) the removed ones with ``duplicate_of`` and
``jaccard``, in input order. ``clean`` to JSONL writes each JSON(L) record back byte for byte as
the local engine does, its fields never typed by Arrow (see :func:`cleanseed.ray.read`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from cleanseed.cli._args import UsageError, at_least, check_paths
from cleanseed.cli._limits import Limits
from cleanseed.errors import CleanseedError
from cleanseed.records.inputs import kind_of

__all__ = ["add_engine_options", "run_clean", "run_dedup"]

#: Options of the local engine that have no meaning on Ray, with the value that means "unset".
_LOCAL_ONLY: dict[str, dict[str, Any]] = {
    "clean": {"output_dir": None, "report": None, "html_field": None, "workers": 1,
              "time_budget": None, "on_error": "fail", "max_chars": Limits().max_chars,
              "max_html_bytes": Limits().max_html_bytes,
              "on_oversize": "truncate", "encoding_errors": "strict", "config": None,
              "settings": [], "steps": None, "extractor": None, "disabled_rules": [],
              "charset": None, "keep_html": False, "rejected": None, "repair_damage": False},
    "dedup": {"index": None, "html_field": None, "report": None, "workers": 1,
              "on_error": "fail", "encoding_errors": "strict", "charset": None},
}


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--engine``, ``--address``, ``--num-cpus`` and ``--object-store-mb`` to *parser*."""
    group = parser.add_argument_group("engine")
    group.add_argument("--engine", choices=["local", "ray"], default="local",
                       help="run here (default) or on Ray; Ray reads Parquet, JSON or JSONL and "
                            "writes Parquet or JSONL")
    group.add_argument("--address", metavar="HOST:PORT",
                       help="with --engine ray: join this running cluster (default: start a "
                            "private one on this machine, reachable from 127.0.0.1 only)")
    group.add_argument("--num-cpus", metavar="N",
                       type=at_least(1, "expected a positive whole number, got {!r}"),
                       help="CPUs of the private cluster (default: all of this machine's)")
    group.add_argument("--object-store-mb", default=1024, metavar="MB", type=at_least(
                           100, "expected a whole number of megabytes, at least 100; got {!r}"),
                       help="object store of the private cluster; beyond it Ray spills to disk "
                            "(default 1024)")


def _usage(command: str, args: argparse.Namespace) -> str | None:
    """Return why *args* cannot run on Ray, or None."""
    for name, unset in _LOCAL_ONLY[command].items():
        if getattr(args, name, unset) != unset:
            return f"--{name.replace('_', '-')} is not available with --engine ray"
    if getattr(args, "format", "auto") not in ("auto", "jsonl") or \
            getattr(args, "to", "auto") not in ("auto", "jsonl"):
        return "--engine ray reads and writes Parquet or JSONL only"
    outputs = [getattr(args, "output", None), getattr(args, "removed", None)]
    if "-" in [*args.paths, *outputs] or args.output is None:
        return "--engine ray reads and writes files: give them by name (not -), and -o"
    if any(kind_of(path)[0] == "json" for path in outputs if path is not None):
        return "--engine ray writes JSONL, not one JSON array: name the output .jsonl"
    if args.address is not None and (args.num_cpus is not None
                                     or args.object_store_mb != 1024):
        return "--num-cpus and --object-store-mb size a private cluster, not one at --address"
    return None


def _input_files(paths: Sequence[str]) -> Iterator[str]:
    """Every file the inputs name or hold, to check the outputs against."""
    for path in paths:
        if not Path(path).is_dir():
            yield path
            continue
        for folder, _, names in os.walk(path, followlinks=True):
            yield from (str(Path(folder, name)) for name in names)


def _check_outputs(args: argparse.Namespace) -> None:
    """Check the outputs against the inputs and each other before a cluster starts; a name
    without a file suffix is a folder of part files, which no input may lie in."""
    from cleanseed.ray import format_of

    files: list[tuple[str, str]] = []
    folders: list[tuple[str, str]] = []
    for option, path in (("-o", args.output), ("--removed", getattr(args, "removed", None))):
        if path is not None:
            (files if format_of(path) else folders).append((option, path))
    check_paths(files, _input_files(args.paths), folders=folders)


@contextlib.contextmanager
def _session(args: argparse.Namespace) -> Iterator[Any]:
    """Start or join the cluster; set Ray Data up for a command-line run, and back afterwards."""
    from cleanseed import ray as cr

    if args.address is not None:
        cluster = cr.connect(args.address)
    else:
        cluster = cr.local_cluster(num_cpus=args.num_cpus,
                                   object_store_memory=args.object_store_mb * 2**20)
    with cluster:
        import ray

        with warnings.catch_warnings():
            # Ray's DataContext warns about its own deprecated fields when it is first built
            warnings.simplefilter("ignore", DeprecationWarning)
            context = ray.data.DataContext.get_current()
        settings = {
            "raise_original_map_exception": True,  # cleanseed's errors, not Ray's wrapper
            "enable_progress_bars": bool(getattr(args, "progress", False)),
            "print_on_execution_start": False,
        }
        saved = {name: getattr(context, name) for name in settings}
        order = context.execution_options.preserve_order
        try:
            for name, value in settings.items():
                setattr(context, name, value)
            context.execution_options.preserve_order = True  # outputs in input order
            yield cr
        finally:
            for name, value in saved.items():
                setattr(context, name, value)
            context.execution_options.preserve_order = order


def _unwrapped(exc: CleanseedError) -> CleanseedError:
    """The cleanseed error a worker raised, without Ray's wrapper and its remote traceback."""
    cause = getattr(exc, "cause", None)
    return cause if isinstance(cause, CleanseedError) else exc


def _run(command: str, args: argparse.Namespace, body: Callable[[Any], str]) -> int:
    problem = _usage(command, args)
    if problem is None:
        try:
            _check_outputs(args)
        except UsageError as exc:
            problem = str(exc)
    if problem is not None:
        print(f"cleanseed {command}: error: {problem}", file=sys.stderr)
        return 2
    try:
        with _session(args) as cr:
            line = body(cr)
    except CleanseedError as exc:
        raise _unwrapped(exc) from None
    if not args.quiet:
        sys.stderr.write(line + "\n")
    return 0


def run_clean(args: argparse.Namespace) -> int:
    """Run ``cleanseed clean --engine ray`` with parsed *args*; return the exit code."""
    text_field = args.text_field or "text"

    def body(cr: Any) -> str:
        # --format jsonl reads .json files as JSONL, as it does on the local engine; JSONL out
        # gets each record back as it came, its text cleaned, not as Arrow would retype it
        verbatim = kind_of(args.output)[0] == "jsonl"
        ds, rows = cr.read(args.paths, fmt="jsonl" if args.format == "jsonl" else None,
                           text_column=text_field if verbatim else None)
        out = cr.clean(ds, text_column=text_field, explain=args.explain, num_rows=rows)
        if not args.keep_empty:
            out = out.map_batches(_non_empty, fn_kwargs={"column": text_field},
                                  batch_format="pyarrow")
        written = cr.write(out, args.output, json_columns=["removals"] if args.explain else [])
        if written is None or rows is None:
            return f"cleanseed: output written to {args.output}"
        return f"cleanseed: in {rows:,} = out {written:,} + removed {rows - written:,} (emptied)"

    return _run("clean", args, body)


def _non_empty(table: Any, column: str) -> Any:
    """The rows whose text cleaning did not empty (the local engine leaves those out too)."""
    import pyarrow.compute as pc

    return table.filter(pc.not_equal(table.column(column), ""))


def run_dedup(args: argparse.Namespace) -> int:
    """Run ``cleanseed dedup --engine ray`` with parsed *args*; return the exit code."""
    threshold = 0.8 if args.threshold is None else args.threshold

    def body(cr: Any) -> str:
        ds, _ = cr.read(args.paths)
        found = cr.find_duplicates(ds, text_column=args.text_field, id_column=args.id_field,
                                   threshold=threshold)
        cr.write(found.kept, args.output)
        if args.removed:
            cr.write(found.removed.map_batches(_rounded, batch_format="pyarrow"), args.removed)
        # both are made of blocks already computed: counting them reads no data again
        kept, removed = found.kept.count(), found.removed.count()
        return (f"dedup: {kept + removed} documents read, {kept} kept, {removed} removed as "
                f"near-duplicates (threshold {threshold})")

    return _run("dedup", args, body)


def _rounded(table: Any) -> Any:
    """Jaccard to 6 digits, as the local engine writes it."""
    import pyarrow.compute as pc

    index = table.schema.get_field_index("jaccard")
    return table.set_column(index, "jaccard", pc.round(table.column(index), 6))
