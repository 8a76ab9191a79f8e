"""The size cap bounds memory for every kind of input: the reader holds a document's start (the
cap and a margin) and streams the rest past, counting it; --on-oversize truncate works for a
JSONL line or a .json element too long to parse whole, as it does for text.

Peak memory is measured in a subprocess (``resource.getrusage`` of a parent whose only child is
the command line), against the same command on a small file.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from cleanseed.cli import main
from cleanseed.cli._limits import Limits, apply_size_cap
from cleanseed.errors import InputError
from cleanseed.records import json_values
from cleanseed.records._capped import read_capped_text
from cleanseed.records.inputs import InputFile, Item, ReadOptions
from cleanseed.records.read import iter_items, iter_json, iter_jsonl

MB = 1 << 20
LINE = b"All work and no play makes a dull corpus.\n"
Capsys = pytest.CaptureFixture[str]

_PEAK = """
import resource, subprocess, sys
run = "import sys; from cleanseed.cli import main; sys.exit(main(sys.argv[1:]))"
done = subprocess.run([sys.executable, "-c", run, *sys.argv[1:]], capture_output=True)
sys.stderr.buffer.write(done.stderr)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""


def peak_mb(*argv: str) -> tuple[int, int, str]:
    """Exit code, peak resident MB and stderr of ``cleanseed ARGV`` in a subprocess."""
    done = subprocess.run([sys.executable, "-c", _PEAK, *argv], capture_output=True, text=True,
                          timeout=600, check=True)
    code, peak = map(int, done.stdout.split())
    return code, peak, done.stderr


def gzip_bomb(path: Path, size: int, line: bytes = LINE) -> int:
    """Write about *size* bytes of *line* gzipped to *path*; return the bytes it inflates to."""
    block = line * (MB // len(line))
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(size // len(block)):
            fh.write(block)
    return size // len(block) * len(block)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "line"), [("bomb.txt.gz", LINE),
                                            ("bomb.html.gz", b"<p>" + LINE[:-1] + b"</p>\n")])
def test_a_gzip_bomb_costs_no_memory_beyond_the_cap(name: str, line: bytes,
                                                    tmp_path: Path) -> None:
    """--max-chars 1000 on a 0.6 MB file that inflates to 256 MB: the peak stays within 40 MB
    of cleaning a small file (it was 2 x 256 MB over it: the whole file read, then decoded),
    and the report gives the full size."""
    bomb = tmp_path / name
    inflated = gzip_bomb(bomb, 256 * MB, line)
    small = tmp_path / ("small" + name.removeprefix("bomb").removesuffix(".gz"))
    small.write_bytes(line)
    report = tmp_path / "r.jsonl"
    _, base, _ = peak_mb("clean", str(small), "-o", str(tmp_path / "s.out"), "-q")
    code, peak, err = peak_mb("clean", str(bomb), "-o", str(tmp_path / "b.out"), "--max-chars",
                              "1000", "--report", str(report))
    assert code == 0, err
    assert peak - base < 40, (peak, base)
    (entry,) = [json.loads(x) for x in report.read_text().splitlines()]
    unit = "bytes" if "html" in name else "characters"
    assert entry["outcome"] == "truncated"
    assert entry["reason"].endswith(f"of {inflated:,} {unit}")


@pytest.mark.slow
def test_a_jsonl_line_far_over_the_cap_is_truncated_in_bounded_memory(tmp_path: Path) -> None:
    """One 200 MB JSONL line under --max-chars 1000: truncated like text (it was a fatal "line
    longer than" error), its other fields kept, the next line read; memory stays flat."""
    src = tmp_path / "in.jsonl"
    chunk = "All work and no play makes a dull corpus. \\u00e9t\\u00e9 " * 20_000
    with src.open("w") as fh:
        fh.write('{"id": 1, "text": "')
        for _ in range(200 * MB // len(chunk)):
            fh.write(chunk)
        fh.write('", "lang": "en"}\n{"id": 2, "text": "A short one."}\n')
    out, report = tmp_path / "out.jsonl", tmp_path / "r.jsonl"
    code, peak, err = peak_mb("clean", str(src), "-o", str(out), "--max-chars", "1000",
                              "--report", str(report))
    assert code == 0, err
    assert peak < 200, peak  # the import and the pipeline take about 80 MB
    first, second = [json.loads(x) for x in out.read_text().splitlines()]
    assert (first["id"], first["lang"], second["text"]) == (1, "en", "A short one.")
    assert 0 < len(first["text"]) <= 1000 and "été" in first["text"]
    (entry,) = [json.loads(x) for x in report.read_text().splitlines()]
    total = 200 * MB // len(chunk) * len(chunk.encode().decode("unicode_escape"))
    assert entry["reason"].endswith(f"of {total:,} characters")


def _long_record_line(text_len: int) -> bytes:
    return json.dumps({"id": "x", "meta": {"k": [1, 2]}, "text": "word " * (text_len // 5),
                       "after": "tail"}).encode() + b"\n"


@pytest.mark.parametrize("piece", [7, 64, 4096])
def test_capped_record_keeps_fields_and_counts_the_text(piece: int) -> None:
    """The capped parse gives the record with its fields in order, the text's first cap + 1
    characters and its full length, wherever the read pieces end."""
    data = _long_record_line(50_000) + b'{"id": "y", "text": "next"}\n'
    file = InputFile("m.jsonl", "m.jsonl", "jsonl")
    options = ReadOptions(max_line_bytes=2000, max_chars=100)
    with mock.patch.object(json_values, "_PIECE", piece):
        first, second = iter_jsonl(io.BytesIO(data), file, options)
    assert isinstance(first, Item) and isinstance(second, Item)
    assert first.doc.text == ("word " * 21)[:101]
    assert first.size == 50_000
    assert list(first.doc.metadata)[:2] == ["meta", "after"]
    assert second.doc.text == "next" and second.size is None


def test_capped_string_decodes_escapes_and_surrogate_pairs_across_pieces() -> None:
    """Escapes cut by the end of a piece, and the two halves of a surrogate pair, decode as
    json.loads decodes them."""
    text = "caf\u00e9 \U0001f600 \"q\" \\ \n" * 500
    line = json.dumps({"text": text}).encode() + b"\n"
    file = InputFile("m.jsonl", "m.jsonl", "jsonl")
    for piece in (1, 2, 3, 5, 7, 11):
        with mock.patch.object(json_values, "_PIECE", piece):
            (item,) = iter_jsonl(io.BytesIO(line), file,
                                 ReadOptions(max_line_bytes=100, max_chars=len(text)))
        assert isinstance(item, Item)
        assert item.doc.text == text and item.size is None


@pytest.mark.parametrize(("data", "reason"), [
    (b'{"text": "' + b"d" * 300 + b'\\x", "id": 1}\n', "a bad escape"),
    (b'{"text": "abc' + b"d" * 300, "a string that does not end"),
    (b'{"text": "' + b"d" * 300 + b'", "n": ' + b"9" * 300 + b"}\n", "longer than"),
    (b'{"text": "' + b"d" * 300 + b'"} {"x": 1}\n', "more data after the record"),
])
def test_capped_record_errors_name_the_line(data: bytes, reason: str) -> None:
    """A long line that is no well-formed record is one error naming its line; the next line
    is read."""
    file = InputFile("m.jsonl", "m.jsonl", "jsonl")
    found = list(iter_jsonl(io.BytesIO(b'{"text": "a"}\n' + data + b'\n{"text": "b"}\n'), file,
                            ReadOptions(max_line_bytes=100, max_chars=10)))
    first, error, last = found
    assert isinstance(error, InputError) and error.line == 2
    assert reason in error.reason
    assert isinstance(first, Item) and isinstance(last, Item) and last.doc.text == "b"


def test_json_element_over_the_limit_is_truncated_with_a_cap() -> None:
    """An element of a .json array too long to parse whole is read with the start of its text,
    and the array goes on."""
    data = json.dumps([{"text": "a"}, {"id": 5, "text": "y" * 5000}, {"text": "c"}]).encode()
    file = InputFile("m.json", "m.json", "json")
    first, big, last = iter_json(io.BytesIO(data), file,
                                 ReadOptions(max_line_bytes=1000, max_chars=10))
    assert isinstance(big, Item) and big.doc.text == "y" * 11 and big.size == 5000
    assert big.doc.id == "5"
    assert [x.doc.text for x in (first, last) if isinstance(x, Item)] == ["a", "c"]


def test_a_field_within_the_line_limit_is_still_cut_before_a_worker(tmp_path: Path) -> None:
    """What is sent to a worker is bounded by the cap, not by the line limit (8 x the cap)."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "z" * 5000}) + "\n")
    file = InputFile(str(path), "a.jsonl", "jsonl")
    (item,) = iter_items([file], ReadOptions(max_line_bytes=100_000, max_chars=100))
    assert isinstance(item, Item) and len(item.doc.text) == 101 and item.size == 5000
    assert apply_size_cap(item.doc.text, Limits(max_chars=100), size=item.size)[1] == (
        "truncated at the size cap: kept 100 of 5,000 characters")


def test_read_capped_text_names_a_bad_byte() -> None:
    """A bad byte within the part read is reported as the whole-file reader reports it."""
    data = b"line one\nline two caf\xe9\n" + b"x" * 100
    found = read_capped_text(io.BytesIO(data), 50, "strict", "t.txt")
    assert isinstance(found, InputError)
    assert found.reason.startswith("not valid UTF-8 at byte 21 (line 2)")
    text, size = read_capped_text(io.BytesIO(data), 50, "replace", "t.txt")  # type: ignore[misc]
    assert len(text) > 50 and size == len(data.decode("utf-8", "replace"))


def test_html_has_its_own_lower_cap(tmp_path: Path, capsys: Capsys) -> None:
    """Raw HTML is capped at --max-html-bytes (5 MB by default; parsing costs up to about 170
    bytes a byte), below --max-chars, and the report says which cap it was."""
    page = tmp_path / "p.html"
    page.write_bytes(b"<p>Some words of prose.</p>\n" * 1000)
    report = tmp_path / "r.jsonl"
    assert main(["clean", str(page), "-o", str(tmp_path / "o.txt"), "--max-html-bytes", "2000",
                 "--report", str(report)]) == 0
    (entry,) = [json.loads(x) for x in report.read_text().splitlines()]
    assert entry["reason"] == "truncated at the HTML size cap: kept 1,987 of 28,000 bytes"
    assert Limits().cap(html=True) == 5_000_000 < Limits().max_chars
    assert main(["clean", str(page), "--max-html-bytes", "2000", "--on-oversize", "skip"]) == 0
    assert "over the HTML size cap: 28,000 bytes > 2,000" in capsys.readouterr().err
