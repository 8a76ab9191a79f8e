"""The default composition of the steps: what ``cleanseed.clean`` does, on text and on HTML."""

from __future__ import annotations

from collections.abc import Sequence

from cleanseed.boilerplate.strip import strip_boilerplate
from cleanseed.document import Explained, Removal
from cleanseed.encoding.fix import fix_encoding
from cleanseed.errors import InputTypeError
from cleanseed.html.config import HtmlConfig
from cleanseed.html.convert import extracted_text
from cleanseed.html.extractors import Extractor
from cleanseed.pipeline import compose, explains
from cleanseed.repeats.paragraphs import dedup_paragraphs

__all__ = ["DEFAULT_PIPELINE", "clean", "clean_batch", "clean_html", "explain", "explain_html"]

#: Encoding first, so the rules see real characters; repeats last, so a banner repeated at the
#: end of a page is reported as a banner, not as a repeat.
DEFAULT_PIPELINE = compose(fix_encoding, strip_boilerplate, dedup_paragraphs)


def clean(text: str) -> str:
    """Clean one document with the default pipeline.

    >>> clean("We use cookies. By continuing you agree to our use of cookies.\\nHello, world.")
    'Hello, world.'
    """
    return DEFAULT_PIPELINE(text)


@explains(clean)
def explain(text: str) -> Explained:
    """Clean one document and list every removal: stage, rule, text and offset."""
    return DEFAULT_PIPELINE.explain(text)


def clean_batch(texts: Sequence[str]) -> list[str]:
    """Clean a batch of documents, for ``Dataset.map(batched=True)`` and friends.

    The same as ``[clean(t) for t in texts]``, and faster on many documents: each step runs over
    a chunk of them before the next step starts.

    >>> clean_batch(["Advertisement\\nThe tide came in.", "Share this article"])
    ['The tide came in.', '']
    """
    if isinstance(texts, str):
        msg = "clean_batch takes a sequence of str, got one str: call clean() on it"
        raise InputTypeError(msg)
    return DEFAULT_PIPELINE.batch(texts)


def clean_html(html: str | bytes, config: HtmlConfig | None = None, *,
               extractor: Extractor | None = None) -> str:
    """Extract a page's text (with *extractor* if given), then run the default text pipeline.

    >>> clean_html("<p>Hello there, world.</p><div id='cookie-notice'>We use cookies.</div>")
    'Hello there, world.'
    """
    return DEFAULT_PIPELINE(extracted_text(html, config, extractor, None, "clean_html"))


@explains(clean_html)
def explain_html(html: str | bytes, config: HtmlConfig | None = None, *,
                 extractor: Extractor | None = None) -> Explained:
    """Like :func:`clean_html`, and list the HTML stage's removals, then the text stages'.

    An extractor from another library cannot say what it dropped, so with one only the text
    stages' removals are listed.
    """
    record: list[Removal] = []
    text = extracted_text(html, config, extractor, record, "explain_html")
    out, removals = DEFAULT_PIPELINE.explain(text)
    return Explained(out, (*record, *removals))
