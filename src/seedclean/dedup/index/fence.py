"""Fence pointers: a small in-memory sample of each sorted column, one key per block.

Binary search over a memory-mapped column of a million keys touches about
twenty pages per lookup, most of them deep in the column and different for
every key: a one-page check at 10^6 paragraphs faulted in ~60,000 pages (over
200 MB of RSS, seconds on a cold disk).  A fence keeps every ``STRIDE``-th key
(4 KB of uint32 keys per block) in a small file that is read whole; a lookup
finds its block in the fence and then reads just that block of the column:
one or two pages per lookup.  Segments without fence files (written before
fences existed) are searched with plain ``searchsorted``.

>>> import numpy as np
>>> column = np.arange(0, 5000, 2, dtype=np.uint32)
>>> fence = build_fence(column[None, :])[0]
>>> queries = np.array([0, 1, 2, 4097, 9999], dtype=np.uint32)
>>> search(column, fence, queries, "left").tolist() == np.searchsorted(column, queries).tolist()
True
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import numpy.typing as npt

__all__ = ["MAX_FENCED_QUERIES", "STRIDE", "build_fence", "search"]

STRIDE = 1024
MAX_FENCED_QUERIES = 512  # beyond this a batch touches most pages anyway: plain searchsorted


def build_fence(columns: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Every ``STRIDE``-th key of each sorted row of ``columns`` (shape ``(k, n)``)."""
    return np.ascontiguousarray(columns[:, ::STRIDE])


def search(
    column: npt.NDArray[Any],
    fence: npt.NDArray[Any] | None,
    queries: npt.NDArray[Any],
    side: Literal["left", "right"],
) -> npt.NDArray[np.intp]:
    """``np.searchsorted(column, queries, side)``, reading one block of ``column`` per query."""
    if fence is None or queries.shape[0] > MAX_FENCED_QUERIES or column.shape[0] <= STRIDE:
        found: npt.NDArray[np.intp] = np.searchsorted(column, queries, side)
        return found
    n = column.shape[0]
    block = np.searchsorted(fence, queries, side)
    start = np.maximum(block - 1, 0) * STRIDE
    index = start[:, None] + np.arange(STRIDE)[None, :]
    inside = index < n
    values = column[np.minimum(index, n - 1)]
    before = values < queries[:, None] if side == "left" else values <= queries[:, None]
    counted: npt.NDArray[np.intp] = start + (before & inside).sum(axis=1)
    return counted
