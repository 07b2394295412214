"""The persistent duplicate index (SQLite document table + memory-mapped segments)."""

from __future__ import annotations

from seedclean.dedup.index.core import DEFAULT_DIRNAME, DedupIndex, UpdateStats, digest
from seedclean.dedup.index.layout import (
    IndexDamagedError,
    IndexExistsError,
    IndexMissingError,
    NotAnIndexError,
)
from seedclean.dedup.index.store import FORMAT_VERSION, DedupIndexError

__all__ = [
    "DEFAULT_DIRNAME",
    "FORMAT_VERSION",
    "DedupIndex",
    "DedupIndexError",
    "IndexDamagedError",
    "IndexExistsError",
    "IndexMissingError",
    "NotAnIndexError",
    "UpdateStats",
    "digest",
]
