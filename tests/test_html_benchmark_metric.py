"""The extraction benchmark's metric, as re-implemented in benchmarks/extraction.py.

Checked on hand-made examples whose scores are worked out by hand: the tests need none of the
benchmark's data.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).parent.parent / "benchmarks" / "extraction.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_benchmark", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_shingles_are_four_tokens_or_the_whole_short_text(bench: ModuleType) -> None:
    """\\w+ tokens, case kept, 4 at a time; a text of fewer tokens is one shingle."""
    assert bench.shingles("A b, c d e!") == {("A", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert bench.shingles("two words") == {("two", "words"): 1}
    assert bench.shingles("") == {}


def test_match_counts_multiset_overlaps_normalised(bench: ModuleType) -> None:
    """tp/fp/fn are multiset overlaps of shingles, divided by their sum."""
    truth = "one two three four five"  # shingles: 1234, 2345
    predicted = "one two three four six seven"  # shingles: 1234, 2346, 3467
    assert bench.match(truth, predicted) == pytest.approx((1 / 4, 2 / 4, 1 / 4))
    assert bench.match("", "") == (0.0, 0.0, 0.0)


def test_metrics_average_per_page_and_leave_out_empty_sides(bench: ModuleType) -> None:
    """Precision skips pages with nothing predicted, recall pages with nothing true."""
    perfect = (1.0, 0.0, 0.0)
    half = (0.5, 0.5, 0.0)  # precision 0.5, recall 1
    nothing_predicted = (0.0, 0.0, 1.0)  # recall 0, no precision
    f1, precision, recall = bench.metrics([perfect, half, nothing_predicted])
    assert precision == pytest.approx(0.75)
    assert recall == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_leaks_are_caption_and_cookie_lines_missing_from_the_truth(bench: ModuleType) -> None:
    """A cookie or caption line counts as a leak unless the ground truth has it too."""
    output = "The story.\nWe use cookies to improve your experience. Accept all cookies\nPhoto: AP"
    assert len(bench.leaks(output, "The story.")) == 2
    assert bench.leaks(output, output) == []


def test_halves_split_by_id_hash(bench: ModuleType) -> None:
    """The dev/held-out split depends on the id alone."""
    halves = {bench.half_of(f"{i:064x}") for i in range(20)}
    assert halves == {"dev", "held-out"}
