"""What an index folder holds, and the only things the index may ever delete.

An index folder is recognised by its marker file (:data:`MARKER`), written
when the index is created and never by anything else.  The index deletes only
what it can prove it created, inside a folder carrying that marker:

* its database files (:data:`DB_FILES`, on ``--rebuild``);
* segment folders named ``seg-NNNNNN`` or ``tmp-seg-NNNNNN-PID`` that its
  database does not list (crash leftovers) or that a merge replaced — and of
  those only the files a segment is made of (:data:`SEGMENT_FILES`); a folder
  holding anything else is left alone.

So ``--index DIR`` pointing at a folder of other data can never lose it:
creating an index there is refused (the folder is not empty and is not an
index), and nothing is deleted from a folder without the marker.

>>> is_segment_name("seg-000012"), is_segment_name("tmp-seg-000012-4711")
(True, True)
>>> is_segment_name("seg-photos"), is_segment_name("tmp-2024"), is_segment_name("seg-000012-1")
(False, False, False)
"""

from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path

__all__ = [
    "DB_FILES",
    "DB_NAME",
    "LEGACY_FORMAT_FILES",
    "MARKER",
    "READ_LOCK",
    "SEGMENT_FILES",
    "WRITE_LOCK",
    "DedupIndexError",
    "IndexDamagedError",
    "IndexExistsError",
    "IndexMissingError",
    "NotAnIndexError",
    "is_index",
    "is_segment_name",
    "rebuild_hint",
    "remove_segment_dir",
    "state",
    "write_marker",
]

MARKER = "SEEDCLEAN-INDEX"
MARKER_TEXT = (
    "This folder is a seedclean duplicate index (see docs/dedup.md).\n"
    "seedclean deletes only its own files here: index.sqlite* and seg-NNNNNN/ folders.\n"
    "Rebuild it with: seedclean dedup --update-index --rebuild --index <this folder> <corpus>\n"
)
DB_NAME = "index.sqlite"
DB_FILES = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal")
WRITE_LOCK = "write.lock"
READ_LOCK = "read.lock"
SEGMENT_FILES = frozenset(
    f"{name}.npy" for name in ("rows", "hash", "hashrow", "bandkey", "bandrow", "hashfence")
) | {"bandfence.npy"}
# What an index written before the marker existed (format 1) may hold: it can be rebuilt.
LEGACY_FORMAT_FILES = frozenset(DB_FILES)

_SEGMENT = re.compile(r"seg-\d{6}|tmp-seg-\d{6}-\d+")


class DedupIndexError(RuntimeError):
    """The index is missing, damaged, or written by an incompatible version."""


class IndexMissingError(DedupIndexError):
    """There is no index in the folder (it does not exist or is empty)."""


class IndexExistsError(DedupIndexError):
    """An index already exists where one was to be created."""


class NotAnIndexError(DedupIndexError):
    """The folder holds other data: the index refuses to use or clean it."""


class IndexDamagedError(DedupIndexError):
    """Part of the index is missing or does not match its checksums: rebuild it."""


def is_segment_name(name: str) -> bool:
    """Whether ``name`` is a segment folder name the index writes."""
    return _SEGMENT.fullmatch(name) is not None


def is_index(directory: Path) -> bool:
    """Whether ``directory`` carries the index marker."""
    return (directory / MARKER).is_file()


def state(directory: Path) -> str:
    """``"missing"`` (absent or empty), ``"index"``, ``"legacy"`` (format 1) or ``"foreign"``."""
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return "missing"
    except NotADirectoryError:
        return "foreign"
    if not entries:
        return "missing"
    names = {entry.name for entry in entries}
    if MARKER in names and (directory / MARKER).is_file():
        return "index"
    if DB_NAME in names and all(
        name in LEGACY_FORMAT_FILES or (is_segment_name(name) and entry.is_dir())
        for entry, name in ((e, e.name) for e in entries)
    ):
        return "legacy"
    return "foreign"


def rebuild_hint(directory: Path) -> str:
    """The sentence every damaged-index message ends with: how to check and rebuild it."""
    return (
        f"check it with `seedclean index verify {directory}`; rebuild it from the corpus with "
        f"`seedclean dedup --update-index --rebuild --index {directory} <corpus paths>`"
    )


def write_marker(directory: Path) -> None:
    """Write the marker file (only ever into a folder the index has just created)."""
    (directory / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def remove_segment_dir(path: Path) -> bool:
    """Delete a segment folder's own files, then the folder; False if anything else is in it.

    Only names in :data:`SEGMENT_FILES` are deleted, so a folder that merely
    looks like a segment keeps every file it holds.
    """
    if not is_segment_name(path.name) or path.is_symlink():
        return False
    try:
        entries = list(os.scandir(path))
    except FileNotFoundError:
        return True
    except NotADirectoryError:
        return False
    if any(e.name not in SEGMENT_FILES or not e.is_file(follow_symlinks=False) for e in entries):
        return False
    for entry in entries:
        try:
            Path(entry.path).unlink()
        except FileNotFoundError:
            pass
        except PermissionError:
            if sys.platform != "win32":
                raise
            # Windows: a reader still maps it; the folder stays for a later clean-up
    try:
        path.rmdir()
    except FileNotFoundError:
        pass
    except OSError as error:
        if error.errno in (errno.ENOTEMPTY, errno.EEXIST):
            return False  # something appeared meanwhile: leave it
        raise
    return True
