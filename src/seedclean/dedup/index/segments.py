"""Immutable on-disk segments: memory-mapped numpy arrays searched with ``searchsorted``.

A segment holds the paragraphs added by one index update (or the live rows of
segments merged into it, :func:`merge_segments`), in five ``.npy`` files
inside ``seg-NNNNNN/``:

=============  ================  ==============================================
file           shape / dtype     content
=============  ================  ==============================================
``rows``       (n, 5) uint32     doc id, paragraph, line, start, end
``hash``       (n,) uint64       64-bit key hashes, sorted
``hashrow``    (n,) uint32       row of each sorted hash
``bandkey``    (bands, n) uint32 band bucket keys, each band sorted
``bandrow``    (bands, n) uint32 row of each sorted band key
=============  ================  ==============================================

That is 20 + 12 + 8 * bands bytes per paragraph (368 B at 42 bands), plus
``hashfence`` and ``bandfence``: every 1024th sorted key (:mod:`.fence`,
under 0.2 B per paragraph).  Files are opened with ``mmap_mode="r"``: opening
costs nothing and a lookup reads one block of each column it searches.  A segment is written under a
temporary name, fsynced, then renamed, so a crash never leaves half a segment
under a real name.  The database records each file's size and checksum
(:func:`checksums`): opening a segment checks that its files exist with the
recorded sizes and shapes (a missing or truncated segment is a clear
:class:`IndexDamagedError`, never a crash); the checksums themselves are
compared by ``seedclean index verify`` and before a segment is merged, so a
merge never carries damaged keys into a fresh segment.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from seedclean.dedup.index.fence import build_fence
from seedclean.dedup.index.layout import IndexDamagedError, rebuild_hint, remove_segment_dir

__all__ = [
    "Segment",
    "SegmentData",
    "checksums",
    "fsync_dir",
    "merge_segments",
    "write_segment",
]

_FILES = ("rows", "hash", "hashrow", "bandkey", "bandrow")
_FENCES = ("hashfence", "bandfence")


@dataclass(frozen=True)
class SegmentData:
    """The arrays of one segment (in memory or memory-mapped)."""

    rows: npt.NDArray[np.uint32]
    hash: npt.NDArray[np.uint64]
    hashrow: npt.NDArray[np.uint32]
    bandkey: npt.NDArray[np.uint32]
    bandrow: npt.NDArray[np.uint32]
    hashfence: npt.NDArray[np.uint64] | None = None
    bandfence: npt.NDArray[np.uint32] | None = None

    @classmethod
    def build(
        cls,
        rows: npt.NDArray[np.uint32],
        hashes: npt.NDArray[np.uint64],
        bands: npt.NDArray[np.uint32],
    ) -> SegmentData:
        """Sort hashes and every band column, keeping the row each value came from."""
        hash_order = np.argsort(hashes, kind="stable")
        count, width = bands.shape
        bandkey = np.empty((width, count), dtype=np.uint32)
        bandrow = np.empty((width, count), dtype=np.uint32)
        for band in range(width):  # one column at a time: no (bands, n) int64 temporaries
            order = np.argsort(bands[:, band], kind="stable")
            bandkey[band] = bands[order, band]
            bandrow[band] = order
        return cls(
            rows=np.ascontiguousarray(rows, dtype=np.uint32),
            hash=hashes[hash_order],
            hashrow=hash_order.astype(np.uint32),
            bandkey=bandkey,
            bandrow=bandrow,
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
    """A segment directory, opened lazily.

    Args:
        directory: the segment folder.
        rows: the row count the database records (checked on opening).
        files: ``file name -> [size, checksum]`` as the database records them
            (sizes checked on opening; checksums by :meth:`verify`).
    """

    def __init__(
        self,
        directory: Path,
        rows: int | None = None,
        files: Mapping[str, list[Any]] | None = None,
    ) -> None:
        self.directory = directory
        self.rows = rows
        self.files = dict(files or {})
        self._data: SegmentData | None = None

    @property
    def data(self) -> SegmentData:
        """The memory-mapped arrays (opened on first use; sizes and shapes checked)."""
        if self._data is None:
            self._check_sizes()
            try:
                arrays = {
                    name: np.load(self.directory / f"{name}.npy", mmap_mode="r") for name in _FILES
                }
                for name in _FENCES:  # small: read whole
                    path = self.directory / f"{name}.npy"
                    arrays[name] = np.load(path) if path.exists() else None
            except (OSError, ValueError, EOFError) as error:
                raise self._damaged(f"cannot be read ({error})") from error
            data = SegmentData(**arrays)
            self._check_shapes(data)
            self._data = data
        return self._data

    def verify(self) -> list[str]:
        """Problems found by comparing every file with its recorded size and checksum."""
        problems = []
        try:
            found = checksums(self.directory)
        except OSError as error:
            return [f"{self.directory.name}: cannot be read ({error})"]
        for name, expected in sorted(self.files.items()):
            if name not in found:
                problems.append(f"{self.directory.name}/{name}: missing")
            elif list(found[name]) != list(expected):
                problems.append(f"{self.directory.name}/{name}: checksum mismatch (damaged)")
        if not problems:
            try:
                self.data  # noqa: B018 - shapes and ids
            except IndexDamagedError as error:
                problems.append(str(error).split("; check it")[0])
        return problems

    def _damaged(self, what: str) -> IndexDamagedError:
        index = self.directory.parent
        return IndexDamagedError(
            f"the index in {index} is damaged: segment {self.directory.name} {what}; "
            + rebuild_hint(index)
        )

    def _check_sizes(self) -> None:
        for name, (size, _) in sorted(self.files.items()):
            try:
                actual = (self.directory / name).stat().st_size
            except FileNotFoundError:
                raise self._damaged(f"is missing {name}") from None
            if actual != size:
                raise self._damaged(f"has {name} of {actual} bytes, {size} recorded (truncated?)")

    def _check_shapes(self, data: SegmentData) -> None:
        n = data.rows.shape[0] if data.rows.ndim == 2 else -1
        ok = (
            data.rows.ndim == 2
            and data.rows.shape[1] == 5
            and (self.rows is None or n == self.rows)
            and data.hash.shape == (n,)
            and data.hashrow.shape == (n,)
            and data.bandkey.ndim == 2
            and data.bandkey.shape[1] == n
            and data.bandrow.shape == data.bandkey.shape
        )
        if not ok:
            raise self._damaged("has arrays of the wrong shape")


def checksums(directory: Path) -> dict[str, list[Any]]:
    """``file name -> [size, blake2b checksum]`` of every file of the segment in ``directory``."""
    out: dict[str, list[Any]] = {}
    for name in (*_FILES, *_FENCES):
        path = directory / f"{name}.npy"
        if not path.exists():
            continue
        hasher = hashlib.blake2b(digest_size=16)
        size = 0
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                hasher.update(chunk)
                size += len(chunk)
        out[f"{name}.npy"] = [size, hasher.hexdigest()]
    return out


def fsync_dir(directory: Path) -> None:
    """Make a rename or create inside ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def merge_segments(
    directory: Path, name: str, parts: list[SegmentData], live: list[npt.NDArray[np.bool_]]
) -> int:
    """Write the live rows of ``parts`` as one segment ``directory/name``; return its rows.

    The result is laid out exactly as :meth:`SegmentData.build` would lay out
    the same rows.  It is built one column at a time straight into
    memory-mapped output files, so memory holds one band column of the merged
    segment, never all of it (nor anything of the segments not merged).
    Atomic like :func:`write_segment`.
    """
    counts = [int(mask.sum()) for mask in live]
    total = sum(counts)
    offsets = np.cumsum([0, *counts])
    new_row = []
    for mask, offset in zip(live, offsets, strict=False):
        renumber = np.full(mask.shape[0], -1, dtype=np.int64)
        renumber[mask] = offset + np.arange(int(mask.sum()), dtype=np.int64)
        new_row.append(renumber)
    bands = parts[0].bandkey.shape[0] if parts else 0
    temp = _temp_dir(directory, name)
    out = {
        "rows": _output(temp, "rows", np.uint32, (total, 5)),
        "hash": _output(temp, "hash", np.uint64, (total,)),
        "hashrow": _output(temp, "hashrow", np.uint32, (total,)),
        "bandkey": _output(temp, "bandkey", np.uint32, (bands, total)),
        "bandrow": _output(temp, "bandrow", np.uint32, (bands, total)),
    }
    for part, mask, offset in zip(parts, live, offsets, strict=False):
        out["rows"][offset : offset + int(mask.sum())] = part.rows[mask]
    _merge_column(parts, live, new_row, out, "hash", "hashrow")
    for band in range(bands):
        _merge_column(parts, live, new_row, out, "bandkey", "bandrow", band)
    _save_fences(temp, out["hash"], out["bandkey"])
    for array in out.values():
        if isinstance(array, np.memmap):
            array.flush()
    del out
    _commit_dir(directory, name, temp)
    return total


def _merge_column(
    parts: list[SegmentData],
    live: list[npt.NDArray[np.bool_]],
    new_row: list[npt.NDArray[np.int64]],
    out: dict[str, npt.NDArray[Any]],
    key_name: str,
    row_name: str,
    band: int | None = None,
) -> None:
    """Merge one sorted column (keys and their rows) of every part, dropping dead rows."""
    keys: list[npt.NDArray[Any]] = []
    rows: list[npt.NDArray[np.int64]] = []
    for part, mask, renumber in zip(parts, live, new_row, strict=True):
        part_keys = getattr(part, key_name)
        part_rows = getattr(part, row_name)
        if band is not None:
            part_keys, part_rows = part_keys[band], part_rows[band]
        old_rows = np.asarray(part_rows)
        keep = mask[old_rows]
        keys.append(np.asarray(part_keys)[keep])
        rows.append(renumber[old_rows[keep]])
    merged_keys = np.concatenate(keys)
    merged_rows = np.concatenate(rows)
    # Equal keys in row order, as SegmentData.build's stable sort leaves them.
    order = np.lexsort((merged_rows, merged_keys))
    key_out, row_out = out[key_name], out[row_name]
    if band is not None:
        key_out, row_out = key_out[band], row_out[band]
    key_out[:] = merged_keys[order]
    row_out[:] = merged_rows[order]


def _temp_dir(directory: Path, name: str) -> Path:
    final = directory / name
    temp = directory / f"tmp-{name}-{os.getpid()}"
    for stale in (final, temp):
        # an orphan of a crashed write (never committed): only its own files are deleted
        if stale.exists() and not remove_segment_dir(stale):
            raise IndexDamagedError(
                f"{stale} holds files that are not part of a seedclean segment; "
                "it is left alone (move it out of the index folder)"
            )
    temp.mkdir()
    return temp


def _output(
    temp: Path, field_name: str, dtype: type[np.generic], shape: tuple[int, ...]
) -> npt.NDArray[Any]:
    path = temp / f"{field_name}.npy"
    array: npt.NDArray[Any] = np.lib.format.open_memmap(path, mode="w+", dtype=dtype, shape=shape)
    return array


def _save_fences(
    temp: Path, hashes: npt.NDArray[np.uint64], bandkey: npt.NDArray[np.uint32]
) -> None:
    np.save(temp / "hashfence.npy", build_fence(hashes[None, :])[0])
    np.save(temp / "bandfence.npy", build_fence(bandkey))


def _commit_dir(directory: Path, name: str, temp: Path) -> None:
    """fsync every file of ``temp`` and the directory, then rename it to ``name``."""
    for field_name in (*_FILES, *_FENCES):
        fd = os.open(temp / f"{field_name}.npy", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    fsync_dir(temp)
    temp.rename(directory / name)
    fsync_dir(directory)


def write_segment(directory: Path, name: str, data: SegmentData) -> Path:
    """Write ``data`` as ``directory/name`` atomically (temp dir, fsync, rename)."""
    temp = _temp_dir(directory, name)
    for field_name in _FILES:
        path = temp / f"{field_name}.npy"
        with path.open("wb") as handle:
            np.save(handle, np.ascontiguousarray(getattr(data, field_name)))
    _save_fences(temp, data.hash, data.bandkey)
    _commit_dir(directory, name, temp)
    return directory / name
