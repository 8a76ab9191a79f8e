"""The Python API's edges: what is not the documents a function takes is an InputTypeError
that says what it takes, never a TypeError or AttributeError from deep inside, nor a silent
wrong answer (one str taken as a list of one-character documents)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import cleanseed
from cleanseed import DEFAULT_PIPELINE, Document, InputTypeError, clean, clean_batch, run

CALLS: dict[str, Callable[[Any], object]] = {
    "minhash_signatures": cleanseed.minhash_signatures,
    "shingle_hashes": cleanseed.shingle_hashes,
    "clean_batch": clean_batch,
    "Pipeline.batch": DEFAULT_PIPELINE.batch,
    "run": lambda docs: list(run(DEFAULT_PIPELINE, docs)),
    "dedup_documents": cleanseed.dedup_documents,
    "NearDupIndex.add": lambda docs: cleanseed.NearDupIndex().add(docs),
}


@pytest.mark.parametrize("name", list(CALLS))
@pytest.mark.parametrize("given", ["one str", b"bytes", None, 5])
def test_one_text_or_no_iterable_is_an_input_type_error(name: str, given: object) -> None:
    """minhash_signatures("one str") gave one row per character; None and 5 raised TypeError."""
    with pytest.raises(InputTypeError, match=r"takes (an iterable|a sequence) of"):
        CALLS[name](given)


def test_clean_batch_takes_a_generator() -> None:
    """A generator is a batch too (it raised TypeError: object of type 'generator' has no
    len())."""
    texts = ["Advertisement\nThe tide came in.", "Share this article", "Gulls cried."]
    assert clean_batch(t for t in texts) == [clean(t) for t in texts]
    assert DEFAULT_PIPELINE.batch(iter(texts)) == clean_batch(texts)


@pytest.mark.parametrize(("item", "named"), [(None, "NoneType"), ("text", "str"), (3, "int")])
def test_run_names_an_item_that_is_no_document(item: object, named: str) -> None:
    """run(pipeline, [None]) raised AttributeError: 'NoneType' object has no attribute 'text'."""
    docs = [Document("Fine text."), item]
    with pytest.raises(InputTypeError, match=f"run: item 1: expected a Document, got {named}"):
        list(run(DEFAULT_PIPELINE, docs))
