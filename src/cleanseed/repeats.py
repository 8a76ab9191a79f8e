"""PLACEHOLDER: being written. Remove repeated paragraphs."""
from __future__ import annotations

from cleanseed._text import tidy
from cleanseed.document import Explained
from cleanseed.errors import check_text


def dedup_paragraphs(text: str) -> str:
    return tidy(check_text(text, "dedup_paragraphs"))


def dedup_paragraphs_and_explain(text: str) -> Explained:
    return Explained(dedup_paragraphs(text), ())


dedup_paragraphs.and_explain = dedup_paragraphs_and_explain  # type: ignore[attr-defined]
