"""cleanseed: turn raw scraped documents into clean, de-duplicated text, and say why."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from cleanseed.boilerplate import (
    BoilerplateConfig,
    strip_boilerplate,
    strip_boilerplate_and_explain,
)
from cleanseed.default import DEFAULT_PIPELINE, clean, clean_batch, explain
from cleanseed.document import Document, Explained, Removal
from cleanseed.encoding import EncodingConfig, fix_encoding, fix_encoding_and_explain
from cleanseed.errors import CleanseedError, ConfigError, InputError, InputTypeError
from cleanseed.pipeline import Pipeline, compose, run, summarize
from cleanseed.repeats import RepeatsConfig, dedup_paragraphs, dedup_paragraphs_and_explain
from cleanseed.rules import Rule

try:
    __version__ = version("cleanseed")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_PIPELINE",
    "BoilerplateConfig",
    "CleanseedError",
    "ConfigError",
    "Document",
    "EncodingConfig",
    "Explained",
    "InputError",
    "InputTypeError",
    "Pipeline",
    "Removal",
    "RepeatsConfig",
    "Rule",
    "__version__",
    "clean",
    "clean_batch",
    "compose",
    "dedup_paragraphs",
    "dedup_paragraphs_and_explain",
    "explain",
    "fix_encoding",
    "fix_encoding_and_explain",
    "run",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
    "summarize",
]
