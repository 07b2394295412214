"""The index's document table: SQLite, committed after segment files are durable.

SQLite holds what must change atomically and be looked up by key: the format
version and settings, one row per indexed document (path, content digest,
id) and the list of live segments.  Segment files are written and fsynced
*before* the transaction that lists them commits, so after a crash at any
point the database names only complete segments; unlisted segment
directories are orphans and are deleted by the next write.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.index.layout import DB_NAME, DedupIndexError, IndexDamagedError, rebuild_hint

__all__ = ["DB_NAME", "FORMAT_VERSION", "DedupIndexError", "Store"]

# 2: the marker file, per-file checksums of every segment (``segments.files``).
FORMAT_VERSION = 2

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, digest TEXT NOT NULL,
    paragraphs INTEGER NOT NULL, segment INTEGER NOT NULL);
CREATE TABLE segments (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, rows INTEGER NOT NULL,
    files TEXT NOT NULL);
"""
_BUSY_SECONDS = 60.0  # writers are serialized by a file lock; this covers WAL checkpoints


def _uri(directory: Path, path: Path) -> str:
    """How to open the database: read-write, or read-only where the user may not write.

    SQLite's write-ahead log needs a writable folder even to read, so a shared
    index on a read-only mount (or another user's) is opened as immutable: it
    can be queried and verified, not updated.  A log still holding writes that
    were never folded into the database cannot be read that way: refused.
    """
    if os.access(directory, os.W_OK) and os.access(path, os.W_OK):
        return f"file:{path}?mode=rw"
    log = path.with_name(path.name + "-wal")
    if log.exists() and log.stat().st_size:
        raise DedupIndexError(
            f"cannot open the index in {directory}: it is read-only for you and its "
            f"write-ahead log ({log.name}) holds writes only a writer can fold in; open it "
            "once as a user who may write there (e.g. `seedclean index verify`)"
        )
    return f"file:{path}?mode=ro&immutable=1"


class Store:
    """Thin typed wrapper over the SQLite document table."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    @classmethod
    def create(cls, directory: Path, config: DedupConfig) -> Store:
        """Create an empty store in ``directory`` (which must not hold an index)."""
        path = directory / DB_NAME
        if path.exists():
            raise DedupIndexError(f"an index already exists in {directory}")
        db = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_SECONDS)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        with db:
            db.execute("BEGIN")
            db.executescript(_SCHEMA.replace(";\n", ";\n"))
            meta = {
                "format_version": str(FORMAT_VERSION),
                "config": json.dumps(dataclasses.asdict(config), sort_keys=True),
                "next_doc": "1",
                "next_segment": "1",
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        return cls(db)

    @classmethod
    def open(cls, directory: Path) -> tuple[Store, DedupConfig]:
        """Open an existing store and return it with the settings it was built with."""
        path = directory / DB_NAME
        if not path.is_file():
            raise IndexDamagedError(
                f"the index in {directory} is damaged: {DB_NAME} is missing; "
                + rebuild_hint(directory)
            )
        try:
            db = sqlite3.connect(
                _uri(directory, path), uri=True, isolation_level=None, timeout=_BUSY_SECONDS
            )
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):  # an empty or truncated database
                raise IndexDamagedError(
                    f"the index in {directory} is damaged ({DB_NAME}: {error}); "
                    + rebuild_hint(directory)
                ) from error
            raise DedupIndexError(f"cannot open the index in {directory}: {error}") from error
        except sqlite3.DatabaseError as error:  # not a database, malformed
            raise IndexDamagedError(
                f"the index in {directory} is damaged ({DB_NAME}: {error}); "
                + rebuild_hint(directory)
            ) from error
        version = meta.get("format_version")
        if version != str(FORMAT_VERSION):
            db.close()
            raise DedupIndexError(
                f"index in {directory} has format version {version}; "
                f"this seedclean reads version {FORMAT_VERSION}; " + rebuild_hint(directory)
            )
        try:
            config = DedupConfig(**json.loads(meta["config"]))
        except (KeyError, TypeError, ValueError) as error:
            db.close()
            raise IndexDamagedError(
                f"the index in {directory} is damaged (settings: {error}); "
                + rebuild_hint(directory)
            ) from error
        db.execute("PRAGMA synchronous=FULL")
        return cls(db), config

    def counter(self, name: str, take: int) -> int:
        """Reserve ``take`` ids from counter ``name`` (inside the caller's transaction)."""
        (value,) = self.db.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
        self.db.execute("UPDATE meta SET value = ? WHERE key = ?", (str(int(value) + take), name))
        return int(value)

    def digests(self, paths: Iterable[str]) -> dict[str, str]:
        """Stored content digest per path, for the paths that are indexed."""
        out: dict[str, str] = {}
        chunk: list[str] = []
        for path in paths:
            chunk.append(path)
            if len(chunk) == 500:
                out.update(self._digests(chunk))
                chunk = []
        out.update(self._digests(chunk))
        return out

    def _digests(self, paths: list[str]) -> dict[str, str]:
        if not paths:
            return {}
        marks = ",".join("?" * len(paths))
        sql = f"SELECT path, digest FROM docs WHERE path IN ({marks})"
        return dict(self.db.execute(sql, paths).fetchall())

    def docs_by_id(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """``id -> (path, digest)`` for the ids that are still live."""
        wanted = sorted(set(ids))
        out: dict[int, tuple[str, str]] = {}
        for lo in range(0, len(wanted), 500):
            chunk = wanted[lo : lo + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, path, digest FROM docs WHERE id IN ({marks})"
            out.update({i: (p, d) for i, p, d in self.db.execute(sql, chunk)})
        return out

    def doc_ids_in(self, segment: int) -> list[int]:
        """Live document ids whose paragraphs are in ``segment``."""
        return [i for (i,) in self.db.execute("SELECT id FROM docs WHERE segment = ?", (segment,))]

    def segment_live_rows(self) -> dict[int, tuple[int, int]]:
        """``segment id -> (rows stored, rows of live documents)`` for every segment."""
        sql = (
            "SELECT s.id, s.rows, COALESCE(SUM(d.paragraphs), 0) FROM segments s "
            "LEFT JOIN docs d ON d.segment = s.id GROUP BY s.id"
        )
        return {seg: (rows, live) for seg, rows, live in self.db.execute(sql)}

    def segments(self) -> list[tuple[int, str]]:
        """``(id, name)`` of the live segments, oldest first."""
        return list(self.db.execute("SELECT id, name FROM segments ORDER BY id"))

    def segment_table(self) -> list[tuple[int, str, int, dict[str, list[Any]]]]:
        """``(id, name, rows, files)`` of the live segments, oldest first.

        ``files`` maps each file of the segment to ``[size, checksum]``.
        """
        out = []
        for seg, name, rows, files in self.db.execute(
            "SELECT id, name, rows, files FROM segments ORDER BY id"
        ):
            try:
                table = json.loads(files)
            except ValueError:
                table = {}
            out.append((seg, name, rows, table if isinstance(table, dict) else {}))
        return out

    def paths(self) -> list[str]:
        """Indexed paths, sorted."""
        return [p for (p,) in self.db.execute("SELECT path FROM docs ORDER BY path")]

    def paragraph_count(self) -> int:
        """Indexed (comparable) paragraphs of live documents."""
        (total,) = self.db.execute("SELECT COALESCE(SUM(paragraphs), 0) FROM docs").fetchone()
        return int(total)
