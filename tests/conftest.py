"""Shared test set-up: Hypothesis profiles (``HYPOTHESIS_PROFILE=ci`` runs more examples), the
one Ray cluster of a test session, and the order that lets it be one."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile(
    "fuzz", max_examples=20000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: The shared cluster's object store, in bytes.
OBJECT_STORE = 300 * 2**20


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """One local Ray cluster (2 CPUs, 300 MB object store) for the whole session, always shut
    down at its end: starting one takes seconds and hundreds of megabytes."""
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'cleanseed[ray]'")
    import ray

    import cleanseed.ray as cr

    with cr.local_cluster(num_cpus=2, object_store_memory=OBJECT_STORE) as info:
        with warnings.catch_warnings():
            # Ray's DataContext warns about its own deprecated fields when it is first built.
            warnings.simplefilter("ignore", DeprecationWarning)
            context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        context.raise_original_map_exception = True  # cleanseed's errors, not Ray's wrapper
        yield info


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the shared cluster run last. A test that starts a cluster of its own (the
    command line's ``--engine ray``, a fresh process, a refused second cluster) needs no other
    running in the process, and the shared one runs from its first test to the session's end."""
    items.sort(key=lambda item: "cluster" in getattr(item, "fixturenames", ()))
