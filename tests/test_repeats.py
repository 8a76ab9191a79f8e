"""Tests of the repeats step: exact, near and block repeats go; first copies and twins stay."""

from __future__ import annotations

import dataclasses
import os
import pickle
import random
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import documents, sentences, texts, words

from cleanseed.corpus.hashing import choose_banding, permutations
from cleanseed.errors import ConfigError, InputTypeError
from cleanseed.pipeline import compose
from cleanseed.repeats import _keys as _shingles
from cleanseed.repeats import _near as _near_repeats
from cleanseed.repeats._keys import Mode
from cleanseed.repeats.paragraphs import (
    RULES,
    RepeatsConfig,
    _paragraphs,
    dedup_paragraphs,
    dedup_paragraphs_and_explain,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

LONG_A = ("Volkswagen has entered a strategic collaboration with the electric vehicle maker XPeng "
          "to develop vehicles tailored for the Chinese market.")
LONG_B = ("Audi has partnered with the state-owned carmaker SAIC to create a platform for "
          "connected electric cars sold in China from next year.")
LONG_C = ("Chinese companies are expanding their research presence in Germany to tap into the "
          "country's long-standing automotive expertise.")
LONG_D = ("Trade tensions and intellectual property concerns add complexity, but both sides keep "
          "investing in joint innovation across the supply chain.")
# A paragraph long enough to be compared by word shingles (over 300 characters).
WORDY = ("Sino-German cooperation is also extending to battery gigafactories in both regions, "
         "aimed at securing those supply chains and reducing production costs. Together, these "
         "developments mark a shift from market access toward co-innovation in electric and "
         "intelligent vehicles, and the partnerships are helping to set new global benchmarks for "
         "performance, sustainability and market integration.")
# Chinese over the word-shingle length: with no spaces, each character counts as a word.
LONG_ZH = (
    "中德两国在电动汽车领域的合作正在超越传统的合资模式，走向深度技术伙伴关系，这种转变正在重塑全球汽车产业的格局。"
    "德国最大的汽车制造商大众汽车与中国电动汽车制造商小鹏汽车建立了战略合作关系，双方将共同开发专为中国市场打造的车型。"
    "与此同时，奥迪与上汽集团携手打造面向中国市场的电动汽车平台，并开发下一代智能网联技术，以满足年轻消费者的需求。"
    "中国企业也在德国扩大研发布局，小米和理想汽车已在慕尼黑设立新的研发和设计中心，重点关注动力总成、智能底盘系统，"
    "以及如何让产品更好地适应欧洲市场。专家认为，这种双向流动说明两国企业正在从市场准入走向联合创新，"
    "而电池超级工厂的建设也在两个地区同步推进，旨在保障供应链安全并降低生产成本。尽管贸易摩擦、知识产权和地缘政治竞争"
    "给合作带来一定的复杂性，双方仍在持续投入，共同推动全球电动出行的发展。业内人士预计，这一趋势将在未来几年继续加强，"
    "更多中小企业也会加入其中。"
)


def rules(text: str, config: RepeatsConfig | None = None) -> list[tuple[str, str]]:
    """The (rule, removed line) pairs the step reports for *text*."""
    return [(r.rule, r.text.rstrip("\n")) for r in dedup_paragraphs_and_explain(text, config)[1]]


# --- what goes ---------------------------------------------------------------------------------


def test_exact_repeat_with_other_case_and_punctuation_goes_first_copy_stays() -> None:
    text = f"{LONG_A}\n{LONG_B}\n{LONG_A.upper().replace(',', '')}!!"
    assert dedup_paragraphs(text) == f"{LONG_A}\n{LONG_B}"
    assert rules(text) == [("repeat.exact", LONG_A.upper().replace(",", "") + "!!")]


def test_near_repeat_with_small_edits_goes() -> None:
    edited = LONG_A.replace("develop", "build").replace("Volkswagen has", "VOLKSWAGEN HAS,")
    text = f"{LONG_A}\n\n{LONG_B}\n\n{edited}"
    assert dedup_paragraphs(text) == f"{LONG_A}\n\n{LONG_B}"
    assert rules(text) == [("repeat.near", edited)]


def test_near_repeat_of_a_long_paragraph_by_word_shingles_goes() -> None:
    edited = WORDY.replace("reducing", "cutting")
    assert len(edited) >= RepeatsConfig().word_shingle_min_chars / RepeatsConfig().threshold
    text = f"{WORDY}\n{LONG_B}\n{edited}"
    assert dedup_paragraphs(text) == f"{WORDY}\n{LONG_B}"
    assert rules(text) == [("repeat.near", edited)]


def test_near_repeat_across_the_character_and_word_shingle_lengths_goes() -> None:
    """A paragraph just under the word-shingle length and its edit just over it still match."""
    base = WORDY[:300]
    longer = base + " and more today"
    short_key, long_key = _shingles.line_keys(f"{base}\n{longer}")
    assert len(short_key) < RepeatsConfig().word_shingle_min_chars <= len(long_key)
    assert dedup_paragraphs(f"{base}\n{LONG_C}\n{longer}") == f"{base}\n{LONG_C}"


def test_chinese_near_repeat_goes() -> None:
    first = ("德国最大的汽车制造商大众汽车与中国电动汽车制造商小鹏汽车建立了战略合作关系，"
             "共同开发专为中国市场打造的车型。")
    second = first.replace("共同", "共")
    other = "奥迪与上汽集团合作，打造面向中国市场的电动汽车平台，并开发下一代互联技术。"
    assert dedup_paragraphs(f"{first}\n{other}\n{second}") == f"{first}\n{other}"


def test_long_chinese_near_repeat_goes() -> None:
    """Spaceless text over the word-shingle length is shingled character by character."""
    second = LONG_ZH.replace("同步推进", "同时推进")
    assert len(LONG_ZH) >= RepeatsConfig().word_shingle_min_chars / RepeatsConfig().threshold
    assert rules(f"{LONG_ZH}\n{second}") == [("repeat.near", second)]


def test_caption_repeated_on_consecutive_lines_goes() -> None:
    caption = "The Li Auto i6 pure electric SUV parked in Shanghai. /CFP"
    assert dedup_paragraphs(f"{LONG_A}\n{caption}\n{caption}\n{LONG_B}") == (
        f"{LONG_A}\n{caption}\n{LONG_B}")
    assert dedup_paragraphs(f"{LONG_A}\nPhoto: Reuters\n\nPhoto: Reuters\n{LONG_B}") == (
        f"{LONG_A}\nPhoto: Reuters\n\n{LONG_B}")


def test_whole_article_pasted_again_without_title_goes() -> None:
    body = "\n".join([LONG_A, LONG_B, LONG_C, LONG_D])
    assert dedup_paragraphs(f"{body}\n{body}") == body


def test_whole_article_pasted_again_with_short_title_and_subheadings_goes() -> None:
    article = "\n".join(["EV partners", LONG_A, LONG_B, "Q:", LONG_C, "A:", LONG_D])
    explained = dedup_paragraphs_and_explain(f"{article}\n\n{article}")
    assert explained.text == article
    assert [r.rule for r in explained.removals].count("repeat.block") == 3


def test_repeated_block_may_lose_a_doubled_caption() -> None:
    """A copy that lacks a line of the first one still carries its short lines away."""
    first = "\n".join(["Germany", LONG_A, LONG_A, "Munich", LONG_B, LONG_C])
    second = "\n".join(["Germany", LONG_A, "Munich", LONG_B, LONG_C])
    assert dedup_paragraphs(f"{first}\n{second}") == "\n".join(
        ["Germany", LONG_A, "Munich", LONG_B, LONG_C])


def test_seed_000_article_paragraphs_appear_once_in_order() -> None:
    text = (SEEDS / "000_f40d5da0bd9190a7.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    distinct = list(dict.fromkeys(lines))
    assert len(distinct) < len(lines)
    assert dedup_paragraphs(text).split("\n") == distinct


# --- what stays --------------------------------------------------------------------------------


def test_distinct_paragraphs_about_the_same_company_stay() -> None:
    text = ("Volkswagen has entered a strategic collaboration with Chinese EV manufacturer XPeng "
            "to develop China-made vehicles.\n"
            "Volkswagen has also entered the Chinese EV market with its own brand, developing "
            "China-made vehicles with local engineers.")
    assert dedup_paragraphs(text) == text


@pytest.mark.parametrize("text", [
    "Step 1: Mix the flour, the butter and the sugar in a large bowl until smooth.\n"
    "Step 2: Mix the flour, the butter and the sugar in a large bowl until smooth.",
    "Chapter 1: An introduction to the course materials and the weekly readings\n"
    "Chapter 2: An introduction to the course materials and the weekly readings",
    "| 2024 | Berlin | 3,850,809 inhabitants | capital of Germany |\n"
    "| 2023 | Berlin | 3,755,251 inhabitants | capital of Germany |",
], ids=["steps", "chapters", "table-rows"])
def test_lines_that_differ_by_a_number_stay(text: str) -> None:
    assert dedup_paragraphs(text) == text


def test_lines_that_differ_by_a_number_go_when_numbers_need_not_match() -> None:
    text = ("Chapter 1: An introduction to the course materials and the weekly readings\n"
            "Chapter 2: An introduction to the course materials and the weekly readings")
    config = RepeatsConfig(numbers_must_match=False)
    assert rules(text, config)[0][0] == "repeat.near"


def test_table_rows_stay_even_when_repeated() -> None:
    table = ("| Country | Population in millions | Capital city |\n"
             "| Germany | not available at the time | Berlin |\n"
             "| Austria | not available at the time | Vienna |\n")
    text = f"{table}{LONG_A}\n{table}\tn/a\tn/a\tn/a\n\tn/a\tn/a\tn/a"
    assert dedup_paragraphs(text) == text


def test_short_lines_repeated_on_their_own_stay() -> None:
    recipe = ("Ingredients\n200 g flour\nMethod\nMix everything in a large bowl and rest it.\n"
              "Method\nBake for twenty minutes until golden.")
    dialogue = "Are you coming to the station with us tonight?\nYes.\nAre you sure?\nYes."
    assert dedup_paragraphs(recipe) == recipe
    assert dedup_paragraphs(dialogue) == dialogue


def test_short_repeat_right_after_itself_stays_when_very_short() -> None:
    assert dedup_paragraphs("Did you see it?\nYes.\nYes.") == "Did you see it?\nYes.\nYes."


def test_short_line_next_to_a_repeat_but_out_of_place_stays() -> None:
    """"Munich" sat after A the first time and sits before it now: not part of the block."""
    text = "\n".join([LONG_A, "Munich", LONG_B, "Munich", LONG_A])
    assert dedup_paragraphs(text) == "\n".join([LONG_A, "Munich", LONG_B, "Munich"])


def test_short_distinct_lines_are_never_near_matched() -> None:
    text = "Photo by John Smith\nPhoto by Jane Smith\nOpen daily from nine\nOpen daily from ten"
    assert dedup_paragraphs(text) == text


def test_punctuation_lines_stay() -> None:
    text = f"{LONG_A}\n* * *\n{LONG_B}\n* * *\n* * *\n{LONG_C}"
    assert dedup_paragraphs(text) == text


def test_a_paragraph_pasted_further_down_with_its_heading_takes_the_heading_along() -> None:
    """Two paragraphs pasted again in their order make a block: its short lines go with it."""
    text = "\n".join(["Munich", LONG_A, LONG_B, LONG_C, "Berlin", LONG_D, "Munich", LONG_A, LONG_B])
    assert dedup_paragraphs(text) == "\n".join(["Munich", LONG_A, LONG_B, LONG_C, "Berlin", LONG_D])


def test_a_list_pasted_again_right_after_itself_goes() -> None:
    """No line of it is running text, but a block right after its first copy is a paste."""
    items = ["- Automatically on, automatically connected", "- Easy setup for all your devices",
             "- Quick access to the assistant by voice"]
    text = "\n".join(["Wireless earbuds", *items, *items])
    assert dedup_paragraphs(text) == "\n".join(["Wireless earbuds", *items])


def test_an_article_pasted_three_times_comes_back_once() -> None:
    article = "\n".join(["EV partners", LONG_A, "- a list item of the article", LONG_B])
    assert dedup_paragraphs("\n".join([article] * 3)) == article


def test_a_teaser_cut_short_goes_before_or_after_its_paragraph() -> None:
    teaser = LONG_A[:70]
    assert rules(f"{teaser}…\n{LONG_B}\n{LONG_A}") == [("repeat.near", f"{teaser}…")]
    assert dedup_paragraphs(f"{LONG_A}\n{LONG_B}\n{teaser}...") == f"{LONG_A}\n{LONG_B}"


def test_a_near_copy_whose_edit_took_the_full_stop_goes() -> None:
    """The copy is judged by its first copy too: running text, so it goes."""
    edited = LONG_C.replace("expertise.", "expertise and its know-how")
    assert dedup_paragraphs(f"{LONG_C}\n{LONG_D}\n{edited}") == f"{LONG_C}\n{LONG_D}"


def test_a_long_paragraph_goes_however_often_it_comes_back() -> None:
    """From always_words words on, a repeat is never meant, even in three places."""
    text = "\n".join([WORDY, LONG_A, WORDY, LONG_B, WORDY])
    assert dedup_paragraphs(text) == "\n".join([WORDY, LONG_A, LONG_B])


def test_a_chinese_sentence_pasted_again_goes() -> None:
    """Characters of scripts written without spaces count as words."""
    said = "劳资双方周一谈判了六个小时，但未能就工资达成一致。"
    other = "工会表示，如果下周仍无进展，将在全市范围内组织罢工。"
    assert dedup_paragraphs(f"{said}\n{other}\n{said}") == f"{said}\n{other}"


# --- what an author repeats stays ----------------------------------------------------------------


def test_a_schedule_that_repeats_its_lines_day_after_day_stays() -> None:
    """A meal plan: each day repeats most lines of the day before, under a heading of its own."""
    menu = ["Pre-workout meal", "Eat 60 to 90 minutes before your workout",
            "Asparagus and eggs [1 cup asparagus, 2 poached eggs, 1 slice whole-grain toast]",
            "Portion containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.", "Workout supplement",
            "Drink during your workout"]
    days = []
    for day, dinner in enumerate(["Beef and peppers", "Slow cooker chili", "Lentil soup"]):
        days += [f"Meal plan for day {day + 1}", *menu, f"Dinner: {dinner}"]
    text = "\n".join(days)
    assert dedup_paragraphs(text) == text
    assert dedup_paragraphs("\n".join(days[:16])) == "\n".join(days[:16])


def test_list_items_shared_by_two_products_stay() -> None:
    items = ["- Automatically on, automatically connected", "- Easy setup for all your devices",
             "- Quick access to the assistant by voice"]
    text = "\n".join(["Wireless earbuds", *items, "Wireless earbuds with charging case", *items,
                      "- Charges on any wireless mat"])
    assert dedup_paragraphs(text) == text


def test_a_question_put_to_each_interviewee_stays() -> None:
    """A question asked again, and running text found in three places or more, are the
    author's."""
    ask = "What is the one dish you would cook for friends on a weekday evening?"
    note = "Vote for your favourite cook on the last page of this article, before Friday noon."
    people = [("Anna", LONG_A), ("Boris", LONG_B), ("Chen", LONG_C)]
    text = "\n".join(line for name, answer in people for line in (name, ask, answer, note))
    assert dedup_paragraphs(text) == text
    twice = "\n".join(line for name, answer in people[:2] for line in (name, ask, answer))
    assert dedup_paragraphs(twice) == twice


def test_running_text_found_twice_goes_found_three_times_stays() -> None:
    note = "Vote for your favourite cook on the last page of this article, before Friday noon."
    assert dedup_paragraphs(f"{LONG_A}\n{note}\n{LONG_B}\n{note}") == f"{LONG_A}\n{note}\n{LONG_B}"
    thrice = f"{LONG_A}\n{note}\n{LONG_B}\n{note}\n{LONG_C}\n{note}"
    assert dedup_paragraphs(thrice) == thrice


def test_a_refrain_sung_after_each_verse_stays() -> None:
    chorus = ["Oh the river runs and the river sings",
              "and it carries home what the morning brings"]
    first = ["We left the town when the bells were still", "and walked the road to the quiet hill"]
    second = ["The winter came with its silver light",
              "and kept us close through the longest night"]
    text = "\n".join([*first, *chorus, *second, *chorus])
    assert dedup_paragraphs(text) == text


@pytest.mark.parametrize("line", [
    "- Volkswagen and XPeng will develop two vehicles together for the Chinese market.",
    "2. Volkswagen and XPeng will develop two vehicles together for the Chinese market.",
    "Will Volkswagen and XPeng develop two vehicles together for the Chinese market?",
    "Portion containers: 2 Green, 1 Purple, 1 Red, 1 Yellow, 1 Blue, 1 tsp.",
], ids=["list-item", "numbered", "question", "numbers"])
def test_lines_that_do_not_read_as_running_text_stay_when_repeated_alone(line: str) -> None:
    text = f"{line}\n{LONG_A}\n{line}\n{LONG_B}"
    assert dedup_paragraphs(text) == text


def test_a_paragraph_pasted_alone_leaves_the_lines_around_it() -> None:
    """A pasted paragraph whose neighbour happens to repeat the first one's takes only itself."""
    text = "\n".join([LONG_A, "What changes:", "- fares go down", LONG_B, LONG_A, "What changes:",
                      "- trains run later"])
    assert dedup_paragraphs(text) == "\n".join(
        [LONG_A, "What changes:", "- fares go down", LONG_B, "What changes:", "- trains run later"])


# --- the API -----------------------------------------------------------------------------------


def test_explain_twin_is_attached_and_used_by_compose() -> None:
    assert dedup_paragraphs.and_explain is dedup_paragraphs_and_explain  # type: ignore[attr-defined]
    text = f"{LONG_A}\n{LONG_A}"
    assert compose(dedup_paragraphs).explain(text).removals[0].rule == "repeat.exact"


def test_rule_ids_are_stable_and_classed() -> None:
    assert [rule for rule, _ in RULES] == ["repeat.exact", "repeat.near", "repeat.block"]


def test_non_str_input_is_refused() -> None:
    with pytest.raises(InputTypeError, match="decode"):
        dedup_paragraphs(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        dedup_paragraphs_and_explain(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("changes", [
    {"threshold": 0.0}, {"threshold": 1.5}, {"threshold": "high"}, {"num_perm": 1},
    {"seed": -1}, {"seed": 1 << 32}, {"char_shingle": 0}, {"word_shingle": 2.5},
    {"min_near_chars": 3}, {"min_consecutive_chars": True},
])
def test_bad_config_values_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        RepeatsConfig(**changes)  # type: ignore[arg-type]


def test_wrong_config_type_is_refused() -> None:
    with pytest.raises(ConfigError, match="RepeatsConfig"):
        dedup_paragraphs("text", {"threshold": 0.5})  # type: ignore[arg-type]


def test_config_can_be_replaced_pickled_and_saved() -> None:
    config = dataclasses.replace(RepeatsConfig(), threshold=0.9, num_perm=32)
    assert pickle.loads(pickle.dumps(config)) == config
    assert dataclasses.asdict(config)["num_perm"] == 32
    assert "perm" not in repr(config).replace("num_perm", "")
    text = f"{LONG_A}\n{LONG_B}\n{LONG_A}"
    assert dedup_paragraphs(text, pickle.loads(pickle.dumps(config))) == f"{LONG_A}\n{LONG_B}"


@pytest.mark.slow
def test_same_output_in_processes_with_different_hash_seeds() -> None:
    text = (SEEDS / "000_f40d5da0bd9190a7.txt").read_text(encoding="utf-8") + "\n" + "\n".join(
        [LONG_A, LONG_A.replace("develop", "build"), "Q:", LONG_B, "Q:", LONG_B])
    code = ("import sys, json; from cleanseed import dedup_paragraphs_and_explain as f;"
            "print(json.dumps([r.as_dict() for r in f(sys.stdin.read())[1]]))")
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", code], input=text, env=env, check=True,
                              capture_output=True, text=True, encoding="utf-8")
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert '"repeat.near"' in outputs.pop()


# --- the MinHash machinery ---------------------------------------------------------------------


def test_signatures_are_datasketch_minhashes() -> None:
    """Each signature row is what datasketch computes from the same shingle hashes."""
    config = RepeatsConfig()
    keys = [p.key for p in _paragraphs(f"{LONG_A}\n{LONG_B}\n{WORDY}")]
    perms = permutations(config.num_perm, config.seed)
    everything = np.ones(len(keys), dtype=bool)
    modes: tuple[tuple[Mode, int], ...] = (("char", 5), ("word", 3))
    for mode, size in modes:
        hashes, counts = _shingles.shingle_hashes(keys, [(mode, size, everything)])
        sig = _shingles.signatures(hashes, counts, perms)
        offsets = np.cumsum(counts) - counts
        for j, key in enumerate(keys):
            mine = hashes[offsets[j] : offsets[j] + counts[j]]
            assert len(set(mine.tolist())) == len(_shingles.shingle_set(key, mode, size))
            reference = MinHash(num_perm=config.num_perm, seed=config.seed, scheme="affine32",
                                hashfunc=int, permutations=perms)
            reference.update_batch(mine.tolist())
            assert np.array_equal(reference.hashvalues, sig[j])
        lean = [LeanMinHash(seed=config.seed, hashvalues=row, scheme="affine32") for row in sig]
        assert lean[0].jaccard(lean[0]) == 1.0
        assert lean[0].jaccard(lean[1]) < 0.5


def test_shingle_plan_makes_one_column_per_entry_and_key() -> None:
    keys = ["one two three four", "five six", "seven eight nine ten eleven"]
    pick = np.array([True, False, True])
    _, counts = _shingles.full_hashes(keys, [("char", 5, pick), ("word", 3, ~pick)])
    assert counts.tolist() == [14, 0, 23, 0, 0, 0]  # "five six" has too few words for one


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9, 1.0])
@pytest.mark.parametrize("num_perm", [16, 64, 128])
def test_repeats_banding_gives_high_recall_at_the_threshold(threshold: float,
                                                           num_perm: int) -> None:
    """The repeats step's banding (one band of every row allowed) finds pairs at the threshold."""
    bands, rows = choose_banding(threshold, num_perm, max_rows=num_perm)
    assert bands == num_perm // rows
    assert 1 - (1 - threshold**rows) ** bands >= 0.995 or rows == 1


def test_band_buckets_group_rows_that_share_a_band() -> None:
    sig = np.array([[1, 2, 1, 1], [5, 6, 5, 7], [3, 3, 3, 3], [9, 9, 9, 8]], dtype=np.uint32).T
    assert sorted(_shingles.band_buckets(sig, 2)) == [(0, 1, 2), (0, 2)]
    assert _shingles.band_buckets(np.arange(8, dtype=np.uint32).reshape(2, 4), 2) == []


def test_hundreds_of_look_alike_lines_are_checked_a_bounded_number_of_times(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines that share buckets but are not near-repeats: each is checked a bounded number of
    times against earlier ones, and the result is still idempotent."""
    colours = ["red", "green", "blue", "amber", "violet", "silver", "golden", "purple", "orange",
               "yellow"]
    things = ["garden", "kitchen", "table", "window", "bicycle", "lantern", "basket", "teapot",
              "mirror", "carpet"]
    rows = [f"The {colours[i % 10]} {things[i // 10 % 10]} stood by the old stone wall near the "
            f"{colours[i // 100 % 10]} harbour gate." for i in range(600)]
    text = "\n".join(rows)
    config = RepeatsConfig(threshold=0.95)
    checks: list[int] = []
    real = _near_repeats._Verifier.__call__

    def counted(self: _near_repeats._Verifier, j: int, i: int) -> bool:
        checks.append(i)
        return real(self, j, i)

    monkeypatch.setattr(_near_repeats._Verifier, "__call__", counted)
    assert dedup_paragraphs(text, config) == text
    assert 1000 < len(checks) <= len(rows) * _near_repeats._MAX_CHECKS


def test_near_repeats_are_found_alike_on_short_and_long_pages() -> None:
    """Candidates come from word sets on pages of few paragraphs, from MinHash bands on longer
    ones; on clear near-repeats both find the same pairs."""
    vocabulary = [f"{a}{b}" for a in ("ka", "lo", "mi", "nu", "pe", "ro") for b in "aeiouy"]
    pick = random.Random(7).choice
    rows = [" ".join(pick(vocabulary) for _ in range(12)) + "." for _ in range(30)]
    edits = [rows[3].replace(" ", " and ", 1), rows[20][:-1] + " too."]
    keys = _shingles.line_keys("\n".join([*rows, *edits]))
    config = RepeatsConfig()
    near = _near_repeats._Near(config)
    verify = _near_repeats._Verifier(keys, config, {})
    assert len(keys) > _near_repeats._PAIRWISE_MAX
    found = near._banded(keys, verify)
    assert near._pairwise(keys, verify) == found
    assert {len(rows): 3, len(rows) + 1: 20}.items() <= found.items()


@given(st.lists(sentences, min_size=1, max_size=6))
def test_shingle_hashes_count_the_exact_shingles(lines: list[str]) -> None:
    """Every distinct exact shingle gets its own 64-bit hash."""
    keys = [key for key in _shingles.line_keys("\n".join(lines)) if key]
    everything = np.ones(len(keys), dtype=bool)
    modes: tuple[tuple[Mode, int], ...] = (("char", 5), ("word", 3))
    for mode, size in modes:
        hashes, counts = _shingles.full_hashes(keys, [(mode, size, everything)])
        offsets = np.cumsum(counts) - counts
        for j, key in enumerate(keys):
            if counts[j]:
                got = set(hashes[offsets[j] : offsets[j] + counts[j]].tolist())
                assert len(got) == len(_shingles.shingle_set(key, mode, size))


# --- properties --------------------------------------------------------------------------------


def kept_paragraphs(text: str) -> tuple[list[int], list[int]]:
    """Indices of the paragraphs of *text* that stay, and of those that go."""
    removed_at = {r.start for r in dedup_paragraphs_and_explain(text).removals}
    paras = _paragraphs(text)
    gone = [i for i, p in enumerate(paras) if p.start in removed_at]
    return [i for i in range(len(paras)) if i not in set(gone)], gone


@given(texts)
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = dedup_paragraphs(text)
    assert dedup_paragraphs(once) == once


@given(texts)
def test_plain_and_explained_agree_and_removals_sit_at_their_offsets(text: str) -> None:
    out, removals = dedup_paragraphs_and_explain(text)
    assert out == dedup_paragraphs(text)
    for removal in removals:
        assert removal.stage == "repeats"
        assert text[removal.start : removal.start + len(removal.text)] == removal.text


@given(texts)
def test_output_lines_are_a_subsequence_of_input_lines(text: str) -> None:
    source = iter(line.rstrip() for line in text.split("\n"))
    for line in dedup_paragraphs(text).split("\n"):
        if line:
            assert any(line == candidate for candidate in source)


@given(documents())
def test_first_occurrence_of_every_exactly_removed_key_stays(text: str) -> None:
    paras = _paragraphs(text)
    kept, gone = kept_paragraphs(text)
    rule_at = {r.start: r.rule for r in dedup_paragraphs_and_explain(text).removals}
    first: dict[str, int] = {}
    for i, para in enumerate(paras):
        first.setdefault(para.key, i)
    for i in gone:
        if rule_at[paras[i].start] in ("repeat.exact", "repeat.block"):
            assert first[paras[i].key] in kept


#: Lines long enough (over ``min_repeat_chars``) to go as exact repeats wherever they are.
long_sentences = st.lists(words, min_size=8, max_size=20).map(" ".join).filter(
    lambda s: len(s) >= 30)


@pytest.mark.slow
@given(st.lists(long_sentences, min_size=1, max_size=8), st.integers(0, 7))
def test_article_pasted_again_comes_back_once(lines: list[str], cut: int) -> None:
    """A second copy of a deduplicated article, whole or from any line on, goes."""
    once = dedup_paragraphs("\n".join(lines))
    tail = "\n".join(once.split("\n")[cut:])
    assert dedup_paragraphs(f"{once}\n{once}") == once
    assert dedup_paragraphs(f"{once}\n\n{tail}") == once


@pytest.mark.slow
@given(texts)
def test_line_keys_are_the_same_when_worked_out_in_pieces(text: str) -> None:
    """Keys of a huge text are built a piece at a time; a run of spaces or a line may span
    pieces, and the keys must not show where the pieces met."""
    whole = _shingles.line_keys(text)
    saved = _shingles._CHUNK
    try:
        for size in (1, 2, 5):
            _shingles._CHUNK = size
            assert _shingles.line_keys(text) == whole
    finally:
        _shingles._CHUNK = saved


@given(texts)
def test_line_keys_are_the_same_with_or_without_a_character_beyond_the_bmp(text: str) -> None:
    """Text of the BMP only is keyed on UTF-16 code units, other text on code points: a line
    holding an emoji must not change the keys of the lines before it."""
    assert _shingles.line_keys(f"{text}\n\U0001f600")[:-1] == _shingles.line_keys(text)


@given(st.text())
def test_numbers_are_the_runs_of_decimal_digits(key: str) -> None:
    """Keys in Latin-1 take a quicker path than the regex; both find the same runs."""
    assert _shingles.numbers(key) == tuple(re.findall(r"\d+", key))
