"""PLACEHOLDER: being written. Strip boilerplate lines."""
from __future__ import annotations

from cleanseed._text import tidy
from cleanseed.document import Explained
from cleanseed.errors import check_text


def strip_boilerplate(text: str) -> str:
    return tidy(check_text(text, "strip_boilerplate"))


def strip_boilerplate_and_explain(text: str) -> Explained:
    return Explained(strip_boilerplate(text), ())


strip_boilerplate.and_explain = strip_boilerplate_and_explain  # type: ignore[attr-defined]
