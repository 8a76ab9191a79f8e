"""The HTML stage: raw pages in, article text out, with the reason for every piece left out.

``html_to_text`` decodes the page (:mod:`~cleanseed.html.decode`), parses it with lxml into a
stream of events while dropping elements that are never article text
(:mod:`~cleanseed.html.parse`, rules in :mod:`~cleanseed.html.rules`; the page goes to lxml by
pieces that keep its stack shallow, :mod:`~cleanseed.html.feed`, and elements nested too deep
are flattened, :mod:`~cleanseed.html.flatten`), cuts the rest into
blocks (:mod:`~cleanseed.html.blocks`) and keeps the page's main content
(:mod:`~cleanseed.html.extract`): the container that scores best is a prior, widened when it
holds too little of the prose that the blocks' own text and neighbours show
(:mod:`~cleanseed.html.classify`, :mod:`~cleanseed.html.widen`), and a class name is weighed
against the text it names (:mod:`~cleanseed.html.weigh`). :func:`cleanseed.clean_html` runs
the default text pipeline after it, or after another library's extractor
(:mod:`~cleanseed.html.extractors`).
"""

from __future__ import annotations

from cleanseed.html.config import HtmlConfig
from cleanseed.html.convert import html_to_text, html_to_text_and_explain
from cleanseed.html.decode import decode_html
from cleanseed.html.extractors import Extractor, resiliparse_extractor, trafilatura_extractor
from cleanseed.html.metadata import PageMetadata, page_metadata

__all__ = [
    "Extractor",
    "HtmlConfig",
    "PageMetadata",
    "decode_html",
    "html_to_text",
    "html_to_text_and_explain",
    "page_metadata",
    "resiliparse_extractor",
    "trafilatura_extractor",
]
