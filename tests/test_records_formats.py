"""Formats beside JSON: compression, CSV/TSV, Parquet, WARC/WET, and name-versus-content checks."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import lzma
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.corpus_files import Page, article, warc_bytes, write_warc

from cleanseed.errors import CleanseedError, InputError
from cleanseed.html import html_to_text
from cleanseed.records.compression import codec_of_name, packed_with, sniff_codec
from cleanseed.records.csv_files import CsvRecordWriter
from cleanseed.records.formats import Skipped, describe
from cleanseed.records.inputs import InputFile, Item, ReadOptions, origin
from cleanseed.records.readers import read_new_kind, unknown_file

zstandard = pytest.importorskip("zstandard")


def _file(path: Path, kind: str) -> InputFile:
    return InputFile(str(path), path.name, kind, path.name.endswith(".gz"))  # type: ignore[arg-type]


def _read(path: Path, kind: str, **options: Any) -> list[Any]:
    return list(read_new_kind(_file(path, kind), ReadOptions(**options)))


PACKERS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress,
           "zst": lambda data: zstandard.ZstdCompressor().compress(data)}


# -- names and compression -------------------------------------------------------------------


def test_describe_reads_kind_and_codec_from_the_name() -> None:
    """Kind and compression come from the suffixes, whatever their case."""
    assert describe("a.CSV.ZST") == ("csv", "zst")
    assert describe("b.tsv.bz2") == ("tsv", "bz2")
    assert describe("CC-MAIN-1.warc.wet.gz") == ("warc", "gz")
    assert describe("c.parquet") == ("parquet", None)
    assert describe("d.jsonl.xz") == ("jsonl", "xz")
    assert describe("part-0001.gz") == (None, "gz")


@pytest.mark.parametrize("codec", sorted(PACKERS))
def test_each_codec_writes_what_its_magic_says(codec: str) -> None:
    """What packed_with writes starts with the codec's magic and decompresses to the input."""
    out = io.BytesIO()
    with packed_with(out, codec) as fh:  # type: ignore[arg-type]
        fh.write(b"id,text\n1,hello\n")
    data = out.getvalue()
    assert sniff_codec(data) == codec
    assert codec_of_name(f"x.csv.{codec}") == codec


@pytest.mark.parametrize("codec", sorted(PACKERS))
def test_compressed_csv_reads_like_plain(tmp_path: Path, codec: str) -> None:
    """A compressed CSV reads row by row, as the plain one does."""
    path = tmp_path / f"rows.csv.{codec}"
    path.write_bytes(PACKERS[codec](b"id,text,lang\n1,Hello there.,en\n2,Hallo.,de\n"))
    items = _read(path, "csv")
    assert [i.doc.text for i in items] == ["Hello there.", "Hallo."]
    assert [i.doc.metadata["lang"] for i in items] == ["en", "de"]


@pytest.mark.parametrize(("name", "content", "expect"), [
    ("rows.csv.gz", b"id,text\n1,x\n", "not gzip data"),
    ("rows.csv", gzip.compress(b"id,text\n1,x\n"), "holds gzip-compressed data"),
    ("rows.csv.zst", bz2.compress(b"id,text\n"), "not Zstandard data"),
    ("rows.csv", b"PAR1\x15\x04\x15", "holds Parquet, not CSV"),
    ("rows.tsv", b"\x89PNG\r\n\x1a\n", "holds a PNG image, not TSV"),
    ("shard.parquet", b'{"text": "x"}\n', "holds text, not Parquet"),
    ("crawl.warc", b"id,text\n1,x\n", "holds text, not WARC"),
    ("crawl.warc", gzip.compress(b"WARC/1.0\r\n"), "holds gzip-compressed data"),
])
def test_content_that_does_not_match_the_name_is_an_error_naming_the_file(
        tmp_path: Path, name: str, content: bytes, expect: str) -> None:
    """A file holding something else than its name says is one error that names it."""
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = _read(path, describe(name)[0] or "csv")
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert expect in str(error)


def test_unknown_file_says_what_it_holds(tmp_path: Path) -> None:
    """A file no reader knows is listed with what its first bytes show, not dropped."""
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / "b.rst").write_text("Title\n=====\n")
    png = unknown_file(_file(tmp_path / "a.png", "text"))
    rst = unknown_file(_file(tmp_path / "b.rst", "text"))
    assert isinstance(png, Skipped) and "PNG" in png.reason and png.source.endswith("a.png")
    assert "unknown suffix" in rst.reason


# -- CSV and TSV ------------------------------------------------------------------------------


def test_csv_rows_keep_their_columns_and_lines(tmp_path: Path) -> None:
    """Each row is a document; a quoted field over two lines moves the next row's line on."""
    path = tmp_path / "rows.csv"
    path.write_text('id,text,source\n7,"Two\nlines",web\n\n8,One line,book\n', newline="")
    first, second = _read(path, "csv")
    assert first.doc.id == "7" and first.doc.text == "Two\nlines"
    assert first.doc.metadata["source"] == "web"
    assert (origin(first.doc).line, origin(second.doc).line) == (2, 5)  # type: ignore[union-attr]
    assert origin(first.doc).keys == ("id", "text", "source")  # type: ignore[union-attr]


def test_tsv_and_another_text_column(tmp_path: Path) -> None:
    """TSV splits on tabs; --text-field names the column that holds the text."""
    path = tmp_path / "rows.tsv"
    path.write_text("body\tid\nHello, world.\ta1\n")
    (item,) = _read(path, "tsv", text_field="body")
    assert (item.doc.text, item.doc.id) == ("Hello, world.", "a1")


@pytest.mark.parametrize(("content", "expect", "line"), [
    ("id,text\n1,a,extra\n", "the row has 3 fields, the header 2", 2),
    ("id,body\n1,a\n", "missing field", 2),
    ("id,text,id\n1,a,b\n", "names a column twice", 1),
    ('id,text\n1,"never closed\n', "not valid CSV", 2),
])
def test_bad_csv_names_the_line(tmp_path: Path, content: str, expect: str, line: int) -> None:
    """A bad row or header is an error naming the file and the line it starts on."""
    path = tmp_path / "rows.csv"
    path.write_text(content, newline="")
    errors = [r for r in _read(path, "csv") if isinstance(r, InputError)]
    assert errors and expect in str(errors[0])
    assert (errors[0].source, errors[0].line) == (str(path), line)


def test_csv_that_is_not_utf8(tmp_path: Path) -> None:
    """A CSV in another encoding stops with advice, or reads with U+FFFD when asked."""
    path = tmp_path / "rows.csv"
    path.write_bytes("id,text\n1,caf\xe9\n".encode("cp1252"))
    (error,) = _read(path, "csv")
    assert isinstance(error, InputError) and "--encoding-errors replace" in str(error)
    (item,) = _read(path, "csv", encoding_errors="replace")
    assert item.doc.text == "caf\ufffd"


def test_csv_writer_writes_the_first_records_columns() -> None:
    """Values that are not strings are written as JSON; a new column is an error."""
    out = io.BytesIO()
    writer = CsvRecordWriter(out)
    writer.write({"id": 1, "text": "a, b", "removals": [{"rule": "x"}], "score": 0.5})
    writer.write({"id": 2, "text": 'say "hi"'})
    with pytest.raises(CleanseedError, match=r"fields \['lang'\] are not columns"):
        writer.write({"id": 3, "text": "c", "lang": "en"})
    writer.close()
    assert out.getvalue().decode() == (
        'id,text,removals,score\n1,"a, b","[{""rule"": ""x""}]",0.5\n2,"say ""hi""",,\n')


# -- Parquet ---------------------------------------------------------------------------------


def test_parquet_round_trip_keeps_types(tmp_path: Path) -> None:
    """Rows written as Parquet read back with their types (an int id, a timestamp)."""
    from cleanseed.records.parquet_files import ParquetRecordWriter

    when = dt.datetime(2024, 3, 1, 12, tzinfo=dt.timezone.utc)
    path = tmp_path / "docs.parquet"
    with path.open("wb") as fh:
        writer = ParquetRecordWriter(fh)
        for i in range(1, 2502):  # more than one row group
            writer.write({"id": i, "text": f"Document {i}.", "when": when, "note": None})
        writer.close()
    items = _read(path, "parquet")
    assert len(items) == 2501
    assert items[-1].doc.id == "2501" and items[-1].doc.text == "Document 2501."
    where = origin(items[-1].doc)
    assert where is not None and where.raw_id == 2501 and where.record == 2501
    assert items[0].doc.metadata["when"] == when


def test_parquet_bad_rows_name_the_record(tmp_path: Path) -> None:
    """A row whose text is not a string is an error naming the file and the record."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": [1, 2], "text": ["fine", None]}), path)
    good, bad = _read(path, "parquet")
    assert good.doc.text == "fine"
    assert isinstance(bad, InputError)
    assert "record 2: expected a string, got None" in str(bad) and bad.field == "text"


def test_parquet_html_column_of_bytes(tmp_path: Path) -> None:
    """An HTML column may hold bytes: they wait undecoded for the HTML stage."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"url": ["u"], "html": [b"<p>caf\xc3\xa9</p>"]}), path)
    (item,) = _read(path, "parquet", html_field="html")
    assert item.html == b"<p>caf\xc3\xa9</p>"
    assert "html" not in item.doc.metadata and item.doc.metadata["url"] == "u"
    (kept,) = _read(path, "parquet", html_field="html", keep_html=True)
    assert kept.doc.metadata["html"] == b"<p>caf\xc3\xa9</p>"


def test_parquet_writer_refuses_a_new_column(tmp_path: Path) -> None:
    """The first batch of records sets the columns; a record with another is an error."""
    from cleanseed.records.parquet_files import ParquetRecordWriter

    writer = ParquetRecordWriter(io.BytesIO())
    for i in range(1000):
        writer.write({"id": i, "text": "x"})
    writer.write({"id": 1000, "text": "y", "lang": "en"})
    with pytest.raises(CleanseedError, match=r"record 1000 .*\['lang'\]"):
        writer.close()


def test_without_pyarrow_the_error_names_the_extra(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """With pyarrow missing, reading Parquet says which extra to install."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    path = tmp_path / "docs.parquet"
    path.write_bytes(b"PAR1....PAR1")
    with pytest.raises(CleanseedError, match=r"cleanseed\[parquet\]"):
        _read(path, "parquet")


# -- WARC and WET ----------------------------------------------------------------------------

GBK_PAGE = article("天气预报", "<p>今天的天气很好，我们一起去公园散步吧。明天会下雨，请带伞。</p>",
                   lang="zh")


@pytest.mark.parametrize("gz", [True, False])
def test_warc_responses_become_pages_and_the_rest_is_counted(tmp_path: Path, gz: bool) -> None:
    """Responses go to the HTML path with url, date and id; other records are passed over."""
    pages = [Page("https://example.org/a", article("A", "<p>First page.</p>").encode()),
             Page("https://example.org/img.png", b"\x89PNG....", "image/png"),
             Page("https://example.org/gone", b"<p>Not found</p>", status=404)]
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), pages, gz=gz)
    read = _read(path, "warc")
    items = [r for r in read if isinstance(r, Item)]
    skipped = [r for r in read if isinstance(r, Skipped)]
    assert len(items) == 1 and len(read) == 10
    (page,) = items
    assert page.doc.metadata["url"] == "https://example.org/a"
    assert page.doc.metadata["date"].startswith("2024-03-0")
    assert page.doc.id.startswith("<urn:uuid:")
    assert isinstance(page.html, bytes) and b"First page." in page.html
    assert page.charset == "utf-8"
    reasons = sorted(s.reason for s in skipped)
    assert reasons == ["HTTP 404 response", *["WARC metadata record"] * 3,
                       *["WARC request record"] * 3, "WARC warcinfo record",
                       "response of type image/png"]
    assert all(s.bulk and s.source == str(path) for s in skipped)


def test_warc_header_charset_decodes_the_page(tmp_path: Path) -> None:
    """A page in GBK without <meta charset> is read with the charset its header gave."""
    page = Page("https://example.cn/", GBK_PAGE.encode("gbk"), "text/html; charset=GBK")
    path = write_warc(tmp_path / "crawl.warc.gz", [page])
    (item,) = [r for r in _read(path, "warc") if isinstance(r, Item)]
    assert item.charset == "gbk"
    assert "今天的天气很好" in html_to_text(item.html, charset=item.charset)


def test_wet_conversions_are_text_documents(tmp_path: Path) -> None:
    """WET conversion records go through the text path, with their URL."""
    data = warc_bytes([], conversions=[("https://a.example/", "Plain text of page A."),
                                       ("https://b.example/", "Plain text of page B.")])
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(data)
    items = [r for r in _read(path, "warc") if isinstance(r, Item)]
    assert [(i.doc.text, i.doc.metadata["url"]) for i in items] == [
        ("Plain text of page A.", "https://a.example/"),
        ("Plain text of page B.", "https://b.example/")]
    assert all(i.html is None for i in items)


def test_damaged_warc_is_one_error_after_the_good_records(tmp_path: Path) -> None:
    """A WARC cut short yields the records before the cut, then an error naming the file."""
    pages = [Page(f"https://example.org/{i}", article(f"P{i}", "<p>Text.</p>").encode())
             for i in range(20)]
    data = warc_bytes(pages, gz=False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: len(data) // 2])
    read = _read(path, "warc")
    assert any(isinstance(r, Item) for r in read)
    assert isinstance(read[-1], InputError) and read[-1].source == str(path)
    assert f"record {len(read)} is cut short" in str(read[-1])
    path.write_bytes(data[: data.index(b"WARC/1.1", 100)] + b"no header here\r\n\r\n")
    (*_, last) = _read(path, "warc")
    assert isinstance(last, InputError) and "not a readable WARC file after record 1" in str(last)


def test_gzipped_warc_cut_short_is_an_error(tmp_path: Path) -> None:
    """A gzipped WARC whose download stopped inside a member ends with an error naming it
    (FastWARC itself stops quietly there); a whole one ends without."""
    pages = [Page(f"https://example.org/{i}", article(f"P{i}", "<p>Text here.</p>" * 30).encode())
             for i in range(10)]
    data = warc_bytes(pages)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    assert not any(isinstance(r, InputError) for r in _read(path, "warc"))
    for cut, expect in ((40, "is cut short|ends inside a gzip member"),
                        (4, "ends inside a gzip member")):  # the record whole, its member not
        path.write_bytes(data[: len(data) - cut])
        read = _read(path, "warc")
        assert isinstance(read[-1], InputError) and read[-1].source == str(path)
        assert re.search(expect, str(read[-1])), read[-1]
