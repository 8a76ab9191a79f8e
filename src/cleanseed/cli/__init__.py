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
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType

from cleanseed.cli import clean, dedup, explain
from cleanseed.cli._args import UsageError, input_options
from cleanseed.cli._config_args import add_parser as config_command
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
    config_command(subparsers)
    return parser


class Terminated(BaseException):
    """SIGTERM (what schedulers, ``docker stop`` and job controllers send): the run stops as
    on Ctrl-C, its workers stopped and its temporary files removed."""


def _on_term(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the clean-up short
    raise Terminated


@contextlib.contextmanager
def _stop_on_term() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while the run lasts (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cleanseed`` with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else 0
    try:
        with _stop_on_term():
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
    except Terminated:
        print("cleanseed: terminated; no partial output file was left", file=sys.stderr)
        return 128 + signal.SIGTERM
    except BrokenPipeError:  # `cleanseed clean ... | head`: the reader has gone, stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # one the checks could not foresee (a folder removed meanwhile)
        where = f"{exc.filename}: " if exc.filename is not None else ""
        print(f"cleanseed: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
