"""Candidate pairs from LSH banding: paragraphs that share a band bucket.

Two paragraphs become candidates when all ``rows`` slots of at least one band
agree.  Buckets are found by sorting each band column (no Python dict per
paragraph).  A bucket larger than ``max_bucket`` (a template or boilerplate
shared by many different paragraphs) pairs each member only with its next
``max_bucket`` members, so candidate work stays linear in the input.

>>> import numpy as np
>>> keys = np.array([[1, 5], [2, 5], [1, 7]], dtype=np.uint32)
>>> first, second, shared = candidate_pairs(keys, max_bucket=8)
>>> first.tolist(), second.tolist(), shared.tolist()
([0, 0], [1, 2], [1, 1])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["candidate_pairs"]

I64 = npt.NDArray[np.int64]


def candidate_pairs(band_keys: npt.NDArray[np.uint32], max_bucket: int) -> tuple[I64, I64, I64]:
    """Return ``(first, second, shared)``: unique pairs ``first < second`` and band count.

    Args:
        band_keys: shape ``(n, bands)``, one bucket key per paragraph and band.
        max_bucket: window of partners per member inside one bucket.
    """
    n, bands = band_keys.shape
    empty = np.zeros(0, dtype=np.int64)
    if n < 2 or bands == 0:
        return empty, empty, empty
    # One stable sort over (band, key) codes, band-major: inside a bucket the
    # members stay in paragraph order, as a per-band stable sort would keep them.
    codes = (np.arange(bands, dtype=np.uint64) << np.uint64(32))[:, None] | band_keys.T.astype(
        np.uint64
    )
    flat = codes.ravel()
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    item = (order % n).astype(np.int64)
    found: list[I64] = []
    for width in range(1, max_bucket + 1):
        match = np.flatnonzero(ordered[width:] == ordered[:-width])
        if match.size == 0:
            break
        found.append(item[match] * n + item[match + width])
    if not found:
        return empty, empty, empty
    unique, shared = np.unique(np.concatenate(found), return_counts=True)
    return unique // n, unique % n, shared.astype(np.int64)
