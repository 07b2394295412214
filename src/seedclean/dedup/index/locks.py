"""Locks between processes sharing one index: one writer at a time, readers never crash.

* Writers (``update``, ``remove``, ``--update-index`` runs, parallel
  pre-commit batches) take an exclusive lock on ``write.lock`` (``filelock``;
  released by the operating system if the process dies), so their batches and
  merges never interleave.
* A reader takes a *snapshot*: under a shared lock on ``read.lock`` it reads
  the segment list and memory-maps every segment on it, then lets go.  A
  writer deletes the segments a merge replaced only under the exclusive lock
  on ``read.lock``, so no segment disappears between a reader listing it and
  mapping it; once mapped, a deleted file stays readable to the reader.  The
  reader keeps its snapshot (and its answers stay consistent) however long
  it runs.  Windows has no shared ``flock``: there readers take ``read.lock``
  exclusively (``filelock``) while they list and map, so they wait for each
  other; a segment still mapped cannot be deleted there and stays for a later
  clean-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from seedclean.dedup.index.layout import READ_LOCK, WRITE_LOCK

__all__ = ["snapshot_lock", "write_lock"]


def write_lock(directory: Path) -> FileLock:
    """The (reentrant) inter-process lock every writer of ``directory`` holds."""
    return FileLock(directory / WRITE_LOCK)


@contextmanager
def snapshot_lock(directory: Path, *, exclusive: bool) -> Iterator[None]:
    """Shared (a reader mapping segments) or exclusive (a writer deleting them) lock.

    A read-only index folder (the lock file cannot be created) has no writer
    to guard against: readers then go ahead without the lock.
    """
    path = directory / READ_LOCK
    if sys.platform == "win32":  # no shared flock: readers take the lock alone, briefly
        try:
            lock = FileLock(path)
            lock.acquire()
        except OSError:
            if exclusive:
                raise
            yield  # a read-only index folder: no writer to guard against
            return
        try:
            yield
        finally:
            lock.release()
        return
    import fcntl

    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if exclusive:
            raise
        try:
            fd = os.open(path, os.O_RDONLY)  # flock works on a read-only descriptor
        except OSError:
            yield
            return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # closing releases the lock
