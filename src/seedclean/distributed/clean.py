"""``clean`` on Dask: files as partitions, each task reads, cleans and writes its files.

Every file goes through exactly the function the local CLI uses
(:func:`seedclean.process.process_file`: safe read, encoding detection,
``clean_and_explain``, atomic write to ``--out`` or in place), so the files
written are byte-identical to the local path.  Only paths go out to the
workers and only per-file summaries come back (texts are not returned unless
``keep_texts``); workers must see the same paths (a shared file system).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seedclean.config import CleanConfig
from seedclean.distributed.engine import connected, require_dask, total_threads
from seedclean.files import Target, collect_targets
from seedclean.process import Plan, process_file
from seedclean.report.records import FileResult

__all__ = ["clean_files", "run_files"]

_PARTITIONS_PER_THREAD = 4


def _process_partition(plan: Plan, targets: list[Target]) -> list[FileResult]:
    return [process_file(plan, target) for target in targets]


def run_files(plan: Plan, targets: Sequence[Target], client: Any) -> list[FileResult]:
    """Process ``targets`` on the cluster behind ``client``; results in input order.

    Files are split into a few partitions per worker thread so that a slow file
    does not hold up a whole worker's share.
    """
    bag, _distributed = require_dask()
    if not targets:
        return []
    parts = min(len(targets), total_threads(client) * _PARTITIONS_PER_THREAD)
    files = bag.from_sequence(list(targets), npartitions=parts)
    results = files.map_partitions(functools.partial(_process_partition, plan))
    gathered: list[FileResult] = client.compute(results).result()
    return gathered


def clean_files(
    paths: Sequence[str | Path],
    config: CleanConfig | None = None,
    *,
    out_dir: str | Path | None = None,
    in_place: bool = False,
    keep_encoding: bool = False,
    include: Sequence[str] = ("*.txt", "*.md"),
    exclude: Sequence[str] = (),
    client: Any = None,
    scheduler: str | None = None,
) -> list[FileResult]:
    """Clean files and folders on a Dask cluster, like ``seedclean clean``.

    Args:
        paths: files and folders (folders are walked in sorted order with
            ``include``/``exclude`` globs, as the CLI does).
        config: the cleaning configuration.
        out_dir: write cleaned copies here, mirroring paths below each folder.
        in_place: rewrite changed files atomically instead.
        keep_encoding: write in the encoding each file was read in (else UTF-8).
        include: globs of files picked up when walking folders.
        exclude: globs never processed.
        client: an open ``distributed.Client`` (left open).
        scheduler: a scheduler address; with neither, a local cluster is started.

    Returns:
        One :class:`~seedclean.report.records.FileResult` per file, in order
        (missing paths are returned as skipped errors); its edits and notices
        come back as counts per rule (``edits_per_rule()``, ``notices_per_rule()``).

    Raises:
        ValueError: when both or neither of ``out_dir`` and ``in_place`` are
            given (use the CLI's ``--check`` to only look).
        DaskMissingError: when the ``dask`` extra is not installed.
    """
    if (out_dir is None) == (not in_place):
        raise ValueError("clean_files: give exactly one of out_dir= or in_place=True")
    require_dask()
    targets, problems = collect_targets([str(p) for p in paths], include, exclude)
    plan = Plan(
        config=config or CleanConfig(),
        write="in-place" if in_place else "out",
        out_dir=str(out_dir or ""),
        keep_encoding=keep_encoding,
    )
    missing = [
        FileResult(path, "skipped", skip_kind="not-found", message=problem, error=True)
        for path, problem in problems
    ]
    with connected(client, scheduler) as active:
        return missing + run_files(plan, targets, active)
