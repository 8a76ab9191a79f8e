"""Hardening: any input gives a result or a CleanseedError, every document is accounted for,
limits hold, and a crashing or hanging worker does not end the run."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import operator
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import FRAGMENTS, texts

import cleanseed
from cleanseed.cli import clean as cli
from cleanseed.cli import main
from cleanseed.cli._limits import (
    BudgetExceeded,
    LimitExceeded,
    Limits,
    apply_size_cap,
    call_with_budget,
)
from cleanseed.cli._workers import CRASHED, HUNG, ordered_map
from cleanseed.errors import CleanseedError, ConfigError, InputError
from cleanseed.records import InputFile, Item, ReadOptions, iter_jsonl
from cleanseed.records._line_reader import _cr_separated
from cleanseed.records.formats import content_of

MB = 1 << 20

ADVERSARIAL_TEXT = {
    "empty": "",
    "lone-surrogates": "start \ud800 middle \udfff end\n\udbff",
    "nul-and-controls": "a\x00b\x01c\x1b[2J\x7f\x9f\n\x00",
    "one-1mb-line": "word " * (MB // 5),
    "mixed-scripts": "Hello мир 世界 مرحبا שלום 🙂 नमस्ते e\u0301 \u202eevil\u202c\n" * 200,
    "long-run-of-spaces": " " * MB + "x",
    "repeated-separators": "| " * (MB // 2),
    "almost-banner": "We use cookies to improve your experience. By continuing you agre\n" * 5000,
    "only-newlines": "\n\r\n\r" * 25_000,
    "bom-and-invisibles": "\ufeff\u200b\u2060\u00ad" * 10_000,
}

ADVERSARIAL_HTML: dict[str, str | bytes] = {
    "empty-str": "",
    "empty-bytes": b"",
    "nested-divs-30k": "<div>" * 30_000 + "deep text" + "</div>" * 30_000,
    "unclosed-inline-20k": "<b><i>" * 20_000 + "x",
    "nested-lists-10k": "<ul><li>" * 10_000 + "item",
    "lone-surrogate": "<p>a\ud800b</p>",
    "nul-bytes": b"<p>a\x00b</p>\x00",
    "bad-charset": b"<meta charset='no-such-codec'><p>caf\xe9</p>",
    "utf16-bom": "\ufeff<p>Hello there</p>".encode("utf-16"),
    "only-markup": "<html><head></head><body></body></html>",
    "not-html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "50mb-script": "<p>Some text.</p><script>" + "x" * (50 * MB) + "</script>",
    "50mb-attribute": '<p title="' + "a" * (50 * MB) + '">Some text.</p>',
}

#: The hardening properties run with at least 2,000 examples in CI (and whatever more a profile
#: asks for, such as the fuzz profile's 20,000).
THOROUGH = (
    settings(max_examples=max(2000, settings.default.max_examples))
    if os.environ.get("HYPOTHESIS_PROFILE") in ("ci", "fuzz")
    else settings()
)


def result_or_cleanseed_error(fn: Callable[[Any], Any], arg: object) -> object:
    """Call *fn*; a CleanseedError is an answer too. Any other exception fails the test."""
    try:
        return fn(arg)
    except CleanseedError as exc:
        return exc


def html_module() -> Any:
    return pytest.importorskip("cleanseed.html")


@pytest.mark.parametrize("name", list(ADVERSARIAL_TEXT))
@pytest.mark.parametrize("entry", ["clean", "explain"])
def test_text_entry_points_survive(entry: str, name: str) -> None:
    """clean and explain return text (or a CleanseedError) on adversarial strings."""
    found = result_or_cleanseed_error(getattr(cleanseed, entry), ADVERSARIAL_TEXT[name])
    text = found.text if isinstance(found, cleanseed.Explained) else found
    assert isinstance(text, (str, CleanseedError))


@pytest.mark.parametrize("name", list(ADVERSARIAL_HTML))
def test_html_entry_points_survive(name: str) -> None:
    """clean_html returns text (or a CleanseedError) on deep, broken, huge and binary pages."""
    found = result_or_cleanseed_error(cleanseed.clean_html, ADVERSARIAL_HTML[name])
    assert isinstance(found, (str, CleanseedError))


def test_deep_nesting_keeps_its_text() -> None:
    """Tens of thousands of nested elements: no RecursionError, and the text inside survives."""
    html = html_module()
    assert html.html_to_text("<div>" * 30_000 + "deep text" + "</div>" * 30_000) == "deep text"


def test_fifty_mb_of_text() -> None:
    """A 50 MB document (white space, then a sentence) is cleaned, not refused."""
    assert cleanseed.clean(" " * (50 * MB) + "\nLast words here.") == "Last words here."


#: Text with the characters that break naive code mixed in: Hypothesis's own text strategy
#: almost never draws a lone surrogate, so they are drawn on purpose here.
hostile_texts = st.lists(
    st.one_of(texts, st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp", "Mn"])), max_size=8,
).map("".join)


@THOROUGH
@given(hostile_texts)
def test_clean_never_raises_anything_else(text: str) -> None:
    """Any str: clean and explain give text or a CleanseedError, never another exception."""
    assert isinstance(result_or_cleanseed_error(cleanseed.clean, text), (str, CleanseedError))
    found = result_or_cleanseed_error(cleanseed.explain, text)
    assert isinstance(found, (cleanseed.Explained, CleanseedError))


_tags = st.sampled_from(["div", "p", "span", "a", "table", "tr", "td", "script", "style", "nav",
                         "footer", "article", "li", "ul", "br", "img", "meta", "title", "h1",
                         "pre", "noscript", "iframe", "svg", "template", "body", "html", "head"])
_attrs = st.sampled_from(["", ' class="cookie-banner"', ' id="main"', " hidden",
                          ' charset="utf-8"', ' style="display:none"', ' role="navigation"',
                          " aria-hidden=true", ' href="javascript:x"', " class='caption'"])
_pieces = st.one_of(
    st.builds("<{}{}>".format, _tags, _attrs),
    st.builds("</{}>".format, _tags),
    st.sampled_from(FRAGMENTS),
    st.text(max_size=40),
    st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&nbsp;", "&bogus;", "<!-- c -->", "<!--",
                     "<![CDATA[x]]>", "<!DOCTYPE html>", "<", ">", "</", "<?xml?>", "\x00"]),
)


@st.composite
def html_pages(draw: st.DrawFn) -> str | bytes:
    """A page of random tags, attributes, text and broken markup, as str or as encoded bytes."""
    page = "".join(draw(st.lists(_pieces, max_size=40)))
    if draw(st.booleans()):
        return page
    codec = draw(st.sampled_from(["utf-8", "cp1252", "latin-1", "shift_jis", "utf-16"]))
    declared = draw(st.sampled_from(["", codec, "utf-8", "bogus"]))
    head = f"<meta charset='{declared}'>" if declared else ""
    return (head + page).encode(codec, errors="replace")


@THOROUGH
@given(st.one_of(html_pages(), st.binary(max_size=300)))
def test_clean_html_never_raises_anything_else(page: str | bytes) -> None:
    """Any page, any bytes: clean_html gives a str or a CleanseedError."""
    found = result_or_cleanseed_error(cleanseed.clean_html, page)
    assert isinstance(found, (str, CleanseedError))


_json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                            lambda inner: st.lists(inner, max_size=3), max_leaves=4)
_lines = st.one_of(
    st.builds(lambda i, t, extra: json.dumps({"id": i, "text": t, **extra}).encode(),
              st.integers(), st.sampled_from(FRAGMENTS) | st.text(max_size=30),
              st.dictionaries(st.sampled_from("abc"), _json_values)),
    st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False).encode("utf-8", "replace"),
              st.text(max_size=30)),
    st.builds(lambda v: json.dumps({"id": 1, "text": v}).encode(), _json_values),
    st.just(b'{"id": 2}'),
    st.just(b'{"text": "caf\xe9"}'),
    st.just(b"[[[[[[[[[[" * 2000),
    st.sampled_from([b"", b"   ", b"\t", b"null", b"[]", b'"text"', b"{", b"{}"]),
    st.binary(max_size=40),
)


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    """JSONL as scraped corpora have it: good records among broken, empty and binary lines."""
    lines = draw(st.lists(_lines.filter(lambda b: b"\n" not in b), max_size=12))
    return b"\n".join(lines) + draw(st.sampled_from([b"", b"\n"]))


def _counted_lines(data: bytes) -> list[int]:
    """The numbers of the lines the reader must account for: all but the blank ones (a file
    whose first line holds records ended by a lone CR is split on CR too)."""
    first = data[: data.find(b"\n") + 1] if b"\n" in data else data
    if _cr_separated(first.removeprefix(b"\xef\xbb\xbf")):
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    lines = data.split(b"\n")
    lines[0] = lines[0].removeprefix(b"\xef\xbb\xbf")
    return [n for n, raw in enumerate(lines, 1) if raw.strip()]


@THOROUGH
@given(jsonl_files())
def test_jsonl_reader_accounts_for_every_line(data: bytes) -> None:
    """Each non-blank line is exactly one document or one error naming that line."""
    file = InputFile("fuzz.jsonl", "fuzz.jsonl", "jsonl")
    found = list(iter_jsonl(io.BytesIO(data), file, ReadOptions()))
    lines = [f.line if isinstance(f, InputError) else f.doc.metadata["cleanseed_origin"].line
             for f in found]
    assert lines == _counted_lines(data)
    assert all(isinstance(f, (Item, InputError)) for f in found)


BALANCE = re.compile(r"in (\d+) = out (\d+) \+ removed (\d+) \+ skipped (\d+)")


@pytest.mark.slow
@THOROUGH
@given(jsonl_files(), st.booleans())
def test_cli_accounts_for_every_document(data: bytes, keep_empty: bool) -> None:
    """in = out + removed + skipped; out is what was written; the report holds the rest."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out, report = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl"), Path(tmp, "r.jsonl")
        src.write_bytes(data)
        stderr = io.StringIO()
        argv = ["clean", str(src), "-o", str(out), "--report", str(report), "--on-error", "skip"]
        with contextlib.redirect_stderr(stderr):
            assert main(argv + ["--keep-empty"] * keep_empty) == 0
        found = BALANCE.search(stderr.getvalue())
        assert found, stderr.getvalue()
        read, written, removed, skipped = map(int, found.groups())
        # a file whose first bytes show another format (an SQLite database, a PNG) is one
        # input refused whole, named in the report, not a line-by-line JSONL file
        counted = 1 if content_of(data[:4096]) else len(_counted_lines(data))
        assert read == counted == written + removed + skipped
        assert len(out.read_bytes().splitlines()) == written
        entries = [json.loads(line) for line in report.read_text().splitlines()]
        left_out = [e for e in entries if e["outcome"] in ("removed", "skipped")]
        assert len(left_out) == removed + skipped
        assert all(e["reason"] and e["source"] == str(src) for e in left_out)


def test_interrupted_run_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C in the middle of a run: exit 130, no output or report left half-written."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Doc {i}."}) + "\n" for i in range(10)))
    real = cli.process
    calls = []

    def interrupt_third(limits: Limits, payload: tuple[str | bytes, bool]) -> cli.Outcome:
        calls.append(payload)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(limits, payload)

    monkeypatch.setattr(cli, "process", interrupt_third)
    out, report = tmp_path / "out.jsonl", tmp_path / "r.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--report", str(report)]) == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    assert "interrupted" in capsys.readouterr().err


def test_internal_error_is_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A bug in a step (any exception) skips that document with its reason under --on-error
    skip, and stops the run naming the document without it."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "BOOM"}\n')

    def flaky(content: str, html: bool) -> tuple[str, tuple[cleanseed.Removal, ...]]:
        if "BOOM" in content:
            raise IndexError("list index out of range")
        return content, ()

    monkeypatch.setattr(cli, "_clean_content", flaky)
    report = tmp_path / "r.jsonl"
    assert main(["clean", str(src), "--on-error", "skip", "--report", str(report)]) == 0
    assert json.loads(report.read_text())["reason"] == (
        "internal error: IndexError: list index out of range")
    capsys.readouterr()
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert capsys.readouterr().err == (f"cleanseed: error: {src}:2: internal error: IndexError: "
                                       "list index out of range\n")
    assert not (tmp_path / "o.jsonl").exists()


def test_time_budget_stops_a_python_loop() -> None:
    """A step stuck in a loop is stopped at its budget, even one that swallows every Exception."""
    def stubborn(text: str) -> str:
        while True:
            with contextlib.suppress(Exception):
                time.sleep(0.001)

    started = time.monotonic()
    with pytest.raises(BudgetExceeded, match=r"time budget exceeded \(0.05 s\)"):
        call_with_budget(stubborn, "x", 0.05)
    assert time.monotonic() - started < 5
    assert call_with_budget(str.upper, "ok", 0.05) == "OK"
    time.sleep(0.1)  # no stray alarm arrives after a call that finished in time


def test_size_cap() -> None:
    """Under the cap nothing changes; over it, cut at a line break, or at the cap, or skipped."""
    limits = Limits(max_chars=10)
    assert apply_size_cap("short", limits) == ("short", None)
    assert apply_size_cap("line one\nline two", limits)[0] == "line one"
    assert apply_size_cap("x" * 25, limits)[0] == "x" * 10
    assert apply_size_cap(b"<p>a</p>\n<p>b</p>", limits) == (
        b"<p>a</p>", "truncated at the size cap: kept 8 of 17 bytes")
    with pytest.raises(LimitExceeded, match="over the size cap: 25 characters > 10"):
        apply_size_cap("x" * 25, Limits(max_chars=10, on_oversize="skip"))


@pytest.mark.parametrize(
    "kwargs",
    [{"max_chars": 0}, {"max_chars": True}, {"max_chars": 1.5}, {"on_oversize": "drop"},
     {"time_budget": 0}, {"time_budget": float("inf")}, {"time_budget": "1"}],
)
def test_limits_are_checked(kwargs: dict[str, Any]) -> None:
    """Out-of-range limits are a ConfigError when the Limits are made."""
    with pytest.raises(ConfigError):
        Limits(**kwargs)


@pytest.mark.slow
def test_worker_crash_and_hang_are_isolated() -> None:
    """A worker that dies or hangs costs one item, reported; the others come back, in order."""
    items: list[Callable[[], object]] = [functools.partial(abs, -i) for i in range(8)]
    items[2] = functools.partial(os._exit, 3)  # a crash in C code kills the process like this
    items[5] = functools.partial(time.sleep, 600)
    results = ordered_map(operator.call, items, workers=2, chunksize=3, item_timeout=3,
                          on_crash=lambda item, why: why)
    assert [r for _, r in results] == [0, 1, CRASHED, 3, 4, HUNG, 6, 7]


def test_one_worker_under_a_budget_is_a_worker_process() -> None:
    """A deadline needs a process to stop: with item_timeout, workers=1 does not run in here."""
    def pids(**deadline: float) -> list[object]:
        found = ordered_map(operator.call, [os.getpid, os.getpid], workers=1,
                            on_crash=lambda item, why: why, **deadline)
        return [pid for _, pid in found]

    assert pids() == [os.getpid()] * 2
    (worker, again) = pids(item_timeout=30)
    assert worker == again != os.getpid()


CLEAN_CONTENT, PROCESS = cli._clean_content, cli.process
ROOT = Path(__file__).resolve().parent.parent


def clean_or_block_in_c(content: str | bytes, html: bool) -> tuple[str, tuple[Any, ...]]:
    """Cleaning, except that the text "stuck" blocks in a C call that never returns.

    ``signal.sigwait`` waits, in C, for a signal nobody sends. When the budget's SIGALRM
    arrives, the C library restarts the wait instead of returning, so the interpreter never
    runs the alarm's handler: the case of a regex engine or a parser looping in C code.
    """
    if content == "stuck":
        signal.sigwait({signal.SIGUSR2})
    return CLEAN_CONTENT(content, html)


def process_blocking_in_c(limits: Limits, payload: tuple[str | bytes, bool]) -> cli.Outcome:
    """``cli.process`` cleaning with :func:`clean_or_block_in_c`; workers import it by name."""
    with mock.patch.object(cli, "_clean_content", clean_or_block_in_c):
        return PROCESS(limits, payload)


def main_with_a_step_stuck_in_c(argv: list[str]) -> int:
    """``cleanseed`` with :func:`process_blocking_in_c` cleaning each document."""
    with mock.patch.object(cli, "process", process_blocking_in_c):
        return main(argv)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="needs the C library to restart sigwait after another signal")
def test_time_budget_holds_with_one_worker_against_a_call_stuck_in_c(tmp_path: Path) -> None:
    """--workers 1 --time-budget: a document whose step never comes back from C code is
    skipped and reported as over the budget (not an error: the run goes on under --on-error
    fail), the others come out in order, and every document is accounted for.

    It runs in a child process with a timeout, so that a run that hangs fails the test instead
    of hanging the test session."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": name, "text": text}) + "\n" for name, text in [
        ("a", "First document."), ("s", "stuck"), ("b", "Second document."), ("c", "Third.")]))
    out, report = tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    argv = ["clean", str(src), "-o", str(out), "--report", str(report), "--workers", "1",
            "--chunk-size", "1", "--time-budget", "0.1"]
    script = ("import sys; from tests.test_hardening import main_with_a_step_stuck_in_c as run; "
              "sys.exit(run(sys.argv[1:]))")
    paths = [str(ROOT), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))}
    done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b", "c"]
    assert [json.loads(line) for line in report.read_text().splitlines()] == [
        {"id": "s", "source": str(src), "line": 2, "outcome": "skipped", "reason": HUNG}]
    assert "in 4 = out 3 + removed 0 + skipped 1" in done.stderr
