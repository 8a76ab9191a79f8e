"""``cleanseed explain``: each document's removals shown in context, ``- [rule] text``.

The lines are worded in :mod:`cleanseed.cli._view`; a document runs in a worker process, so
one stuck inside C code is stopped from outside and reported.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from cleanseed.cli._args import count, read_setup, where
from cleanseed.cli._view import Paint, explain_document, skipped_line
from cleanseed.cli._workers import HUNG, ordered_map
from cleanseed.cli.clean import item_timeout, payload, utf8
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.inputs import Item
from cleanseed.records.read import iter_items

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register the ``explain`` subcommand on *subparsers*; it runs :func:`run`."""
    sub = subparsers.add_parser("explain", parents=[common], help="show what cleaning removes",
                                description="Show each removal in context: '- [rule] text'.")
    sub.add_argument("--context", type=count, default=1, metavar="N",
                     help="kept lines shown around each removal (default 1)")
    sub.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                     help="colour the output (default: when stdout is a terminal)")
    sub.set_defaults(run=run)


def _explain_intake(items: Iterable[Item | InputError], skip: bool) -> Iterator[Item]:
    """Pass on documents; fail on a bad record, or say on stderr that it is skipped."""
    for item in items:
        if isinstance(item, Item):
            yield item
        elif skip:
            print(f"cleanseed: skipped {item}", file=sys.stderr)
        else:
            raise item


def run(args: argparse.Namespace) -> int:
    """Run ``cleanseed explain`` with the parsed *args*; return the exit code."""
    files, options, limits = read_setup(args)
    paint = Paint(args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ))

    def stopped(item: Item, reason: str) -> tuple[list[str], str | None]:
        return ([skipped_line(reason, paint)], None) if reason == HUNG else ([], reason)

    sys.stdout.flush()
    out = sys.stdout.buffer
    items = _explain_intake(iter_items(files, options), args.on_error == "skip")
    shown = ordered_map(functools.partial(explain_document, limits, paint, args.context), items,
                        chunksize=1, payload=payload, on_crash=stopped,
                        item_timeout=item_timeout(limits))
    for item, (lines, error) in shown:
        if error is not None:
            if args.on_error == "fail":
                raise CleanseedError(f"{where(item)}: {error}")
            print(f"cleanseed: skipped {where(item)}: {error}", file=sys.stderr)
            continue
        out.write(utf8(paint.bold(f"== {where(item)}") + "\n"))
        out.write(utf8("".join(line + "\n" for line in lines)))
    return 0
