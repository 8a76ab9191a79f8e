"""The command line: ``cleanseed clean`` cleans documents, ``cleanseed explain`` shows why,
``cleanseed dedup`` removes near-duplicate documents.

One module a command (:mod:`~cleanseed.cli.clean`, :mod:`~cleanseed.cli.explain`,
:mod:`~cleanseed.cli.dedup`; :mod:`~cleanseed.cli.ray_engine` runs clean and dedup on Ray);
:mod:`~cleanseed.cli._view` words what a run shows; :mod:`~cleanseed.cli._args` holds the shared
options and their checks; :mod:`~cleanseed.cli._limits` caps each document's size and time;
:mod:`~cleanseed.cli._workers` runs documents in worker processes, in order. This module builds
the parser and runs a command.

Exit codes: 0 when the run finished (documents skipped with ``--on-error skip`` included),
1 on a data error (a bad file or record, named with its line and field), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from cleanseed.cli import clean, dedup, explain
from cleanseed.cli._args import UsageError, input_options
from cleanseed.errors import CleanseedError

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``cleanseed`` command, one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="cleanseed", description="Turn raw scraped documents into clean text.")
    from cleanseed import __version__

    parser.add_argument("--version", action="version", version=f"cleanseed {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = input_options()
    clean.add_parser(subparsers, common)
    explain.add_parser(subparsers, common)
    dedup.add_parser(subparsers)
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
