"""One configuration for cleaning, in Python and as a TOML file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import texts

import cleanseed
from cleanseed import BoilerplateConfig, CleanConfig, EncodingConfig, RepeatsConfig
from cleanseed.boilerplate.rules import Rule
from cleanseed.config_file import apply_settings, dumps, from_mapping, load, loads
from cleanseed.errors import ConfigError

PROMO = Rule(id="chrome.promo_code", lang="en", pattern=r"Use code [A-Z0-9]+ for \d+% off.*",
             scope="line")


def test_default_config_is_the_default_pipeline() -> None:
    """CleanConfig() cleans as clean() does, step for step."""
    text = "Advertisement\nThe tide came in.\nThe tide came in."
    assert CleanConfig().pipeline == cleanseed.DEFAULT_PIPELINE
    assert cleanseed.clean(text, config=CleanConfig()) == cleanseed.clean(text)


def test_config_chooses_steps_and_options() -> None:
    """Steps can be left out; options reach the step that owns them; rules can be added."""
    text = "Use code SAVE20 for 20% off today\nAdvertisement\nThe tide came in."
    only_encoding = CleanConfig(steps=("fix_encoding",))
    assert cleanseed.clean(text, config=only_encoding) == text
    config = CleanConfig(boilerplate=BoilerplateConfig(extra_rules=(PROMO,),
                                                       disabled_rules={"chrome.ad"}))
    assert cleanseed.clean(text, config=config) == "Advertisement\nThe tide came in."
    rules = [r.rule for r in cleanseed.explain(text, config=config).removals]
    assert rules == ["chrome.promo_code"]


@pytest.mark.parametrize(("kwargs", "expect"), [
    ({"steps": ("fix_encodng",)}, "unknown step 'fix_encodng' (did you mean 'fix_encoding'?)"),
    ({"steps": "fix_encoding"}, "steps must be a sequence of step names"),
    ({"extractor": "trafilatur"}, "did you mean 'trafilatura'"),
    ({"repeats": EncodingConfig()}, "repeats must be a RepeatsConfig"),
])
def test_bad_config_says_what_is_wrong(kwargs: dict[str, object], expect: str) -> None:
    """A misspelt step or extractor is named, with the nearest right one."""
    with pytest.raises(ConfigError) as caught:
        CleanConfig(**kwargs)  # type: ignore[arg-type]
    assert expect in str(caught.value)


def test_toml_maps_one_to_one(tmp_path: Path) -> None:
    """Every table is a dataclass, every key one of its fields; rules are arrays of tables."""
    path = tmp_path / "cleanseed.toml"
    path.write_text('''
steps = ["fix_encoding", "strip_boilerplate"]
extractor = "cleanseed"

[encoding]
normalization = false

[boilerplate]
classes = ["cookie", "chrome"]
disabled_rules = ["chrome.ad"]

[[boilerplate.extra_rules]]
id = "chrome.promo_code"
lang = "en"
pattern = 'Use code [A-Z0-9]+ for \\d+% off.*'

[repeats]
threshold = 1

[html]
keep_title = true
''')
    config = load(path)
    assert config.steps == ("fix_encoding", "strip_boilerplate")
    assert config.encoding.normalization is None
    assert config.boilerplate.classes == {"cookie", "chrome"}
    assert config.boilerplate.extra_rules == (PROMO,)
    assert config.repeats.threshold == 1.0 and config.html.keep_title
    assert loads(dumps(config)) == config


@pytest.mark.parametrize(("toml", "expect"), [
    ("[repeats]\nthreshhold = 0.9\n", "cfg.toml: [repeats]: unknown key 'threshhold' (did you"),
    ("[repeat]\nthreshold = 0.9\n", "cfg.toml: unknown key 'repeat' (did you mean 'repeats'"),
    ("[repeats]\nthreshold = 2.0\n", "cfg.toml: [repeats]: threshold must be a number in (0, 1]"),
    ("[html]\nkeep_title = 1\n", "[html].keep_title: expected true or false"),
    ("[repeats]\nnum_perm = 'many'\n", "[repeats].num_perm: expected a number"),
    ("[boilerplate]\ndisabled_rules = ['no.such']\n", "names unknown rules"),
    ("[[boilerplate.extra_rules]]\nid = 'chrome.x'\nlang = 'en'\npatern = 'x'\n",
     "[boilerplate].extra_rules[0]: unknown key 'patern'"),
    ("steps = 'fix_encoding'\n", "steps must be a list"),
    ("[repeats\n", "not valid TOML"),
])
def test_bad_toml_names_file_table_and_key(tmp_path: Path, toml: str, expect: str) -> None:
    """An error in a config file names the file, the table and the key."""
    path = tmp_path / "cfg.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert expect in str(caught.value).replace(str(tmp_path) + "/", "")


def test_missing_config_file() -> None:
    """A config file that cannot be read is an error naming it."""
    with pytest.raises(ConfigError, match=r"nope\.toml: cannot read"):
        load("nope.toml")


def test_settings_go_on_top_of_the_file() -> None:
    """--set SECTION.KEY=VALUE sets one field; a bare word is a string."""
    data = apply_settings({"repeats": {"threshold": 0.5}},
                          ["repeats.threshold=0.9", "extractor=trafilatura",
                           'boilerplate.disabled_rules=["chrome.ad"]'])
    config = from_mapping(data)
    assert config.repeats.threshold == 0.9 and config.extractor == "trafilatura"
    assert config.boilerplate.disabled_rules == {"chrome.ad"}
    with pytest.raises(ConfigError, match=r"expected SECTION\.KEY=VALUE"):
        apply_settings({}, ["threshold"])


_numbers = st.fixed_dictionaries({}, optional={
    "threshold": st.floats(0.05, 1.0), "num_perm": st.integers(8, 64),
    "seed": st.integers(0, 2**31), "min_repeat_chars": st.integers(0, 200),
    "numbers_must_match": st.booleans()})


@given(steps=st.lists(st.sampled_from(["fix_encoding", "strip_boilerplate", "dedup_paragraphs"]),
                      max_size=4),
       repeats=_numbers,
       classes=st.sets(st.sampled_from(["cookie", "caption", "chrome", "metadata"])),
       normalization=st.sampled_from(["NFC", None]))
@settings(max_examples=25)  # each boilerplate config compiles its rules
def test_any_config_round_trips_through_toml(steps: list[str], repeats: dict[str, object],
                                             classes: set[str], normalization: str | None) -> None:
    """What dumps writes, loads reads back to an equal config."""
    config = CleanConfig(steps=tuple(steps), repeats=RepeatsConfig(**repeats),  # type: ignore[arg-type]
                         boilerplate=BoilerplateConfig(classes=classes, extra_rules=(PROMO,)),
                         encoding=EncodingConfig(normalization=normalization))  # type: ignore[arg-type]
    assert loads(dumps(config)) == config


_REORDERED = CleanConfig(steps=("strip_boilerplate", "fix_encoding"),
                         boilerplate=BoilerplateConfig(disabled_rules={"chrome.ad"}))


@given(texts)
def test_configured_clean_is_its_explain(text: str) -> None:
    """clean(config=...) gives explain(config=...).text, as the default does."""
    config = _REORDERED
    assert cleanseed.clean(text, config=config) == cleanseed.explain(text, config=config).text


def test_config_reaches_clean_html() -> None:
    """clean_html takes a CleanConfig: its HTML options, steps and extractor."""
    page = ("<html><head><title>Tides</title></head><body><article><h1>Tides</h1>"
            "<p>Share this article</p><p>The tide came in at noon.</p></article></body></html>")
    assert cleanseed.clean_html(page) == "The tide came in at noon."
    keep = CleanConfig(steps=(), html=dataclasses.replace(CleanConfig().html, keep_title=True))
    assert cleanseed.clean_html(page, keep) == \
        "Tides\n\nShare this article\n\nThe tide came in at noon."
