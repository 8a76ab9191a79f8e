"""The HTML stage's public functions: page in, article text out, and why each piece went.

Removals of the HTML stage have ``stage="html"`` and ``start=-1``: the text of a dropped element
is not one contiguous piece of the page's source (markup runs through it), and it is not in the
output either, so it has no offset to give. Its ``text`` is the element's text with white space
collapsed. The text stage's removals that :func:`explain_html` appends carry offsets as usual,
into the text the HTML stage produced.

One entry is an edit rather than a removal: ``html.too_deep``, the text of a page's elements
nested deeper than :attr:`HtmlConfig.max_depth`. That text is kept, flattened (see
:mod:`cleanseed.html.parse`), so the entry's ``replacement`` is its ``text``, white space
collapsed as in the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleanseed._text import tidy
from cleanseed.default import DEFAULT_PIPELINE
from cleanseed.document import Explained, Removal
from cleanseed.errors import CleanseedError, InputTypeError
from cleanseed.html.blocks import collect
from cleanseed.html.config import HtmlConfig
from cleanseed.html.decode import decode_html
from cleanseed.html.extract import render, select
from cleanseed.html.extractors import Extractor
from cleanseed.html.parse import parse
from cleanseed.pipeline import Pipeline

if TYPE_CHECKING:
    from cleanseed.config import CleanConfig

__all__ = ["clean_html", "explain_html", "html_to_text", "html_to_text_and_explain"]

DEFAULT = HtmlConfig()


def _markup(html: object, where: str, charset: str | None = None) -> str:
    """*html* as text: a str as it is, bytes decoded by *charset* (what a server's header said)
    or the page's own declarations."""
    if isinstance(html, str):
        return html
    if isinstance(html, (bytes, bytearray, memoryview)):
        return decode_html(bytes(html), charset)
    msg = f"{where} takes HTML as str or bytes, got {type(html).__name__}"
    raise InputTypeError(msg)


def _safe(markup: str) -> str:
    """*markup* without lone surrogates and NULs, which lxml refuses: they are not text."""
    try:
        markup.encode("utf-8")
    except UnicodeEncodeError:
        markup = markup.encode("utf-8", errors="ignore").decode("utf-8")
    return markup.replace("\x00", "") if "\x00" in markup else markup


def _to_text(markup: str, config: HtmlConfig, record: list[Removal] | None) -> str:
    page = parse(_safe(markup), record, max_depth=config.max_depth)
    layout = collect(page.soup, page.flagged)
    blocks = select(layout, page.titles, config, record)
    return tidy(render(blocks, layout))


def html_to_text(html: str | bytes, config: HtmlConfig | None = None, *,
                 charset: str | None = None) -> str:
    """Return the main text of a page: one paragraph per block, chrome and captions left out.

    Bytes are decoded as a browser would (:func:`~cleanseed.html.decode_html`); *charset* is
    what a server's header said of them, if anything (a WARC response's ``Content-Type``).

    >>> html_to_text("<nav>Home | News</nav><article><h2>Why</h2><p>Because.</p></article>")
    'Why\\n\\nBecause.'
    """
    return _to_text(_markup(html, "html_to_text", charset), config or DEFAULT, None)


def html_to_text_and_explain(html: str | bytes, config: HtmlConfig | None = None, *,
                             charset: str | None = None) -> Explained:
    """Like :func:`html_to_text`, and list what was dropped, by which rule (``start`` is -1).

    >>> [r.rule for r in html_to_text_and_explain("<nav>Home</nav><p>Text.</p>").removals]
    ['html.nav']
    """
    record: list[Removal] = []
    text = _to_text(_markup(html, "html_to_text_and_explain", charset), config or DEFAULT,
                    record)
    return Explained(text, tuple(record))


def _extracted(html: str | bytes, config: HtmlConfig | None, extractor: Extractor | None,
               record: list[Removal] | None, where: str, charset: str | None = None) -> str:
    markup = _markup(html, where, charset)
    if extractor is None:
        return _to_text(markup, config or DEFAULT, record)
    text = extractor(markup)
    if not isinstance(text, str):
        msg = f"{where}: the extractor returned {type(text).__name__}, not str"
        raise CleanseedError(msg)
    return text


def _split(config: HtmlConfig | CleanConfig | None,
           extractor: Extractor | None) -> tuple[HtmlConfig | None, Pipeline, Extractor | None]:
    """The HTML stage's options, the text pipeline and the extractor a config stands for."""
    if config is None or isinstance(config, HtmlConfig):
        return config, DEFAULT_PIPELINE, extractor
    return config.html, config.pipeline, extractor or config.extractor_function()


def clean_html(html: str | bytes, config: HtmlConfig | CleanConfig | None = None, *,
               extractor: Extractor | None = None, charset: str | None = None) -> str:
    """Extract a page's text (with *extractor* if given), then run the default text pipeline.

    *config* is the HTML stage's options, or a :class:`~cleanseed.config.CleanConfig` that also
    names the text steps and the extractor.

    >>> clean_html("<p>Hello there, world.</p><div id='cookie-notice'>We use cookies.</div>")
    'Hello there, world.'
    """
    options, pipeline, extractor = _split(config, extractor)
    return pipeline(_extracted(html, options, extractor, None, "clean_html", charset))


def explain_html(html: str | bytes, config: HtmlConfig | CleanConfig | None = None, *,
                 extractor: Extractor | None = None, charset: str | None = None) -> Explained:
    """Like :func:`clean_html`, and list the HTML stage's removals, then the text stages'.

    An extractor from another library cannot say what it dropped, so with one only the text
    stages' removals are listed.
    """
    options, pipeline, extractor = _split(config, extractor)
    record: list[Removal] = []
    text = _extracted(html, options, extractor, record, "explain_html", charset)
    out, removals = pipeline.explain(text)
    return Explained(out, (*record, *removals))


html_to_text.and_explain = html_to_text_and_explain  # type: ignore[attr-defined]
clean_html.and_explain = explain_html  # type: ignore[attr-defined]
