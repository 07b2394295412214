"""Streaming report files: written file by file, renamed into place at the end.

Reports can cover millions of files, so nothing is held back: each file's
record is written as its result arrives, into a temporary file beside the
target that replaces it only when the run finishes (an interrupted run leaves
the previous report, never half of a new one).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO

__all__ = ["StdoutStream", "StreamedFile"]


class StreamedFile:
    """A text file written incrementally and renamed over ``path`` on :meth:`commit`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=f".p{os.getpid()}.seedclean-tmp", dir=path.parent
        )
        self._tmp = Path(name)
        self.handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        """Append ``text``."""
        self.handle.write(text)

    def commit(self) -> None:
        """Finish the file and move it into place."""
        self.handle.close()
        self._tmp.chmod(0o644)
        self._tmp.replace(self.path)

    def discard(self) -> None:
        """Drop the partial file (after an interruption or error)."""
        self.handle.close()
        with contextlib.suppress(OSError):
            self._tmp.unlink()


class StdoutStream:
    """The same interface over standard output (``check --format json``)."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def write(self, text: str) -> None:
        """Append ``text``."""
        self.handle.write(text)

    def commit(self) -> None:
        """Flush."""
        self.handle.flush()

    def discard(self) -> None:
        """Nothing to undo on a stream."""
