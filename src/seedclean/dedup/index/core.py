"""``DedupIndex``: a persistent, incremental paragraph index for a corpus.

Storage (see docs/dedup.md, "Index format"): SQLite for the document table
and settings (:mod:`.store`), immutable memory-mapped numpy segments for
hashes and LSH band keys (:mod:`.segments`).  Paragraph text is not stored:
candidates are verified by reading just their files again (through
``reader``), and a file whose content digest changed since it was indexed is
skipped as stale, never trusted.

This module is the public face (create, open, rebuild, verify, close, update,
remove, query); writing lives in :mod:`.writer`, matching new text against the
index in :mod:`.reader`, what the index may create and delete in
:mod:`.layout`, locking in :mod:`.locks`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sqlite3
from collections.abc import Collection, Iterable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from filelock import FileLock

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.index import layout
from seedclean.dedup.index.content import Reader, digest, file_reader
from seedclean.dedup.index.layout import (
    DB_FILES,
    DedupIndexError,
    IndexExistsError,
    IndexMissingError,
    NotAnIndexError,
    rebuild_hint,
    remove_segment_dir,
)
from seedclean.dedup.index.locks import write_lock
from seedclean.dedup.index.reader import IndexReader
from seedclean.dedup.index.segments import Segment, fsync_dir
from seedclean.dedup.index.store import Store
from seedclean.dedup.index.writer import IndexWriter, UpdateStats
from seedclean.dedup.report import Cluster, IndexMatch
from seedclean.dedup.table import ParagraphTable, cluster_table

__all__ = ["DEFAULT_DIRNAME", "DedupIndex", "UpdateStats", "Verification", "digest"]

DEFAULT_DIRNAME = ".seedclean"


class Verification(NamedTuple):
    """What :meth:`DedupIndex.verify` found."""

    damage: list[str]
    stale: dict[str, str]
    leftovers: list[str]

    @property
    def ok(self) -> bool:
        """Nothing damaged and nothing stale."""
        return not self.damage and not self.stale


class DedupIndex:
    """A corpus's paragraphs, on disk, for checking new text against it quickly.

    Open with :meth:`create` or :meth:`open`; use as a context manager.  The
    default location is ``<corpus root>/.seedclean``; paths are stored as
    given and read back as ``root / path`` (``root``: the index folder's
    parent) unless a ``reader`` is supplied.  ``stale`` maps each indexed path
    found changed or gone since it was indexed to what happened to it.
    """

    def __init__(self, directory: Path, store: Store, config: DedupConfig, reader: Reader) -> None:
        self.directory = directory
        self.config = config
        self._store = store
        self._segments: dict[str, Segment] = {}
        self.stale: dict[str, str] = {}
        self._lookup = IndexReader(directory, store, config, reader, self._segments, self.stale)
        self._writer = IndexWriter(
            directory, store, config, self._segments, changed=self._lookup.refresh
        )

    @classmethod
    def create(
        cls,
        directory: Path,
        config: DedupConfig | None = None,
        *,
        root: Path | None = None,
        reader: Reader | None = None,
    ) -> DedupIndex:
        """Create an empty index in ``directory`` (created if needed; it must be new or empty).

        The index is built in a temporary folder beside ``directory`` and
        renamed into place, so two processes creating it at once get one
        index (the second gets :class:`IndexExistsError`), and a crash leaves
        no half-made index.

        Raises:
            IndexExistsError: an index is already there.
            NotAnIndexError: ``directory`` holds other files.
        """
        directory = Path(directory)
        _check_creatable(directory)
        config = config or DedupConfig()
        parent = directory.absolute().parent
        parent.mkdir(parents=True, exist_ok=True)
        temp = (
            parent / f".{directory.absolute().name}.creating-{os.getpid()}-{secrets.token_hex(4)}"
        )
        temp.mkdir()
        try:
            layout.write_marker(temp)
            Store.create(temp, config).db.close()
            for name in (layout.MARKER, *DB_FILES):
                if (temp / name).exists():
                    fd = os.open(temp / name, os.O_RDONLY)
                    try:
                        os.fsync(fd)
                    finally:
                        os.close(fd)
            fsync_dir(temp)
            try:
                temp.rename(directory)  # replaces an empty folder; fails on a non-empty one
            except OSError as error:
                if error.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
                    _check_creatable(directory)  # someone else created it first: say so
                    raise NotAnIndexError(
                        f"cannot create an index in {directory}: {error}"
                    ) from error
                raise
            fsync_dir(parent)
        finally:
            _remove_temp(temp)
        return cls.open(directory, root=root, reader=reader)

    @classmethod
    def open(
        cls, directory: Path, *, root: Path | None = None, reader: Reader | None = None
    ) -> DedupIndex:
        """Open an existing index (cheap: nothing is loaded until a query).

        ``root`` (default: the index folder's parent) is where indexed paths
        are read back from, decoded as the command line decodes files.

        Raises:
            IndexMissingError: there is no index in ``directory``.
            NotAnIndexError: ``directory`` holds other files.
            IndexDamagedError: the index is damaged (the message names the
                verify command and ``--rebuild``).
            DedupIndexError: an index of another format version.
        """
        directory = Path(directory)
        found = layout.state(directory)
        if found == "missing":
            raise IndexMissingError(f"no seedclean index in {directory}")
        if found == "foreign":
            raise NotAnIndexError(
                f"{directory} is not a seedclean index ({_what_is_there(directory)}; an index "
                f"folder carries a {layout.MARKER} file): choose another folder with --index"
            )
        if found == "legacy":
            raise DedupIndexError(
                f"the index in {directory} was written by an older seedclean (format 1); "
                + rebuild_hint(directory)
            )
        store, config = Store.open(directory)
        if reader is None:
            reader = file_reader(root if root is not None else directory.absolute().parent)
        return cls(directory, store, config, reader)

    @classmethod
    def rebuild(
        cls,
        directory: Path,
        config: DedupConfig | None = None,
        *,
        root: Path | None = None,
        reader: Reader | None = None,
    ) -> DedupIndex:
        """Discard the index in ``directory`` (damaged or not) and start an empty one.

        Only the index's own files go (its database and segment folders,
        :mod:`.layout`), under the write lock; a folder that is not an index
        is refused like :meth:`create`.
        """
        directory = Path(directory)
        found = layout.state(directory)
        if found in ("missing",):
            return cls.create(directory, config, root=root, reader=reader)
        if found == "foreign":
            raise NotAnIndexError(
                f"{directory} is not a seedclean index ({_what_is_there(directory)}): "
                "refusing to rebuild there"
            )
        with write_lock(directory):
            for entry in list(directory.iterdir()):
                if entry.name in DB_FILES:
                    entry.unlink()
                elif layout.is_segment_name(entry.name):
                    remove_segment_dir(entry)
            layout.write_marker(directory)
            Store.create(directory, config or DedupConfig()).db.close()
            fsync_dir(directory)
        return cls.open(directory, root=root, reader=reader)

    def lock(self) -> FileLock:
        """The inter-process write lock (reentrant; ``update``/``remove`` take it themselves).

        Hold it around a check-then-update (as ``dedup --update-index`` does)
        so that parallel runs see each other's files.
        """
        return self._writer.lock

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

    def verify(self, *, files: bool = True) -> Verification:
        """Check the whole index: database, every segment's checksums and rows, indexed files.

        ``damage`` lists what makes answers wrong (rebuild the index);
        ``stale`` indexed files that changed or vanished since they were
        indexed (``--update-index`` re-indexes them); ``leftovers`` segment
        folders of an interrupted write (deleted by the next update).
        With ``files=False`` the indexed files are not read.
        """
        damage: list[str] = []
        db = self._store.db
        try:
            (integrity,) = db.execute("PRAGMA integrity_check").fetchone()
            if integrity != "ok":
                damage.append(f"{layout.DB_NAME}: {integrity}")
            table = self._store.segment_table()
            orphan_docs = db.execute(
                "SELECT COUNT(*) FROM docs WHERE segment NOT IN (SELECT id FROM segments)"
            ).fetchone()[0]
            (next_doc,) = db.execute("SELECT value FROM meta WHERE key = 'next_doc'").fetchone()
        except sqlite3.DatabaseError as error:
            return Verification([f"{layout.DB_NAME}: {error}"], {}, [])
        if orphan_docs:
            damage.append(f"{layout.DB_NAME}: {orphan_docs} document(s) name a missing segment")
        for _, name, rows, seg_files in table:
            segment = Segment(self.directory / name, rows, seg_files)
            problems = segment.verify()
            if not problems:
                data = segment.data.rows
                if data.size and (
                    int(data[:, 0].max()) >= int(next_doc) or bool((data[:, 3] > data[:, 4]).any())
                ):
                    problems.append(f"{name}/rows.npy: document ids or offsets out of range")
            damage.extend(problems)
        listed = {name for _, name, _, _ in table}
        leftovers = sorted(
            entry.name
            for entry in self.directory.iterdir()
            if layout.is_segment_name(entry.name) and entry.name not in listed
        )
        stale: dict[str, str] = {}
        if files and not damage:
            stale = self._lookup.stale_files()
        return Verification(damage, stale, leftovers)

    def _live_segments(self) -> list[Segment]:
        return self._lookup.live_segments()

    def refresh(self) -> None:
        """See what other processes wrote since this index object first looked (a new snapshot)."""
        self._lookup.refresh()

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


def _check_creatable(directory: Path) -> None:
    found = layout.state(directory)
    if found == "index" or found == "legacy":
        raise IndexExistsError(f"an index already exists in {directory}")
    if found == "foreign":
        if not directory.is_dir():
            raise NotAnIndexError(
                f"{directory} is a file, not a folder: an index is a folder; choose a new or "
                "empty folder with --index"
            )
        raise NotAnIndexError(
            f"{directory} is not empty and is not a seedclean index: refusing to create an "
            "index there (an index may only delete what it created); choose a new or empty "
            "folder with --index"
        )


def _what_is_there(directory: Path) -> str:
    """Why ``directory`` is not an index, in the words of a message: a file, or other files."""
    return "it holds other files" if directory.is_dir() else "it is a file, not a folder"


def _remove_temp(temp: Path) -> None:
    """Delete a creation folder that was not renamed into place (only our own files)."""
    if not temp.exists():
        return
    for name in (layout.MARKER, *DB_FILES):
        (temp / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        temp.rmdir()
