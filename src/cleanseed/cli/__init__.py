"""The command line: ``cleanseed clean``, ``cleanseed explain`` and ``cleanseed dedup``.

:mod:`~cleanseed.cli.clean` parses the options and runs ``clean`` and ``explain``;
:mod:`~cleanseed.cli.dedup` runs ``dedup``; :mod:`~cleanseed.cli.ray_engine` runs either on Ray;
:mod:`~cleanseed.cli._view` words what a run shows; :mod:`~cleanseed.cli._args` checks option
values; :mod:`~cleanseed.cli._limits` caps each document's size and time;
:mod:`~cleanseed.cli._workers` runs documents in worker processes, in order.
"""

from __future__ import annotations

from cleanseed.cli.clean import main

__all__ = ["main"]
