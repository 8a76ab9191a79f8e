"""The two seed documents clean to their golden outputs, checked by a person line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanseed

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CASES = sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".clean.txt"))


def test_every_seed_has_a_golden() -> None:
    """No seed without a golden output: both are present."""
    assert len(CASES) == 2
    for path in CASES:
        assert path.with_suffix(".clean.txt").exists()


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_seed_cleans_to_golden(path: Path) -> None:
    """clean() gives the golden text exactly."""
    golden = path.with_suffix(".clean.txt").read_text(encoding="utf-8")
    assert cleanseed.clean(path.read_text(encoding="utf-8")) + "\n" == golden


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_seed_explanations_account_for_the_difference(path: Path) -> None:
    """Every input line missing from the golden is named by a removal: whole, or the part cut."""
    raw = path.read_text(encoding="utf-8")
    golden = set(path.with_suffix(".clean.txt").read_text(encoding="utf-8").split("\n"))
    removals = [r.text.strip() for r in cleanseed.explain(raw).removals]
    for line in raw.split("\n"):
        if not line.strip() or line in golden:
            continue
        whole = any(line.strip() == r for r in removals)
        part = any(r and line.replace(r, "", 1).strip() in golden for r in removals)
        assert whole or part, line


def test_seed_000_removals_by_class() -> None:
    """Seed 000 loses a cookie banner, captions and a repeated article, nothing else."""
    raw = (SEEDS / "000_f40d5da0bd9190a7.txt").read_text(encoding="utf-8")
    classes = {r.rule.split(".")[0] for r in cleanseed.explain(raw).removals}
    assert classes == {"cookie", "caption", "repeat"}


def test_seed_001_loses_only_the_date() -> None:
    """Seed 001 loses one metadata prefix and nothing else."""
    raw = (SEEDS / "001_0ccc9cf2ea06e653.txt").read_text(encoding="utf-8")
    removals = cleanseed.explain(raw).removals
    assert [r.rule.split(".")[0] for r in removals] == ["metadata"]
    assert removals[0].text.strip() == "date 2026-03-04"
