"""Every example in a docstring under src/ runs, and gives what the docstring says.

A module of the Ray engine is marked ``ray`` (importing it imports Ray).
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _modules() -> list[str]:
    names = []
    for path in sorted((SRC / "cleanseed").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__main__":  # running it is running the command
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = [pytest.param(name, marks=pytest.mark.ray) if name.startswith("cleanseed.ray")
           else name for name in _modules()]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    if name.startswith("cleanseed.ray"):
        pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'cleanseed[ray]'")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"


def test_the_examples_are_found() -> None:
    """The runner sees the examples: a module known to hold some yields them."""
    finder = doctest.DocTestFinder()
    found = finder.find(importlib.import_module("cleanseed.default"))
    assert sum(len(t.examples) for t in found) >= 3
