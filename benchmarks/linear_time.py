"""Time against input size: every step on adversarial inputs, from 1 KB to 10 MB.

    python benchmarks/linear_time.py [--max-size 10M] [--cap SECONDS] [--steps NAME ...]
        [--inputs NAME ...]

For each step and each adversarial input (long runs of spaces, repeated separators, almost-
matching banner text, one huge line, many short lines, nested HTML, unclosed tags between stray
end tags, ...) the script times one
call at 1 KB, 10 KB, 100 KB, 1 MB and 10 MB of input and prints seconds. ``ratio`` is the time at
the largest size measured divided by the linear expectation scaled from 1 KB (``t(1KB) * n /
1KB``); ``step`` is the growth from the size before it, divided by 10. A ratio or a step above 3
is flagged SUPERLINEAR. Small inputs are timed as the best of repeated calls (the 1 KB figure
includes each call's fixed overhead, so a linear step shows a ratio below 1).

CPU time of this process is measured (``time.process_time``), so other load on the machine
disturbs the figures less than wall time would. A call that has used ``--cap`` seconds of CPU is
stopped (a watchdog thread interrupts it) and shown as ``>cap``; larger sizes of that row are
not tried. If the cap is more than 3 times the linear expectation (ten times the time at the
size before), being stopped is itself flagged SUPERLINEAR.
"""

from __future__ import annotations

import _thread
import argparse
import functools
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType

import cleanseed

KB = 1024
SIZES = {"1K": KB, "10K": 10 * KB, "100K": 100 * KB, "1M": KB * KB, "10M": 10 * KB * KB}
FLAG = 3.0


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _nested_html(size: int) -> str:
    depth = max(1, size // 11)
    return "<div>" * depth + "x" + "</div>" * depth


def _nested_table(size: int) -> str:
    return _repeat("<table><tr><td>", size)


def _stray_end_tags(size: int) -> str:
    # legacy markup: a <font> opened on every line and never closed, each line ending in a </p>
    # that closes nothing, so the parser's stack grows and each </p> looks through all of it
    return _repeat("<font>line</p>\n", size)


def _nested_text(size: int) -> str:
    # text between the tags on the way out: each piece joins an element that already holds one
    depth = max(1, size // 17)
    return "<span>a " * depth + "</span> b" * depth


def _distinct_lines(size: int) -> str:
    out, total, i = [], 0, 0
    while total < size:
        line = f"Sentence {i} of the report, about item {i * 7919 % 10007}.\n"
        out.append(line)
        total += len(line)
        i += 1
    return "".join(out)[:size]


#: name -> make(size) -> an input of about ``size`` characters
INPUTS: dict[str, Callable[[int], str]] = {
    "spaces": functools.partial(_repeat, " "),
    "separators": functools.partial(_repeat, "| "),
    "almost-banner": functools.partial(
        _repeat, "We use cookies to improve your experience. By continuing you agre\n"),
    "huge-line": functools.partial(_repeat, "word "),
    "short-lines": functools.partial(_repeat, "ab\n"),
    "crlf-runs": functools.partial(_repeat, "\n\r\n\r"),
    "distinct-lines": _distinct_lines,
    "nested-html": _nested_html,
    "nested-table": _nested_table,
    "stray-end-tags": _stray_end_tags,
    "nested-text": _nested_text,
}


def _steps() -> dict[str, Callable[[str], object]]:
    steps: dict[str, Callable[[str], object]] = {
        "clean": cleanseed.clean,
        "explain": cleanseed.explain,
        "fix_encoding": cleanseed.fix_encoding,
        "strip_boilerplate": cleanseed.strip_boilerplate,
        "dedup_paragraphs": cleanseed.dedup_paragraphs,
    }
    steps["html_to_text"] = cleanseed.html_to_text
    steps["clean_html"] = cleanseed.clean_html
    return steps


class OverCap(BaseException):
    """A call used more CPU time than the cap. (BaseException: no step's handler catches it.)"""


def _over_cap(signum: int, frame: FrameType | None) -> None:
    raise OverCap


def _capped(fn: Callable[[str], object], text: str, cap: float) -> float:
    """Return the CPU seconds of ``fn(text)``; interrupt it after *cap* seconds of CPU."""
    done = threading.Event()
    limit = time.process_time() + cap

    def watch() -> None:
        while not done.wait(0.05):
            if time.process_time() > limit:
                _thread.interrupt_main(signal.SIGUSR1)
                return

    previous = signal.signal(signal.SIGUSR1, _over_cap)
    watchdog = threading.Thread(target=watch, daemon=True)
    watchdog.start()
    try:
        start = time.process_time()
        fn(text)
        return time.process_time() - start
    finally:
        done.set()
        watchdog.join()
        signal.signal(signal.SIGUSR1, previous)


def _time(fn: Callable[[str], object], text: str, cap: float) -> float:
    """CPU seconds of one call; small inputs: the best of calls that add up to ~0.2 s."""
    best = float("inf")
    spent = 0.0
    while spent < 0.2:
        took = max(_capped(fn, text, cap), 1e-7)  # never 0, even below the clock's resolution
        best, spent = min(best, took), spent + took
        if took > 0.05:
            break
    return best


def _row(name: str, fn: Callable[[str], object], make: Callable[[int], str],
         sizes: list[str], cap: float) -> tuple[list[str], str]:
    cells: list[str] = []
    times: dict[str, float] = {}
    stopped = False
    for label in sizes:
        try:
            times[label] = _time(fn, make(SIZES[label]), cap)
        except OverCap:
            cells.append(f">{cap:g}")
            stopped = True
            break
        cells.append(f"{times[label]:.4f}")
    cells += ["-"] * (len(sizes) - len(cells))
    measured = [s for s in sizes if s in times]
    if not measured:
        return cells, "stopped at the smallest size"
    last = measured[-1]
    ratio = times[last] / (times[sizes[0]] * SIZES[last] / SIZES[sizes[0]] or 1e-9)
    step = times[last] / (10 * times[measured[-2]]) if len(measured) > 1 else 1.0
    flag = "SUPERLINEAR" if ratio > FLAG or step > FLAG else ""
    if stopped:  # the size after the last one measured was stopped at the cap
        at_least = cap / (10 * times[last])
        if at_least > FLAG:
            flag = f"SUPERLINEAR (next step >= {at_least:.1f})"
        else:
            flag = f"{flag} stopped".strip()
    return cells, f"{ratio:7.2f} {step:6.2f}  {flag}"


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 1 if any row was flagged superlinear."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-size", choices=list(SIZES), default="10M")
    parser.add_argument("--cap", type=float, default=60.0,
                        help="stop a call after this many seconds (default 60)")
    steps = _steps()
    parser.add_argument("--steps", nargs="+", choices=list(steps), default=list(steps))
    parser.add_argument("--inputs", nargs="+", choices=list(INPUTS), default=list(INPUTS))
    args = parser.parse_args(argv)
    sizes = list(SIZES)[: list(SIZES).index(args.max_size) + 1]
    print(f"{'step':<18}{'input':<16}" + "".join(f"{s:>10}" for s in sizes)
          + "   ratio   step  (seconds of CPU per call)")
    flagged = False
    for step in args.steps:
        for name in args.inputs:
            cells, verdict = _row(step, steps[step], INPUTS[name], sizes, args.cap)
            flagged |= "SUPERLINEAR" in verdict
            print(f"{step:<18}{name:<16}" + "".join(f"{c:>10}" for c in cells) + "  " + verdict,
                  flush=True)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
