"""cleanseed: turn raw scraped documents into clean, de-duplicated text, and say why."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from cleanseed.boilerplate import (
    BoilerplateConfig,
    Rule,
    strip_boilerplate,
    strip_boilerplate_and_explain,
)
from cleanseed.config import CleanConfig
from cleanseed.config_file import load as load_config
from cleanseed.corpus import (
    DedupConfig,
    DedupResult,
    Duplicate,
    NearDupIndex,
    RecurringLines,
    RedisNearDupIndex,
    dedup_documents,
    find_recurring,
    minhash_signatures,
    shingle_hashes,
    strip_site_boilerplate,
    to_lean_minhash,
)
from cleanseed.damage import (
    DamageConfig,
    Vocabulary,
    damage_counts,
    find_damage,
    mark_damage,
    repair_damage,
    repair_damage_and_explain,
)
from cleanseed.default import (
    DEFAULT_PIPELINE,
    clean,
    clean_batch,
    clean_html,
    explain,
    explain_html,
)
from cleanseed.document import Damage, Document, Explained, Removal
from cleanseed.encoding import EncodingConfig, fix_encoding, fix_encoding_and_explain
from cleanseed.errors import (
    CleanseedError,
    ConfigError,
    InputError,
    InputTypeError,
    OutputError,
    StorageError,
)
from cleanseed.html import (
    HtmlConfig,
    PageMetadata,
    html_to_text,
    html_to_text_and_explain,
    page_metadata,
)
from cleanseed.pipeline import Pipeline, after_change, compose, run, summarize
from cleanseed.repeats import RepeatsConfig, dedup_paragraphs, dedup_paragraphs_and_explain

if TYPE_CHECKING:
    from cleanseed.cli.view import explain_view, format_explained


def __getattr__(name: str) -> Any:
    """The explain view lives with the command line that prints it: imported when first used."""
    if name in ("explain_view", "format_explained"):
        from cleanseed.cli import view

        return getattr(view, name)
    msg = f"module 'cleanseed' has no attribute {name!r}"
    raise AttributeError(msg)


try:
    __version__ = version("cleanseed")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_PIPELINE",
    "BoilerplateConfig",
    "CleanConfig",
    "CleanseedError",
    "ConfigError",
    "Damage",
    "DamageConfig",
    "DedupConfig",
    "DedupResult",
    "Document",
    "Duplicate",
    "EncodingConfig",
    "Explained",
    "HtmlConfig",
    "InputError",
    "InputTypeError",
    "NearDupIndex",
    "OutputError",
    "PageMetadata",
    "Pipeline",
    "RecurringLines",
    "RedisNearDupIndex",
    "Removal",
    "RepeatsConfig",
    "Rule",
    "StorageError",
    "Vocabulary",
    "__version__",
    "after_change",
    "clean",
    "clean_batch",
    "clean_html",
    "compose",
    "damage_counts",
    "dedup_documents",
    "dedup_paragraphs",
    "dedup_paragraphs_and_explain",
    "explain",
    "explain_html",
    "explain_view",
    "find_damage",
    "find_recurring",
    "fix_encoding",
    "fix_encoding_and_explain",
    "format_explained",
    "html_to_text",
    "html_to_text_and_explain",
    "load_config",
    "mark_damage",
    "minhash_signatures",
    "page_metadata",
    "repair_damage",
    "repair_damage_and_explain",
    "run",
    "shingle_hashes",
    "strip_boilerplate",
    "strip_boilerplate_and_explain",
    "strip_site_boilerplate",
    "summarize",
    "to_lean_minhash",
]
