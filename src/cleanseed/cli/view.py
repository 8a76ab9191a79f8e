"""Removals as a person reads them: the view ``cleanseed explain`` prints, from Python.

Each removal is a line ``- [rule] text`` among the kept lines around it (an edit also shows
``+ [rule] new text``), step by step, with a count at the end::

    print(cleanseed.explain_view(text))
    print(cleanseed.format_explained(cleanseed.explain(text), text))
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cleanseed.cli._view import Paint, html_stepwise, render, section_lines, stepwise
from cleanseed.document import Explained, Removal
from cleanseed.errors import check_text

if TYPE_CHECKING:
    from cleanseed.config import CleanConfig

__all__ = ["explain_view", "format_explained"]


def _stages(removals: tuple[Removal, ...]) -> Iterator[tuple[Removal, ...]]:
    """Removals cut into runs of one stage, in the order they happened."""
    run: list[Removal] = []
    for r in removals:
        if run and r.stage != run[-1].stage:
            yield tuple(run)
            run = []
        run.append(r)
    if run:
        yield tuple(run)


def _section(base: str | None, removals: tuple[Removal, ...], paint: Paint,
             context: int) -> list[str]:
    stages = sorted({r.stage for r in removals})
    return [paint.dim(f"-- {', '.join(stages)}"), *render(base, removals, paint, context)]


def format_explained(explained: Explained, text: str | None = None, *, context: int = 1,
                     color: bool = False) -> str:
    """Return *explained*'s removals as the ``explain`` view: each in context of *text* (the
    text that was cleaned) where its offset points into it, else listed alone.

    A removal's offset counts in the text its step was given, so the first step's removals are
    shown in context of *text*; for every step in context, see :func:`explain_view`.

    >>> import cleanseed
    >>> text = "Share this article\\nThe tide came in."
    >>> print(format_explained(cleanseed.explain(text), text), end="")
    -- boilerplate
    - [chrome.share] Share this article
      The tide came in.
    1 removal; 17 of 36 characters kept
    """
    paint = Paint(color)
    lines: list[str] = []
    for run in _stages(explained.removals):
        fits = text is not None and all(text.startswith(r.text, r.start) for r in run)
        lines += _section(text if fits else None, run, paint, context)
    size = None if text is None else len(text)
    lines.append(_count(len(explained.removals), explained.text, size, paint))
    return "\n".join(lines) + "\n"


def _count(removals: int, out: str, size: int | None, paint: Paint) -> str:
    noun = "removal" if removals == 1 else "removals"
    of = "" if size is None else f" of {size:,}"
    return paint.dim(f"{removals} {noun}; {len(out):,}{of} characters kept")


def explain_view(text: str | bytes, config: CleanConfig | None = None, *, html: bool = False,
                 context: int = 1, color: bool = False) -> str:
    """Return what ``cleanseed explain`` prints for one document: the steps run one by one,
    each step's removals shown among the lines of the text it was given.

    With ``html=True``, *text* is a page (str or bytes); the HTML stage's removals are listed
    first (they have no offsets: markup runs through them).
    """
    paint = Paint(color)
    if html:
        sections, out = html_stepwise(text, config)
    else:
        sections, out = stepwise(check_text(text, "explain_view"), config)
    lines = list(section_lines(sections, paint, context))
    lines.append(_count(sum(len(r) for _, r in sections), out, len(text), paint))
    return "\n".join(lines) + "\n"
