"""``cleanseed clean`` and ``explain`` on damaged documents: flagged by default, rejected to a file
of their own when asked, repaired from the corpus when asked; never dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanseed.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RECORDS = [
    {"id": "a", "text": "Fran?ois came. The weather was fine.", "lang": "fr"},
    {"id": "b", "text": "A sound document about Paris."},
    {"id": "c", "text": "Die Stra\ufffde ist lang."},
    {"id": "d", "text": "François est venu."},
    {"id": "e", "text": "François, encore François."},
]


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_seed_is_flagged_in_the_report_and_its_text_unchanged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEEDS / "001_0ccc9cf2ea06e653.txt"
    out, report = tmp_path / "out.txt", tmp_path / "report.jsonl"
    assert main(["clean", str(seed), "-o", str(out), "--report", str(report)]) == 0
    assert out.read_text(encoding="utf-8") == \
        (SEEDS / "001_0ccc9cf2ea06e653.clean.txt").read_text(encoding="utf-8")
    (entry,) = _read(report)
    assert entry["outcome"] == "damaged"
    assert entry["reason"] == "damaged: lost.space 1"
    assert [d["text"] for d in entry["damage"]] == ["K llenius"]  # type: ignore[union-attr]
    assert "1 damaged documents flagged: lost.space 1" in capsys.readouterr().err


def test_explain_marks_the_span(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEEDS / "001_0ccc9cf2ea06e653.txt"), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "~ [lost.space 0.6] " in out
    assert "Group Ola [[K llenius]] said" in out


def test_flagged_records_carry_counts_by_kind(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(_jsonl(tmp_path / "in.jsonl", RECORDS)), "-o", str(out), "-q"]) == 0
    got = {r["id"]: r for r in _read(out)}
    assert got["a"]["damage"] == {"lost.question": 1}
    assert got["c"]["damage"] == {"lost.replacement": 1}
    assert "damage" not in got["b"]
    assert got["a"]["lang"] == "fr"  # the record's own fields stay


def test_rejected_documents_go_to_their_file_with_a_reason(tmp_path: Path) -> None:
    out, rejected = tmp_path / "out.jsonl", tmp_path / "rejected.jsonl"
    src = _jsonl(tmp_path / "in.jsonl", RECORDS)
    assert main(["clean", str(src), "-o", str(out), "--damaged", "reject",
                 "--rejected", str(rejected), "-q"]) == 0
    assert [r["id"] for r in _read(out)] == ["b", "d", "e"]
    assert [(r["id"], r["reason"]) for r in _read(rejected)] == [
        ("a", "damaged: lost.question 1"), ("c", "damaged: lost.replacement 1")]


def test_reject_without_a_file_is_a_usage_error(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", RECORDS)
    assert main(["clean", str(src), "--damaged", "reject"]) == 2


def test_repair_from_the_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    src = _jsonl(tmp_path / "in.jsonl", RECORDS)
    assert main(["clean", str(src), "-o", str(out), "--repair-damage", "-q"]) == 0
    got = {r["id"]: r for r in _read(out)}
    assert got["a"]["text"] == "François came. The weather was fine."
    assert got["a"]["damage"] == {"repaired": 1}
    assert got["c"]["text"] == "Die Stra\ufffde ist lang."  # no "Straße" anywhere: left as is


def test_damage_can_be_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    src = _jsonl(tmp_path / "in.jsonl", RECORDS)
    assert main(["clean", str(src), "-o", str(out), "--damaged", "off", "-q"]) == 0
    assert all("damage" not in r for r in _read(out))
