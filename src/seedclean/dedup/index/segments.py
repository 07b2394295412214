"""Immutable on-disk segments: memory-mapped numpy arrays searched with ``searchsorted``.

A segment holds the paragraphs added by one index update, in five ``.npy``
files inside ``seg-NNNNNN/``:

=============  ================  ==============================================
file           shape / dtype     content
=============  ================  ==============================================
``rows``       (n, 5) uint32     doc id, paragraph, line, start, end
``hash``       (n,) uint64       64-bit key hashes, sorted
``hashrow``    (n,) uint32       row of each sorted hash
``bandkey``    (bands, n) uint32 band bucket keys, each band sorted
``bandrow``    (bands, n) uint32 row of each sorted band key
=============  ================  ==============================================

That is 20 + 12 + 8 * bands bytes per paragraph (368 B at 42 bands).  Files
are opened with ``mmap_mode="r"``: opening costs nothing and a query touches
only the pages its binary searches visit.  A segment is written under a
temporary name, fsynced, then renamed, so a crash never leaves half a segment
under a real name.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["Segment", "SegmentData", "fsync_dir", "write_segment"]

_FILES = ("rows", "hash", "hashrow", "bandkey", "bandrow")


@dataclass(frozen=True)
class SegmentData:
    """The arrays of one segment (in memory or memory-mapped)."""

    rows: npt.NDArray[np.uint32]
    hash: npt.NDArray[np.uint64]
    hashrow: npt.NDArray[np.uint32]
    bandkey: npt.NDArray[np.uint32]
    bandrow: npt.NDArray[np.uint32]

    @classmethod
    def build(
        cls,
        rows: npt.NDArray[np.uint32],
        hashes: npt.NDArray[np.uint64],
        bands: npt.NDArray[np.uint32],
    ) -> SegmentData:
        """Sort hashes and every band column, keeping the row each value came from."""
        hash_order = np.argsort(hashes, kind="stable")
        band_order = np.argsort(bands.T, axis=1, kind="stable")
        return cls(
            rows=np.ascontiguousarray(rows, dtype=np.uint32),
            hash=hashes[hash_order],
            hashrow=hash_order.astype(np.uint32),
            bandkey=np.take_along_axis(bands.T, band_order, axis=1),
            bandrow=band_order.astype(np.uint32),
        )

    def band_matrix(self) -> npt.NDArray[np.uint32]:
        """Band keys back in row order, shape ``(n, bands)`` (used when merging)."""
        out = np.empty((self.rows.shape[0], self.bandkey.shape[0]), dtype=np.uint32)
        for band in range(self.bandkey.shape[0]):
            out[self.bandrow[band], band] = self.bandkey[band]
        return out

    def hashes_by_row(self) -> npt.NDArray[np.uint64]:
        """Key hashes back in row order."""
        out = np.empty(self.hash.shape[0], dtype=np.uint64)
        out[self.hashrow] = self.hash
        return out


class Segment:
    """A segment directory, opened lazily."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._data: SegmentData | None = None

    @property
    def data(self) -> SegmentData:
        """The memory-mapped arrays (opened on first use)."""
        if self._data is None:
            arrays = {
                name: np.load(self.directory / f"{name}.npy", mmap_mode="r") for name in _FILES
            }
            self._data = SegmentData(**arrays)
        return self._data


def fsync_dir(directory: Path) -> None:
    """Make a rename or create inside ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_segment(directory: Path, name: str, data: SegmentData) -> Path:
    """Write ``data`` as ``directory/name`` atomically (temp dir, fsync, rename)."""
    final = directory / name
    temp = directory / f"tmp-{name}-{os.getpid()}"
    for stale in (final, temp):
        if stale.exists():
            shutil.rmtree(stale)  # an orphan of a crashed write: never committed
    temp.mkdir()
    for field_name in _FILES:
        path = temp / f"{field_name}.npy"
        with path.open("wb") as handle:
            np.save(handle, np.ascontiguousarray(getattr(data, field_name)))
            handle.flush()
            os.fsync(handle.fileno())
    fsync_dir(temp)
    temp.rename(final)
    fsync_dir(directory)
    return final
