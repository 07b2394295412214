"""SIGTERM ends a run the way Ctrl-C does: cleanly, with the interrupted-run guarantees.

A batch scheduler (SLURM, Kubernetes, systemd, ``timeout``) stops a job with
SIGTERM.  Python's default for it is to die on the spot, which skips every
``finally``: a spilled ``dedup`` left its temporary folder (gigabytes on a big
corpus) in TMPDIR.  While :func:`terminate_as_interrupt` is active, SIGTERM
raises :class:`Terminated`, a :class:`KeyboardInterrupt`, so the code that
already cleans up after Ctrl-C runs, and the exit code is 143 (128 + 15).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Terminated", "interrupted_code", "interrupted_word", "terminate_as_interrupt"]


class Terminated(KeyboardInterrupt):
    """The run received SIGTERM."""


def interrupted_code(exc: KeyboardInterrupt) -> int:
    """The exit code after ``exc``: 143 for SIGTERM, 130 for Ctrl-C."""
    return 128 + signal.SIGTERM if isinstance(exc, Terminated) else 130


def interrupted_word(exc: KeyboardInterrupt) -> str:
    """``"terminated"`` or ``"interrupted"``, for the one-line message."""
    return "terminated" if isinstance(exc, Terminated) else "interrupted"


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated`; the old handler comes back after.

    Only the main thread can set a handler: called from another thread (the
    library's ``main`` run inside someone's thread pool) it changes nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
