"""``DedupIndex``: a persistent, incremental paragraph index for a corpus.

Storage (see docs/dedup.md, "Index format"): SQLite for the document table
and settings (:mod:`.store`), immutable memory-mapped numpy segments for
hashes and LSH band keys (:mod:`.segments`).  Paragraph text is not stored:
candidates are verified by reading just their files again (through
``reader``), and a file whose content digest changed since it was indexed is
skipped as stale, never trusted.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.find import ParagraphTable, cluster_table, preview, sketch_bands
from seedclean.dedup.index import tiers
from seedclean.dedup.index.lookup import candidate_rows
from seedclean.dedup.index.segments import Segment, SegmentData, merge_segments, write_segment
from seedclean.dedup.index.store import Store
from seedclean.dedup.key import key_hash, paragraph_key
from seedclean.dedup.paragraphs import split_paragraphs
from seedclean.dedup.report import Cluster, IndexMatch, Kind, Member
from seedclean.dedup.verify import EXACT, FRAGMENT, KIND_NAMES, NEAR, verify_pairs

__all__ = [
    "DEFAULT_DIRNAME",
    "DedupIndex",
    "UpdateStats",
    "digest",
    "merge_segments",
    "write_segment",
]

DEFAULT_DIRNAME = ".seedclean"
SEGMENT_ROWS = 1 << 18
_PRIORITY = {EXACT: 3, NEAR: 2, FRAGMENT: 1}

Reader = Callable[[str], str]


class UpdateStats(NamedTuple):
    """What one :meth:`DedupIndex.update` did."""

    added: int
    changed: int
    unchanged: int
    paragraphs: int


def digest(text: str) -> str:
    """Content digest of a document as read (detects changed and stale files)."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _file_reader(root: Path) -> Reader:
    def read(path: str) -> str:
        return (root / path).read_text(encoding="utf-8", errors="replace")

    return read


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


class DedupIndex:
    """A corpus's paragraphs, on disk, for checking new text against it quickly.

    Open with :meth:`create` or :meth:`open`; use as a context manager.  The
    default location is ``<corpus root>/.seedclean``; paths are stored as
    given and read back as ``root / path`` unless a ``reader`` is supplied.
    """

    def __init__(self, directory: Path, store: Store, config: DedupConfig, reader: Reader) -> None:
        self.directory = directory
        self.config = config
        self._store = store
        self._reader = reader
        self._segments: dict[str, Segment] = {}
        self.stale: set[str] = set()

    @classmethod
    def create(
        cls,
        directory: Path,
        config: DedupConfig | None = None,
        *,
        root: Path | None = None,
        reader: Reader | None = None,
    ) -> DedupIndex:
        """Create an empty index in ``directory`` (created if needed)."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        config = config or DedupConfig()
        store = Store.create(directory, config)
        return cls(directory, store, config, reader or _file_reader(root or directory.parent))

    @classmethod
    def open(
        cls, directory: Path, *, root: Path | None = None, reader: Reader | None = None
    ) -> DedupIndex:
        """Open an existing index (cheap: nothing is loaded until a query).

        Raises:
            DedupIndexError: when the index is missing, corrupt or of another format version.
        """
        directory = Path(directory)
        store, config = Store.open(directory)
        return cls(directory, store, config, reader or _file_reader(root or directory.parent))

    def __enter__(self) -> DedupIndex:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connection and the memory maps."""
        self._segments.clear()
        self._store.db.close()

    def __len__(self) -> int:
        return self._store.paragraph_count()

    def paths(self) -> list[str]:
        """Indexed document paths, sorted."""
        return self._store.paths()

    # -- writing ---------------------------------------------------------------------------

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

    # -- reading ---------------------------------------------------------------------------

    def _live_segments(self) -> list[Segment]:
        names = [name for _, name in self._store.segments()]
        for name in names:
            if name not in self._segments:
                self._segments[name] = Segment(self.directory / name)
        return [self._segments[name] for name in names]

    def query(self, path: str, text: str) -> list[Cluster]:
        """Paragraphs of one new document that duplicate indexed paragraphs.

        Usually a cluster's ``members[0]`` is the indexed paragraph (the kept
        copy) and the others are paragraphs of ``text``.  When an indexed
        paragraph is a *fragment* of a new one, the new paragraph is
        ``members[0]`` (the longer copy is kept) and the indexed fragments
        follow.  The document's own path is excluded from the index side.
        """
        table = ParagraphTable(self.config.min_chars)
        table.add(path, text)
        clusters, _ = cluster_table(table, self.config, self)
        found: list[Cluster] = []
        for cluster in clusters:
            if cluster.members[0].path != path:
                found.append(cluster)
                continue
            indexed = tuple(m for m in cluster.members[1:] if m.path != path)
            if indexed:
                low = min(m.similarity for m in indexed)
                found.append(Cluster(cluster.kind, low, (cluster.members[0], *indexed)))
        return found

    def match(
        self,
        keys: list[str],
        bands: npt.NDArray[np.uint32] | None = None,
        exclude_paths: Collection[str] = (),
    ) -> list[IndexMatch | None]:
        """The best indexed match of each key (exact, then near, then fragment), or None."""
        found: list[IndexMatch | None] = [None] * len(keys)
        if not keys:
            return found
        if bands is None:
            bands = sketch_bands(keys, self.config)
        hashes = np.fromiter(map(key_hash, keys), np.uint64, len(keys))
        candidates = self._candidates(hashes, bands)
        if candidates.size == 0:
            return found
        return self._verify(keys, candidates, exclude_paths)

    def _candidates(
        self, hashes: npt.NDArray[np.uint64], bands: npt.NDArray[np.uint32]
    ) -> npt.NDArray[np.int64]:
        """Rows ``(query, segment, row, votes)`` worth verifying, best first per query."""
        datas = [segment.data for segment in self._live_segments()]
        return candidate_rows(datas, hashes, bands, self.config)

    def _verify(
        self, keys: list[str], candidates: npt.NDArray[np.int64], exclude: Collection[str]
    ) -> list[IndexMatch | None]:
        segments = self._live_segments()
        info = [segments[int(s)].data.rows[int(r)] for s, r in candidates[:, 1:3]]
        docs = self._store.docs_by_id(int(row[0]) for row in info)
        texts: dict[str, str | None] = {}
        picked: list[int] = []
        members: list[Member] = []
        other_keys: list[str] = []
        for k, row in enumerate(info):
            doc = docs.get(int(row[0]))
            if doc is None or doc[0] in exclude:
                continue
            text = self._text(doc[0], doc[1], texts)
            if text is None:
                continue
            start, end = int(row[3]), int(row[4])
            body = text[start:end]
            picked.append(k)
            other_keys.append(paragraph_key(body))
            members.append(
                Member(doc[0], int(row[1]), int(row[2]), start, end, end - start, preview(body))
            )
        found: list[IndexMatch | None] = [None] * len(keys)
        if not picked:
            return found
        queries = candidates[picked, 0]
        kinds, scores = verify_pairs(
            keys,
            queries,
            np.arange(len(picked)),
            threshold=self.config.threshold,
            fragment_min_share=self.config.fragment_min_share,
            min_chars=self.config.min_chars,
            numbers_must_agree=self.config.numbers_must_agree,
            other_keys=other_keys,
        )
        # Best match per new paragraph: one it repeats (exact > near > fragment of
        # the corpus paragraph) first; else a corpus paragraph that is its fragment.
        best: dict[int, tuple[int, float, int, bool]] = {}
        for k, (query, kind, score) in enumerate(zip(queries.tolist(), kinds, scores, strict=True)):
            if kind == 0:
                continue
            contains = kind == FRAGMENT and len(keys[query]) > len(other_keys[k])
            rank = (not contains, _PRIORITY[int(kind)], float(score), -k)
            held = best.get(query)
            if held is None or rank > (not held[3], _PRIORITY[held[0]], held[1], -held[2]):
                best[query] = (int(kind), float(score), k, contains)
        for query, (kind, score, k, contains) in best.items():
            name: Kind = KIND_NAMES[kind]  # type: ignore[assignment]
            found[query] = IndexMatch(members[k], name, score, contains)
        return found

    def _text(self, path: str, expected: str, cache: dict[str, str | None]) -> str | None:
        if path not in cache:
            try:
                text: str | None = self._reader(path)
            except OSError:
                text = None
            if text is not None and digest(text) != expected:
                text = None
            if text is None:
                self.stale.add(path)
            cache[path] = text
        return cache[path]
