"""Writing the index: add, replace and forget documents; flush and merge segments.

Every change is one SQLite transaction around fsynced segment files written
under temporary names (:mod:`.segments`): a crash at any point leaves the
previous committed state, and segment directories no transaction lists are
deleted by the next write (:meth:`IndexWriter._drop_orphans`).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.find import sketch_bands
from seedclean.dedup.index import tiers
from seedclean.dedup.index.content import digest
from seedclean.dedup.index.segments import Segment, SegmentData, merge_segments, write_segment
from seedclean.dedup.index.store import Store
from seedclean.dedup.key import key_hash, paragraph_key
from seedclean.dedup.paragraphs import split_paragraphs

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
    """

    def __init__(
        self, directory: Path, store: Store, config: DedupConfig, segments: dict[str, Segment]
    ) -> None:
        self.directory = directory
        self.config = config
        self._store = store
        self._segments = segments

    def update(self, documents: Iterable[tuple[str, str]]) -> UpdateStats:
        """Add new documents, replace changed ones (by content digest), keep unchanged ones."""
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
        db.execute("BEGIN IMMEDIATE")
        try:
            for path in paths:
                removed += db.execute("DELETE FROM docs WHERE path = ?", (path,)).rowcount
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
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
            for local, (path, content, count) in enumerate(pending.docs):
                db.execute("DELETE FROM docs WHERE path = ?", (path,))
                db.execute(
                    "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                    (first_doc + local, path, content, count, segment_id),
                )
            db.execute("INSERT INTO segments VALUES (?, ?, ?)", (segment_id, name, len(rows)))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

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
        names = dict(self._store.segments())
        gone = [names[seg] for seg in (*merged, *dead)]
        db.execute("BEGIN IMMEDIATE")
        try:
            self._drop_orphans()
            new_id = None
            if merged:
                parts = [Segment(self.directory / names[seg]).data for seg in merged]
                ids = [np.fromiter(self._store.doc_ids_in(seg), dtype=np.uint32) for seg in merged]
                live = [np.isin(p.rows[:, 0], i) for p, i in zip(parts, ids, strict=True)]
                new_id = self._store.counter("next_segment", 1)
                name = f"seg-{new_id:06d}"
                rows = merge_segments(self.directory, name, parts, live)
                del parts
                db.execute("INSERT INTO segments VALUES (?, ?, ?)", (new_id, name, rows))
                marks = ",".join("?" * len(merged))
                db.execute(
                    f"UPDATE docs SET segment = ? WHERE segment IN ({marks})", (new_id, *merged)
                )
            for seg in (*merged, *dead):
                db.execute("DELETE FROM segments WHERE id = ?", (seg,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        for name in gone:
            self._segments.pop(name, None)
            shutil.rmtree(self.directory / name, ignore_errors=True)

    def _drop_orphans(self) -> None:
        """Delete segment directories no committed transaction lists (crash leftovers)."""
        listed = {name for _, name in self._store.segments()}
        for entry in self.directory.iterdir():
            orphan = entry.name.startswith("tmp-") or (
                entry.name.startswith("seg-") and entry.name not in listed
            )
            if entry.is_dir() and orphan:
                shutil.rmtree(entry, ignore_errors=True)
