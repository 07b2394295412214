"""Connecting to Dask: a clear error without the extra, and a cluster that is closed when done.

Dask is optional (``pip install "seedclean[dask]"``); nothing in seedclean
imports it until a distributed function runs, so the base install and
``import seedclean`` never need it.

* ``client`` given: use it, leave it open (the caller owns it).
* ``scheduler`` given (``tcp://host:8786``): connect with ``distributed.Client``
  and close that client afterwards (the cluster itself keeps running).
* neither: start a ``LocalCluster`` of worker *processes*, one single-threaded
  worker per core (cleaning and sketching are CPU-bound Python and numpy;
  threads would fight over the GIL), and shut it down afterwards.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterator
from typing import Any

__all__ = [
    "CONNECT_TIMEOUT",
    "INSTALL_HINT",
    "DaskMissingError",
    "SchedulerError",
    "connected",
    "require_dask",
    "total_threads",
]

INSTALL_HINT = 'pip install "seedclean[dask]"'


#: Seconds to wait for a scheduler given by address (``SEEDCLEAN_DASK_TIMEOUT`` overrides).
CONNECT_TIMEOUT = 10.0


class DaskMissingError(ImportError):
    """Dask or distributed is not installed (the ``dask`` extra is missing)."""


class SchedulerError(ConnectionError):
    """The scheduler address is malformed or nothing answers there (the CLI exits 2)."""


def _connect(distributed: Any, scheduler: str) -> Any:
    timeout = float(os.environ.get("SEEDCLEAN_DASK_TIMEOUT", CONNECT_TIMEOUT))
    try:
        return distributed.Client(scheduler, timeout=timeout)
    except (OSError, ValueError, TypeError) as exc:  # TimeoutError is an OSError
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SchedulerError(
            f"cannot connect to the Dask scheduler at {scheduler!r} ({reason}); "
            "check --scheduler (tcp://host:8786), or leave it out to start a local cluster"
        ) from exc


def require_dask() -> tuple[Any, Any]:
    """Import ``dask.bag`` and ``distributed``, or explain how to install them.

    Raises:
        DaskMissingError: naming ``pip install "seedclean[dask]"``.
    """
    try:
        bag = importlib.import_module("dask.bag")
        distributed = importlib.import_module("distributed")
    except ImportError as exc:
        raise DaskMissingError(
            f"the Dask engine needs dask and distributed ({exc.name or exc} is missing); "
            f"install them with: {INSTALL_HINT}"
        ) from exc
    return bag, distributed


@contextlib.contextmanager
def connected(client: Any = None, scheduler: str | None = None) -> Iterator[Any]:
    """Yield a ``distributed.Client``; close whatever this call started.

    Args:
        client: an open client to use as it is.
        scheduler: a scheduler address to connect to.
    """
    _bag, distributed = require_dask()
    if client is not None:
        yield client
        return
    if scheduler:
        with _connect(distributed, scheduler) as remote:
            yield remote
        return
    workers = os.cpu_count() or 1
    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
        ) as cluster,
        distributed.Client(cluster) as local,
    ):
        yield local


def total_threads(client: Any) -> int:
    """Worker threads of the cluster ``client`` talks to (at least 1)."""
    threads: dict[str, int] = client.nthreads()
    return max(1, sum(threads.values()))
