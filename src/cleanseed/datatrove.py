"""A datatrove pipeline step that cleans each document (``pip install 'cleanseed[datatrove]'``).

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanseed.datatrove import CleanseedStep

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),                 # text is the raw HTML of each page
        CleanseedStep(html=True),             # cleanseed's HTML stage, then its text steps
        JsonlWriter("clean/"),
    ]).run()

Each document's text is cleaned in place (datatrove's documents are mutable; this is its way),
its removals are recorded in ``metadata["removals"]`` (stage, rule, text, offset), and datatrove's
statistics count them by rule. A document that cleaning empties is dropped and counted
(``dropped_empty``), as datatrove's filters drop theirs, unless ``keep_empty=True``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cleanseed.document import Explained
from cleanseed.errors import CleanseedError

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError as error:  # pragma: no cover - exercised only without the extra
    msg = "cleanseed.datatrove needs datatrove: pip install 'cleanseed[datatrove]'"
    raise ImportError(msg) from error

if TYPE_CHECKING:
    from cleanseed.config import CleanConfig

__all__ = ["CleanseedStep"]


class CleanseedStep(PipelineStep):  # type: ignore[misc]
    """Clean each document's text (or raw HTML, with ``html=True``) with cleanseed."""

    name = "🌱 cleanseed"
    type = "✂️ - FORMAT"

    def __init__(self, config: CleanConfig | None = None, *, html: bool = False,
                 keep_empty: bool = False, removals_key: str | None = "removals") -> None:
        super().__init__()
        from cleanseed.config import CleanConfig

        self.config = config or CleanConfig()
        if not isinstance(self.config, CleanConfig):
            msg = f"config must be a cleanseed.CleanConfig, got {type(config).__name__}"
            raise CleanseedError(msg)
        self.html = html
        self.keep_empty = keep_empty
        self.removals_key = removals_key

    def _explain(self, text: str) -> Explained:
        if self.html:
            from cleanseed.default import explain_html

            return explain_html(text, self.config)
        return self.config.pipeline.explain(text)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """Clean the documents of *data* one by one, recording what was removed."""
        for doc in data or ():
            self.stat_update("documents")
            with self.track_time():
                text, removals = self._explain(doc.text)
            doc.text = text
            if self.removals_key is not None:
                doc.metadata[self.removals_key] = [r.as_dict() for r in removals]
            for removal in removals:
                self.stat_update(f"removed_{removal.rule}")
                self.stat_update("removed_chars", value=len(removal.text))
            if not text.strip() and not self.keep_empty:
                self.stat_update("dropped_empty")
                continue
            self.update_doc_stats(doc)
            yield doc
