"""What ``seedclean clean|dedup --engine dask [--scheduler ADDRESS]`` calls.

The CLI keeps its own reading, reporting and exit codes; these two functions
only replace the local runner and the local ``find_duplicates``.  Without a
scheduler address a local cluster (one worker process per core) is started
and shut down afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from seedclean.dedup.config import DedupConfig
from seedclean.distributed.clean import run_files
from seedclean.distributed.dedup import DistributedDedup, dedup_on_client
from seedclean.distributed.engine import DaskMissingError, connected, require_dask
from seedclean.distributed.scan import FileRef
from seedclean.files import Target
from seedclean.process import Plan
from seedclean.report.records import FileResult

__all__ = ["clean_results", "dedup_targets", "engine_problem"]


def clean_results(
    plan: Plan, targets: Sequence[Target], scheduler: str | None
) -> Iterator[FileResult]:
    """Clean ``targets`` on Dask; yield their results in input order."""
    with connected(None, scheduler) as client:
        results = run_files(plan, targets, client)
    yield from results


def dedup_targets(
    named: Sequence[tuple[str, Target]],
    config: DedupConfig,
    scheduler: str | None,
    max_file_size: int,
) -> DistributedDedup:
    """Dedup ``(report name, target)`` files on Dask; workers read absolute paths."""
    refs = [FileRef(name, os.path.abspath(t.path)) for name, t in named]  # noqa: PTH100
    with connected(None, scheduler) as client:
        return dedup_on_client(refs, config, client, max_file_size=max_file_size)


def engine_problem(engine: str, *, index: bool = False) -> str | None:
    """Why ``--engine`` cannot run here (a one-line CLI error), or ``None``."""
    if engine != "dask":
        return None
    if index:
        return "seedclean: error: --engine dask does not combine with --index/--update-index"
    try:
        require_dask()
    except DaskMissingError as exc:
        return f"seedclean: error: {exc}"
    return None
