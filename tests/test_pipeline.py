"""Tests of composition: steps chain, explain, pickle, and never drop a document."""

from __future__ import annotations

import functools
import multiprocessing
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import texts

import cleanseed
from cleanseed import Document, Pipeline, compose, run, summarize
from cleanseed.document import Explained
from cleanseed.errors import CleanseedError, ConfigError, InputTypeError
from cleanseed.pipeline import explainer, explains

PUBLIC_STEPS = [
    (cleanseed.fix_encoding, cleanseed.fix_encoding_and_explain),
    (cleanseed.strip_boilerplate, cleanseed.strip_boilerplate_and_explain),
    (cleanseed.dedup_paragraphs, cleanseed.dedup_paragraphs_and_explain),
    (cleanseed.clean, cleanseed.explain),
]
STEP_IDS = ["fix_encoding", "strip_boilerplate", "dedup_paragraphs", "clean"]


def drop_short_lines(text: str) -> str:
    """A user's own step: keeps lines of three words or more."""
    return "\n".join(line for line in text.split("\n") if len(line.split()) >= 3)


def test_user_function_is_a_step_and_its_removals_are_listed() -> None:
    """A plain str -> str function composes, and explain lists what it dropped."""
    pipe = compose(cleanseed.fix_encoding, drop_short_lines)
    out, removals = pipe.explain("A long enough line here\nshort\nAnother long line here")
    assert out == "A long enough line here\nAnother long line here"
    assert [(r.stage, r.rule, r.text) for r in removals] == [
        ("drop_short_lines", "custom", "short\n")]


def test_nested_pipelines_flatten() -> None:
    """A pipeline inside a pipeline is the same as its steps inline."""
    inner = compose(cleanseed.fix_encoding, str.strip)
    assert compose(inner, str.upper) == compose(cleanseed.fix_encoding, str.strip, str.upper)


def test_partial_keeps_config_in_the_explainer() -> None:
    """functools.partial over a cleanseed step passes its arguments to the explaining twin too."""
    config = cleanseed.EncodingConfig(unescape_html=False)
    step = functools.partial(cleanseed.fix_encoding, config=config)
    pipe = compose(step)
    assert pipe("a &amp; b") == "a &amp; b"
    assert pipe.explain("a &amp; b").text == "a &amp; b"


def test_not_a_step() -> None:
    """A non-callable is refused when the pipeline is built, not when it runs."""
    with pytest.raises(ConfigError, match="str -> str"):
        compose(cleanseed.fix_encoding, "strip")  # type: ignore[arg-type]


def test_step_returning_non_str_is_named() -> None:
    """A step that returns something else is named in the error."""
    with pytest.raises(CleanseedError, match="'len'"):
        compose(len)("abc")  # type: ignore[arg-type]


def test_pickle_round_trip_and_pool() -> None:
    """The default pipeline pickles and runs in a process pool, output in input order."""
    pipe = pickle.loads(pickle.dumps(cleanseed.DEFAULT_PIPELINE))
    assert pipe == cleanseed.DEFAULT_PIPELINE
    docs = [f"Paragraph number {i} says something.\nAdvertisement" for i in range(8)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(cleanseed.clean, docs) == [cleanseed.clean(d) for d in docs]


def test_clean_batch() -> None:
    """clean_batch is clean over a list, and names a bad item."""
    assert cleanseed.clean_batch(["a  ", "b\r\n"]) == ["a", "b"]
    assert cleanseed.clean_batch([]) == []
    with pytest.raises(InputTypeError, match="item 1"):
        cleanseed.clean_batch(["ok", None])  # type: ignore[list-item]
    with pytest.raises(InputTypeError, match="one str"):
        cleanseed.clean_batch("a document, not a list of them")


def test_batch_runs_every_step_on_every_document_in_order() -> None:
    """A batch longer than one chunk gives what the documents give one at a time, in order,
    with a user's step in the pipeline too."""
    docs = [f"Advertisement\nLine {i} of the batch, with its own number {i}.\nShare this"
            for i in range(700)]
    pipe = compose(cleanseed.DEFAULT_PIPELINE, str.upper)
    assert pipe.batch(docs) == [pipe(doc) for doc in docs]
    assert cleanseed.clean_batch(docs) == [cleanseed.clean(doc) for doc in docs]
    with pytest.raises(InputTypeError, match="item 600"):
        pipe.batch([*docs[:600], b"bytes"])  # type: ignore[list-item]


@given(st.lists(texts, max_size=5))
def test_clean_batch_is_clean_of_each(batch: list[str]) -> None:
    assert cleanseed.clean_batch(batch) == [cleanseed.clean(text) for text in batch]


def test_run_never_drops_a_document() -> None:
    """A document emptied by cleaning is still yielded, with the removals that emptied it."""
    docs = [Document("Advertisement", id="a"), Document("Real text stays here.", id="b")]
    out = list(run(cleanseed.DEFAULT_PIPELINE, docs))
    assert [d.id for d in out] == ["a", "b"]
    assert out[1].text == "Real text stays here."
    assert summarize(out) == summarize([out[0]]) + summarize([out[1]])


def test_documents_are_not_mutated() -> None:
    """Steps return new documents; metadata is read-only."""
    doc = Document("x\u00a0y", id="1", metadata={"url": "u"})
    new = Pipeline(cleanseed.fix_encoding).apply(doc)
    assert doc.text == "x\u00a0y"
    assert new.text == "x y"
    assert new.metadata["url"] == "u"
    with pytest.raises(TypeError):
        new.metadata["url"] = "v"  # type: ignore[index]


@pytest.mark.parametrize(("step", "twin"), PUBLIC_STEPS, ids=STEP_IDS)
def test_steps_refuse_non_str(step, twin) -> None:  # type: ignore[no-untyped-def]
    """Every public step raises InputTypeError on bytes or None."""
    for bad in (b"bytes", None, 3):
        with pytest.raises(InputTypeError):
            step(bad)
        with pytest.raises(InputTypeError):
            twin(bad)


@pytest.mark.parametrize(("step", "twin"), PUBLIC_STEPS, ids=STEP_IDS)
@given(text=texts)
def test_step_properties(step, twin, text: str) -> None:  # type: ignore[no-untyped-def]
    """Every public step: never raises, idempotent, explain agrees, removals are real."""
    once = step(text)
    assert step(once) == once
    explained = twin(text)
    assert explained.text == once
    if step is not cleanseed.clean:  # a single step: its removals are taken from its input
        for removal in explained.removals:
            assert text[removal.start : removal.start + len(removal.text)] == removal.text


@given(text=texts)
def test_clean_never_invents_text(text: str) -> None:
    """Every line clean() outputs is made of text from the encoding-fixed input."""
    fixed = cleanseed.fix_encoding(text)
    for line in cleanseed.clean(text).split("\n"):
        assert line.strip() in fixed


def test_documents_pickle_with_their_metadata_and_removals() -> None:
    """A Document crosses process boundaries (multiprocessing, Ray) whole."""
    doc = cleanseed.DEFAULT_PIPELINE.apply(
        Document("Advertisement\nText.", id="7", metadata={"a": 1}))
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc
    assert back.metadata["a"] == 1
    assert back.removals and back.removals == doc.removals


@pytest.mark.parametrize(("step", "twin"), [
    (cleanseed.fix_encoding, cleanseed.fix_encoding_and_explain),
    (cleanseed.strip_boilerplate, cleanseed.strip_boilerplate_and_explain),
    (cleanseed.dedup_paragraphs, cleanseed.dedup_paragraphs_and_explain),
    (cleanseed.html_to_text, cleanseed.html_to_text_and_explain),
    (cleanseed.clean, cleanseed.explain),
    (cleanseed.clean_html, cleanseed.explain_html),
])
def test_every_step_declares_its_twin(step: object, twin: object) -> None:
    """The step contract: explainer() finds each step's twin, declared with explains()."""
    assert explainer(step) is twin  # type: ignore[arg-type]


def test_a_twin_must_take_the_parameters_of_its_step() -> None:
    """explains() refuses a twin whose parameters differ from its step's, at definition."""
    def step(text: str, level: int = 1) -> str:
        return text

    with pytest.raises(TypeError, match="parameters of step"):
        @explains(step)  # type: ignore[arg-type]
        def twin(text: str) -> Explained:
            return Explained(text, ())
