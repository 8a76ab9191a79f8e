"""Tests of reading and writing documents: fields kept, errors named, writes atomic."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanseed import Document, Removal
from cleanseed.errors import InputError
from cleanseed.records import (
    ORIGIN,
    InputFile,
    Item,
    ReadOptions,
    atomic_writer,
    dumps_record,
    expand_paths,
    iter_items,
    iter_json,
    iter_jsonl,
    kind_of,
    origin,
    read_documents,
    record_file,
    to_record,
    write_jsonl,
)
from cleanseed.records import json_values as reader  # the .json reader, for its window
from cleanseed.records.formats import Skipped

JSONL = InputFile("mem.jsonl", "mem.jsonl", "jsonl")


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_jsonl_keeps_every_field_and_where_it_came_from(tmp_path: Path) -> None:
    """A Dolma-shaped record reads into id, text and metadata, and knows its file and line."""
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"id": "x1", "text": "Hello", "source": "cc", "metadata": {"url": "u"}},
                          {"id": "x2", "text": "World", "added": "2026-01-01"}))
    docs = list(read_documents(path))
    assert [(d.id, d.text) for d in docs] == [("x1", "Hello"), ("x2", "World")]
    assert docs[0].metadata["source"] == "cc"
    assert docs[0].metadata["metadata"] == {"url": "u"}
    where = origin(docs[1])
    assert where is not None
    assert (where.source, where.line) == (str(path), 2)


def test_record_round_trip_keeps_field_order_and_id_type(tmp_path: Path) -> None:
    """Written back, a record has its fields in their order, an int id still an int."""
    record = {"meta": {"a": [1, 2]}, "text": "Hello", "id": 12, "score": 0.5, "tags": None}
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl(record))
    (doc,) = read_documents(path)
    assert doc.id == "12"
    assert list(to_record(doc).items()) == list(record.items())


def test_text_field_and_id_field_options(tmp_path: Path) -> None:
    """Other field names for the text and the id are read and written back under those names."""
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"doc_id": "d", "content": "Body", "text": "not this"}))
    (doc,) = read_documents(path, text_field="content", id_field="doc_id")
    assert (doc.id, doc.text, doc.metadata["text"]) == ("d", "Body", "not this")
    assert to_record(doc, text_field="content", id_field="doc_id") == {
        "doc_id": "d", "content": "Body", "text": "not this"}


def test_removals_field_is_added_on_request() -> None:
    """to_record(removals=True) adds the removals as plain dicts."""
    doc = Document("kept", "a", removals=(Removal("boilerplate", "chrome.ad", "Ad\n", 0),))
    assert to_record(doc, removals=True)["removals"] == [
        {"stage": "boilerplate", "rule": "chrome.ad", "text": "Ad\n", "start": 0,
         "replacement": "", "why": ""}]
    assert "removals" not in to_record(doc)


@pytest.mark.parametrize(
    ("line", "message", "field"),
    [
        pytest.param(b'{"id": 1, "text": "ok"', "not valid JSON", None, id="truncated-json"),
        pytest.param(b'{"id": 1}', "missing field", "text", id="missing-text"),
        pytest.param(b'{"text": 3}', "expected a string, got a number", "text", id="text-not-str"),
        pytest.param(b'["text"]', "expected a JSON object, got an array", None, id="array"),
        pytest.param(b'{"text": "caf\xe9"}', "not valid UTF-8 at byte 13", None, id="latin-1"),
        pytest.param(b"[" * 100_000, "nested too deeply", None, id="deep-nesting"),
        pytest.param(b'{"text": "x", "n": ' + b"9" * 5000 + b"}", "not valid JSON", None,
                     id="huge-int"),
        pytest.param(b'{"text": "x", "cleanseed_origin": 1}', "reserved", "cleanseed_origin",
                     id="reserved-field"),
    ],
)
def test_bad_line_is_named(tmp_path: Path, line: bytes, message: str, field: str | None) -> None:
    """A bad line raises an InputError naming the file, the line and (when known) the field."""
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "fine"}\n\n' + line + b"\n")
    with pytest.raises(InputError, match=message) as caught:
        list(read_documents(path))
    assert (caught.value.source, caught.value.line, caught.value.field) == (str(path), 3, field)
    assert f"{path}:3" in str(caught.value)


def test_on_error_collects_and_goes_on(tmp_path: Path) -> None:
    """With on_error, bad lines are handed over and the good ones after them still read."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "one"}\nnot json\n{"id": 3}\n{"text": "four"}\n')
    errors: list[InputError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert [d.text for d in docs] == ["one", "four"]
    assert [(e.line, e.field) for e in errors] == [(2, None), (3, "text")]


def test_non_utf8_text_file_names_byte_and_line(tmp_path: Path) -> None:
    """A Latin-1 text file is an error at its first bad byte, unless decoding is told to replace."""
    path = tmp_path / "latin.txt"
    path.write_bytes(b"first line\ncaf\xe9 au lait\n")
    with pytest.raises(InputError, match=r"not valid UTF-8 at byte 14 \(line 2\)") as caught:
        list(read_documents(path))
    assert caught.value.line == 2
    (doc,) = read_documents(path, encoding_errors="replace")
    assert doc.text == "first line\ncaf\ufffd au lait\n"


def test_truncated_gzip_names_the_last_good_line(tmp_path: Path) -> None:
    """A gzip cut short yields the records before the cut, then an error after the last good one."""
    data = "".join(json.dumps({"id": i, "text": f"document {i} " * 20}) + "\n" for i in range(400))
    packed = gzip.compress(data.encode())
    path = tmp_path / "part.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    errors: list[InputError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert 0 < len(docs) < 400
    (error,) = errors
    assert error.source == str(path)
    assert f"truncated or corrupt after line {len(docs)}" in str(error)


def test_not_gzip_at_all(tmp_path: Path) -> None:
    """A .gz file that is not gzip is one error naming the file, not a crash."""
    path = tmp_path / "part.jsonl.gz"
    path.write_bytes(b'{"text": "plain"}\n')
    with pytest.raises(InputError, match=r"not gzip data, though its name ends in \.gz"):
        list(read_documents(path))


def test_gzipped_text_and_jsonl(tmp_path: Path) -> None:
    """.txt.gz is one text document; .jsonl.gz and a bare .gz are JSONL."""
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Plain text.\n"))
    (tmp_path / "b.gz").write_bytes(gzip.compress(jsonl({"text": "From JSONL"}).encode()))
    assert [d.text for d in read_documents(tmp_path)] == ["Plain text.\n", "From JSONL"]


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    """Folders are walked in sorted order; hidden files are left out, and a file of unknown kind
    is listed, then passed over with its reason rather than read or dropped unsaid."""
    for name in ["b/2.txt", "b/1.md", "a.txt", ".hidden/x.txt", "b/.x.txt", "c/image.png"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    files = expand_paths([tmp_path])
    assert [f.rel for f in files] == ["a.txt", "b/1.md", "b/2.txt", "c/image.png"]
    skipped: list[Skipped] = []
    assert [d.text for d in read_documents(tmp_path, on_skip=skipped.append)] == [
        "a.txt", "b/1.md", "b/2.txt"]
    assert [(Path(s.source).name, s.reason) for s in skipped] == [
        ("image.png", "not a kind of file cleanseed reads (unknown suffix)")]


def test_named_file_with_unknown_suffix_is_text(tmp_path: Path) -> None:
    """A file given by name is read as text even without a known suffix."""
    path = tmp_path / "README"
    path.write_text("Read me.")
    assert [d.text for d in read_documents(path)] == ["Read me."]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    """A path that does not exist is reported by name before anything is read."""
    with pytest.raises(InputError, match="no such file") as caught:
        expand_paths([tmp_path / "nope.jsonl"])
    assert caught.value.source == str(tmp_path / "nope.jsonl")


def test_kind_of() -> None:
    """Suffixes decide the kind, case-insensitively; .gz is looked through."""
    assert kind_of("A.JSONL") == ("jsonl", False)
    assert kind_of("page.HTM.gz") == ("html", True)
    assert kind_of("notes.rst") == (None, False)


def test_html_files_are_read_as_bytes(tmp_path: Path) -> None:
    """An HTML file waits, undecoded, for the HTML stage, which reads its own charset."""
    page = "<meta charset='windows-1252'><p>caf\xe9</p>".encode("cp1252")
    (tmp_path / "p.html").write_bytes(page)
    (item,) = iter_items(expand_paths([tmp_path]))
    assert isinstance(item, Item)
    assert item.html == page
    assert item.doc.id == str(tmp_path / "p.html")


def test_html_field_is_read_from_jsonl(tmp_path: Path) -> None:
    """With html_field, the record's HTML is the payload; the record keeps the field only when
    asked to (the raw page is rarely what a corpus keeps)."""
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"id": "p", "html": "<p>Hi</p>", "url": "u"}))
    (item,) = iter_items(expand_paths([path]), ReadOptions(html_field="html", keep_html=True))
    assert isinstance(item, Item)
    assert (item.html, item.doc.metadata["html"], item.doc.metadata["url"]) == (
        "<p>Hi</p>", "<p>Hi</p>", "u")
    (item,) = iter_items(expand_paths([path]), ReadOptions(html_field="html"))
    assert isinstance(item, Item)
    assert "html" not in item.doc.metadata and item.doc.metadata["url"] == "u"
    cleaned = to_record(Document("Hi", item.doc.id, item.doc.metadata))
    assert cleaned == {"id": "p", "url": "u", "text": "Hi"}


def test_stdin_is_read_as_text_or_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' reads stdin: one text document, or JSONL when a field is named."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"From stdin\n")))
    assert [d.text for d in read_documents("-")] == ["From stdin\n"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(jsonl({"body": "B"}).encode())))
    assert [d.text for d in read_documents("-", text_field="body")] == ["B"]


def test_bom_and_blank_lines(tmp_path: Path) -> None:
    """A byte-order mark before the first record and blank lines between records are fine."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jsonl({"text": "a"}).encode() + b"\n  \n" +
                     jsonl({"text": "b"}).encode())
    assert [d.text for d in read_documents(path)] == ["a", "b"]


def test_over_long_line_is_skipped_without_reading_it_whole() -> None:
    """A line over max_line_bytes is one error; the lines after it are still read."""
    data = jsonl({"text": "x" * 5000}, {"text": "short"}).encode()
    found = list(iter_jsonl(io.BytesIO(data), JSONL, ReadOptions(max_line_bytes=1000)))
    assert isinstance(found[0], InputError)
    assert "line longer than 1,000 bytes" in str(found[0])
    assert isinstance(found[1], Item)
    assert found[1].doc.text == "short"


def test_lone_surrogate_is_written_as_valid_json() -> None:
    """A lone surrogate (from a JSON escape) is written escaped: the line stays valid UTF-8."""
    line = dumps_record({"text": "a\ud800b", "lang": "日本"})
    assert json.loads(line.decode("utf-8")) == {"text": "a\ud800b", "lang": "日本"}


def test_atomic_writer_leaves_nothing_on_error(tmp_path: Path) -> None:
    """An exception while writing leaves neither the target nor a temporary file behind."""
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write(b"half a fi")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_atomic_writer_keeps_old_file_until_done(tmp_path: Path) -> None:
    """The old file stays whole while the new one is written, and is replaced at the end."""
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_writer(target) as fh:
        fh.write(b"new")
        assert target.read_text() == "old"
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_writer_compresses_gz(tmp_path: Path) -> None:
    """A .gz target is written gzipped."""
    target = tmp_path / "out.jsonl.gz"
    assert write_jsonl([Document("a", "1")], target) == 1
    assert gzip.decompress(target.read_bytes()) == b'{"id": "1", "text": "a"}\n'


def test_origin_is_not_written(tmp_path: Path) -> None:
    """The reader's bookkeeping never reaches the output."""
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"text": "a"}))
    out = tmp_path / "out.jsonl"
    write_jsonl(read_documents(path), out)
    assert ORIGIN not in out.read_text()
    assert json.loads(out.read_text()) == {"text": "a"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=3),
    max_leaves=4,
)
records = st.dictionaries(st.text(max_size=6), json_values, max_size=4)


@pytest.mark.slow
@given(st.lists(records, max_size=5))
def test_any_record_with_text_round_trips(records_: list[dict[str, object]]) -> None:
    """Any JSON object with a string text field is written back exactly as it was read."""
    for i, record in enumerate(records_):
        record["text"] = f"text {i}"
    data = "".join(json.dumps(r) + "\n" for r in records_).encode()
    docs = [i.doc for i in iter_jsonl(io.BytesIO(data), JSONL, ReadOptions())
            if isinstance(i, Item)]
    assert [to_record(d) for d in docs] == records_


# -- .json files ----------------------------------------------------------------------------

JSON = InputFile("mem.json", "mem.json", "json")


def read_json(data: bytes, **options: Any) -> list[Item | InputError]:
    return list(iter_json(io.BytesIO(data), JSON, ReadOptions(**options)))


def texts_and_errors(found: list[Item | InputError]) -> list[str]:
    return [f.doc.text if isinstance(f, Item) else f"error: {f}" for f in found]


def test_json_array_is_one_document_per_element(tmp_path: Path) -> None:
    """An array of records reads in order; each record keeps its fields and knows its element
    (counted from 0, as in jq '.[1]') and the line it starts on."""
    path = tmp_path / "a.json"
    records_ = [{"id": 7, "text": "Hello", "lang": "en"}, {"text": "World", "id": "w"}]
    path.write_text(json.dumps(records_, indent=2))
    docs = list(read_documents(path))
    assert [(d.id, d.text) for d in docs] == [("7", "Hello"), ("w", "World")]
    assert [to_record(d) for d in docs] == records_
    where = origin(docs[1])
    assert where is not None
    assert (where.source, where.line, where.element) == (str(path), 7, 1)
    assert str(where) == f"{path}:7 (array element [1])"


def test_json_single_object_is_one_document(tmp_path: Path) -> None:
    """A .json file holding one (pretty-printed) record is one document."""
    path = tmp_path / "one.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": 1, "text": "Only"}, indent=4).encode())
    (doc,) = read_documents(path)
    assert (doc.id, doc.text) == ("1", "Only")
    where = origin(doc)
    assert where is not None
    assert (where.line, where.element) == (1, None)


def test_jsonl_named_json_is_read_as_jsonl(tmp_path: Path) -> None:
    """One record per line under a .json name (as many datasets ship it) is read as JSONL:
    records named by line, and a bad line does not end the file."""
    path = tmp_path / "data.json"
    path.write_bytes(b'\n{"text": "one"}\nnot json\n{"text": "three"}\n')
    errors: list[InputError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert [d.text for d in docs] == ["one", "three"]
    assert [(origin(d).line, origin(d).element) for d in docs] == [(2, None), (4, None)]  # type: ignore[union-attr]
    assert [e.line for e in errors] == [3]


@pytest.mark.parametrize(
    ("element", "message", "field"),
    [
        pytest.param('{"id": 1}', "missing field (the record has: 'id')", "text", id="missing"),
        pytest.param('{"text": 3}', "expected a string, got a number", "text", id="not-str"),
        pytest.param('"text"', "expected a JSON object, got a string", None, id="not-object"),
        pytest.param('{"text": "x", "cleanseed_origin": 1}',
                     "the field 'cleanseed_origin' is reserved for cleanseed", "cleanseed_origin",
                     id="reserved-field"),
    ],
)
def test_bad_json_element_is_named_and_the_rest_read(element: str, message: str,
                                                     field: str | None) -> None:
    """A bad record in an array is an error naming the file, the line it starts on, its index
    and the field; the elements after it are still read."""
    data = f'[\n  {{"text": "a"}},\n  {element},\n  {{"text": "c"}}\n]\n'.encode()
    first, error, last = read_json(data)
    assert isinstance(error, InputError)
    assert (error.source, error.line, error.field) == ("mem.json", 3, field)
    assert error.reason == f"array element [1]: {message}"
    assert str(error).startswith("mem.json:3")
    assert texts_and_errors([first, last]) == ["a", "c"]


@pytest.mark.parametrize(
    ("data", "message", "line", "after"),
    [
        pytest.param(b'[{"text": "a"},\n{"text": "b"', "array element [1]: not valid JSON: "
                     "Expecting ',' delimiter", 2, [], id="truncated"),
        pytest.param(b'[{"text": "a"}\n {"text": "b"}]', "expected ',' or ']' after array "
                     "element [0]", 2, [], id="no-comma"),
        pytest.param(b'[{"text": "a"},]', "array element [1]: not valid JSON: Expecting value",
                     1, [], id="trailing-comma"),
        pytest.param(b'[{"text": "a"}, {"text": "b" x}, {"text": "c"}]', "array element [1]: "
                     "not valid JSON: Expecting ',' delimiter", 1, ["c"], id="junk-in-element"),
        pytest.param(b'[{"text": "a"},\n{"text": "b, "id": 2},\n{"text": "c"},\n{"text": "d"}]',
                     "array element [1]: not valid JSON: Expecting ',' delimiter", 2,
                     ["c", "d"], id="unclosed-string-one-a-line"),
        pytest.param(b'[\n  {"text": "a"},\n  {"text": "b" "r": [\n    {"q": 1},\n    {"q": 2}\n'
                     b'  ]},\n  {"text": "c"}\n]', "array element [1]: not valid JSON: "
                     "Expecting ',' delimiter", 3, ["c"], id="pretty-printed-nested"),
        pytest.param(b'[{"text": "a"},' + b"[" * 100_000, "array element [1]: JSON nested too "
                     "deeply to read", 1, [], id="deep-nesting"),
        pytest.param(b'[{"text": "a"},' + b"[" * 100_000 + b"]" * 100_000 + b', {"text": "z"}]',
                     "array element [1]: JSON nested too deeply to read", 1, ["z"],
                     id="deep-nesting-closed"),
    ],
)
def test_json_broken_element_is_one_error_and_the_array_goes_on(
        data: bytes, message: str, line: int, after: list[str]) -> None:
    """A broken element is one error naming its line and index; the array goes on at the next
    element boundary (by brackets, or by the layout of lines when a string was left open)."""
    first, error, *rest = read_json(data)
    assert texts_and_errors([first]) == ["a"]
    assert isinstance(error, InputError)
    assert (error.reason, error.line) == (message, line)
    assert texts_and_errors(rest) == after


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        pytest.param(b'[{"text": "a"}]\n[{"text": "b"}]\n', "more data after the array: a file "
                     "of one JSON value per line should be named .jsonl", 2, id="jsonl-of-arrays"),
        pytest.param(b'[{"text": "a"},\n{"text": "caf\xe9"}]', "not valid UTF-8 at byte 29 "
                     "(line 2); use --encoding-errors replace to read it anyway (nothing after "
                     "it was read)", 2, id="latin-1"),
        pytest.param(b'{\n "text": "a"\n}\n{\n "text": "b" x\n}\n{"text": "c"}', "not valid "
                     "JSON: Expecting ',' delimiter (nothing after it in the file was read)", 5,
                     id="values-one-after-another"),
    ],
)
def test_json_error_that_ends_the_file_says_so(data: bytes, message: str, line: int) -> None:
    """Where no boundary can be trusted, the error says that nothing after it was read."""
    first, error = read_json(data)
    assert texts_and_errors([first]) == ["a"]
    assert isinstance(error, InputError)
    assert (error.reason, error.line) == (message, line)


def test_json_encoding_errors_replace() -> None:
    """--encoding-errors replace reads a non-UTF-8 .json file with U+FFFD for the bad bytes."""
    data = b'[{"text": "caf\xe9"}]'
    assert texts_and_errors(read_json(data, encoding_errors="replace")) == ["caf\ufffd"]


@pytest.mark.parametrize("data", [b"", b" \n\t\n", b"[]", b"[\n]\n", b"\xef\xbb\xbf[ ]"])
def test_empty_json_holds_no_records(data: bytes) -> None:
    """An empty file or an empty array: no documents, no error."""
    assert read_json(data) == []


def test_json_value_over_the_limit_is_skipped() -> None:
    """A value longer than max_line_bytes is one error, streamed past without being held,
    wherever the read pieces happen to end; the elements after it are read."""
    data = json.dumps([{"text": "short"}, {"text": "x" * 5000}, {"text": "after"}]).encode()
    for piece in (64, 999, 4096):
        with mock.patch.object(reader, "_PIECE", piece):
            first, error, last = read_json(data, max_line_bytes=1000)
        assert texts_and_errors([first, last]) == ["short", "after"]
        assert isinstance(error, InputError)
        assert error.reason == "array element [1]: a JSON value longer than 1,000 characters"


def test_json_is_read_in_pieces_not_whole() -> None:
    """A large array streams: only a window of it is held, however many records it has."""
    records_ = [{"id": i, "text": f"document {i} " * 40} for i in range(2000)]
    data = json.dumps(records_, indent=1).encode()
    held: list[int] = []
    real_more = reader._Window._more

    def more(window: reader._Window) -> bool:
        held.append(len(window.text))
        return real_more(window)

    with mock.patch.object(reader, "_PIECE", 4096), \
            mock.patch.object(reader._Window, "_more", more):
        found = read_json(data)
    assert [f.doc.text for f in found if isinstance(f, Item)] == [r["text"] for r in records_]
    assert len(held) > 100
    assert max(held) < 2 * 4096


@given(st.lists(records, max_size=6), st.sampled_from([None, 0, 1, 2]),
       st.integers(min_value=1, max_value=40), st.sets(st.integers(0, 5)))
def test_any_json_array_reads_element_by_element(records_: list[dict[str, object]],
                                                 indent: int | None, piece: int,
                                                 broken: set[int]) -> None:
    """Any array, pretty or minified, read in pieces of any size: one item per element, in
    order, each written back as it was; an element that is not a record is one error naming it.
    The same records one per line in a .json file read the same."""
    elements: list[object] = []
    for i, record in enumerate(records_):
        record["text"] = f"text {i}"
        elements.append(123_456_789 if i in broken else record)  # a number cut by a piece
    data = json.dumps(elements, indent=indent).encode()
    with mock.patch.object(reader, "_PIECE", piece):
        found = read_json(data)
    assert len(found) == len(elements)
    for i, (element, got) in enumerate(zip(elements, found, strict=True)):
        if i in broken:
            assert isinstance(got, InputError)
            assert got.reason == f"array element [{i}]: expected a JSON object, got a number"
        else:
            assert isinstance(got, Item)
            assert to_record(got.doc) == element
            assert origin(got.doc).element == i  # type: ignore[union-attr]
    lines = "".join(json.dumps(r) + "\n" for r in records_).encode()
    assert [to_record(f.doc) for f in read_json(lines) if isinstance(f, Item)] == records_


def test_kind_of_json() -> None:
    """.json (gzipped too) is its own kind: one JSON value, not JSONL."""
    assert kind_of("data.json") == ("json", False)
    assert kind_of("data.JSON.gz") == ("json", True)


def test_gzipped_json_array(tmp_path: Path) -> None:
    """A .json.gz array reads like a plain one."""
    path = tmp_path / "a.json.gz"
    path.write_bytes(gzip.compress(json.dumps([{"text": "x"}, {"text": "y"}]).encode()))
    assert [d.text for d in read_documents(path)] == ["x", "y"]


@pytest.mark.parametrize("name", ["out.json", "out.json.gz", "out.jsonl"])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_record_file_is_valid_for_its_name(tmp_path: Path, name: str, count: int) -> None:
    """record_file writes one JSON array to a .json file and JSONL otherwise; either reads
    back as the records written."""
    target = tmp_path / name
    written = [{"id": i, "text": f"t{i}", "tags": ["a", "b"]} for i in range(count)]
    with record_file(target) as out:
        for record in written:
            out.write(record)
    data = target.read_bytes()
    text = (gzip.decompress(data) if name.endswith(".gz") else data).decode()
    if ".json." in name or name.endswith(".json"):
        assert json.loads(text) == written
    else:
        assert [json.loads(line) for line in text.splitlines()] == written
