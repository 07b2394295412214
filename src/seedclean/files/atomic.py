"""Reading a file consistently and replacing it atomically.

Users hand seedclean files they cannot re-create, so a rewrite must leave each
file either entirely old or entirely new, whatever happens (Ctrl-C, kill, disk
full, another program editing it):

* :func:`read_snapshot` reads the bytes and checks that size and modification
  time did not move while reading ("changed while being read" otherwise).
* :func:`write_atomic` writes a temporary file *in the same folder* (so the
  final ``os.replace`` is a rename on one file system), fsyncs it (unless
  ``durable=False``: a ``--out`` copy), gives it
  the original's permission bits, checks right before the rename that the
  target still holds exactly the bytes that were read, and only then renames.
  Any failure removes the temporary file and leaves the target untouched.

Temporary files are named ``.<name>.<random>.p<pid>.seedclean-tmp``; a process
killed with SIGKILL can leave one behind, never a truncated target.  Folder walks
skip them, and :func:`remove_stale_temp` deletes them on the next in-place run,
but only those of a process that is gone: another run may be writing in the same
folder at the same time.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path
from typing import NamedTuple

from seedclean.files.errors import SkipFileError

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "TEMP_SUFFIX",
    "Snapshot",
    "read_snapshot",
    "remove_stale_temp",
    "write_atomic",
]

TEMP_SUFFIX = ".seedclean-tmp"
#: Files larger than this are skipped unless a caller sets its own limit (64 MiB).
DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024


class Snapshot(NamedTuple):
    """The bytes of a file as read, with the metadata used to detect later changes."""

    data: bytes
    size: int
    mtime_ns: int
    mode: int


def _describe(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def read_snapshot(path: Path, max_size: int) -> Snapshot:
    """Read ``path`` (following symlinks), refusing files that are huge or change meanwhile.

    Raises:
        SkipFileError: ``not-found``, ``unreadable``, ``too-large`` or ``changed``.
    """
    try:
        before = path.stat()
        if not stat.S_ISREG(before.st_mode):
            raise SkipFileError("unreadable", "not a regular file")
        if before.st_size > max_size:
            raise SkipFileError(
                "too-large", f"larger than the limit ({before.st_size} > {max_size} bytes)"
            )
        with path.open("rb") as handle:
            data = handle.read(max_size + 1)
        after = path.stat()
    except FileNotFoundError as exc:
        raise SkipFileError("not-found", "no such file") from exc
    except OSError as exc:
        raise SkipFileError("unreadable", f"cannot read: {_describe(exc)}") from exc
    if len(data) > max_size:
        raise SkipFileError(
            "too-large", f"grew past the limit of {max_size} bytes while being read"
        )
    moved = (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns)
    if moved or len(data) != after.st_size:
        raise SkipFileError("changed", "changed while being read; left untouched")
    return Snapshot(data, after.st_size, after.st_mtime_ns, stat.S_IMODE(after.st_mode))


def _still_same(path: Path, expected: Snapshot) -> bool:
    try:
        now = path.stat()
        if (now.st_size, now.st_mtime_ns) != (expected.size, expected.mtime_ns):
            return False
        with path.open("rb") as handle:
            return handle.read(expected.size + 1) == expected.data
    except OSError:
        return False


def write_atomic(
    path: Path,
    data: bytes,
    *,
    mode: int = 0o644,
    expected: Snapshot | None = None,
    durable: bool = True,
) -> None:
    """Replace ``path`` with ``data`` atomically, keeping permission bits ``mode``.

    Args:
        path: the file to create or replace (its folder must exist).
        data: the complete new contents.
        mode: permission bits for the result (pass the original's to keep them).
        expected: when given, the rename happens only if ``path`` still holds
            exactly these bytes (same size and mtime too); otherwise the
            original is left as it is and ``SkipFileError("changed")`` is raised.
        durable: ``fsync`` the new contents before the rename, so that after a
            power loss ``path`` holds the old or the new bytes, never an empty
            file.  Needed when ``path`` is the only copy (``--in-place``); a
            ``--out`` copy can be made again from its input, and an ``fsync`` per
            file cost most of the run time on a busy disk, so ``--out`` skips it
            (the rename stays atomic for running programs either way).

    Raises:
        SkipFileError: ``changed`` or ``unwritable`` (also a file the user may not
            write: the rename needs only the folder's permission, so without this
            test a read-only or another user's file would be replaced); the
            target is untouched.
    """
    if expected is not None and not os.access(path, os.W_OK):
        raise SkipFileError("unwritable", "the file is read-only for you (no write permission)")
    import tempfile  # here, not at the top: ``seedclean check`` never writes a file

    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=f".p{os.getpid()}{TEMP_SUFFIX}", dir=path.parent
        )
    except OSError as exc:
        raise SkipFileError("unwritable", f"cannot write in its folder: {_describe(exc)}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        tmp.chmod(mode)
        if expected is not None and not _still_same(path, expected):
            raise SkipFileError(
                "changed", "changed by another program while being cleaned; untouched"
            )
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SkipFileError("unwritable", f"cannot write: {_describe(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


#: The writer's process id in a temporary file's name.
_OWNER = re.compile(r"\.p([0-9]+)" + re.escape(TEMP_SUFFIX) + "$")
#: A temporary file older than this is left over whoever wrote it (a file is
#: written in well under a second; this also covers a reused process id).
ABANDONED_SECONDS = 24 * 3600
#: The same for a file whose writer cannot be told (no id in its name: written
#: by an older seedclean; or a system where liveness cannot be tested).
UNKNOWN_OWNER_SECONDS = 600


def remove_stale_temp(folder: Path) -> list[Path]:
    """Delete temporary files that killed runs left in ``folder``; return them.

    A file whose writer is still running is left alone: two runs may clean
    different files of one folder at the same time, and deleting the other's
    temporary file would make its rename fail.
    """
    removed: list[Path] = []
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            name = entry.name
            if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                info = entry.lstat()
                if stat.S_ISREG(info.st_mode) and _abandoned(name, now - info.st_mtime):
                    entry.unlink()
                    removed.append(entry)
    return removed


def _abandoned(name: str, age: float) -> bool:
    """Whether the temporary file ``name``, ``age`` seconds old, has no live writer."""
    if age > ABANDONED_SECONDS:
        return True
    owner = _OWNER.search(name)
    if owner is None or os.name == "nt":  # (os.kill(pid, 0) is no liveness test on Windows)
        return age > UNKNOWN_OWNER_SECONDS
    return not _running(int(owner.group(1)))


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is another user's (EPERM)
        return True
    return True
