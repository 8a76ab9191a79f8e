"""A corpus vocabulary saved to a file and loaded back, and the files it refuses."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanseed.damage import Vocabulary, find_damage
from cleanseed.damage._words import keys_of
from cleanseed.errors import InputError, OutputError

_TEXTS = [("d1", "Ola Källenius spoke; Källenius said so."), ("d2", "KÄLLENIUS, Grünwald"),
          ("d3", "Straße und Größe"), ("", "Grünwald again")]


def _same(a: Vocabulary, b: Vocabulary) -> bool:
    """Whether *a* and *b* answer every question alike."""
    words = sorted(a.words())
    keys = sorted({key for each in keys_of(words) for key in each})
    return (a.documents == b.documents and words == sorted(b.words())
            and all(a.forms(w) == b.forms(w) for w in words)
            and all(a.candidates(k) == b.candidates(k) and b.has(k) for k in keys))


@pytest.mark.parametrize("name", ["vocab.json", "vocab.json.gz"])
def test_a_vocabulary_loads_as_it_was_saved(tmp_path: Path, name: str) -> None:
    vocab = Vocabulary.from_texts(_TEXTS)
    vocab.save(tmp_path / name)
    loaded = Vocabulary.load(tmp_path / name)
    assert _same(loaded, vocab)
    assert loaded.candidates("k\0llenius") == vocab.candidates("k\0llenius")
    assert loaded.is_side("gr") and loaded.has("gr\0nwald")
    text = "Ola K?llenius and Gr nwald"
    assert find_damage(text, vocabulary=loaded) == find_damage(text, vocabulary=vocab)
    assert list(tmp_path.iterdir()) == [tmp_path / name]  # no temporary file left


@given(st.lists(st.text(max_size=40), max_size=6))
def test_any_vocabulary_survives_the_file(texts: list[str]) -> None:
    import tempfile
    vocab = Vocabulary.from_texts(texts)
    with tempfile.TemporaryDirectory() as tmp:
        vocab.save(Path(tmp) / "v.json")
        assert _same(Vocabulary.load(Path(tmp) / "v.json"), vocab)


@pytest.mark.parametrize(("content", "message"), [
    (b"not json", "not a vocabulary file"),
    (b'{"words": []}', "no header"),
    (b'{"format": "cleanseed.vocabulary", "version": 2, "documents": 0, "words": []}',
     "version 2"),
    (b'{"format": "cleanseed.vocabulary", "version": 1, "documents": 1, "words": [["x"]]}',
     "word 0"),
    (b'{"format": "cleanseed.vocabulary", "version": 1}', "'documents' and 'words'"),
    (b"\xff\xfe", "not a vocabulary file"),
])
def test_a_bad_file_is_refused_naming_it(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "vocab.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        Vocabulary.load(path)
    assert str(path) in str(caught.value)


def test_a_broken_gzip_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vocab.json.gz"
    path.write_bytes(gzip.compress(b'{"format": "cleanseed.vocabulary"')[:20])
    with pytest.raises(InputError, match=str(path)):
        Vocabulary.load(path)


def test_a_missing_file_or_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        Vocabulary.load(tmp_path / "none.json")
    with pytest.raises(OutputError, match="cannot write"):
        Vocabulary().save(tmp_path / "no" / "such" / "vocab.json")
