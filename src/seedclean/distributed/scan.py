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

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.find import preview, sketch_bands
from seedclean.dedup.key import paragraph_key
from seedclean.dedup.paragraphs import split_paragraphs
from seedclean.dedup.report import Member
from seedclean.files import SkipFileError, decode_bytes, read_snapshot

__all__ = ["UID_SHIFT", "Document", "ScanPart", "read_text", "scan_partition"]

UID_SHIFT = 32

Document = tuple[int, str, str | None]
"""``(document index, name, text)``; ``text`` ``None`` means: read the file ``name``."""


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
    """Build the :class:`ScanPart` of one partition (a one-element list, as bags want)."""
    uids: list[int] = []
    keys: list[str] = []
    members: list[Member] = []
    digests: list[bytes] = []
    part = ScanPart(
        np.zeros(0, np.int64), np.zeros((0, 2), np.uint64), np.zeros(0, np.int64), keys,
        members, np.zeros(0, np.int64), np.zeros((0, config.bands), np.uint32),
    )  # fmt: skip
    for index, name, given in documents:
        try:
            text = read_text(name, max_file_size) if given is None else given
        except SkipFileError as skip:
            part.skipped.append((name, skip.kind, skip.reason))  # exceptions may not pickle
            continue
        part.documents += 1
        for para in split_paragraphs(text):
            part.paragraphs += 1
            body = text[para.start : para.end]
            key = paragraph_key(body)
            if len(key) < config.min_chars:
                continue
            uids.append(index << UID_SHIFT | para.number)
            keys.append(key)
            digests.append(_digest(key))
            chars = para.end - para.start
            members.append(
                Member(name, para.number, para.line, para.start, para.end, chars, preview(body))
            )
    part.uid = np.asarray(uids, dtype=np.int64)
    part.digest = np.frombuffer(b"".join(digests), dtype=np.uint64).reshape(-1, 2).copy()
    part.chars = np.asarray([m.chars for m in members], dtype=np.int64)
    seen: dict[bytes, int] = {}
    first = [seen.setdefault(d, row) for row, d in enumerate(digests)]
    part.first = np.flatnonzero(np.asarray(first, dtype=np.int64) == np.arange(len(first)))
    part.bands = sketch_bands([keys[r] for r in part.first.tolist()], config)
    return [part]
