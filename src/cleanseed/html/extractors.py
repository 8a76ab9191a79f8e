"""Pluggable extractors: other libraries that turn a page into its main text.

An extractor is any callable ``(html: str) -> str``. cleanseed's own text rules run after it
in :func:`cleanseed.clean_html`, whichever extractor found the text. The two shipped here import
their library on first use and say which extra to install when it is missing.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Protocol

from cleanseed.errors import CleanseedError

__all__ = ["Extractor", "resiliparse_extractor", "trafilatura_extractor"]

_EXTRA = "pip install cleanseed[extractors]"


class Extractor(Protocol):
    """Anything that turns a page's HTML into its main text."""

    def __call__(self, html: str, /) -> str: ...


def _load(module: str, library: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        msg = f"the {library} extractor needs {library}: {_EXTRA}"
        raise CleanseedError(msg) from error


def trafilatura_extractor(html: str) -> str:
    """The main text of *html* as trafilatura finds it (comments left out).

    >>> text = trafilatura_extractor("<html><body><article><p>" + "Words here. " * 20
    ...                              + "</p></article></body></html>")
    >>> text.startswith("Words here.")
    True
    """
    trafilatura = _load("trafilatura", "trafilatura")
    text = trafilatura.extract(html, include_comments=False)
    return text if isinstance(text, str) else ""


def resiliparse_extractor(html: str) -> str:
    """The main text of *html* as Resiliparse finds it (no alt texts, no comments).

    >>> resiliparse_extractor("<html><body><main><p>Hello there.</p></main></body></html>")
    'Hello there.'
    """
    html2text = _load("resiliparse.extract.html2text", "resiliparse")
    text = html2text.extract_plain_text(html, main_content=True, alt_texts=False,
                                        comments=False)
    return text if isinstance(text, str) else ""
