"""Tests of cleanseed on Ray: a local cluster nobody else can reach, cleaning, Parquet/JSONL I/O.

Tests on a cluster share one small cluster (2 CPUs, 300 MB object store), started once for
the session (``cluster`` in tests/conftest.py).
"""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import os
import random
import re
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any, NamedTuple

import pytest

if importlib.util.find_spec("ray") is None:
    pytest.skip("Ray is an optional extra: pip install 'cleanseed[ray]'", allow_module_level=True)

import pyarrow as pa
import pyarrow.parquet as pq
import ray
from tests.strategies import FRAGMENTS

import cleanseed
import cleanseed.ray as cr
from cleanseed.errors import ConfigError, InputError, InputTypeError
from cleanseed.ray import _cluster
from cleanseed.ray._blocks import MAX_ROWS_PER_BLOCK, MIN_ROWS_PER_BLOCK, balance
from cleanseed.ray._io import RECORD

pytestmark = pytest.mark.ray

needs_proc = pytest.mark.skipif(not Path("/proc/net/tcp").exists(),
                                reason="the socket checks read Linux's /proc")

OBJECT_STORE = 300 * 2**20  # the shared cluster's (tests/conftest.py)

#: The only addresses a local cluster may listen on. ``::ffff:127.0.0.1`` is how a gRPC server
#: bound to 127.0.0.1 on a dual-stack socket shows in /proc/net/tcp6.
LOOPBACK = frozenset({
    ipaddress.ip_address("127.0.0.1"),
    ipaddress.ip_address("::1"),
    ipaddress.ip_address("::ffff:127.0.0.1"),
})
_LISTEN = "0A"  # TCP state code of a listening socket in /proc/net/tcp


class Listener(NamedTuple):
    """A listening TCP socket: address, port and the process holding it."""

    address: ipaddress.IPv4Address | ipaddress.IPv6Address
    port: int
    pid: int


def descendants(root: int) -> set[int]:
    """Return *root* and every process descended from it (children, grandchildren, ...)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended while we looked
            continue
        # The command name is in parentheses and may hold spaces: the ppid follows the last ")".
        ppid = int(text.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found = {root}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _socket_inodes(pids: set[int]) -> dict[str, int]:
    inodes: dict[str, int] = {}
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                link = str(fd.readlink())
            except OSError:
                continue
            if link.startswith("socket:["):
                inodes[link[len("socket:["):-1]] = pid
    return inodes


def _address(hex_ip: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    raw = bytes.fromhex(hex_ip)
    # The kernel prints each 32-bit word in host (little-endian) byte order.
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return ipaddress.ip_address(words)


def listeners(pids: set[int]) -> list[Listener]:
    """Return the listening TCP sockets (IPv4 and IPv6) held by *pids*."""
    inodes = _socket_inodes(pids)
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] != _LISTEN or fields[9] not in inodes:
                continue
            hex_ip, hex_port = fields[1].split(":")
            found.append(Listener(_address(hex_ip), int(hex_port, 16), inodes[fields[9]]))
    return found


def cmdline(pid: int) -> list[str]:
    """Return the command line of *pid* (empty if it has ended)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def environ(pid: int) -> dict[str, str]:
    """Return the environment *pid* started with (empty if it has ended)."""
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace")
    except OSError:
        return {}
    return dict(item.split("=", 1) for item in raw.split("\0") if "=" in item)


def corpus(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """*n* records of scraped-looking text: prose mixed with the fragments the rules remove."""
    rng = random.Random(seed)
    words = ["the", "cat", "sat", "on", "a", "mat", "while", "rain", "fell", "over", "quiet",
             "hills", "and", "rivers", "ran"]
    records = []
    for i in range(n):
        lines = [" ".join(rng.choices(words, k=rng.randint(4, 14)))
                 for _ in range(rng.randint(1, 5))]
        lines += rng.sample(FRAGMENTS, k=rng.randint(0, 3))
        rng.shuffle(lines)
        records.append({"id": f"doc-{i}", "text": "\n".join(lines), "lang": "en"})
    return records


@ray.remote
def _pid() -> int:
    return os.getpid()


# --- the cluster is reachable from this machine only ---------------------------------------


def test_listener_check_sees_a_socket_on_every_interface() -> None:
    """The socket check itself works: a socket bound to 0.0.0.0 is found and is not loopback."""
    with socket.socket() as sock:
        sock.bind(("0.0.0.0", 0))
        sock.listen()
        port = sock.getsockname()[1]
        found = [s for s in listeners({os.getpid()}) if s.port == port]
    assert [s.address for s in found] == [ipaddress.ip_address("0.0.0.0")]
    assert found[0].address not in LOOPBACK


@needs_proc
def test_every_cluster_socket_listens_on_loopback_only(cluster: cr.ClusterInfo) -> None:
    """Every process of the cluster (GCS, raylet, workers, agents, driver) listens on loopback."""
    ray.get([_pid.remote() for _ in range(4)])  # make sure workers are up
    pids = descendants(os.getpid())
    found = listeners(pids)
    assert len({s.pid for s in found}) >= 3  # driver, GCS, raylet at least: the check saw them
    assert [s for s in found if s.address not in LOOPBACK] == []
    assert cluster.node_ip == "127.0.0.1"
    assert cluster.address.startswith("127.0.0.1:")


@needs_proc
def test_no_dashboard_and_no_usage_statistics(cluster: cr.ClusterInfo) -> None:
    """No dashboard web server runs, and the cluster processes have usage statistics off."""
    pids = descendants(os.getpid()) - {os.getpid()}
    dashboards = [cmdline(p) for p in pids if any("dashboard.py" in a for a in cmdline(p))]
    # Ray still runs a headless dashboard process; it must not serve the web front end.
    assert all("--disable-frontend" in args for args in dashboards)
    assert 8265 not in {s.port for s in listeners(pids)}
    servers = [p for p in pids if Path(cmdline(p)[0]).name in ("gcs_server", "raylet")]
    assert len(servers) == 2
    assert all(environ(p).get("RAY_USAGE_STATS_ENABLED") == "0" for p in servers)


_FRESH_PROCESS = """
import json, os, sys
import cleanseed.ray as cr
assert "ray" not in sys.modules
with cr.local_cluster(num_cpus=1, object_store_memory=100 * 2**20):
    from ray._private import ray_constants
    print(json.dumps({"pid": os.getpid(), "flag": ray_constants.ENABLE_RAY_CLUSTER}), flush=True)
    sys.stdin.readline()  # the parent looks at the sockets meanwhile
"""

_JOIN = """
import json, sys
import cleanseed.ray as cr
with cr.connect(sys.argv[1]) as info:
    import ray
    ray.data.DataContext.get_current().enable_progress_bars = False
    out = cr.clean(ray.data.from_items([{"text": "Advertisement\\nHello, world."}])).take_all()
    print(json.dumps({"num_cpus": info.num_cpus, "rows": out}))
"""


@needs_proc
def test_cluster_started_before_ray_is_imported_is_loopback_only() -> None:
    """In a fresh process (Ray not yet imported), the variables set before the import keep the
    node on loopback, with Ray's own flag off."""
    with subprocess.Popen([sys.executable, "-c", _FRESH_PROCESS], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdin is not None
        try:
            report = json.loads(child.stdout.readline())
            found = listeners(descendants(report["pid"]))
            child.stdin.write("done\n")
            child.stdin.flush()
            assert child.wait(timeout=120) == 0
        finally:
            if child.poll() is None:
                child.kill()
    assert report["flag"] is False
    assert len({s.pid for s in found}) >= 3
    assert [s for s in found if s.address not in LOOPBACK] == []


def test_another_process_joins_the_cluster(cluster: cr.ClusterInfo) -> None:
    """connect() joins a running cluster at its address and runs work there."""
    done = subprocess.run([sys.executable, "-c", _JOIN, cluster.address], capture_output=True,
                          text=True, timeout=300, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"num_cpus": 2, "rows": [{"text": "Hello, world."}]}


def test_cpus_and_object_store_are_capped(cluster: cr.ClusterInfo) -> None:
    """The cluster has the CPUs and the object store it was asked for, no more."""
    resources = ray.cluster_resources()
    assert resources["CPU"] == 2 == cluster.num_cpus
    assert resources["object_store_memory"] == OBJECT_STORE


def test_second_cluster_in_the_same_process_is_refused(cluster: cr.ClusterInfo) -> None:
    """local_cluster never takes over a cluster that is already running."""
    with pytest.raises(ConfigError, match="already initialised"), cr.local_cluster(num_cpus=1):
        pass
    assert ray.is_initialized()


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"num_cpus": 0}, "num_cpus"),
    ({"num_cpus": 1.5}, "num_cpus"),
    ({"num_cpus": True}, "num_cpus"),
    ({"object_store_memory": 1000}, "object_store_memory"),
])
def test_bad_cluster_sizes_are_refused(kwargs: dict[str, Any], match: str) -> None:
    """Sizes are checked before anything starts."""
    with pytest.raises(ConfigError, match=match), cr.local_cluster(**kwargs):
        pass


def test_loopback_mode_is_undone_afterwards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray's cluster flag and the environment are put back, so a later ray.init can join a real
    cluster with the machine's own address."""
    constants = pytest.importorskip("ray._private.ray_constants")
    monkeypatch.setattr(constants, "ENABLE_RAY_CLUSTER", True)
    monkeypatch.delenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", raising=False)
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "1")
    with _cluster._loopback_only():
        assert constants.ENABLE_RAY_CLUSTER is False
        assert os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] == "0"
        assert os.environ["RAY_USAGE_STATS_ENABLED"] == "0"
    assert constants.ENABLE_RAY_CLUSTER is True
    assert "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER" not in os.environ
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "1"


def test_nothing_runs_without_a_cluster(cluster: cr.ClusterInfo,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """cleanseed never lets Ray Data start a default (all-interfaces) cluster on its own."""
    ds = ray.data.from_items([{"text": "x"}])
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    with pytest.raises(ConfigError, match="no Ray cluster"):
        cr.clean(ds)


# --- cleaning ------------------------------------------------------------------------------


def test_clean_gives_what_cleanseed_clean_gives(cluster: cr.ClusterInfo) -> None:
    """Every text is cleaned exactly as the local cleanseed.clean cleans it; no row is dropped,
    other columns pass through."""
    records = corpus(600)
    ds = ray.data.from_items(records, override_num_blocks=4)
    out = cr.clean(ds, text_column="text").take_all()
    assert sorted(r["id"] for r in out) == sorted(r["id"] for r in records)
    by_id = {r["id"]: r for r in out}
    for record in records:
        assert by_id[record["id"]] == {**record, "text": cleanseed.clean(record["text"])}
    assert any(r["text"] != by_id[r["id"]]["text"] for r in records)  # the rules did fire


def test_clean_explains_as_json_when_asked(cluster: cr.ClusterInfo) -> None:
    """With explain=True each row carries its removals as JSON: what cleanseed.explain gives."""
    records = corpus(200, seed=3)
    ds = ray.data.from_items(records, override_num_blocks=4)
    out = cr.clean(ds, explain=True, explain_column="why").take_all()
    for row in out:
        text = next(r["text"] for r in records if r["id"] == row["id"])
        expected = cleanseed.explain(text)
        assert row["text"] == expected.text
        assert json.loads(row["why"]) == [r.as_dict() for r in expected.removals]
    assert any(json.loads(row["why"]) for row in out)


def test_clean_takes_a_users_pipeline(cluster: cr.ClusterInfo) -> None:
    """Any str -> str step composes; the default is not forced on the caller."""
    ds = ray.data.from_items([{"body": "  Hello  "}, {"body": "World "}])
    out = cr.clean(ds, text_column="body", pipeline=str.strip).take_all()
    assert sorted(r["body"] for r in out) == ["Hello", "World"]


def test_clean_names_a_missing_column(cluster: cr.ClusterInfo) -> None:
    """A wrong text_column is a ConfigError that lists the columns there are: at once when the
    schema is known, from the workers when it is not."""
    with pytest.raises(ConfigError, match="'content' is not a column"):
        cr.clean(ray.data.from_items([{"text": "a"}]), text_column="content")
    lazy = ray.data.from_items([{"text": "a"}]).map(lambda row: row)
    with pytest.raises(ConfigError, match="'content' is not a column"):
        cr.clean(lazy, text_column="content").take_all()


def test_clean_refuses_a_null_text(cluster: cr.ClusterInfo) -> None:
    """A null where text should be is an InputTypeError, not a silently empty document."""
    with pytest.raises(InputTypeError, match="expected str, got NoneType"):
        cr.clean(ray.data.from_items([{"text": "a"}, {"text": None}])).take_all()


def test_explain_column_must_not_overwrite_the_text() -> None:
    """Asking to put explanations over the text column is refused before anything runs."""
    with pytest.raises(ConfigError, match="explain_column"):
        cr.clean(None, explain=True, explain_column="text")  # type: ignore[arg-type]


# --- every worker gets work ----------------------------------------------------------------


@pytest.mark.parametrize(("rows", "workers", "expected"), [
    (1000, 2, 125), (0, 4, MIN_ROWS_PER_BLOCK), (None, 4, MAX_ROWS_PER_BLOCK),
    (10**9, 64, MAX_ROWS_PER_BLOCK), (100, 1, 25),
])
def test_rows_per_block(rows: int | None, workers: int, expected: int) -> None:
    """Small inputs make several blocks per worker; large ones, blocks of bounded size."""
    assert cr.rows_per_block(rows, workers) == expected


def test_small_file_is_spread_over_every_worker(cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """One small Parquet file, which Ray reads as one block, is cut into blocks for every worker
    and cleaned block by block."""
    path = tmp_path / "small.parquet"
    pq.write_table(pa.Table.from_pylist(corpus(1000)), path)
    ds, rows = cr.read(str(path))
    assert rows == 1000
    raw = ds.materialize()
    assert raw.num_blocks() == 1  # what Ray does on its own
    assert balance(raw, cluster.num_cpus).materialize().num_blocks() >= 2 * cluster.num_cpus

    def tag(table: pa.Table) -> pa.Table:
        return table.append_column("batch", pa.array([uuid.uuid4().hex] * table.num_rows))

    batches = {r["batch"] for r in cr.clean(raw).map_batches(tag, batch_format="pyarrow")
               .select_columns(["batch"]).take_all()}
    # cleaning ran as several tasks, enough for every worker (which runs them is Ray's choice)
    assert len(batches) >= 2 * cluster.num_cpus


# --- Parquet and JSONL in and out ----------------------------------------------------------


@pytest.mark.parametrize("name", ["out.parquet", "out.jsonl", "out.jsonl.gz"])
def test_single_file_round_trip(cluster: cr.ClusterInfo, tmp_path: Path, name: str) -> None:
    """What write puts in one file, read gives back: same rows, same fields, a right row count."""
    records = corpus(300, seed=11)
    assert cr.write(ray.data.from_items(records, override_num_blocks=4), tmp_path / name) == 300
    ds, rows = cr.read(str(tmp_path / name))
    assert rows == 300
    assert sorted(ds.take_all(), key=lambda r: r["id"]) == sorted(records, key=lambda r: r["id"])


def test_read_keeps_file_order(cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """Rows come in file order, then row-group order, then row order: the local reading order
    (dedup keeps the first document of a cluster, so order decides what is kept)."""
    records = corpus(300, seed=13)
    pq.write_table(pa.Table.from_pylist(records[:200]), tmp_path / "a.parquet", row_group_size=30)
    pq.write_table(pa.Table.from_pylist(records[200:]), tmp_path / "b.parquet", row_group_size=30)
    ds, rows = cr.read(str(tmp_path))
    assert rows == 300
    ds.context.execution_options.preserve_order = True
    assert ds.take_all() == records


def test_unicode_survives_jsonl(cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """JSONL output is UTF-8 as written, not ASCII escapes, and reads back the same."""
    records = [{"id": "a", "text": "本网站使用cookie。 Straße"}]
    cr.write(ray.data.from_items(records, override_num_blocks=4), tmp_path / "u.jsonl")
    assert "本网站" in (tmp_path / "u.jsonl").read_text(encoding="utf-8")
    assert cr.read(str(tmp_path / "u.jsonl")).dataset.take_all() == records


def test_folder_output_and_folder_input(cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """A path without a suffix is a folder of part files written by the workers; it reads back."""
    records = corpus(400, seed=5)
    parts = ray.data.from_items(records, override_num_blocks=3)
    assert cr.write(parts, tmp_path / "parts", fmt="parquet") is None
    assert len(list((tmp_path / "parts").glob("*.parquet"))) >= 2
    ds, rows = cr.read(str(tmp_path / "parts"))
    assert rows == 400
    assert sorted(r["id"] for r in ds.take_all()) == sorted(r["id"] for r in records)


def test_unreadable_inputs_are_reported(cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """Missing files, empty folders, mixed formats and unknown output names are clear errors."""
    with pytest.raises(InputError, match="no such file"):
        cr.read(str(tmp_path / "missing.parquet"))
    with pytest.raises(InputError, match="no Parquet or JSONL files"):
        cr.read(str(tmp_path))
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n')
    pq.write_table(pa.table({"text": ["y"]}), tmp_path / "b.parquet")
    with pytest.raises(ConfigError, match="must all be Parquet or all JSONL"):
        cr.read([str(tmp_path / "a.jsonl"), str(tmp_path / "b.parquet")])
    with pytest.raises(ConfigError, match="output format"):
        cr.write(ray.data.from_items([{"text": "x"}]), tmp_path / "out")


def test_failed_write_leaves_no_file(cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """A run that fails while writing leaves no half-written output behind."""
    with pytest.raises(InputTypeError):
        cr.write(cr.clean(ray.data.from_items([{"text": None}])), tmp_path / "out.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_records_read_with_a_text_column_are_written_back_as_they_came(
        cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """With a text_column, JSONL records skip Arrow's typing: two string columns, and part files
    that hold the input lines byte for byte. Parquet output of them is refused, not retyped."""
    lines = [json.dumps({"id": i, "text": f"doc {i}", "when": "2020-01-01T00:00:00",
                         "big": 2**64 + i, "f": 1.0, "mixed": "7" if i % 2 else 7,
                         "nested": {"k" * (i % 3): [None, i]}, "ключ": None},
                        ensure_ascii=False) + "\n" for i in range(40)]
    (tmp_path / "in.jsonl").write_text("".join(lines), encoding="utf-8")
    ds, rows = cr.read(str(tmp_path / "in.jsonl"), text_column="text")
    assert rows == 40
    assert ds.schema().names == ["text", RECORD]
    assert cr.write(ds.repartition(3), tmp_path / "parts", fmt="jsonl") is None
    parts = sorted((tmp_path / "parts").glob("*.jsonl"))
    assert len(parts) == 3
    written = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines(True)]
    assert sorted(written) == sorted(lines)
    with pytest.raises(ConfigError, match=r"name the output \.jsonl"):
        cr.write(ds, tmp_path / "out.parquet")
    with pytest.raises(ConfigError, match=r"name the output \.jsonl"):
        cr.write(ds, tmp_path / "pq", fmt="parquet")
    assert not (tmp_path / "out.parquet").exists()


def test_record_without_text_is_named_as_the_local_engine_names_it(
        cluster: cr.ClusterInfo, tmp_path: Path) -> None:
    """Read with a text_column, a record whose text is missing stops the read with the
    InputError of the local reader: the file, the line, the field."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "a"}\n\n{"body": "b"}\n')
    with pytest.raises(InputError, match=re.escape(f"{source}:3 (field 'text'): missing field")):
        cr.read(str(source), text_column="text").dataset.take_all()
