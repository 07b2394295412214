"""The map stage of distributed dedup: one partition of documents -> its paragraph table.

Each partition, on its worker, splits its documents into paragraphs, computes
comparison keys, drops keys shorter than ``min_chars`` and gives every kept
paragraph a *uid* that sorts exactly like the local path's row order
(``document index << 32 | paragraph number``).  It also computes a 128-bit
digest of each key (exact-duplicate grouping) and the LSH band keys of the
partition's first copy of each key (with the local path's own functions, so
the band keys are bit-identical).  The table stays on the worker; only
compact records (uids, digests, band keys) are shuffled.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.report import Member
from seedclean.dedup.sketch import sketch_bands
from seedclean.dedup.table import ParagraphTable
from seedclean.files import SkipFileError, decode_bytes, read_snapshot

__all__ = ["UID_SHIFT", "Document", "FileRef", "ScanPart", "read_text", "scan_partition"]

UID_SHIFT = 32


class FileRef(NamedTuple):
    """A file the workers read: ``name`` in the report, ``path`` where to read it."""

    name: str
    path: str


Document = tuple[int, str, str | None, str]
"""``(document index, name, text, path)``; ``text`` ``None`` means: read the file ``path``."""


def read_text(path: str, max_file_size: int) -> str:
    """Read and decode a file as the CLI's ``dedup`` does (empty file -> "")."""
    data = read_snapshot(Path(path), max_file_size).data
    return decode_bytes(data).text if data else ""


@dataclass
class ScanPart:
    """The comparable paragraphs of one partition of documents (kept on its worker)."""

    uid: npt.NDArray[np.int64]
    digest: npt.NDArray[np.uint64]  # shape (n, 2): the key's 128-bit blake2b digest
    chars: npt.NDArray[np.int64]
    keys: list[str]
    members: list[Member]
    first: npt.NDArray[np.int64]  # rows that are the partition's first copy of their key
    bands: npt.NDArray[np.uint32]  # band keys of ``first`` rows, shape (len(first), bands)
    documents: int = 0
    paragraphs: int = 0
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # name, kind, reason

    def rows_of(self, uids: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Row numbers of those ``uids`` that live in this partition."""
        if not len(self.uid):
            return np.zeros(0, dtype=np.int64)
        where = np.minimum(np.searchsorted(self.uid, uids), len(self.uid) - 1).astype(np.int64)
        found: npt.NDArray[np.bool_] = self.uid[where] == uids
        rows: npt.NDArray[np.int64] = where[found]
        return rows


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()


def scan_partition(
    documents: list[Document], config: DedupConfig, max_file_size: int
) -> list[ScanPart]:
    """Build the :class:`ScanPart` of one partition (a one-element list, as bags want).

    Paragraphs and keys come from the local path's own
    :class:`~seedclean.dedup.table.ParagraphTable`, so both paths always split
    and key text the same way.
    """
    table = ParagraphTable(config.min_chars)
    uids: list[int] = []
    skipped: list[tuple[str, str, str]] = []
    for index, name, given, path in documents:
        try:
            text = read_text(path, max_file_size) if given is None else given
        except SkipFileError as skip:
            skipped.append((name, skip.kind, skip.reason))  # exceptions may not pickle
            continue
        before = len(table.members)
        table.add(name, text)
        uids.extend(index << UID_SHIFT | m.paragraph for m in table.members[before:])
    digests = [_digest(key) for key in table.keys]
    seen: dict[bytes, int] = {}
    first = [seen.setdefault(d, row) for row, d in enumerate(digests)]
    firsts = np.flatnonzero(np.asarray(first, dtype=np.int64) == np.arange(len(first)))
    part = ScanPart(
        uid=np.asarray(uids, dtype=np.int64),
        digest=np.frombuffer(b"".join(digests), dtype=np.uint64).reshape(-1, 2).copy(),
        chars=np.asarray([m.chars for m in table.members], dtype=np.int64),
        keys=table.keys,
        members=table.members,
        first=firsts,
        bands=sketch_bands([table.keys[r] for r in firsts.tolist()], config),
        documents=table.documents,
        paragraphs=table.paragraphs,
        skipped=skipped,
    )
    return [part]
