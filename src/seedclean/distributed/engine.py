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

__all__ = ["INSTALL_HINT", "DaskMissingError", "connected", "require_dask", "total_threads"]

INSTALL_HINT = 'pip install "seedclean[dask]"'


class DaskMissingError(ImportError):
    """Dask or distributed is not installed (the ``dask`` extra is missing)."""


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
        with distributed.Client(scheduler) as remote:
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
