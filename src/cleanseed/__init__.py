"""cleanseed: turn raw scraped documents into clean, de-duplicated text, and say why."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from cleanseed.boilerplate import (
    BoilerplateConfig,
    Rule,
    strip_boilerplate,
    strip_boilerplate_and_explain,
)
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
from cleanseed.errors import CleanseedError, ConfigError, InputError, InputTypeError
from cleanseed.html import HtmlConfig, html_to_text, html_to_text_and_explain
from cleanseed.pipeline import Pipeline, compose, run, summarize
from cleanseed.repeats import RepeatsConfig, dedup_paragraphs, dedup_paragraphs_and_explain

try:
    __version__ = version("cleanseed")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_PIPELINE",
    "BoilerplateConfig",
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
    "Pipeline",
    "RecurringLines",
    "RedisNearDupIndex",
    "Removal",
    "RepeatsConfig",
    "Rule",
    "Vocabulary",
    "__version__",
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
    "find_damage",
    "find_recurring",
    "fix_encoding",
    "fix_encoding_and_explain",
    "html_to_text",
    "html_to_text_and_explain",
    "mark_damage",
    "minhash_signatures",
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
