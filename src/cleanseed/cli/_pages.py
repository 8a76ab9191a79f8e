"""One document's cleaning as a worker does it: text through the text steps, a page through the
HTML stage first, with the fields the page gives its record (title, URL, language, canonical).

What a worker is sent (:class:`Payload`) is small and picklable: the content, whether it is
HTML, the charset a header gave and the URL the page came from, if known, and the run's
configuration as TOML (``None`` for the defaults; each worker builds it once).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from cleanseed.cli._config_args import configured
from cleanseed.default import DEFAULT_PIPELINE, explain_html
from cleanseed.document import Explained, Removal
from cleanseed.html.decode import decode_html
from cleanseed.html.metadata import page_metadata

__all__ = ["Payload", "clean_content"]

Fields = tuple[tuple[str, Any], ...]


class Payload(NamedTuple):
    """A document as sent to a worker."""

    content: str | bytes
    html: bool
    charset: str | None = None
    url: str | None = None
    #: The run's configuration as TOML, ``None`` for the defaults.
    config: str | None = None
    #: Whether a page's title, URL, language and canonical link become fields of its record.
    page_fields: bool = False
    #: The document's full size when the reader kept only its start, at the size cap (the
    #: content is then no more than the cap and one character); else ``None``.
    size: int | None = None

    def plain(self) -> bool:
        """Whether nothing but the content and its kind is asked of the cleaning."""
        return (self.charset, self.url, self.config, self.page_fields) == (None, None, None, False)


def clean_content(payload: Payload) -> tuple[str, tuple[Removal, ...], Fields]:
    """Clean *payload*'s content; for a page, also read its head if asked to."""
    config = configured(payload.config)
    if not payload.html:
        pipeline = DEFAULT_PIPELINE if config is None else config.pipeline
        text, removals = pipeline.explain(payload.content)  # type: ignore[arg-type]
        return text, removals, ()
    markup = payload.content
    if isinstance(markup, bytes):  # decoded once, for the text and the head alike
        markup = decode_html(markup, payload.charset)
    found: Explained = explain_html(markup, config)
    fields: Fields = ()
    if payload.page_fields:
        meta = page_metadata(markup, url=payload.url)
        fields = tuple(meta.as_fields().items())
    return found.text, found.removals, fields
