"""User code type-checks against the public API (``mypy --strict``), and wrong code does not."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanseed

ROOT = Path(__file__).resolve().parent


def _mypy(path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    # the tree under test, wherever the package is installed from
    monkeypatch.setenv("MYPYPATH", str(Path(cleanseed.__file__).parents[1]))
    out, err, status = api.run([
        "--strict", "--no-incremental", "--cache-dir", str(cache), "--python-version", "3.11",
        "--ignore-missing-imports", "--follow-imports", "silent", str(path)])
    return out + err, status


def test_user_code_type_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids come back typed as given (not as Hashable); configs, views and pages have the
    types they say; and a wrong annotation is caught, so the check has teeth."""
    out, status = _mypy(ROOT / "typing" / "user_code.py", tmp_path / "a", monkeypatch)
    assert status == 0, out
    wrong = tmp_path / "wrong.py"
    wrong.write_text("import cleanseed\n"
                     "kept: tuple[int, ...] = cleanseed.dedup_documents([('a', 'x')]).kept\n")
    out, status = _mypy(wrong, tmp_path / "b", monkeypatch)
    assert status == 1 and "tuple[str, ...]" in out, out
