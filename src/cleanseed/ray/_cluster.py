"""Start a Ray cluster on this machine that nobody else can reach, or join one that exists.

A plain ``ray.init()`` on Linux advertises the machine's network address and its servers listen
on every interface: anyone on the network can then submit code to it. The cluster started here
listens on 127.0.0.1 only, runs no dashboard, sends no usage statistics and has a fixed number of
CPUs and a capped object store, so it neither leaks nor takes the whole machine.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from cleanseed import _validate
from cleanseed.errors import CleanseedError, ConfigError

__all__ = [
    "DEFAULT_OBJECT_STORE",
    "LOOPBACK",
    "SAFE_ENV",
    "ClusterInfo",
    "connect",
    "local_cluster",
    "num_workers",
    "require_cluster",
]

LOOPBACK = "127.0.0.1"
#: Set before Ray starts. ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0`` is what keeps a local node on
#: the loopback address: without it Ray swaps 127.0.0.1 for the machine's network address.
SAFE_ENV: Mapping[str, str] = {
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
}
#: The object store spills to disk beyond this; Ray's own default is 30 % of the machine's memory.
DEFAULT_OBJECT_STORE = 1 << 30
# Ray refuses an object store smaller than this.
_MIN_OBJECT_STORE = 75 * 1024 * 1024


class ClusterInfo(NamedTuple):
    """Where the cluster is, and how many CPUs its workers have in all."""

    address: str
    node_ip: str
    num_cpus: int


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of the block, then put back what was there."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, old in saved.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old


@contextlib.contextmanager
def _loopback_only() -> Iterator[Any]:
    """Import Ray with :data:`SAFE_ENV` set, and keep it in loopback mode during the block.

    Ray reads ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER`` once, when it is first imported. If the caller
    imported Ray earlier, setting the variable now changes nothing, so the flag Ray computed from
    it is switched too, and switched back afterwards: a later ``ray.init(address=...)`` that joins
    a real cluster must advertise the machine's network address again.
    """
    with _environment(SAFE_ENV):
        ray = importlib.import_module("ray")
        constants: Any = importlib.import_module("ray._private.ray_constants")
        flag = constants.ENABLE_RAY_CLUSTER
        constants.ENABLE_RAY_CLUSTER = False
        try:
            yield ray
        finally:
            constants.ENABLE_RAY_CLUSTER = flag


def _check_sizes(num_cpus: int | None, object_store_memory: int) -> int:
    cpus = (os.cpu_count() or 1) if num_cpus is None else num_cpus
    _validate.integer("num_cpus", cpus, low=1)
    _validate.integer("object_store_memory (bytes)", object_store_memory, low=_MIN_OBJECT_STORE)
    return cpus


def _refuse_running(ray: Any) -> None:
    if ray.is_initialized():
        msg = ("Ray is already initialised in this process; call ray.shutdown() first, or use the "
               "running cluster without starting another")
        raise ConfigError(msg)


@contextlib.contextmanager
def local_cluster(*, num_cpus: int | None = None,
                  object_store_memory: int = DEFAULT_OBJECT_STORE) -> Iterator[ClusterInfo]:
    """Start a single-node Ray cluster reachable from this machine only; shut it down on exit.

    The node binds to 127.0.0.1, has no dashboard, sends no usage statistics, uses *num_cpus* CPUs
    (default: all of this machine's) and an object store of *object_store_memory* bytes.

    >>> with local_cluster(num_cpus=2, object_store_memory=300 * 2**20) as info:  # doctest: +SKIP
    ...     info.node_ip
    '127.0.0.1'
    """
    cpus = _check_sizes(num_cpus, object_store_memory)
    with _loopback_only() as ray:
        _refuse_running(ray)
        context = ray.init(
            num_cpus=cpus,
            object_store_memory=object_store_memory,
            include_dashboard=False,
            _node_ip_address=LOOPBACK,
            logging_level=logging.WARNING,
        )
        try:
            info = ClusterInfo(context.address_info["gcs_address"],
                               context.address_info["node_ip_address"], cpus)
            if info.node_ip != LOOPBACK:
                msg = f"the local Ray node came up on {info.node_ip}, not {LOOPBACK}; stopped it"
                raise CleanseedError(msg)
            yield info
        finally:
            ray.shutdown()


@contextlib.contextmanager
def connect(address: str) -> Iterator[ClusterInfo]:
    """Join the running Ray cluster at *address* (``host:port`` or ``ray://...``); leave it on exit.

    The cluster is someone else's: its security settings are theirs. Only the usage statistics of
    this driver are switched off.
    """
    if not isinstance(address, str) or not address:
        msg = f"address must be a non-empty str such as '10.0.0.5:6379', got {address!r}"
        raise ConfigError(msg)
    with _environment({"RAY_USAGE_STATS_ENABLED": "0"}):
        ray = importlib.import_module("ray")
        _refuse_running(ray)
        ray.init(address=address, logging_level=logging.WARNING)
        try:
            node_ip = ray.util.get_node_ip_address()
            yield ClusterInfo(address, node_ip, num_workers())
        finally:
            ray.shutdown()


def require_cluster() -> Any:
    """Return the ``ray`` module if this process is connected to a cluster; raise if not.

    Ray Data starts a cluster of its own when none is running, with Ray's defaults (listening on
    every interface). cleanseed never lets that happen behind the caller's back.
    """
    ray = importlib.import_module("ray")
    if not ray.is_initialized():
        msg = ("no Ray cluster in this process: start one with cleanseed.ray.local_cluster(), or "
               "join one with ray.init(address=...)")
        raise ConfigError(msg)
    return ray


def num_workers() -> int:
    """Return how many CPUs the connected cluster has in all (at least 1)."""
    ray = require_cluster()
    return max(1, int(ray.cluster_resources().get("CPU", 1)))
