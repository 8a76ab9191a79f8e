"""Guards on the third-party internals cleanseed's fast paths rely on.

Each fast path falls back, or would silently do the slow or wrong thing, if a library renamed
what it reaches into; these tests make such an upgrade fail loudly instead, naming what moved.
"""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import ftfy
import pytest

from cleanseed.boilerplate import ruleset


def test_re2_set_wraps_an_extension_set_whose_match_returns_a_list() -> None:
    """boilerplate.ruleset calls the RE2 extension's Set.Match directly (``_set``), once a line;
    without it the rules still run, through the slower wrapper."""
    compiled = ruleset._set_of(["cookies", "share"])
    extension = getattr(compiled, "_set", None)
    assert extension is not None, "google-re2's Set no longer has _set"
    assert sorted(extension.Match(b"share the cookies")) == [0, 1, 2]
    assert extension.Match(b"") == [0]
    assert ruleset._match_function(compiled) == extension.Match


def test_re2_regexp_wraps_an_extension_whose_match_returns_spans() -> None:
    """encoding.fix calls the RE2 extension's Match directly (``_regexp``), once a suspect line;
    without it the step still runs, through the slower wrapper."""
    import re2

    from cleanseed.encoding import fix

    compiled = re2.compile(b"b+")
    assert compiled._regexp.Match(re2._Anchor.UNANCHORED, b"abba", 0, 4) == [(1, 3)]
    first = fix._finder(compiled)
    assert (first(b"abba", 0), first(b"abba", 3), first(b"aaaa", 0)) == (1, -1, -1)
    wrapper_only = fix._finder(SimpleNamespace(search=compiled.search))  # the slower way
    assert (wrapper_only(b"abba", 0), wrapper_only(b"abba", 3)) == (1, -1)


def test_ftfy_internals_the_encoding_step_reads() -> None:
    """encoding.fix takes ftfy's first round by hand and _badness compiles ftfy's detector."""
    from ftfy.badness import BADNESS_RE
    from ftfy.fixes import unescape_html

    assert isinstance(BADNESS_RE.pattern, str) and BADNESS_RE.pattern
    assert unescape_html("caf&eacute;") == "café"
    fixer = ftfy.TextFixerConfig()
    assert fixer._replace(fix_encoding=False).fix_encoding is False
    assert isinstance(fixer.max_decode_length, int)
    assert ftfy.fix_encoding("cafÃ©", fixer) == "café"  # takes the config, positionally


def test_process_pool_internals_the_workers_kill() -> None:
    """cli._workers kills a stopped pool's workers through ``_processes`` and then closes its
    own copy of the result pipe's writing end (``_result_queue._writer``), or the process may
    hang at exit; a Python that moved either would leave workers running or the hang back."""
    from concurrent.futures import ProcessPoolExecutor

    from cleanseed.cli._workers import _context

    executor = ProcessPoolExecutor(1, mp_context=_context())
    try:
        assert executor.submit(abs, -1).result(timeout=60) == 1
        processes = executor._processes
        assert processes and all(hasattr(p, "kill") for p in processes.values())
        writer = executor._result_queue._writer  # type: ignore[attr-defined]
        assert callable(writer.close) and not writer.closed
    finally:
        executor.shutdown(wait=True)


@pytest.mark.ray
def test_ray_loopback_flag_is_where_the_cluster_code_switches_it() -> None:
    """ray._cluster switches ray._private.ray_constants.ENABLE_RAY_CLUSTER off for a local
    cluster on loopback only."""
    if importlib.util.find_spec("ray") is None:
        pytest.skip("Ray is an optional extra: pip install 'cleanseed[ray]'")
    constants = importlib.import_module("ray._private.ray_constants")
    assert isinstance(constants.ENABLE_RAY_CLUSTER, bool)
