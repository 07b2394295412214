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

Temporary files are named ``.<name>.<random>.seedclean-tmp``; a process killed
with SIGKILL can leave one behind, never a truncated target.  Folder walks skip
them, and :func:`remove_stale_temp` deletes them on the next in-place run.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
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
        SkipFileError: ``changed`` or ``unwritable``; the target is untouched.
    """
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
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


def remove_stale_temp(folder: Path) -> list[Path]:
    """Delete temporary files an earlier, killed run left in ``folder``; return them."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith(".") and name.endswith(TEMP_SUFFIX) and entry.is_file():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed
