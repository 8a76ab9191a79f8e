"""``cleanseed explain``: each document's removals shown in context, ``- [rule] text``.

The lines are worded in :mod:`cleanseed.cli._view`; a document runs in a worker process, so
one stuck inside C code is stopped from outside and reported.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from cleanseed.cli._args import check_paths, count, read_paths, read_setup, where
from cleanseed.cli._config_args import config_of, config_text
from cleanseed.cli._view import Paint, explain_document, skipped_line
from cleanseed.cli._workers import HUNG, ordered_map
from cleanseed.cli.clean import item_timeout, payload, utf8
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.formats import Skipped
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


def _explain_intake(items: Iterable[Item | InputError | Skipped], skip: bool,
                    ) -> Iterator[Item]:
    """Pass on documents; fail on a bad record, or say on stderr that it is skipped; what holds
    no document is passed over (a file of unknown kind said on stderr)."""
    for item in items:
        if isinstance(item, Item):
            yield item
        elif isinstance(item, Skipped):
            if not item.bulk:
                print(f"cleanseed: skipped {item.source}: {item.reason}", file=sys.stderr)
        elif skip:
            print(f"cleanseed: skipped {item}", file=sys.stderr)
        else:
            raise item


def run(args: argparse.Namespace) -> int:
    """Run ``cleanseed explain`` with the parsed *args*; return the exit code."""
    files, options, limits = read_setup(args)
    check_paths([("stdout", "-")], read_paths(files))
    paint = Paint(args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ))

    def stopped(item: Item, reason: str) -> tuple[list[str], str | None]:
        return ([skipped_line(reason, paint)], None) if reason == HUNG else ([], reason)

    sys.stdout.flush()
    out = sys.stdout.buffer
    items = _explain_intake(iter_items(files, options), args.on_error == "skip")
    send = functools.partial(payload, config=config_text(config_of(args)))
    shown = ordered_map(functools.partial(explain_document, limits, paint, args.context), items,
                        chunksize=1, payload=send, on_crash=stopped,
                        item_timeout=item_timeout(limits))
    with contextlib.closing(shown):  # an interrupted run stops its workers at once
        _show(shown, out, paint, args)
    return 0


def _show(shown: Iterable[tuple[Item, tuple[list[str], str | None]]], out: IO[bytes],
          paint: Paint, args: argparse.Namespace) -> None:
    for item, (lines, error) in shown:
        if error is not None:
            if args.on_error == "fail":
                raise CleanseedError(f"{where(item)}: {error}")
            print(f"cleanseed: skipped {where(item)}: {error}", file=sys.stderr)
            continue
        out.write(utf8(paint.bold(f"== {where(item)}") + "\n"))
        out.write(utf8("".join(line + "\n" for line in lines)))
