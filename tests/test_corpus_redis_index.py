"""Tests of cleanseed.corpus.redis_index.RedisNearDupIndex against a real redis-server on 127.0.0.1.

The server is started here on a free port, without persistence, checked to listen on 127.0.0.1
only, and always terminated. Without the ``redis-server`` binary the tests are skipped.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupConfig
from cleanseed.errors import ConfigError, InputError, StorageError

REDIS = shutil.which("redis-server")
pytestmark = [pytest.mark.redis,
              pytest.mark.skipif(REDIS is None, reason="redis-server is not installed "
                                 "(Debian package redis-server; .ci/run installs it)")]
WORDS = [f"w{i}" for i in range(5000)]


def doc(start: int, stop: int, *, drop: tuple[int, ...] = ()) -> str:
    return " ".join(WORDS[i] for i in range(start, stop) if i not in drop)


def listening_addresses(port: int) -> set[str]:
    """Addresses with a TCP socket listening on *port*, read from /proc/net/tcp and tcp6."""
    found = set()
    for name, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        path = Path(name)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) != port or fields[3] != "0A":  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # the kernel prints each 32-bit word in host (little-endian) order
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            family = socket.AF_INET if width == 8 else socket.AF_INET6
            found.add(socket.inet_ntop(family, raw))
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def redis_port() -> Iterator[int]:
    """A redis-server of our own, on 127.0.0.1 only, terminated at the end."""
    port = free_port()
    proc = subprocess.Popen(
        [REDIS, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not listening_addresses(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
        assert listening_addresses(port) == {"127.0.0.1"}
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def make_index(redis_port: int, request: pytest.FixtureRequest) -> Iterator[object]:
    made = []

    def make(config: DedupConfig | None = None, name: str | None = None):  # type: ignore[no-untyped-def]
        from cleanseed.corpus.redis_index import RedisNearDupIndex

        index = RedisNearDupIndex(name or request.node.name, config, port=redis_port)
        made.append(index)
        return index

    yield make
    for index in made:
        index.drop()


CORPUS = [doc(0, 200), doc(0, 200, drop=(100,)), doc(300, 500), doc(10, 210), doc(300, 500),
          doc(1000, 1300), "", doc(20, 220), "...", doc(1000, 1300, drop=(1100, 1200))]


def test_the_proc_reader_sees_listening_sockets() -> None:
    """The /proc/net/tcp reader finds a socket we open ourselves, at its address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert listening_addresses(s.getsockname()[1]) == {"127.0.0.1"}


def test_one_client_gives_the_local_result(make_index) -> None:  # type: ignore[no-untyped-def]
    """In one process, the Redis index dedups as NearDupIndex does, across several adds."""
    redis_index, local = make_index(), NearDupIndex()
    docs = [(f"d{i}", t) for i, t in enumerate(CORPUS)]
    for part in (docs[:4], docs[4:7], docs[7:]):
        assert redis_index.add(part) == local.add(part)
    assert len(redis_index) == len(CORPUS)
    assert redis_index.query(CORPUS[1]) == local.query(CORPUS[1])
    assert redis_index.query(doc(4000, 4100)) == []


def test_ids_must_be_unique(make_index) -> None:  # type: ignore[no-untyped-def]
    """An id already stored is refused."""
    index = make_index()
    index.add([("a", CORPUS[0])])
    with pytest.raises(InputError, match="twice"):
        index.add([("a", CORPUS[2])])


def test_index_names_are_plain(redis_port: int) -> None:
    """A name with glob characters (which drop() would expand) is refused."""
    from cleanseed.corpus.redis_index import RedisNearDupIndex

    with pytest.raises(ConfigError, match="name"):
        RedisNearDupIndex("corpus*", port=redis_port)


def test_other_parameters_are_refused(make_index) -> None:  # type: ignore[no-untyped-def]
    """A client with other parameters than the stored ones gets ConfigError."""
    make_index(DedupConfig(threshold=0.8), name="shared-params")
    with pytest.raises(ConfigError, match="other parameters"):
        make_index(DedupConfig(threshold=0.9), name="shared-params")


WORKER = textwrap.dedent("""
    import json, sys
    from cleanseed.corpus.redis_index import RedisNearDupIndex
    port, name, docs = json.loads(sys.stdin.read())
    index = RedisNearDupIndex(name, port=port)
    out = {"kept": [], "removed": {}}
    for i in range(0, len(docs), 5):  # several batches, interleaved with the other worker
        result = index.add([tuple(d) for d in docs[i:i + 5]])
        out["kept"] += result.kept
        out["removed"].update({k: [v.duplicate_of, v.jaccard] for k, v in result.removed.items()})
    print(json.dumps(out))
""")


@pytest.mark.slow
def test_two_processes_dedup_against_one_index(make_index, redis_port: int) -> None:  # type: ignore[no-untyped-def]
    """Two worker processes share one index: each cluster keeps exactly one document."""
    clusters = [[doc(k * 300, k * 300 + 200, drop=(k * 300 + d,)) for d in range(0, 60, 15)]
                for k in range(12)]
    docs = [(f"c{k}v{v}", text) for k, texts in enumerate(clusters) for v, text in
            enumerate(texts)]
    halves = [docs[0::2], docs[1::2]]  # every cluster is split between the two workers
    index = make_index(name="shared")
    procs = [subprocess.Popen([sys.executable, "-c", WORKER], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in halves]
    for proc, half in zip(procs, halves, strict=True):  # both start before either is read
        proc.stdin.write(json.dumps([redis_port, "shared", half]))  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
    outs = []
    for proc in procs:
        stdout, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        outs.append(json.loads(stdout))
    kept = [k for out in outs for k in out["kept"]]
    removed = {k: v for out in outs for k, v in out["removed"].items()}
    assert sorted({k.split("v")[0] for k in kept}) == sorted(f"c{k}" for k in range(12))
    assert len(kept) == 12
    assert len(kept) + len(removed) == len(docs) == len(index)
    for doc_id, (target, jaccard) in removed.items():
        assert target in kept and target.split("v")[0] == doc_id.split("v")[0]
        assert jaccard >= 0.8


def test_a_server_that_is_down_is_a_storage_error() -> None:
    """Nothing listening: a StorageError naming the server, not redis's ConnectionError."""
    from cleanseed.corpus.redis_index import RedisNearDupIndex

    port = free_port()
    with pytest.raises(StorageError, match=f"127.0.0.1:{port}") as caught:
        RedisNearDupIndex("down", port=port)
    assert "ConnectionError" in str(caught.value)


def _on_alarm(signum: int, frame: object) -> None:
    raise TimeoutError("add() did not return: a loop in the parent chain")


def test_a_parent_chain_that_loops_is_detected(make_index) -> None:  # type: ignore[no-untyped-def]
    """A parent pointer edited in Redis to make a loop (0 -> 1 -> 0) is reported as damage;
    add() used to follow it for ever."""
    index = make_index()
    index.add([("a", doc(0, 100)), ("b", doc(0, 100, drop=(50,)))])
    index._redis.hset(index._key("parent"), 0, 1)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(30)
    try:
        with pytest.raises(StorageError, match="damaged: document 0 has the parent"):
            index.add([("c", doc(0, 100, drop=(60,)))])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
