"""The command line on the files corpus builders hold: every format in and out, compressed or
not, WARC to Parquet to a deduplicated corpus, config files, and files that are not what their
names say."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.corpus_files import Page, article, warc_bytes, write_warc

from cleanseed.cli import main

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
zstandard = pytest.importorskip("zstandard")
pytest.importorskip("fastwarc")

Capsys = pytest.CaptureFixture[str]
BALANCE = re.compile(r"in ([\d,]+) = out ([\d,]+) \+ removed ([\d,]+) \+ skipped ([\d,]+)")
DOCS = [{"id": "a", "text": "Advertisement\nThe tide came in at noon.", "lang": "en"},
        {"id": "b", "text": "Share this article\nRain is expected later.", "lang": "en"}]
CLEAN = ["The tide came in at noon.", "Rain is expected later."]
PACK = {"": lambda b: b, ".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress,
        ".zst": lambda b: zstandard.ZstdCompressor().compress(b)}
UNPACK = {"": lambda b: b, ".gz": gzip.decompress, ".bz2": bz2.decompress,
          ".xz": lzma.decompress,  # a streamed frame does not say its size: read it as a stream
          ".zst": lambda b: zstandard.ZstdDecompressor().stream_reader(io.BytesIO(b)).read()}


def balance(err: str) -> tuple[int, ...]:
    found = BALANCE.search(err)
    assert found, err
    return tuple(int(g.replace(",", "")) for g in found.groups())


def _csv(rows: list[dict[str, Any]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter,
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _parquet(rows: list[dict[str, Any]]) -> bytes:
    out = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), out)
    return out.getvalue()


MAKERS = {
    "jsonl": lambda rows: "".join(json.dumps(r) + "\n" for r in rows).encode(),
    "json": lambda rows: json.dumps(rows).encode(),
    "csv": _csv,
    "tsv": lambda rows: _csv(rows, "\t"),
    "parquet": _parquet,
}


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records a file written by cleanseed holds, whatever its format."""
    name = path.name
    suffix = next((s for s in (".gz", ".bz2", ".xz", ".zst") if name.endswith(s)), "")
    kind = Path(name[: len(name) - len(suffix)]).suffix
    if kind == ".parquet":
        return list(pq.read_table(path).to_pylist())
    data = UNPACK[suffix](path.read_bytes()).decode()
    if kind == ".json":
        return list(json.loads(data))
    if kind in (".csv", ".tsv"):
        return list(csv.DictReader(io.StringIO(data), delimiter="\t" if kind == ".tsv" else ","))
    return [json.loads(line) for line in data.splitlines()]


@pytest.mark.parametrize(("kind", "codec"), [
    *((kind, codec) for kind in sorted(MAKERS) for codec in ("", ".zst") if kind != "parquet"),
    ("parquet", ""), ("jsonl", ".gz"), ("csv", ".bz2"), ("json", ".xz")])
def test_every_record_format_in(tmp_path: Path, kind: str, codec: str, capsys: Capsys) -> None:
    """JSONL, JSON, CSV, TSV and Parquet, compressed or not, are read record by record."""
    src = tmp_path / f"in.{kind}{codec}"
    src.write_bytes(PACK[codec](MAKERS[kind](DOCS)))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 0
    records = read_records(out)
    assert [r["text"] for r in records] == CLEAN
    assert [r["lang"] for r in records] == ["en", "en"]
    assert balance(capsys.readouterr().err) == (2, 2, 0, 0)


@pytest.mark.parametrize("name", ["out.jsonl", "out.json", "out.csv", "out.tsv", "out.parquet",
                                  "out.jsonl.gz", "out.jsonl.bz2", "out.csv.xz",
                                  "out.jsonl.zst", "out.json.zst"])
def test_every_record_format_out(tmp_path: Path, name: str) -> None:
    """The output is the format its name says, compressed as its name says."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(MAKERS["jsonl"](DOCS))
    out = tmp_path / name
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    records = read_records(out)
    assert [r["text"] for r in records] == CLEAN
    assert [r["id"] for r in records] == ["a", "b"]


@pytest.mark.parametrize("codec", ["", ".gz", ".bz2", ".xz", ".zst"])
def test_text_in_and_out_compressed(tmp_path: Path, codec: str) -> None:
    """A compressed text file reads as one document; text output is compressed by its name."""
    src = tmp_path / f"a.txt{codec}"
    src.write_bytes(PACK[codec](DOCS[0]["text"].encode()))
    out = tmp_path / f"out.txt{codec}"
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 0
    assert UNPACK[codec](out.read_bytes()).decode() == CLEAN[0] + "\n"


def test_output_dir_keeps_each_kind(tmp_path: Path) -> None:
    """Under --output-dir a CSV stays CSV and a Parquet file Parquet; a WARC's pages are JSONL."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.csv.zst").write_bytes(PACK[".zst"](MAKERS["csv"](DOCS)))
    (corpus / "b.parquet").write_bytes(MAKERS["parquet"](DOCS))
    write_warc(corpus / "c.warc.gz", [Page("https://e.org/", article("T", "<p>Body.</p>")
                                           .encode())])
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "--output-dir", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.csv.zst", "b.parquet", "c.jsonl.gz"]
    assert [r["text"] for r in read_records(out / "a.csv.zst")] == CLEAN
    assert [r["text"] for r in read_records(out / "b.parquet")] == CLEAN
    assert [r["text"] for r in read_records(out / "c.jsonl.gz")] == ["Body."]


def test_warc_to_parquet_to_deduplicated_parquet(tmp_path: Path, capsys: Capsys) -> None:
    """The end-to-end run: a crawl's pages cleaned into Parquet, then deduplicated, with every
    record accounted for at each step."""
    body = "".join(f"<p>Paragraph {j}: the council met on Tuesday to discuss the new bridge over "
                   "the river, and residents asked about its cost.</p>" for j in range(4))
    pages = [Page(f"https://example.org/{i}", article(f"Bridge {i % 3}", body).encode())
             for i in range(6)]
    gbk = article("天气预报", "<p>今天的天气很好，我们一起去公园散步吧。"
                  "明天会下雨，请大家记得带伞出门。</p>", lang="zh-CN")
    pages.append(Page("https://example.cn/", gbk.encode("gbk"), "text/html"))  # no charset
    crawl = write_warc(tmp_path / "crawl.warc.gz", pages)
    pages_out, corpus = tmp_path / "pages.parquet", tmp_path / "corpus.parquet"
    assert main(["clean", str(crawl), "-o", str(pages_out)]) == 0
    err = capsys.readouterr().err
    assert balance(err) == (22, 7, 0, 15)  # 7 pages; 7 requests, 7 metadata, 1 warcinfo
    assert "WARC request record: 7" in err
    rows = read_records(pages_out)
    assert [r["url"] for r in rows] == [p.url for p in pages]
    assert rows[-1]["title"] == "天气预报" and rows[-1]["language"] == "zh-CN"
    assert "今天的天气很好" in rows[-1]["text"]
    assert all(r["date"].startswith("2024-03-0") and r["id"].startswith("<urn:") for r in rows)
    assert main(["dedup", str(pages_out), "-o", str(corpus)]) == 0
    assert balance(capsys.readouterr().err) == (7, 2, 5, 0)
    assert [r["url"] for r in read_records(corpus)] == [pages[0].url, pages[-1].url]


def test_wet_conversions_are_cleaned_as_text(tmp_path: Path) -> None:
    """A WET file's conversion records go through the text steps, with their URL."""
    wet = tmp_path / "crawl.warc.wet.gz"
    wet.write_bytes(warc_bytes([], conversions=[("https://a.example/", DOCS[0]["text"])]))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(wet), "-o", str(out), "-q"]) == 0
    (record,) = read_records(out)
    assert (record["text"], record["url"]) == (CLEAN[0], "https://a.example/")


def test_undeclared_charset_and_the_charset_option(tmp_path: Path) -> None:
    """A Shift_JIS page without a declaration is guessed right; --charset names it outright."""
    page = article("天気予報", "<p>今日はとても良い天気です。公園に散歩に行きましょう。"
                   "明日は雨が降るので傘を持って行きましょう。</p>", lang="ja")
    src = tmp_path / "page.html"
    src.write_bytes(page.encode("shift_jis"))
    out = tmp_path / "out.jsonl"
    for extra in ([], ["--charset", "shift_jis"]):
        assert main(["clean", str(src), "-o", str(out), "-q", *extra]) == 0
        (record,) = read_records(out)
        assert record["text"].startswith("今日はとても良い天気です。")
        assert (record["title"], record["language"]) == ("天気予報", "ja")


@pytest.mark.parametrize(("name", "content", "expect"), [
    ("in.jsonl", b"PAR1\x15\x04" + b"\x00" * 20, "holds Parquet, not JSONL"),
    ("in.parquet", b'{"text": "x"}\n', "holds text, not Parquet"),
    ("in.jsonl.gz", b'{"text": "x"}\n', "not gzip data"),
    ("in.csv", gzip.compress(b"id,text\n1,x\n"), "holds gzip-compressed data"),
    ("crawl.warc.gz", gzip.compress(b'{"text": "x"}\n'), "holds text, not WARC"),
])
def test_a_file_that_is_not_what_its_name_says(tmp_path: Path, capsys: Capsys, name: str,
                                                content: bytes, expect: str) -> None:
    """Exit 1 with one line naming the file and what it holds; no output file is left."""
    src = tmp_path / name
    src.write_bytes(content)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"cleanseed: error: {src}: " in err and expect in err
    assert not out.exists()


def test_folder_lists_and_counts_what_it_cannot_read(tmp_path: Path, capsys: Capsys) -> None:
    """A folder's files of unknown kind are skipped, counted and listed in the report."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(MAKERS["jsonl"](DOCS))
    (tmp_path / "in" / "b.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "in" / "c.dat").write_bytes(b"\x00\x01\x02")
    report = tmp_path / "report.jsonl"
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"),
                 "--report", str(report)]) == 0
    err = capsys.readouterr().err
    assert balance(err) == (4, 2, 0, 2)
    reasons = {Path(r["source"]).name: r["reason"] for r in read_records(report)}
    assert reasons == {"b.pdf": "not a kind of file cleanseed reads (a PDF document)",
                       "c.dat": "not a kind of file cleanseed reads (binary data)"}


@pytest.mark.parametrize(("name", "expect"), [
    ("out.warc", "reads WARC but does not write it"),
    ("out.parquet.gz", "Parquet compresses its own columns"),
])
def test_outputs_that_cannot_be_written(tmp_path: Path, capsys: Capsys, name: str,
                                        expect: str) -> None:
    """A name asking for what cannot be written is a usage error before anything is read."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(MAKERS["jsonl"](DOCS))
    assert main(["clean", str(src), "-o", str(tmp_path / name)]) == 2
    assert expect in capsys.readouterr().err


# -- configuration ------------------------------------------------------------------------------


def test_config_file_and_settings(tmp_path: Path, capsys: Capsys) -> None:
    """--config, --set, --disable-rule and --steps reach the steps; config --show prints the
    effective configuration, which --config reads back to the same run."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(MAKERS["jsonl"](DOCS))
    cfg = tmp_path / "cleanseed.toml"
    cfg.write_text('[boilerplate]\ndisabled_rules = ["chrome.ad"]\n')
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", "--config", str(cfg)]) == 0
    assert read_records(out)[0]["text"] == DOCS[0]["text"]
    assert main(["clean", str(src), "-o", str(out), "-q", "--disable-rule", "chrome.share"]) == 0
    assert [r["text"] for r in read_records(out)] == [CLEAN[0], DOCS[1]["text"]]
    assert main(["clean", str(src), "-o", str(out), "-q", "--steps", "fix_encoding"]) == 0
    assert [r["text"] for r in read_records(out)] == [d["text"] for d in DOCS]
    assert main(["config", "--show", "--config", str(cfg), "--set",
                 "repeats.threshold=0.9"]) == 0
    shown = capsys.readouterr().out
    assert 'disabled_rules = ["chrome.ad"]' in shown and "threshold = 0.9" in shown
    cfg.write_text(shown)
    assert main(["config", "--config", str(cfg)]) == 0
    assert capsys.readouterr().out == shown


def test_bad_config_is_named(tmp_path: Path, capsys: Capsys) -> None:
    """A misspelt key stops the run before reading, naming the file, table and key."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(MAKERS["jsonl"](DOCS))
    cfg = tmp_path / "cleanseed.toml"
    cfg.write_text("[repeats]\nthreshhold = 0.9\n")
    assert main(["clean", str(src), "--config", str(cfg)]) == 1
    err = capsys.readouterr().err
    assert f"{cfg}: [repeats]: unknown key 'threshhold' (did you mean 'threshold'?)" in err
    assert main(["clean", str(src), "--set", "repeats.threshold=2"]) == 1
    assert "threshold must be a number in (0, 1]" in capsys.readouterr().err


def test_config_runs_in_worker_processes(tmp_path: Path) -> None:
    """The configuration reaches worker processes, as TOML they build it from."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(MAKERS["jsonl"](DOCS * 20))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "-q", "--workers", "2",
                 "--disable-rule", "chrome.ad"]) == 0
    assert [r["text"] for r in read_records(out)][:2] == [DOCS[0]["text"], CLEAN[1]]


# -- dedup takes what clean takes ----------------------------------------------------------------


def test_dedup_to_stdout_with_skips_and_report(tmp_path: Path, capsys: Capsys) -> None:
    """-o - writes JSONL to standard output; --on-error skip counts a bad record and lists it."""
    src = tmp_path / "in.jsonl"
    text = "The council met on Tuesday to discuss the new bridge over the river at length."
    src.write_text(json.dumps({"id": 1, "text": text}) + "\nnot json\n"
                   + json.dumps({"id": 2, "text": text}) + "\n")
    report = tmp_path / "r.jsonl"
    assert main(["dedup", str(src), "-o", "-", "--on-error", "skip", "--report",
                 str(report)]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == [1]
    assert balance(captured.err) == (3, 1, 1, 1)
    outcomes = [(r["outcome"], r["line"]) for r in read_records(report)]
    assert outcomes == [("skipped", 2), ("removed", 3)]
    assert not (tmp_path / "-").exists()
    assert main(["dedup", str(src), "-o", "-"]) == 1
    assert f"{src}:2" in capsys.readouterr().err


def test_dedup_html_field_and_workers(tmp_path: Path, capsys: Capsys) -> None:
    """Pages are compared by their extracted text (in worker processes), written as they came."""
    body = "<p>The council met on Tuesday to discuss the new bridge over the river.</p>" * 3
    rows = [{"id": i, "html": article("T", body, extra_head=f"<meta name=n content={i}>")}
            for i in range(3)]
    src = tmp_path / "pages.csv"
    src.write_bytes(MAKERS["csv"](rows))
    out = tmp_path / "kept.csv"
    assert main(["dedup", str(src), "-o", str(out), "--html-field", "html",
                 "--workers", "2"]) == 0
    (kept,) = read_records(out)
    assert kept["id"] == "0" and kept["html"] == rows[0]["html"]
    assert balance(capsys.readouterr().err) == (3, 1, 2, 0)


# -- any file: records, or an error that names it ------------------------------------------------

_NAMES = st.sampled_from(["a.jsonl", "a.json", "a.csv", "a.tsv", "a.parquet", "a.warc",
                          "a.warc.gz", "a.warc.zst", "a.warc.bz2", "a.wet.xz", "a.txt",
                          "a.html", "a.jsonl.gz", "a.csv.zst",
                          "a.txt.bz2", "a.json.xz", "a.gz"])
_PREFIXES = st.sampled_from([b"", b"PAR1", b"WARC/1.0\r\n", b"\x1f\x8b", b"\x28\xb5\x2f\xfd",
                             b"BZh", b"id,text\n", b'{"text": "', b"[", b"<html>"])


_WHOLE = st.sampled_from([
    b"", MAKERS["parquet"](DOCS), MAKERS["csv"](DOCS), MAKERS["jsonl"](DOCS),
    warc_bytes([Page("https://e.org/", article("T", "<p>Body text.</p>").encode())])])


@given(name=_NAMES, head=_PREFIXES, body=st.binary(max_size=300), whole=_WHOLE,
       cut=st.integers(0, 4000), skip=st.booleans(), command=st.sampled_from(["clean", "dedup"]))
@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_file_gives_records_or_an_error_naming_it(
        tmp_path_factory: pytest.TempPathFactory, name: str, head: bytes, body: bytes,
        whole: bytes, cut: int, skip: bool, command: str) -> None:
    """Whatever bytes a file of a readable name holds (a real file of some kind cut short, with
    bytes after it, or a known start and noise), clean and dedup write records and account for
    every one, or stop with exit 1 and one line naming the file; they never crash."""
    folder = tmp_path_factory.mktemp("any")
    src, out = folder / name, folder / "out.jsonl"
    src.write_bytes(head + whole[:cut] + body if whole else head + body)
    err = io.StringIO()
    from contextlib import redirect_stderr

    with redirect_stderr(err):
        code = main([command, str(src), "-o", str(out), *(["--on-error", "skip"] * skip)])
    if code == 0:
        read, written, removed, skipped = balance(err.getvalue())
        assert read == written + removed + skipped
        assert len(read_records(out)) == written
    else:
        assert code == 1, err.getvalue()
        lines = err.getvalue().splitlines()
        assert lines[-1].startswith(f"cleanseed: error: {src}"), err.getvalue()
        assert "Traceback" not in err.getvalue()
        assert not out.exists()


@pytest.mark.parametrize("codec", [".gz", ".zst", ""])
def test_stdin_is_decompressed_by_its_first_bytes(tmp_path: Path, codec: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input has no name: compressed JSONL on it is told by its first bytes."""
    data = PACK[codec](MAKERS["jsonl"](DOCS))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    out = tmp_path / "out.jsonl"
    assert main(["clean", "-", "--text-field", "text", "-o", str(out), "-q"]) == 0
    assert [r["text"] for r in read_records(out)] == CLEAN


@pytest.mark.parametrize("how", ["warc.zst", "warc.bz2", "warc.xz", "stdin"])
def test_warc_from_any_stream(tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A WARC compressed otherwise than gzip, or on standard input, reads as one in a file does
    (the WARC reader seeks: a stream it cannot seek is copied to a temporary file first)."""
    plain = warc_bytes([Page("https://e.org/", article("T", "<p>The tide came in.</p>").encode())],
                       gz=False)
    out = tmp_path / "out.jsonl"
    if how == "stdin":
        data = gzip.compress(plain)
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
        argv = ["clean", "-", "--format", "warc"]
    else:
        src = tmp_path / f"crawl.{how}"
        src.write_bytes(PACK["." + how.split(".")[1]](plain))
        argv = ["clean", str(src)]
    assert main([*argv, "-o", str(out), "-q"]) == 0
    (record,) = read_records(out)
    assert (record["text"], record["url"], record["title"]) == ("The tide came in.",
                                                                  "https://e.org/", "T")
