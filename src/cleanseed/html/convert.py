"""The HTML stage's public functions: page in, article text out, and why each piece went.

Removals of the HTML stage have ``stage="html"`` and ``start=-1``: the text of a dropped element
is not one contiguous piece of the page's source (markup runs through it), and it is not in the
output either, so it has no offset to give. Its ``text`` is the element's text with white space
collapsed. The text stage's removals that :func:`cleanseed.explain_html` appends carry offsets
as usual, into the text the HTML stage produced.

One entry is an edit rather than a removal: ``html.too_deep``, the text of a page's elements
nested deeper than :attr:`HtmlConfig.max_depth`. That text is kept, flattened (see
:mod:`cleanseed.html.parse`), so the entry's ``replacement`` is its ``text``, white space
collapsed as in the others.
"""

from __future__ import annotations

from cleanseed import _validate
from cleanseed._text import tidy
from cleanseed.document import Explained, Removal
from cleanseed.errors import CleanseedError, InputTypeError
from cleanseed.html.blocks import collect
from cleanseed.html.config import HtmlConfig
from cleanseed.html.decode import decode_html
from cleanseed.html.extract import select
from cleanseed.html.extractors import Extractor
from cleanseed.html.parse import parse
from cleanseed.html.render import render
from cleanseed.pipeline import explains

__all__ = ["extracted_text", "html_to_text", "html_to_text_and_explain"]

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
    layout = collect(page)
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
    return _to_text(_markup(html, "html_to_text", charset),
                    _validate.config(config, HtmlConfig, DEFAULT, "html_to_text"), None)


@explains(html_to_text)
def html_to_text_and_explain(html: str | bytes, config: HtmlConfig | None = None, *,
                             charset: str | None = None) -> Explained:
    """Like :func:`html_to_text`, and list what was dropped, by which rule (``start`` is -1).

    >>> [r.rule for r in html_to_text_and_explain("<nav>Home</nav><p>Text.</p>").removals]
    ['html.nav']
    """
    record: list[Removal] = []
    where = "html_to_text_and_explain"
    text = _to_text(_markup(html, where, charset),
                    _validate.config(config, HtmlConfig, DEFAULT, where),
                    record)
    return Explained(text, tuple(record))


def extracted_text(html: str | bytes, config: HtmlConfig | None, extractor: Extractor | None,
                   record: list[Removal] | None, where: str, charset: str | None = None) -> str:
    """A page's text, by this stage or by *extractor*; this stage's removals go to *record*.

    Bytes are decoded with *charset* (what a server's header said), if given and known."""
    markup = _markup(html, where, charset)
    if extractor is None:
        return _to_text(markup, _validate.config(config, HtmlConfig, DEFAULT, where), record)
    text = extractor(markup)
    if not isinstance(text, str):
        msg = f"{where}: the extractor returned {type(text).__name__}, not str"
        raise CleanseedError(msg)
    return text
