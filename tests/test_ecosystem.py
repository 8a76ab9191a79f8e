"""cleanseed where corpus builders use it: Dataset.map, datatrove, python -m, the explain view."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from tests.strategies import texts

import cleanseed
from cleanseed.errors import InputTypeError

DOCS = ["Advertisement\nThe tide came in at noon.", "Share this article\nRain later.",
        "caf\u00c3\u00a9 au lait"]
CLEAN = ["The tide came in at noon.", "Rain later.", "café au lait"]


def test_steps_take_rows_and_batches() -> None:
    """A row or a batch (mappings) is answered with {column: cleaned}; other columns stay out."""
    batch = {"id": [1, 2, 3], "text": DOCS}
    assert cleanseed.clean_batch(batch) == {"text": CLEAN}
    assert cleanseed.clean({"id": 1, "text": DOCS[0]}) == {"text": CLEAN[0]}
    assert cleanseed.fix_encoding({"text": DOCS[2]}) == {"text": "café au lait"}
    assert cleanseed.strip_boilerplate({"body": DOCS[:2]}, column="body") == \
        {"body": ["The tide came in at noon.", "Rain later."]}
    assert cleanseed.clean_batch(DOCS, column="text") == {"text": CLEAN}  # input_columns
    assert cleanseed.dedup_paragraphs("A line.", column="text") == {"text": "A line."}


def test_a_missing_column_is_named() -> None:
    """A batch without the column says which it has and how to name another."""
    with pytest.raises(InputTypeError, match=r"no column 'text' \(its columns: 'body'\)"):
        cleanseed.clean_batch({"body": ["x"]})


@given(texts)
def test_row_answers_agree_with_plain_calls(text: str) -> None:
    """Wrapped in a row, every step gives what it gives the bare string."""
    for step in (cleanseed.fix_encoding, cleanseed.strip_boilerplate, cleanseed.dedup_paragraphs,
                 cleanseed.clean):
        assert step({"text": text}) == {"text": step(text)}


def test_dataset_map() -> None:
    """Dataset.map works with clean_batch, batched or not, with or without input_columns."""
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_dict({"id": [1, 2, 3], "text": DOCS})
    assert ds.map(cleanseed.clean_batch, batched=True)["text"] == CLEAN
    assert ds.map(cleanseed.clean)["text"] == CLEAN
    assert ds.map(cleanseed.fix_encoding)["id"] == [1, 2, 3]
    assert ds.map(cleanseed.clean_batch, batched=True, input_columns="text",
                  fn_kwargs={"column": "text"})["text"] == CLEAN
    renamed = ds.rename_column("text", "body")
    assert renamed.map(cleanseed.clean, fn_kwargs={"column": "body"})["body"] == CLEAN


def test_datatrove_step_cleans_and_records_removals() -> None:
    """The datatrove step cleans each document, records its removals, drops emptied ones."""
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleanseed.datatrove import CleanseedStep

    docs = [Document(text=t, id=str(i)) for i, t in enumerate([*DOCS, "Share this article"])]
    step = CleanseedStep()
    out = list(step.run(iter(docs)))
    assert [d.text for d in out] == CLEAN
    assert [r["rule"] for r in out[0].metadata["removals"]] == ["chrome.ad"]
    assert step.stats["dropped_empty"].total == 1
    assert step.stats["removed_chrome.ad"].total == 1
    page = Document(text="<html><body><nav>Home</nav><article><p>The tide came in at noon."
                         "</p></article></body></html>", id="p")
    (done,) = CleanseedStep(html=True).run(iter([page]))
    assert done.text == "The tide came in at noon."
    assert done.metadata["removals"][0]["rule"] == "html.nav"


def test_python_dash_m(tmp_path: Path) -> None:
    """python -m cleanseed is the cleanseed command."""
    src = str(Path(cleanseed.__file__).parents[1])
    path = tmp_path / "a.txt"
    path.write_text(DOCS[0])
    done = subprocess.run([sys.executable, "-m", "cleanseed", "clean", str(path)],
                          capture_output=True, text=True, check=False, timeout=120,
                          env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == CLEAN[0] + "\n"


def test_explain_view_from_python() -> None:
    """explain_view prints what cleanseed explain prints; format_explained renders a result."""
    text = "We use cookies to improve your experience.\nThe tide came in at noon.\nAdvertisement"
    view = cleanseed.explain_view(text)
    assert "- [cookie.en.consent] We use cookies to improve your experience." in view
    assert "- [chrome.ad] Advertisement" in view and "  The tide came in at noon." in view
    assert view.endswith("2 removals; 25 of 82 characters kept\n")
    shown = cleanseed.format_explained(cleanseed.explain(text), text, color=True)
    assert "\x1b[31m- [chrome.ad] Advertisement\x1b[0m" in shown
    page = "<html><body><nav>Home</nav><p>The tide came in at noon.</p></body></html>"
    assert "- [html.nav] Home" in cleanseed.explain_view(page, html=True)
