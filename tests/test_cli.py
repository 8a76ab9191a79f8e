"""Tests of the command line, run in-process through ``main(argv)``, plus one real subprocess."""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

import cleanseed
from cleanseed import Removal
from cleanseed.cli import clean as cli
from cleanseed.cli import main
from cleanseed.cli._limits import Limits

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REPEATED = "The council met on Tuesday to vote on the budget for next year."
ARTICLE = (f"{REPEATED}\nIt passed by a wide margin after a long debate.\n{REPEATED}\n"
           "CafÃ© owners welcomed it.")
CLEANED = f"{REPEATED}\nIt passed by a wide margin after a long debate.\nCafé owners welcomed it."
Capsys = pytest.CaptureFixture[str]
BALANCE = re.compile(r"in (\d+) = out (\d+) \+ removed (\d+) \+ skipped (\d+)")


def balance(stderr: str) -> tuple[int, int, int, int]:
    """The in/out/removed/skipped counts printed in the summary."""
    found = BALANCE.search(stderr)
    assert found, stderr
    read, out, removed, skipped = map(int, found.groups())
    assert read == out + removed + skipped
    return read, out, removed, skipped


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_make_run_writes_one_file_per_seed(tmp_path: Path, capsys: Capsys) -> None:
    """The Makefile's call: each seed is cleaned into out/ under its own name."""
    seeds = sorted(SEEDS.glob("*.txt"))
    assert main(["clean", *map(str, seeds), "--output-dir", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in seeds]
    for seed in seeds:
        text = (tmp_path / "out" / seed.name).read_text()
        assert text.strip()
        assert len(text) <= len(seed.read_text())
    assert balance(capsys.readouterr().err) == (len(seeds), len(seeds), 0, 0)


def test_text_to_stdout(tmp_path: Path, capsys: Capsys) -> None:
    """A text file is cleaned to stdout; the summary, with removals by rule, goes to stderr."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    assert main(["clean", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == CLEANED + "\n"
    assert re.search(r"repeat.exact +repeats +1 +64\n", captured.err)
    assert balance(captured.err) == (1, 1, 0, 0)


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys: Capsys) -> None:
    """'-' reads one document from stdin."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["clean", "-", "-q"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (CLEANED + "\n", "")


def test_jsonl_keeps_fields_and_drops_emptied(tmp_path: Path, capsys: Capsys) -> None:
    """JSONL records keep every field; a record cleaning empties is removed, and counted."""
    src = write_jsonl(tmp_path / "in.jsonl",
                      {"id": 1, "text": ARTICLE, "source": "cc", "metadata": {"url": "u"}},
                      {"id": 2, "text": "\u200b \n\t"})
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 0
    assert read_jsonl(out) == [{"id": 1, "text": CLEANED, "source": "cc", "metadata": {"url": "u"}}]
    assert balance(capsys.readouterr().err) == (2, 1, 1, 0)


def test_keep_empty_and_explain(tmp_path: Path, capsys: Capsys) -> None:
    """--keep-empty writes emptied records; --explain adds what was removed, rule by rule."""
    src = write_jsonl(tmp_path / "in.jsonl", {"id": "a", "text": ARTICLE}, {"id": "b", "text": " "})
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--keep-empty", "--explain"]) == 0
    first, second = read_jsonl(out)
    removals: list[dict[str, str]] = first["removals"]  # type: ignore[assignment]
    assert [(r["stage"], r["rule"]) for r in removals] == [
        ("encoding", "ftfy"), ("repeats", "repeat.exact")]
    assert (second["text"], second["removals"]) == ("", [])
    err = capsys.readouterr().err
    assert balance(err) == (2, 2, 0, 0)
    assert "1 emptied documents kept" in err


def test_conservation_with_a_report(tmp_path: Path, capsys: Capsys) -> None:
    """Every record is out, removed or skipped; the report lists each left-out one with a reason."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "ok", "text": "A fine sentence of text."}\n'
                    b'{"id": "broken", "text": \n'
                    b'{"id": "no-text"}\n'
                    b'{"id": "latin", "text": "caf\xe9"}\n'
                    b'{"id": "empty", "text": ""}\n'
                    b'{"id": "ok2", "text": "Another fine sentence."}\n')
    out, report = tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    code = main(["clean", str(src), "-o", str(out), "--on-error", "skip", "--report", str(report)])
    assert code == 0
    assert [r["id"] for r in read_jsonl(out)] == ["ok", "ok2"]
    entries = read_jsonl(report)
    assert [(e["line"], e["outcome"]) for e in entries] == [
        (2, "skipped"), (3, "skipped"), (4, "skipped"), (5, "removed")]
    assert entries[1]["reason"] == "field 'text': missing field (the record has: 'id')"
    assert entries[3] == {"id": "empty", "source": str(src), "line": 5, "outcome": "removed",
                          "reason": "empty input"}
    assert balance(capsys.readouterr().err) == (6, 2, 1, 3)


def test_bad_record_fails_naming_it_and_leaves_no_file(
        tmp_path: Path, capsys: Capsys) -> None:
    """By default a bad record stops the run with exit 1, one line naming it, no output file."""
    src = write_jsonl(tmp_path / "in.jsonl", {"text": "fine"}, {"id": 7})
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == (f"cleanseed: error: {src}:2 (field 'text'): "
                   "missing field (the record has: 'id')\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["clean", "x.txt", "-o", "a", "--output-dir", "b"], id="two-outputs"),
        pytest.param(["clean", "--workers"], id="missing-value"),
        pytest.param(["clean", "x.txt", "--workers", "-1"], id="negative-workers"),
        pytest.param(["clean", "x.txt", "--max-chars", "0"], id="zero-cap"),
        pytest.param(["clean", "x.txt", "--time-budget", "nan"], id="nan-budget"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param([], id="no-command"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: Capsys) -> None:
    """Options that cannot be parsed exit with code 2 and a usage message."""
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_usage_errors_found_after_parsing(tmp_path: Path, capsys: Capsys) -> None:
    """Options that do not fit the inputs are usage errors: exit 2, one line, nothing written."""
    text = tmp_path / "a.txt"
    text.write_text("Some text here.")
    assert main(["clean", str(text), "--explain"]) == 2
    assert main(["clean", "-", "--output-dir", str(tmp_path / "o")]) == 2
    assert main(["clean", str(text), "-o", str(text)]) == 2
    assert main(["clean", str(text), str(text), "--output-dir", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4
    assert all(line.startswith("cleanseed clean: error: ") for line in err)
    assert text.read_text() == "Some text here."


def test_missing_input_is_a_data_error(tmp_path: Path, capsys: Capsys) -> None:
    """A path that does not exist: exit 1 and a line naming it."""
    assert main(["clean", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt: no such file or directory" in capsys.readouterr().err


def test_output_dir_keeps_relative_names_and_compression(tmp_path: Path) -> None:
    """A folder's files land under the same relative names; .gz stays gzipped."""
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.txt").write_text(ARTICLE)
    (corpus / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": 1, "text": "Hello world."}\n'))
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "--output-dir", str(out), "-q"]) == 0
    assert (out / "sub" / "a.txt").read_text() == CLEANED + "\n"
    packed = (out / "b.jsonl.gz").read_bytes()
    assert gzip.decompress(packed) == b'{"id": 1, "text": "Hello world."}\n'
    assert main(["clean", str(corpus), "--output-dir", str(tmp_path / "all"), "--to", "jsonl"]) == 0
    assert read_jsonl(tmp_path / "all" / "sub" / "a.jsonl") == [
        {"id": str(corpus / "sub" / "a.txt"), "text": CLEANED}]


def test_mixed_inputs_to_jsonl(tmp_path: Path, capsys: Capsys) -> None:
    """Text files written as JSONL get an id (their path) and a text field."""
    text = tmp_path / "a.txt"
    text.write_text("Plain text here.")
    src = write_jsonl(tmp_path / "b.jsonl", {"text": "From JSONL."})
    assert main(["clean", str(text), str(src), "-q"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"id": str(text), "text": "Plain text here."}, {"text": "From JSONL."}]


def test_workers_keep_input_order(tmp_path: Path, capsys: Capsys) -> None:
    """Two worker processes and small chunks give the same output, in the same order, as one."""
    records = [{"id": i, "text": f"Document number {i}.\n" + ARTICLE * (i % 3)} for i in range(60)]
    src = write_jsonl(tmp_path / "in.jsonl", *records)
    assert main(["clean", str(src), "-q"]) == 0
    serial = capsys.readouterr().out
    assert main(["clean", str(src), "-q", "--workers", "2", "--chunk-size", "7"]) == 0
    assert capsys.readouterr().out == serial
    assert [json.loads(line)["id"] for line in serial.splitlines()] == list(range(60))


def test_size_cap_truncates_or_skips_and_reports(
        tmp_path: Path, capsys: Capsys) -> None:
    """Over the cap, a document is cut at a line break or skipped; the report says which."""
    src = write_jsonl(tmp_path / "in.jsonl", {"id": "big", "text": "first line\nsecond line"},
                      {"id": "small", "text": "tiny"})
    report = tmp_path / "r.jsonl"
    assert main(["clean", str(src), "--max-chars", "15", "--report", str(report)]) == 0
    captured = capsys.readouterr()
    texts = [json.loads(line)["text"] for line in captured.out.splitlines()]
    assert texts == ["first line", "tiny"]
    assert read_jsonl(report)[0]["outcome"] == "truncated"
    assert balance(captured.err) == (2, 2, 0, 0)
    assert main(["clean", str(src), "--max-chars", "15", "--on-oversize", "skip",
                 "--report", str(report)]) == 0
    assert read_jsonl(report)[0]["reason"] == "over the size cap: 22 characters > 15"
    assert balance(capsys.readouterr().err) == (2, 1, 0, 1)


CLEAN_CONTENT, PROCESS = cli._clean_content, cli.process


def stuck_on_slow(content: str | bytes, html: bool) -> tuple[str, tuple[Removal, ...]]:
    """Cleaning, except that the text "slow" loops in Python for ever."""
    while content == "slow":
        pass
    return CLEAN_CONTENT(content, html)


def process_stuck_on_slow(limits: Limits, payload: tuple[str | bytes, bool]) -> cli.Outcome:
    """``cli.process`` cleaning with :func:`stuck_on_slow`. A budget runs documents in a worker
    process, where a monkeypatch does not reach: this module-level function is sent there."""
    with mock.patch.object(cli, "_clean_content", stuck_on_slow):
        return PROCESS(limits, payload)


def test_time_budget_skips_slow_document(tmp_path: Path, capsys: Capsys,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A document over its time budget is skipped and reported; the others are still cleaned."""
    monkeypatch.setattr(cli, "process", process_stuck_on_slow)
    monkeypatch.syspath_prepend(str(ROOT))  # workers import this module by name, from here
    src = write_jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "slow"},
                      {"id": "b", "text": "Quick."})
    report = tmp_path / "r.jsonl"
    assert main(["clean", str(src), "--time-budget", "0.2", "--report", str(report)]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["b"]
    assert read_jsonl(report)[0]["reason"] == "time budget exceeded (0.2 s)"
    assert balance(captured.err) == (2, 1, 0, 1)


def test_explain_shows_each_removal_in_context(tmp_path: Path, capsys: Capsys) -> None:
    """explain prints '- [rule] removed text' between the kept lines, uncoloured off a terminal."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"- [repeat.exact] {REPEATED}\n  Café owners welcomed it." in out
    assert "- [ftfy] Ã©\n+ [ftfy] é" in out
    assert "\x1b[" not in out
    assert out.rstrip().endswith(f"2 removals; {len(CLEANED)} of {len(ARTICLE)} characters kept")


def test_explain_colours_on_request(tmp_path: Path, capsys: Capsys) -> None:
    """--color always paints removals red."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    assert main(["explain", str(path), "--color", "always"]) == 0
    assert f"\x1b[31m- [repeat.exact] {REPEATED}\x1b[0m" in capsys.readouterr().out


def test_explain_jsonl_names_each_record(tmp_path: Path, capsys: Capsys) -> None:
    """Each JSONL record gets a header naming its file and line."""
    src = write_jsonl(tmp_path / "in.jsonl", {"text": "Nothing to remove here."}, {"text": ARTICLE})
    assert main(["explain", str(src)]) == 0
    out = capsys.readouterr().out
    assert f"== {src}:1\n0 removals" in out
    assert f"== {src}:2\n" in out


def test_html_file_is_cleaned_through_the_html_stage(
        tmp_path: Path, capsys: Capsys) -> None:
    """An .html file is read as bytes, its charset honoured, and written as .txt text."""
    page = ("<html><head><meta charset='windows-1252'><title>T</title></head><body>"
            "<article><p>Caf\xe9 owners welcomed the budget, which passed by a wide margin "
            "after a long debate in the council on Tuesday evening.</p></article></body></html>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_bytes(page.encode("cp1252"))
    assert main(["clean", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")]) == 0
    written = (tmp_path / "out" / "page.txt").read_text()
    assert written == cleanseed.clean_html(page.encode("cp1252")) + "\n"
    assert "Café owners" in written
    assert balance(capsys.readouterr().err) == (1, 1, 0, 0)


def test_html_field_in_jsonl(tmp_path: Path, capsys: Capsys) -> None:
    """--html-field cleans each record's HTML into the text field, keeping the other fields."""
    page = ("<html><body><p>One paragraph of real article text, long enough to keep.</p>"
            "</body></html>")
    src = write_jsonl(tmp_path / "in.jsonl", {"id": "p", "html": page, "url": "u"})
    assert main(["clean", str(src), "--html-field", "html", "-q"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record == {"id": "p", "html": page, "url": "u", "text": cleanseed.clean_html(page)}


def test_dedup_is_a_subcommand(capsys: Capsys) -> None:
    """The corpus dedup command is registered beside clean and explain."""
    assert main(["--help"]) == 0
    assert "dedup" in capsys.readouterr().out
    assert main(["dedup", "--help"]) == 0
    assert "near-duplicate" in capsys.readouterr().out


def test_json_array_in_json_array_out(tmp_path: Path, capsys: Capsys) -> None:
    """A .json array is cleaned record by record, fields kept; -o out.json is one JSON array."""
    src = tmp_path / "in.json"
    src.write_text(json.dumps([{"id": 1, "text": ARTICLE, "url": "u"}, {"id": 2, "text": " "},
                               {"id": 3, "text": "Short and fine."}], indent=2))
    out = tmp_path / "out.json"
    assert main(["clean", str(src), "-o", str(out)]) == 0
    assert json.loads(out.read_text()) == [{"id": 1, "text": CLEANED, "url": "u"},
                                           {"id": 3, "text": "Short and fine."}]
    assert balance(capsys.readouterr().err) == (3, 2, 1, 0)
    assert main(["clean", str(src), "-q"]) == 0  # to stdout: JSONL, as for JSONL input
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == [1, 3]


def test_json_under_output_dir_is_written_as_jsonl(tmp_path: Path) -> None:
    """Under --output-dir a .json input's records go to NAME.jsonl: JSONL, named as such."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text(json.dumps([{"text": "One."}, {"text": "Two."}]))
    (tmp_path / "in" / "b.json").write_text(json.dumps([{"text": ""}]))
    assert main(["clean", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), "-q"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.jsonl", "b.jsonl"]
    assert read_jsonl(tmp_path / "out" / "a.jsonl") == [{"text": "One."}, {"text": "Two."}]
    assert (tmp_path / "out" / "b.jsonl").read_text() == ""


def test_bad_json_element_is_named_and_reported(tmp_path: Path, capsys: Capsys) -> None:
    """A bad element stops the run naming file, line, field and element index; with --on-error
    skip it is reported, and the report places each record by line and element."""
    src = tmp_path / "in.json"
    src.write_text('[{"id": "a", "text": "Fine text."}, {"id": "b"}, {"id": "c", "text": ""}]')
    assert main(["clean", str(src), "-q"]) == 1
    assert capsys.readouterr().err == (f"cleanseed: error: {src}:1 (field 'text'): array "
                                       "element [1]: missing field (the record has: 'id')\n")
    report = tmp_path / "r.jsonl"
    assert main(["clean", str(src), "--on-error", "skip", "--report", str(report)]) == 0
    assert read_jsonl(report) == [
        {"id": None, "source": str(src), "line": 1, "outcome": "skipped",
         "reason": "field 'text': array element [1]: missing field (the record has: 'id')"},
        {"id": "c", "source": str(src), "line": 1, "element": 2, "outcome": "removed",
         "reason": "empty input"}]
    assert balance(capsys.readouterr().err) == (3, 1, 1, 1)


def test_output_name_decides_auto_format(tmp_path: Path, capsys: Capsys) -> None:
    """-o named .json or .jsonl gets records even from text input; --to text to such a name is a
    usage error rather than a file that is not what its name says."""
    text = tmp_path / "a.txt"
    text.write_text("Plain text here.")
    assert main(["clean", str(text), "-o", str(tmp_path / "o.json"), "-q"]) == 0
    assert json.loads((tmp_path / "o.json").read_text()) == [
        {"id": str(text), "text": "Plain text here."}]
    assert main(["clean", str(text), "--to", "text", "-o", str(tmp_path / "t.jsonl")]) == 2
    assert "is named for JSON records" in capsys.readouterr().err
    assert not (tmp_path / "t.jsonl").exists()


def test_explain_names_json_elements(tmp_path: Path, capsys: Capsys) -> None:
    """explain heads each record of a .json array with its file, line and element."""
    src = tmp_path / "in.json"
    src.write_text(json.dumps([{"text": "Nothing to remove here."}, {"text": ARTICLE}], indent=1))
    assert main(["explain", str(src)]) == 0
    out = capsys.readouterr().out
    assert f"== {src}:2 (array element [0])\n0 removals" in out
    assert f"== {src}:5 (array element [1])\n" in out


def test_explain_under_a_budget_shows_the_same(tmp_path: Path, capsys: Capsys) -> None:
    """With --time-budget explain runs in a worker process it can stop; what it shows is the
    same, in the same order."""
    src = write_jsonl(tmp_path / "in.jsonl", *({"text": f"Doc {i}.\n{ARTICLE}"} for i in range(4)))
    assert main(["explain", str(src)]) == 0
    here = capsys.readouterr().out
    assert main(["explain", str(src), "--time-budget", "30"]) == 0
    assert capsys.readouterr().out == here
    assert here.count("== ") == 4


def test_dedup_reads_and_writes_json(tmp_path: Path, capsys: Capsys) -> None:
    """dedup reads a .json array and writes -o out.json as one JSON array."""
    src = tmp_path / "in.json"
    src.write_text(json.dumps([{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE},
                               {"id": "c", "text": "Something else entirely, not the same."}]))
    out = tmp_path / "out.json"
    assert main(["dedup", str(src), "-o", str(out), "-q"]) == 0
    assert [r["id"] for r in json.loads(out.read_text())] == ["a", "c"]


def test_installed_script_runs(tmp_path: Path) -> None:
    """The installed ``cleanseed`` script runs end to end in a real process."""
    script = shutil.which("cleanseed", path=str(Path(sys.executable).parent))
    assert script is not None
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    done = subprocess.run([script, "clean", str(path)], capture_output=True, text=True,
                          check=False, timeout=120)
    assert (done.returncode, done.stdout) == (0, CLEANED + "\n")
    assert balance(done.stderr) == (1, 1, 0, 0)
    version = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("cleanseed ")
