"""Options of the HTML stage."""

from __future__ import annotations

from dataclasses import dataclass

from cleanseed import _validate

__all__ = ["HtmlConfig"]


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlConfig:
    """Options of :func:`cleanseed.html_to_text`. The defaults suit news and blog articles.

    >>> HtmlConfig(main_content=False).main_content
    False
    """

    #: Keep only the page's main content (its article) when it has one; ``False`` keeps every
    #: block that survives the element rules, for pages that are not articles.
    main_content: bool = True
    #: Keep a heading that repeats the page's own title: the headline is the page's metadata,
    #: and corpora and article benchmarks alike expect the body without it.
    keep_title: bool = False
    #: A block whose text is mostly link text (a list of related stories, a tag cloud) is
    #: dropped above this share of link characters.
    max_link_density: float = 0.5
    #: Elements nested deeper than this many levels (``<html>`` and ``<body>`` count) are
    #: flattened: their text is kept, each block of it (a paragraph, an item, a cell) beside the
    #: others in the element at this depth, a link's text still a link's (see
    #: :mod:`cleanseed.html.parse`), and the explanation lists it as ``html.too_deep``.
    #: Chrome and Safari stop nesting at 512 levels too. Pages come nowhere near it, but
    #: unclosed tags can nest a page as deep as it is long; flattened, such a page takes time in
    #: proportion to its length (see :mod:`cleanseed.html.feed`), not to its square.
    max_depth: int = 512

    def __post_init__(self) -> None:
        _validate.flag("main_content", self.main_content)
        _validate.flag("keep_title", self.keep_title)
        _validate.number("max_link_density", self.max_link_density, low=0.0, high=1.0,
                         low_open=True)
        _validate.integer("max_depth", self.max_depth, low=1)
