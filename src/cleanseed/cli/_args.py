"""The arguments the commands share: the argparse types, each turning an option's text into a
value or saying what it expected (argparse prints that and exits with code 2); the input and
limit options of ``clean`` and ``explain``, and what they ask to read.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

from cleanseed.cli._config_args import add_config_options
from cleanseed.cli._limits import Limits
from cleanseed.errors import ConfigError
from cleanseed.records.inputs import InputFile, Item, ReadOptions, origin
from cleanseed.records.outputs import Target, check_outputs
from cleanseed.records.read import expand_paths

__all__ = ["UsageError", "at_least", "check_paths", "count", "input_options", "positive",
           "read_paths", "read_setup", "threshold", "where"]

N = TypeVar("N", int, float)


def _number(kind: Callable[[str], N], text: str) -> N | None:
    try:
        return kind(text)
    except ValueError:
        return None


def positive(kind: Callable[[str], N]) -> Callable[[str], N]:
    """Return a type for a finite number above zero, of *kind* (``int`` or ``float``).

    >>> positive(float)("0.5")
    0.5
    """
    def parse(text: str) -> N:
        value = _number(kind, text)
        if value is None or not value > 0 or value == math.inf:  # not > 0: NaN too
            msg = f"expected a positive number, got {text!r}"
            raise argparse.ArgumentTypeError(msg)
        return value

    parse.__name__ = getattr(kind, "__name__", "number")  # argparse names the type with it
    return parse


def at_least(minimum: int, message: str) -> Callable[[str], int]:
    """Return a type for a whole number of at least *minimum*; *message* formats the text given.

    >>> at_least(1, "expected a positive whole number, got {!r}")("4")
    4
    """
    def parse(text: str) -> int:
        value = _number(int, text)
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(message.format(text))
        return value

    return parse


def count(text: str) -> int:
    """A whole number of zero or more, written in plain digits (no sign, no space)."""
    if not text.isdigit():
        msg = f"expected a whole number >= 0, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def threshold(text: str) -> float:
    """A Jaccard similarity threshold: a number in (0, 1]."""
    value = _number(float, text)
    if value is None or not 0.0 < value <= 1.0:
        msg = f"expected a number in (0, 1], got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def memory_size(text: str) -> int:
    """A size in bytes: a number with an optional K, M, G or T (binary units), e.g. 512M."""
    body = text.strip().upper().removesuffix("B")
    unit = body[-1:] if body[-1:] in _UNITS else ""
    value = _number(float, body[: len(body) - len(unit)])
    if value is None or not 0 < value < float(1 << 62):
        msg = f"expected a size such as 4G or 512M, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(value * _UNITS[unit])


class UsageError(Exception):
    """Options that do not fit together, found after parsing (exit code 2)."""


def check_paths(outputs: Sequence[tuple[str, str | os.PathLike[str]]], inputs: Iterable[str],
                *, folders: Sequence[tuple[str, str]] = (), make: Collection[str] = (),
                ) -> list[Target]:
    """Check a command's output paths before any work (see
    :func:`cleanseed.records.outputs.check_outputs`): an output that is an input, or two outputs
    that are one file, is a usage error; a path that cannot be written, an OutputError."""
    try:
        return check_outputs(outputs, inputs, folders=folders, make=make)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def read_paths(files: Iterable[InputFile]) -> list[str]:
    """The paths *files* are read from, ``-`` for stdin: what outputs are checked against."""
    return [f.rel if f.rel == "-" else f.path for f in files]


def add_error_options(group: argparse._ArgumentGroup) -> None:
    """``--encoding-errors`` and ``--on-error``, declared once for every command that reads
    records (``clean``, ``explain``, ``dedup``)."""
    group.add_argument("--encoding-errors", choices=["strict", "replace"], default="strict",
                       help="a non-UTF-8 file or line: an error (strict), or decoded with "
                            "U+FFFD in place of bad bytes (replace)")
    group.add_argument("--on-error", choices=["fail", "skip"], default="fail",
                       help="a bad record: stop with exit code 1 (fail), or skip it, count it "
                            "and list it in --report (skip)")


def input_options() -> argparse.ArgumentParser:
    """The options ``clean`` and ``explain`` share: inputs, how to read them, limits."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="+", metavar="PATH",
                        help="text, HTML, JSON, JSONL, CSV, TSV, Parquet, WARC or WET files "
                             "(.gz, .bz2, .xz, .zst too), folders, or - for stdin")
    group = common.add_argument_group("input")
    group.add_argument("--format", default="auto",
                       choices=["auto", "text", "jsonl", "json", "html", "csv", "tsv", "parquet",
                                "warc"],
                       help="read every input as this (default: by suffix; stdin is text, or "
                            "JSONL when --text-field or --html-field is given)")
    group.add_argument("--text-field", default=None, help="record field holding the text "
                       "(default: text); cleaned text is written back to it")
    group.add_argument("--id-field", default="id",
                       help="record field holding the id (default: id)")
    group.add_argument("--html-field", help="record field holding raw HTML to clean (left out "
                       "of the output unless --keep-html)")
    group.add_argument("--keep-html", action="store_true",
                       help="keep the --html-field field in the records written out")
    group.add_argument("--charset", metavar="LABEL", help="the charset HTML files are in, as "
                       "a server's header would say it (a page's byte order mark still wins)")
    add_error_options(group)
    limits = common.add_argument_group("limits")
    limits.add_argument("--max-chars", type=positive(int), default=Limits().max_chars,
                        help="size cap per document, in characters (bytes for raw HTML)")
    limits.add_argument("--max-html-bytes", type=positive(int),
                        default=Limits().max_html_bytes,
                        help="size cap per raw HTML page, in bytes (default 5 MB: parsing HTML "
                             "takes up to about 170 bytes of memory a byte)")
    limits.add_argument("--on-oversize", choices=["truncate", "skip"], default="truncate",
                        help="a document over the cap: keep its start, cut at a line break "
                             "(truncate), or skip it (skip); either way it is reported")
    limits.add_argument("--time-budget", type=positive(float), metavar="SECONDS",
                        help="seconds one document may take; a slower one is skipped and reported")
    add_config_options(common)
    return common


def read_setup(args: argparse.Namespace) -> tuple[list[InputFile], ReadOptions, Limits]:
    """The files, read options and limits that *args* ask for."""
    explicit = args.text_field is not None or args.html_field is not None
    files = expand_paths(args.paths, fmt=args.format, stdin_kind="jsonl" if explicit else "text")
    limits = Limits(max_chars=args.max_chars, max_html_bytes=args.max_html_bytes,
                    on_oversize=args.on_oversize, time_budget=args.time_budget)
    # the reader holds no more of a document than its cap: a gzip bomb costs time, not memory
    options = ReadOptions(text_field=args.text_field or "text", id_field=args.id_field,
                          html_field=args.html_field, encoding_errors=args.encoding_errors,
                          keep_html=args.keep_html, charset=args.charset,
                          max_line_bytes=8 * args.max_chars + (1 << 20),  # JSON escapes
                          max_chars=limits.max_chars, max_html_chars=limits.cap(html=True))
    return files, options, limits


def where(item: Item) -> str:
    """Where *item* came from, for a message: file and line, or the file."""
    found = origin(item.doc)
    return str(found) if found else item.file.path
