"""One config check for every stage: a wrong type or an out-of-range value is a ConfigError."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import cleanseed
from cleanseed import (
    BoilerplateConfig,
    DedupConfig,
    EncodingConfig,
    HtmlConfig,
    RepeatsConfig,
)
from cleanseed.cli._limits import Limits
from cleanseed.corpus.neardup import dedup_config
from cleanseed.errors import ConfigError

STEPS: list[Callable[..., Any]] = [
    cleanseed.fix_encoding, cleanseed.fix_encoding_and_explain,
    cleanseed.strip_boilerplate, cleanseed.strip_boilerplate_and_explain,
    cleanseed.dedup_paragraphs, cleanseed.dedup_paragraphs_and_explain,
    cleanseed.html_to_text, cleanseed.html_to_text_and_explain,
]


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.__name__)
@pytest.mark.parametrize("wrong", ["fast", {"threshold": 0.5}, DedupConfig()],
                         ids=["str", "dict", "other config"])
def test_a_wrong_config_type_is_a_config_error_naming_the_step(step: Callable[..., Any],
                                                               wrong: object) -> None:
    with pytest.raises(ConfigError, match=step.__name__):
        step("Some text.", wrong)


@pytest.mark.parametrize("make", [
    lambda: DedupConfig(threshold=True),
    lambda: DedupConfig(seed=-1),
    lambda: DedupConfig(seed=1 << 32),
    lambda: DedupConfig(bands=2.0, rows=3),
    lambda: DedupConfig(bands=True, rows=1),
    lambda: DedupConfig(threshold=float("nan")),
    lambda: DedupConfig(num_perm=1 << 17),
    lambda: RepeatsConfig(threshold=True),
    lambda: RepeatsConfig(seed=-1),
    lambda: RepeatsConfig(num_perm=True),
    lambda: RepeatsConfig(numbers_must_match=1),
    lambda: HtmlConfig(max_depth=True),
    lambda: HtmlConfig(max_link_density=False),
    lambda: HtmlConfig(main_content="yes"),
    lambda: BoilerplateConfig(max_banner_chars=True),
    lambda: EncodingConfig(fix_mojibake="no"),
    lambda: EncodingConfig(normalization="NFKC"),
    lambda: Limits(max_chars=True),
    lambda: Limits(time_budget=float("inf")),
], ids=lambda _: "")
def test_out_of_range_values_are_config_errors(make: Callable[[], object]) -> None:
    """A bool is not a number, a seed is not negative, bands and rows are ints."""
    with pytest.raises(ConfigError):
        make()


def test_the_defaults_and_good_values_pass() -> None:
    assert DedupConfig(threshold=1, seed=0, bands=4, rows=8).banding() == (4, 8)
    assert RepeatsConfig(threshold=0.5, seed=(1 << 32) - 1).seed == (1 << 32) - 1
    assert Limits(time_budget=2).time_budget == 2


def test_a_dedup_gets_its_threshold_one_way() -> None:
    """threshold= alone, or config= alone; both is refused even when they agree."""
    assert dedup_config(0.7, None, "here").threshold == 0.7
    assert dedup_config(None, DedupConfig(threshold=0.6), "here").threshold == 0.6
    assert dedup_config(None, None, "here") == DedupConfig()
    for threshold in (0.6, 0.8):
        with pytest.raises(ConfigError, match="not both"):
            dedup_config(threshold, DedupConfig(threshold=0.6), "here")
    with pytest.raises(ConfigError, match="dedup_documents"):
        cleanseed.dedup_documents([], config="strict")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="NearDupIndex"):
        cleanseed.NearDupIndex(0.8)  # type: ignore[arg-type]
