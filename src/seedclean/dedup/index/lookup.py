"""Candidate lookup in the segments: which indexed rows to verify for each new paragraph.

Each new paragraph's key hash (exact copies) and band keys (near copies and
fragments) are looked up in every live segment (:mod:`.fence` search on the
sorted columns); a row gets one vote per band it shares (the hash counts as a
full match), and each paragraph keeps its ``max_candidates`` best-voted rows.
Buckets are capped at ``max_bucket`` rows, exact hashes at ``EXACT_CAP``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.index.fence import search
from seedclean.dedup.index.segments import SegmentData

__all__ = ["EXACT_CAP", "candidate_rows"]

EXACT_CAP = 8


def candidate_rows(
    segments: list[SegmentData],
    hashes: npt.NDArray[np.uint64],
    bands: npt.NDArray[np.uint32],
    config: DedupConfig,
) -> npt.NDArray[np.int64]:
    """Rows ``(query, segment, row, votes)`` worth verifying, best first per query."""
    count = hashes.shape[0]
    chunks: list[npt.NDArray[np.int64]] = []
    for seg_no, data in enumerate(segments):
        lo = search(data.hash, data.hashfence, hashes, "left")
        hi = np.minimum(search(data.hash, data.hashfence, hashes, "right"), lo + EXACT_CAP)
        chunks.append(_expand(lo, hi, data.hashrow, seg_no, 1 + config.bands))
        for band in range(config.bands):
            column = data.bandkey[band]
            fence = None if data.bandfence is None else data.bandfence[band]
            lo = search(column, fence, bands[:, band], "left")
            hi = search(column, fence, bands[:, band], "right")
            hi = np.minimum(hi, lo + config.max_bucket)
            chunks.append(_expand(lo, hi, data.bandrow[band], seg_no, 1))
    table = np.concatenate(chunks) if chunks else np.zeros((0, 4), dtype=np.int64)
    if table.size == 0:
        return table
    rows_per_segment = 1 << 32
    codes = (table[:, 0] * (len(segments) + 1) + table[:, 1]) * rows_per_segment + table[:, 2]
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    votes = np.bincount(inverse, weights=table[:, 3]).astype(np.int64)
    merged = table[first].copy()
    merged[:, 3] = votes
    order = np.lexsort((merged[:, 2], merged[:, 1], -merged[:, 3], merged[:, 0]))
    merged = merged[order]
    starts = np.searchsorted(merged[:, 0], np.arange(count), "left")
    rank = np.arange(merged.shape[0]) - starts[merged[:, 0]]
    return merged[rank < config.max_candidates]


def _expand(
    lo: npt.NDArray[np.intp],
    hi: npt.NDArray[np.intp],
    rows: npt.NDArray[np.uint32],
    segment: int,
    weight: int,
) -> npt.NDArray[np.int64]:
    """One ``(query, segment, row, weight)`` line per entry in ``rows[lo[q]:hi[q]]``."""
    counts = np.maximum(hi - lo, 0).astype(np.int64)
    total = int(counts.sum())
    if total == 0:
        return np.zeros((0, 4), dtype=np.int64)
    query = np.repeat(np.arange(lo.shape[0], dtype=np.int64), counts)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    out = np.empty((total, 4), dtype=np.int64)
    out[:, 0] = query
    out[:, 1] = segment
    out[:, 2] = rows[lo.astype(np.int64)[query] + offsets]
    out[:, 3] = weight
    return out
