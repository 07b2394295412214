"""Writing the index: add, replace and forget documents; flush and merge segments.

Every change is one SQLite transaction around fsynced segment files written
under temporary names (:mod:`.segments`): a crash at any point leaves the
previous committed state, and segment directories no transaction lists are
deleted by the next write (:meth:`IndexWriter._drop_orphans`; only segment
files, :func:`.layout.remove_segment_dir`).  Writers hold the inter-process
write lock (:mod:`.locks`) for a whole ``update`` or ``remove``, merges
included; segments a merge replaced are deleted under the snapshot lock so
that no reader loses a segment it is about to map.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.index import tiers
from seedclean.dedup.index.content import digest
from seedclean.dedup.index.layout import IndexDamagedError, is_segment_name, rebuild_hint
from seedclean.dedup.index.layout import remove_segment_dir as _remove_segment_dir
from seedclean.dedup.index.locks import snapshot_lock, write_lock
from seedclean.dedup.index.segments import (
    Segment,
    SegmentData,
    checksums,
    merge_segments,
    write_segment,
)
from seedclean.dedup.index.store import Store
from seedclean.dedup.key import key_hash, paragraph_key
from seedclean.dedup.paragraphs import split_paragraphs
from seedclean.dedup.sketch import sketch_bands

# merge_segments and write_segment are re-exported: tests replace them here to simulate crashes.
__all__ = ["SEGMENT_ROWS", "IndexWriter", "UpdateStats", "merge_segments", "write_segment"]

SEGMENT_ROWS = 1 << 18


class UpdateStats(NamedTuple):
    """What one :meth:`DedupIndex.update` did."""

    added: int
    changed: int
    unchanged: int
    paragraphs: int


class _Pending:
    """Documents waiting to be written as one segment."""

    def __init__(self) -> None:
        self.docs: list[tuple[str, str, int]] = []
        self.rows: list[tuple[int, int, int, int, int]] = []
        self.keys: list[str] = []

    def add(self, path: str, text: str, content_digest: str, min_chars: int) -> None:
        local = len(self.docs)
        count = 0
        for para in split_paragraphs(text):
            key = paragraph_key(text[para.start : para.end])
            if len(key) >= min_chars:
                self.rows.append((local, para.number, para.line, para.start, para.end))
                self.keys.append(key)
                count += 1
        self.docs.append((path, content_digest, count))


class IndexWriter:
    """The write side of one open index.

    Args:
        directory: the index directory.
        store: its SQLite document table.
        config: the index's settings.
        segments: the open segments cache shared with the reader (merged and
            dropped segments are evicted from it).
        changed: called after every commit (the reader takes a new snapshot).
    """

    def __init__(
        self,
        directory: Path,
        store: Store,
        config: DedupConfig,
        segments: dict[str, Segment],
        changed: Callable[[], None] = lambda: None,
    ) -> None:
        self.directory = directory
        self.config = config
        self._store = store
        self._segments = segments
        self._changed = changed
        self.lock = write_lock(directory)

    def update(self, documents: Iterable[tuple[str, str]]) -> UpdateStats:
        """Add new documents, replace changed ones (by content digest), keep unchanged ones."""
        with self.lock:
            return self._update(documents)

    def _update(self, documents: Iterable[tuple[str, str]]) -> UpdateStats:
        added = changed = unchanged = paragraphs = 0
        pending = _Pending()
        for path, text in documents:
            content = digest(text)
            known = self._store.digests([path]).get(path)
            if known == content:
                unchanged += 1
                continue
            if known is None:
                added += 1
            else:
                changed += 1
            before = len(pending.rows)
            pending.add(path, text, content, self.config.min_chars)
            paragraphs += len(pending.rows) - before
            if len(pending.rows) >= SEGMENT_ROWS:
                self._flush(pending)
                pending = _Pending()
        if pending.docs:
            self._flush(pending)
        self._compact()
        return UpdateStats(added, changed, unchanged, paragraphs)

    def remove(self, paths: Iterable[str]) -> int:
        """Forget documents (files that disappeared); returns how many were indexed."""
        db = self._store.db
        removed = 0
        with self.lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                for path in paths:
                    removed += db.execute("DELETE FROM docs WHERE path = ?", (path,)).rowcount
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
            self._changed()
        return removed

    def _flush(self, pending: _Pending) -> None:
        db = self._store.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._drop_orphans()
            first_doc = self._store.counter("next_doc", len(pending.docs))
            segment_id = self._store.counter("next_segment", 1)
            rows = np.array(pending.rows, dtype=np.uint32).reshape(-1, 5)
            rows[:, 0] += np.uint32(first_doc)
            hashes = np.fromiter(map(key_hash, pending.keys), np.uint64, len(pending.keys))
            data = SegmentData.build(rows, hashes, sketch_bands(pending.keys, self.config))
            name = f"seg-{segment_id:06d}"
            write_segment(self.directory, name, data)
            files = json.dumps(checksums(self.directory / name), sort_keys=True)
            for local, (path, content, count) in enumerate(pending.docs):
                db.execute("DELETE FROM docs WHERE path = ?", (path,))
                db.execute(
                    "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                    (first_doc + local, path, content, count, segment_id),
                )
            db.execute(
                "INSERT INTO segments VALUES (?, ?, ?, ?)", (segment_id, name, len(rows), files)
            )
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise
        self._changed()

    def _compact(self) -> None:
        """Tiered (LSM-style) merging: merge ``FANOUT`` segments of one size tier at a time.

        A segment's tier is the base-``FANOUT`` order of magnitude of its live
        row count, so merges combine segments of similar size: each row is
        rewritten about log(N) times over the index's life, there are at most
        ``FANOUT - 1`` segments per tier, and a merge touches only the segments
        it merges (memory does not grow with the corpus).  Segments whose
        documents are all gone are dropped without rewriting; a segment with
        more dead rows than live ones is rewritten on its own.
        """
        while (step := tiers.plan(self._store.segment_live_rows())) is not None:
            self._merge(*step)

    def _merge(self, merged: list[int], dead: list[int]) -> None:
        """Rewrite segments ``merged`` as one (live rows only) and forget segments ``dead``."""
        db = self._store.db
        table = {seg: (name, rows, files) for seg, name, rows, files in self._store.segment_table()}
        gone = [table[seg][0] for seg in (*merged, *dead)]
        db.execute("BEGIN IMMEDIATE")
        try:
            self._drop_orphans()
            new_id = None
            if merged:
                sources = [
                    Segment(self.directory / table[seg][0], *table[seg][1:]) for seg in merged
                ]
                for source in sources:  # never carry damaged keys into a fresh segment
                    problems = source.verify()
                    if problems:
                        raise IndexDamagedError(
                            f"the index in {self.directory} is damaged: {problems[0]}; "
                            + rebuild_hint(self.directory)
                        )
                parts = [source.data for source in sources]
                ids = [np.fromiter(self._store.doc_ids_in(seg), dtype=np.uint32) for seg in merged]
                live = [np.isin(p.rows[:, 0], i) for p, i in zip(parts, ids, strict=True)]
                new_id = self._store.counter("next_segment", 1)
                name = f"seg-{new_id:06d}"
                rows = merge_segments(self.directory, name, parts, live)
                del parts, sources
                files = json.dumps(checksums(self.directory / name), sort_keys=True)
                db.execute("INSERT INTO segments VALUES (?, ?, ?, ?)", (new_id, name, rows, files))
                marks = ",".join("?" * len(merged))
                db.execute(
                    f"UPDATE docs SET segment = ? WHERE segment IN ({marks})", (new_id, *merged)
                )
            for seg in (*merged, *dead):
                db.execute("DELETE FROM segments WHERE id = ?", (seg,))
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise
        self._changed()
        for name in gone:
            self._segments.pop(name, None)
        with snapshot_lock(self.directory, exclusive=True):  # no reader is mapping them
            for name in gone:
                _remove_segment_dir(self.directory / name)

    def _drop_orphans(self) -> None:
        """Delete segment folders no committed transaction lists (crash leftovers).

        Only folders named like segments, and in them only segment files, are
        deleted (:func:`.layout.remove_segment_dir`); anything else stays.
        """
        listed = {name for _, name in self._store.segments()}
        orphans = [
            entry
            for entry in self.directory.iterdir()
            if is_segment_name(entry.name) and entry.name not in listed
        ]
        if orphans:
            with snapshot_lock(self.directory, exclusive=True):
                for entry in orphans:
                    _remove_segment_dir(entry)


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open, never hiding the error that got us here.

    SQLite rolls back by itself on some errors (a full disk among them); a
    second ``ROLLBACK`` would then fail with "cannot rollback - no transaction
    is active" and hide the real error.
    """
    if db.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
