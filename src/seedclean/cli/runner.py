"""Running files through worker processes, results in input order.

``--jobs N`` uses a process pool; results are yielded in the order of the
inputs, so everything printed is byte-identical to ``--jobs 1``.  At most a
bounded window of files is in flight (submitted but not yet yielded), so a
corpus of millions of pages never sits in memory at once.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from seedclean.files import Target
from seedclean.process import Plan, process_file
from seedclean.report.records import FileResult

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["default_jobs", "run_files"]

_WINDOW_PER_JOB = 8
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the main process dies (``kill -9`` included).

    Without it, workers of a killed run would wait for work forever.  A worker
    ended mid-file leaves that file old or new (writes are atomic).
    """
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled by the main process
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler (signals.py)


def default_jobs() -> int:
    """All cores."""
    return os.cpu_count() or 1


def run_files(
    plan: Plan,
    targets: Sequence[Target],
    jobs: int,
    plan_of: Callable[[Target], Plan] | None = None,
) -> Iterator[FileResult]:
    """Process ``targets`` with ``jobs`` processes, yielding results in input order.

    ``plan_of`` gives a file its own plan (the settings nearest to it); without
    it every file follows ``plan``.  At most one process per file and per core
    is started, whatever ``jobs`` says.
    """
    jobs = max(1, min(jobs, len(targets), default_jobs()))  # more processes than cores: no gain
    choose = plan_of if plan_of is not None else (lambda _target: plan)
    if jobs == 1:
        for target in targets:
            yield process_file(choose(target), target)
        return
    # loaded only here: one file (a pre-commit hook, an editor) runs without the pool
    from concurrent.futures import ProcessPoolExecutor

    window = jobs * _WINDOW_PER_JOB
    pending: deque[Future[FileResult]] = deque()
    todo = iter(targets)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent) as pool:
        try:
            for target in todo:
                pending.append(pool.submit(process_file, choose(target), target))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
