"""A minimal progress bar on stderr, only for people watching a terminal.

It draws only when stderr is a TTY and the ``CI`` environment variable is not
set, so pipes, logs and CI output stay clean; it redraws at most ten times a
second and erases itself when done.  (Hand-written: a dependency for thirty
lines is not worth it.)
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

__all__ = ["Progress", "wanted"]


def wanted(stream: TextIO, quiet: bool) -> bool:
    """Whether to draw a bar on ``stream``."""
    return not quiet and not os.environ.get("CI") and stream.isatty()


class Progress:
    """Counts finished files out of ``total`` and draws ``[####    ] 12/40 files``."""

    def __init__(self, total: int, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 1
        self._last = 0.0

    def step(self) -> None:
        """One more file finished."""
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.1 or self.done == self.total):
            self._last = now
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + " " * (width - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
            self.stream.flush()

    def clear(self) -> None:
        """Erase the bar so that following messages start on a clean line."""
        if self.enabled and self._last:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._last = 0.0
