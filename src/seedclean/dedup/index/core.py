"""``DedupIndex``: a persistent, incremental paragraph index for a corpus.

Storage (see docs/dedup.md, "Index format"): SQLite for the document table
and settings (:mod:`.store`), immutable memory-mapped numpy segments for
hashes and LSH band keys (:mod:`.segments`).  Paragraph text is not stored:
candidates are verified by reading just their files again (through
``reader``), and a file whose content digest changed since it was indexed is
skipped as stale, never trusted.

This module is the public face (open, close, update, remove, query); writing
lives in :mod:`.writer`, matching new text against the index in :mod:`.reader`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from types import TracebackType

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.find import ParagraphTable, cluster_table
from seedclean.dedup.index.content import Reader, digest, file_reader
from seedclean.dedup.index.reader import IndexReader
from seedclean.dedup.index.segments import Segment
from seedclean.dedup.index.store import Store
from seedclean.dedup.index.writer import IndexWriter, UpdateStats
from seedclean.dedup.report import Cluster, IndexMatch

__all__ = ["DEFAULT_DIRNAME", "DedupIndex", "UpdateStats", "digest"]

DEFAULT_DIRNAME = ".seedclean"


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
        self._segments: dict[str, Segment] = {}
        self.stale: set[str] = set()
        self._writer = IndexWriter(directory, store, config, self._segments)
        self._lookup = IndexReader(directory, store, config, reader, self._segments, self.stale)

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
        return cls(directory, store, config, reader or file_reader(root or directory.parent))

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
        return cls(directory, store, config, reader or file_reader(root or directory.parent))

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

    def update(self, documents: Iterable[tuple[str, str]]) -> UpdateStats:
        """Add new documents, replace changed ones (by content digest), keep unchanged ones."""
        return self._writer.update(documents)

    def remove(self, paths: Iterable[str]) -> int:
        """Forget documents (files that disappeared); returns how many were indexed."""
        return self._writer.remove(paths)

    def _live_segments(self) -> list[Segment]:
        return self._lookup.live_segments()

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
        return self._lookup.match(keys, bands, exclude_paths)
