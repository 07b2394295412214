"""Pass 1 of the spilled search: fixed-width paragraph rows and band keys written to disk.

:class:`SpillScan` reads each document once and keeps nothing of its text:
per comparable paragraph (key of ``min_chars`` or more) it appends one value
to each column file of a work directory:

=========== ====== =====================================================
column      type   holds
=========== ====== =====================================================
``doc``     uint32 document number (order of the stream)
``number``  uint32 0-based paragraph number in the document
``line``    uint32 1-based line
``start``   uint32 character offset of the paragraph
``end``     uint32 offset just past it
``keylen``  uint32 length of its comparison key
``hi lo``   uint64 128-bit BLAKE2b digest of the key (exact grouping)
``band-k``  uint32 band key ``k`` (one file per band, so candidates sort a
                   band at a time)
=========== ====== =====================================================

That is 40 + 4 x bands bytes per paragraph on disk and none in memory.  Per
document only its path and a 128-bit digest of its text stay in memory, so
a document read back later can be checked to be the one that was scanned.

:func:`exact_groups` groups equal digests by sorting; :func:`band_candidates`
pairs representatives band by band with the in-memory
:func:`~seedclean.dedup.candidates.candidate_pairs`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from seedclean.dedup.candidates import candidate_pairs
from seedclean.dedup.config import DedupConfig
from seedclean.dedup.key import line_keys
from seedclean.dedup.paragraphs import split_paragraphs
from seedclean.dedup.sketch import sketch_bands

__all__ = ["SpillScan", "band_candidates", "exact_groups", "text_digest"]

I64 = npt.NDArray[np.int64]
COLUMNS: dict[str, type[np.unsignedinteger[Any]]] = {
    "doc": np.uint32,
    "number": np.uint32,
    "line": np.uint32,
    "start": np.uint32,
    "end": np.uint32,
    "keylen": np.uint32,
    "hi": np.uint64,
    "lo": np.uint64,
}
_ROW_FIELDS = ("doc", "number", "line", "start", "end", "keylen")
_BATCH = 8192
_MAX_OFFSET = 0xFFFFFFFF


def text_digest(text: str) -> bytes:
    """128-bit digest of a document's text (to recognise it when read back)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _key_digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class SpillScan:
    """Stream documents into column files under ``directory`` (a context manager)."""

    def __init__(self, directory: Path, config: DedupConfig) -> None:
        self.directory = directory
        self.config = config
        self.paths: list[str] = []
        self.digests: list[bytes] = []
        self.paragraphs = 0
        self.rows = 0
        self._keys: list[str] = []
        self._digests: list[bytes] = []
        self._values: list[int] = []
        self._files: dict[str, IO[bytes]] = {}
        self._bands: list[IO[bytes]] = []
        for name in COLUMNS:
            self._files[name] = (directory / f"{name}.bin").open("wb")
        for band in range(config.bands):
            self._bands.append(self.band_path(band).open("wb"))

    def band_path(self, band: int) -> Path:
        """The file of band ``band``'s keys."""
        return self.directory / f"band-{band:03d}.bin"

    def add(self, path: str, text: str) -> None:
        """Record the comparable paragraphs of one document."""
        if len(text) > _MAX_OFFSET:
            raise ValueError(f"{path}: documents over {_MAX_OFFSET} characters are not supported")
        doc = len(self.paths)
        self.paths.append(path)
        self.digests.append(text_digest(text))
        paragraphs = split_paragraphs(text)
        self.paragraphs += len(paragraphs)
        if not paragraphs:
            return
        keys = line_keys(text)
        min_chars = self.config.min_chars
        values = self._values
        for para in paragraphs:
            key = keys[para.line - 1]
            if len(key) < min_chars:
                continue
            self._keys.append(key)
            self._digests.append(_key_digest(key))
            values.extend((doc, para.number, para.line, para.start, para.end, len(key)))
        if len(self._keys) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._keys:
            return
        count = len(self._keys)
        table = np.array(self._values, dtype=np.uint32).reshape(count, len(_ROW_FIELDS))
        for col, name in enumerate(_ROW_FIELDS):
            np.ascontiguousarray(table[:, col]).tofile(self._files[name])
        digests = np.frombuffer(b"".join(self._digests), dtype=np.uint64).reshape(count, 2)
        np.ascontiguousarray(digests[:, 0]).tofile(self._files["hi"])
        np.ascontiguousarray(digests[:, 1]).tofile(self._files["lo"])
        # Copies inside one batch are sketched once (the in-memory path sketches each key once).
        seen: dict[bytes, int] = {}
        unique: list[str] = []
        slot: list[int] = []
        for key, digest in zip(self._keys, self._digests, strict=True):
            at = seen.setdefault(digest, len(unique))
            if at == len(unique):
                unique.append(key)
            slot.append(at)
        bands = sketch_bands(unique, self.config)[np.asarray(slot, dtype=np.int64)]
        for band, column in enumerate(np.ascontiguousarray(bands.T)):
            column.tofile(self._bands[band])
        self.rows += count
        self._keys, self._digests, self._values = [], [], []

    def finish(self) -> None:
        """Write what is pending and close the files."""
        self._flush()
        self.close()

    def close(self) -> None:
        """Close every file (idempotent)."""
        for handle in [*self._files.values(), *self._bands]:
            handle.close()

    def __enter__(self) -> SpillScan:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def column(self, name: str) -> npt.NDArray[Any]:
        """A whole column, read into memory."""
        return np.fromfile(self.directory / f"{name}.bin", dtype=COLUMNS[name])

    def take(self, name: str, rows: I64) -> npt.NDArray[np.int64]:
        """Column ``name`` at ``rows`` (reads only the pages they fall on), as int64."""
        if rows.size == 0 or self.rows == 0:
            return np.zeros(rows.size, dtype=np.int64)
        mapped = np.memmap(self.directory / f"{name}.bin", dtype=COLUMNS[name], mode="r")
        out = mapped[rows].astype(np.int64)
        del mapped
        return out

    def bands_at(self, rows: I64) -> npt.NDArray[np.uint32]:
        """Band keys of ``rows``, shape ``(len(rows), bands)``."""
        out = np.zeros((rows.size, self.config.bands), dtype=np.uint32)
        if rows.size == 0:
            return out
        for band in range(self.config.bands):
            mapped = np.memmap(self.band_path(band), dtype=np.uint32, mode="r")
            out[:, band] = mapped[rows]
            del mapped
        return out


def exact_groups(scan: SpillScan) -> tuple[I64, dict[int, list[int]]]:
    """Group rows with equal keys by their 128-bit digests.

    Returns:
        ``(rep_rows, groups)``: the first row of every distinct key, ascending
        (representative ``r`` is row ``rep_rows[r]``), and, for keys seen more
        than once, representative row -> all its rows ascending.  Rows are
        sorted on the high 64 bits and split on the low 64 bits, so grouping
        errs only if two different keys share all 128 bits (probability about
        ``n² / 2¹²⁹``: 10⁻²¹ for a billion paragraphs).
    """
    if scan.rows == 0:
        return np.zeros(0, dtype=np.int64), {}
    high = scan.column("hi")
    order = np.argsort(high, kind="stable")
    ordered = high[order]
    del high
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    del ordered
    sizes = np.diff(np.append(starts, scan.rows))
    firsts = [order[starts]]
    groups: dict[int, list[int]] = {}
    multi = np.flatnonzero(sizes > 1)
    low = np.memmap(scan.directory / "lo.bin", dtype=np.uint64, mode="r")
    for start, size in zip(starts[multi].tolist(), sizes[multi].tolist(), strict=True):
        rows = order[start : start + size]
        lows = low[rows]
        if bool((lows == lows[0]).all()):
            groups[int(rows[0])] = rows.tolist()
            continue
        split: dict[int, list[int]] = {}
        for row, value in zip(rows.tolist(), lows.tolist(), strict=True):
            split.setdefault(value, []).append(row)
        for n, members in enumerate(split.values()):
            if n:
                firsts.append(np.array(members[:1], dtype=np.int64))
            if len(members) > 1:
                groups[members[0]] = members
    del low
    rep_rows = np.sort(np.concatenate(firsts)).astype(np.int64)
    return rep_rows, groups


def band_candidates(scan: SpillScan, rep_rows: I64, max_bucket: int) -> tuple[I64, I64]:
    """Candidate pairs of representatives, one band column at a time.

    Each band is paired by :func:`~seedclean.dedup.candidates.candidate_pairs`
    on that band alone (its buckets and ``max_bucket`` windows are exactly
    those of the band inside the all-bands call) and the pairs are merged, so
    the result equals ``candidate_pairs`` on the full ``(reps, bands)`` matrix
    while memory holds one band column.
    """
    count = rep_rows.size
    codes = np.zeros(0, dtype=np.int64)
    if count < 2:
        return codes, codes
    pending: list[I64] = []
    waiting = 0
    for band in range(scan.config.bands):
        mapped = np.memmap(scan.band_path(band), dtype=np.uint32, mode="r")
        column = mapped[rep_rows]
        del mapped
        first, second, _ = candidate_pairs(column[:, None], max_bucket)
        pending.append(first * count + second)
        waiting += first.size
        if waiting > max(codes.size, 1 << 16):  # merge when pending outgrows the merged set
            codes, pending, waiting = np.unique(np.concatenate([codes, *pending])), [], 0
    codes = np.unique(np.concatenate([codes, *pending]))
    return codes // count, codes % count
