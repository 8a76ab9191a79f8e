"""Code a user writes against cleanseed's public API; ``mypy --strict`` must accept it as is.

Checked by ``tests/test_typing.py``; never imported by the test suite.
"""

from __future__ import annotations

import cleanseed

docs = [("a", "the cat sat on the mat today"), ("b", "The cat sat on the mat, today!")]
result = cleanseed.dedup_documents(docs)
kept: tuple[str, ...] = result.kept
first: str = result.kept[0]
numbered = cleanseed.dedup_documents([(1, "pigs can fly"), (2, "pigs can fly")])
kept_numbers: tuple[int, ...] = numbered.kept
of: str = result.removed["b"].duplicate_of
from_docs = cleanseed.dedup_documents([cleanseed.Document("text", "id-1")])
doc_ids: tuple[str, ...] = from_docs.kept
index = cleanseed.NearDupIndex()
added: tuple[str, ...] = index.add(docs).kept

config = cleanseed.CleanConfig(steps=("fix_encoding",))
text: str = cleanseed.clean("Hello", config=config)
view: str = cleanseed.explain_view(text, config)
shown: str = cleanseed.format_explained(cleanseed.explain(text), text)
batch: list[str] = cleanseed.clean_batch(["a", "b"], config)
page: str = cleanseed.clean_html(b"<p>x</p>", charset="gbk")
meta: cleanseed.PageMetadata = cleanseed.page_metadata("<title>T</title>")
