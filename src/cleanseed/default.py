"""The default composition of the steps: what ``cleanseed.clean`` does, on text and on HTML.

Each function also takes a :class:`~cleanseed.config.CleanConfig`, which names other steps,
options or an HTML extractor; ``None`` means :data:`DEFAULT_PIPELINE`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, overload

from cleanseed._mapping import accepts_rows, on_rows
from cleanseed.boilerplate.strip import strip_boilerplate, strip_context
from cleanseed.document import Explained, Removal
from cleanseed.encoding.fix import fix_encoding
from cleanseed.errors import InputTypeError, check_many
from cleanseed.html.config import HtmlConfig
from cleanseed.html.convert import extracted_text
from cleanseed.html.extractors import Extractor
from cleanseed.pipeline import Pipeline, after_change, compose, explains
from cleanseed.repeats.paragraphs import dedup_paragraphs

if TYPE_CHECKING:
    from cleanseed.config import CleanConfig

__all__ = ["DEFAULT_PIPELINE", "clean", "clean_batch", "clean_html", "explain", "explain_html"]

#: Encoding first, so the rules see real characters; repeats after the boilerplate, so a banner
#: repeated at the end of a page is reported as a banner, not as a repeat. When the repeats step
#: removed something, the lines left are judged in context once more, since their neighbours
#: changed; when that judging removed something in turn, the repeats step looks again, since
#: two copies may now stand side by side (a reply posted twice, the records between them gone):
#: so ``clean`` is its own fixed point. A step whose input the step before it left as it was
#: is skipped: its work was done already.
DEFAULT_PIPELINE = compose(fix_encoding, strip_boilerplate, dedup_paragraphs,
                           after_change(strip_context), after_change(dedup_paragraphs))


def _pipeline(config: CleanConfig | None) -> Pipeline:
    return DEFAULT_PIPELINE if config is None else config.pipeline


@accepts_rows
def clean(text: str, config: CleanConfig | None = None) -> str:
    """Clean one document with the default pipeline, or with the steps *config* names.

    ``Dataset.map(cleanseed.clean)`` works as is: given a row (a mapping), it cleans the row's
    ``column`` ("text" unless told) and answers ``{column: cleaned}``.

    >>> clean("We use cookies. By continuing you agree to our use of cookies.\\nHello, world.")
    'Hello, world.'
    >>> clean({"id": 7, "text": "Share this article\\nThe tide came in."})
    {'text': 'The tide came in.'}
    """
    return _pipeline(config)(text)


@explains(clean)
def explain(text: str, config: CleanConfig | None = None) -> Explained:
    """Clean one document and list every removal: stage, rule, text and offset."""
    return _pipeline(config).explain(text)


@overload
def clean_batch(texts: Iterable[str], config: CleanConfig | None = None) -> list[str]: ...
@overload
def clean_batch(texts: Mapping[str, Any] | Iterable[Any], config: CleanConfig | None = None, *,
                column: str | None = None) -> Any: ...


def clean_batch(texts: Any, config: CleanConfig | None = None, *,
                column: str | None = None) -> Any:
    """Clean a batch of documents (a list, or any iterable of str), for
    ``Dataset.map(batched=True)`` and friends.

    The same as ``[clean(t) for t in texts]``, and faster on many documents: each step runs over
    a chunk of them before the next step starts. Given a batch as ``Dataset.map(batched=True)``
    hands it over (a mapping of columns to lists), it cleans ``column`` ("text" unless told)
    and answers ``{column: cleaned}``.

    >>> clean_batch(["Advertisement\\nThe tide came in.", "Share this article"])
    ['The tide came in.', '']
    >>> clean_batch({"id": [1, 2], "text": ["Advertisement\\nThe tide came in.", "Hi there."]})
    {'text': ['The tide came in.', 'Hi there.']}
    """
    pipeline = _pipeline(config)
    if isinstance(texts, str):
        msg = "clean_batch takes a sequence of str, got one str: call clean() on it"
        raise InputTypeError(msg)
    answer = on_rows(pipeline, pipeline.batch, texts, column, "clean_batch")
    if answer is not None:
        return answer
    return pipeline.batch(check_many(texts, "clean_batch"))


def _html_parts(config: HtmlConfig | CleanConfig | None, extractor: Extractor | None,
                ) -> tuple[HtmlConfig | None, Pipeline, Extractor | None]:
    """The HTML stage's options, the text pipeline and the extractor a config stands for."""
    if config is None or isinstance(config, HtmlConfig):
        return config, DEFAULT_PIPELINE, extractor
    return config.html, config.pipeline, extractor or config.extractor_function()


def clean_html(html: str | bytes, config: HtmlConfig | CleanConfig | None = None, *,
               extractor: Extractor | None = None, charset: str | None = None) -> str:
    """Extract a page's text (with *extractor* if given), then run the default text pipeline.

    *config* is the HTML stage's options, or a :class:`~cleanseed.config.CleanConfig` that also
    names the text steps and the extractor. *charset* is what a server's header said of the
    page's bytes, if anything.

    >>> clean_html("<p>Hello there, world.</p><div id='cookie-notice'>We use cookies.</div>")
    'Hello there, world.'
    """
    options, pipeline, extractor = _html_parts(config, extractor)
    return pipeline(extracted_text(html, options, extractor, None, "clean_html", charset))


@explains(clean_html)
def explain_html(html: str | bytes, config: HtmlConfig | CleanConfig | None = None, *,
                 extractor: Extractor | None = None, charset: str | None = None) -> Explained:
    """Like :func:`clean_html`, and list the HTML stage's removals, then the text stages'.

    An extractor from another library cannot say what it dropped, so with one only the text
    stages' removals are listed.
    """
    options, pipeline, extractor = _html_parts(config, extractor)
    record: list[Removal] = []
    text = extracted_text(html, options, extractor, record, "explain_html", charset)
    out, removals = pipeline.explain(text)
    return Explained(out, (*record, *removals))
