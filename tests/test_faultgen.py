"""Tests of the labelled-fault generator and of its scorer (``benchmarks/faultgen``)."""

from __future__ import annotations

import doctest
import importlib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanseed.document import Explained, Removal

# faultgen lives beside the benchmark script that uses it, not in the installed package
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from faultgen import CLASSES, LabelledDoc, Unit, generate, generate_doc  # noqa: E402
from faultgen.score import Tally, normalise, score_doc  # noqa: E402
from faultgen.templates_cookie import LANGS  # noqa: E402
from faultgen.templates_encoding import reverse  # noqa: E402

MODULES = ("content", "generate", "model", "score", "templates_encoding", "templates_metadata")


@pytest.fixture(scope="module")
def docs() -> list[LabelledDoc]:
    return generate(300, seed=11)


def _check_labels(doc: LabelledDoc) -> None:
    """Every line is a unit, and every way a line departs from clean text is labelled."""
    assert doc.text == doc.sep.join(u.text for u in doc.units)
    assert all("\n" not in u.text and "\r" not in u.text for u in doc.units)
    for unit in doc.units:
        if unit.kind == "fault":
            assert unit.cls in CLASSES and unit.text.strip() and not unit.expected
            continue
        clean = unit.expected
        assert clean.strip() == clean and clean and reverse(clean) == clean
        if unit.prefix:
            assert unit.text == unit.prefix + clean and not unit.encoding
        elif unit.encoding:
            assert unit.text != clean and reverse(unit.text) == clean
        else:
            assert unit.text == clean


def _check_disjoint(doc: LabelledDoc) -> None:
    """Content lines are distinct; only a planted exact repeat equals a content line."""
    content = [u.expected.strip() for u in doc.units if u.kind == "content"]
    assert len(set(content)) == len(content)
    for unit in doc.units:
        if unit.kind != "fault":
            continue
        copies = unit.text.strip() in content
        exact = unit.template.startswith(("repeat.exact", "repeat.article"))
        assert copies == exact, unit


def test_same_seed_gives_the_same_documents() -> None:
    """A seed fixes the documents; document i does not depend on how many are drawn."""
    assert generate(40, seed=5) == generate(40, seed=5)
    assert generate(10, seed=5)[7] == generate_doc(5, 7)
    assert [d.text for d in generate(10, seed=5)] != [d.text for d in generate(10, seed=6)]


def test_every_planted_fault_is_labelled(docs: list[LabelledDoc]) -> None:
    """Lines join to the text; damaged and glued lines carry their labels; the rest is clean."""
    for doc in docs:
        _check_labels(doc)


def test_faults_list_every_label(docs: list[LabelledDoc]) -> None:
    """``faults()`` reports each fault line, glued prefix, damaged line and CRLF once."""
    for doc in docs:
        expected = sum(u.kind == "fault" for u in doc.units)
        expected += sum(bool(u.prefix) + bool(u.encoding) for u in doc.units)
        assert len(doc.faults()) == expected + doc.crlf
        assert all(f.template and f.text for f in doc.faults())


def test_content_and_faults_are_disjoint(docs: list[LabelledDoc]) -> None:
    """No fault line reads like a content line, except the copies a repeat plants."""
    for doc in docs:
        _check_disjoint(doc)


@given(st.integers(0, 10**6), st.integers(0, 10**5))
def test_any_document_is_labelled_and_disjoint(seed: int, index: int) -> None:
    """The label and disjointness invariants hold for any seed and index."""
    doc = generate_doc(seed, index)
    _check_labels(doc)
    _check_disjoint(doc)


def test_every_class_language_and_trap_is_planted(docs: list[LabelledDoc]) -> None:
    """A few hundred documents hold every class, five article and nine banner languages."""
    classes = Counter(f.cls for doc in docs for f in doc.faults())
    assert set(classes) == set(CLASSES)
    assert {doc.lang for doc in docs} == {"en", "de", "fr", "es", "zh"}
    banner_langs = {u.template.split(".")[1] for d in docs for u in d.units if u.cls == "cookie"}
    assert banner_langs == set(LANGS)
    kinds = {u.cls for doc in docs for u in doc.units if u.kind == "content"}
    assert {"title", "text", "heading", "list", "short", "trap.numbered", "trap.cookie",
            "trap.banner_quote", "trap.privacy"} <= kinds
    assert {doc.sep for doc in docs} == {"\n", "\n\n", "\r\n", "\r\n\r\n"}


def _oracle(docs: list[LabelledDoc]) -> Callable[[str], str]:
    answers = {doc.text: "\n".join(doc.expected()) for doc in docs}
    return lambda text: answers[text]


def test_a_perfect_cleaner_scores_full_marks(docs: list[LabelledDoc]) -> None:
    """The expected output scores 100 % recall, content kept and exact-clean documents."""
    tally = Tally()
    clean = _oracle(docs[:60])
    for doc in docs[:60]:
        tally.add(score_doc(doc, clean))
    assert tally.exact == tally.docs == 60
    assert tally.total.removed == tally.total.planted
    assert tally.total.kept == tally.total.content
    assert not tally.failures


def test_doing_nothing_removes_nothing(docs: list[LabelledDoc]) -> None:
    """An identity cleaner misses every line fault and keeps every clean content line."""
    tally = Tally()
    for doc in docs[:60]:
        tally.add(score_doc(doc, lambda text: text))
    total = tally.total
    for cls in ("cookie", "chrome", "metadata", "repeat"):
        assert total.planted[cls] > 0 and total.removed[cls] == 0
    clean_lines = sum(1 for d in docs[:60] for u in d.units
                      if u.kind == "content" and u.text == u.expected)
    assert sum(total.kept.values()) == clean_lines
    assert not total.removals


def test_deleting_everything_is_all_false_positives(docs: list[LabelledDoc]) -> None:
    """An empty output removes every line fault, keeps no content, and its removal is wrong."""
    tally = Tally()
    for doc in docs[:30]:
        tally.add(score_doc(doc, lambda text: ""))
    assert sum(tally.total.kept.values()) == 0
    assert tally.total.removed["cookie"] == tally.total.planted["cookie"]
    assert tally.total.false_pos["other"] == tally.total.removals["other"] == 30


def _doc(*units: Unit) -> LabelledDoc:
    return LabelledDoc(id="t", lang="en", units=units, sep="\n")


def _step(removals: list[tuple[str, str, str]]) -> Callable[[str], str]:
    """A step that removes the given (rule, text, kept-text) pieces, and says so."""

    def explain(text: str) -> Explained:
        found, out = [], text
        for rule, piece, _ in removals:
            start = out.index(piece)
            found.append(Removal("boilerplate", rule, piece, start))
            out = out[:start] + out[start + len(piece) :]
        return Explained(out, tuple(found))

    def step(text: str) -> str:
        return explain(text).text

    step.and_explain = explain  # type: ignore[attr-defined]
    return step


TITLE = Unit("content", "title", "5 min read | Rain at last", "Rain at last",
             prefix="5 min read | ", template="title")
BODY = Unit("content", "text", "It rained all day.", "It rained all day.", template="text")
COPY = Unit("fault", "repeat", "It rained all day.", template="repeat.exact")
BANNER = Unit("fault", "cookie", "We use cookies.", template="cookie.en.banner")


def test_removals_are_judged_by_what_they_took() -> None:
    """A banner, a glued prefix and one repeated copy are right; the second copy is wrong."""
    doc = _doc(BANNER, TITLE, BODY, COPY)
    right = _step([("cookie.x", "We use cookies.\n", ""), ("metadata.x", "5 min read | ", ""),
                   ("repeat.x", "\nIt rained all day.", "")])
    score = score_doc(doc, right)
    assert score.exact and not +score.false_pos
    assert score.removed == score.planted == Counter(cookie=1, metadata=1, repeat=1)
    both = _step([("repeat.x", "It rained all day.\nIt rained all day.", "")])
    score = score_doc(doc, both)
    assert score.false_pos == Counter(repeat=1) and score.kept["text"] == 0
    assert ("lost text (removed by repeat.x)", "It rained all day.") in score.failures


def test_cutting_into_a_glued_title_is_a_false_positive() -> None:
    """Taking the prefix is right; taking words of the title with it is not."""
    doc = _doc(TITLE, BODY)
    assert not +score_doc(doc, _step([("metadata.x", "5 min read | ", "")])).false_pos
    score = score_doc(doc, _step([("metadata.x", "5 min read | Rain ", "")]))
    assert score.false_pos == Counter(metadata=1)
    assert score.removed["metadata"] == 0  # a piece of the glued line is left


def test_a_remnant_of_a_fault_is_not_a_removal() -> None:
    """A button row cut down to one label still counts as missed."""
    row = Unit("fault", "cookie", "Accept all | Reject", template="cookie.en.buttons")
    score = score_doc(_doc(row, BODY), _step([("cookie.x", " | Reject", "")]))
    assert score.removed["cookie"] == 0 and score.removals["cookie"] == 1


def test_normalise_strips_lines_and_drops_blank_ones() -> None:
    """Outputs compare line by line, ignoring edge white space and blank lines."""
    assert normalise("  a\r\n\n\n b \n") == ["a", "b"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    """The examples in the generator's docstrings hold."""
    module = importlib.import_module(f"faultgen.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
