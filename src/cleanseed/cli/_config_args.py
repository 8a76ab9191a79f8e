"""The configuration options every command shares, and ``cleanseed config --show``.

``--config FILE`` reads a TOML file (:mod:`cleanseed.config_file`); ``--set SECTION.KEY=VALUE``
sets one field on top of it; ``--steps``, ``--extractor`` and ``--disable-rule`` are the settings
people reach for most, spelt out. The effective :class:`~cleanseed.config.CleanConfig` is what
``cleanseed config --show`` prints, as TOML that ``--config`` reads back.

Worker processes get the configuration as its TOML text, a few hundred bytes, and build it once
each (:func:`configured`): a boilerplate configuration compiles its rules when it is made.
"""

from __future__ import annotations

import argparse
import functools
import sys
from typing import Any

from cleanseed.config import CleanConfig
from cleanseed.config_file import apply_settings, dumps, from_mapping, loads, read_table

__all__ = ["add_config_options", "add_parser", "config_of", "config_text", "configured"]


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that choose the steps and their settings to *parser*."""
    group = parser.add_argument_group("configuration")
    group.add_argument("--config", metavar="FILE.toml",
                       help="read the steps and their options from a TOML file "
                            "(cleanseed config --show prints one)")
    group.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                       dest="settings", help="set one option, e.g. repeats.threshold=0.9 "
                       "(repeatable; after --config)")
    group.add_argument("--steps", metavar="STEP,...",
                       help="the text steps to run, in order (default: fix_encoding,"
                            "strip_boilerplate,dedup_paragraphs)")
    group.add_argument("--extractor", choices=["cleanseed", "trafilatura", "resiliparse"],
                       help="what turns HTML into text (default: cleanseed's HTML stage)")
    group.add_argument("--disable-rule", action="append", default=[], metavar="RULE_ID",
                       dest="disabled_rules", help="switch off a boilerplate rule by its id, "
                       "e.g. chrome.ad (repeatable)")


def config_of(args: argparse.Namespace) -> CleanConfig:
    """The effective configuration: the file, then --set, then the spelt-out options."""
    data = read_table(getattr(args, "config", None))
    apply_settings(data, getattr(args, "settings", []))
    if getattr(args, "steps", None) is not None:
        data["steps"] = [s.strip() for s in args.steps.split(",") if s.strip()]
    if getattr(args, "extractor", None) is not None:
        data["extractor"] = args.extractor
    disabled = getattr(args, "disabled_rules", [])
    if disabled:
        table = data.setdefault("boilerplate", {})
        table["disabled_rules"] = [*table.get("disabled_rules", []), *disabled]
    return from_mapping(data, getattr(args, "config", None) or "--set")


def config_text(config: CleanConfig) -> str | None:
    """What to send worker processes: ``None`` for the defaults, else the config as TOML."""
    return None if config == CleanConfig() else dumps(config)


@functools.lru_cache(maxsize=4)
def configured(text: str | None) -> CleanConfig | None:
    """The configuration *text* (from :func:`config_text`) stands for, built once a process."""
    return None if text is None else loads(text)


def add_parser(subparsers: Any) -> None:
    """Register ``cleanseed config``."""
    sub = subparsers.add_parser("config", help="print the effective configuration",
                                description="Print the configuration a run with these options "
                                            "would use, as TOML that --config reads.")
    sub.add_argument("--show", action="store_true", default=True,
                     help="print the effective configuration (the default)")
    add_config_options(sub)
    sub.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the effective configuration."""
    sys.stdout.write(dumps(config_of(args)))
    return 0
