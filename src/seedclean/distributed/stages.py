"""Per-partition work of the distributed dedup stages (pure numpy; run on workers).

Records travel between stages through Dask's task shuffle
(``Bag.groupby(..., shuffle="tasks")``).  To keep the shuffle cheap each
element is ``(destination, block)``: a numpy block holding every record of one
source partition bound for one hash partition, instead of one Python tuple per
record (42 band records per paragraph would otherwise dominate the run).
The grouping key is a hash of the record's own key (band and bucket key,
digest, uid), so each group sees *all* records sharing that key, exactly as a
per-record ``groupby`` would.

* :func:`digest_blocks` / :func:`exact_groups`: all copies of a key meet; the
  smallest uid (the first occurrence in input order) is the representative.
* :func:`band_blocks` / :func:`bucket_pairs`: all members of an LSH bucket
  meet; copies of one key collapse to the representative (identical keys have
  identical band keys, so every copy is in the bucket); members are ordered by
  uid and paired inside a window of ``max_bucket`` -- the local rule.
* :func:`key_blocks`, :func:`join_first`, :func:`join_second`: candidate pairs
  meet the keys of their two paragraphs (keys of candidates only) and are
  verified with the local path's :func:`~seedclean.dedup.verify.verify_pairs`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.sketch import fmix64
from seedclean.dedup.verify import FRAGMENT, NEAR, verify_pairs
from seedclean.distributed.scan import ScanPart

__all__ = [
    "band_blocks",
    "bucket_pairs",
    "candidate_uids",
    "digest_blocks",
    "exact_groups",
    "join_first",
    "join_second",
    "key_blocks",
    "route",
    "select_members",
]

I64 = npt.NDArray[np.int64]
# verify_pairs runs rapidfuzz on one thread below 2048 pairs (see dedup.verify._workers).
_SERIAL_BATCH = 2047
Element = tuple[Any, ...]


def route(values: npt.NDArray[Any], parts: int) -> I64:
    """Destination partition of each value (a mixed hash, the same on every worker)."""
    mixed = fmix64(values.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15))
    return (mixed % np.uint64(parts)).astype(np.int64)


def _split(dest: I64, *columns: Any) -> list[Element]:
    """One element ``(destination, *column slices)`` per destination present."""
    order = np.argsort(dest, kind="stable")
    sorted_dest = dest[order]
    cuts = np.flatnonzero(np.diff(sorted_dest)) + 1
    out: list[Element] = []
    for piece in np.split(order, cuts) if order.size else []:
        cols = [[c[i] for i in piece] if isinstance(c, list) else c[piece] for c in columns]
        out.append((int(dest[piece[0]]), *cols))
    return out


# --- exact duplicates ---------------------------------------------------------------


def digest_blocks(part: ScanPart, parts: int) -> list[Element]:
    """``(dest, uid, digest)`` blocks routed by digest."""
    return _split(route(part.digest[:, 0], parts), part.uid, part.digest)


def exact_groups(group: tuple[int, list[Element]]) -> tuple[int, I64, I64]:
    """``(distinct keys, representative of each copy, copy)`` for one hash partition."""
    _dest, elements = group
    uid = np.concatenate([e[1] for e in elements])
    digest = np.concatenate([e[2] for e in elements])
    order = np.lexsort((uid, digest[:, 1], digest[:, 0]))
    uid, digest = uid[order], digest[order]
    starts = np.ones(len(uid), dtype=bool)
    starts[1:] = (digest[1:] != digest[:-1]).any(axis=1)
    group_id = np.cumsum(starts) - 1
    reps = uid[starts][group_id]
    copies = ~starts
    return int(starts.sum()), reps[copies], uid[copies]


# --- LSH buckets --------------------------------------------------------------------


def band_blocks(part: ScanPart, parts: int) -> list[Element]:
    """``(dest, bucket code, uid, digest)`` blocks: one record per first copy and band."""
    count, bands = part.bands.shape
    band = np.tile(np.arange(bands, dtype=np.uint64), count)
    code = band << np.uint64(32) | part.bands.reshape(-1).astype(np.uint64)
    uid = np.repeat(part.uid[part.first], bands)
    digest = np.repeat(part.digest[part.first], bands, axis=0)
    return _split(route(code, parts), code, uid, digest)


def bucket_pairs(group: tuple[int, list[Element]], max_bucket: int) -> tuple[I64, I64]:
    """Candidate pairs ``(u, v)``, ``u < v``, of every bucket in one hash partition."""
    _dest, elements = group
    code = np.concatenate([e[1] for e in elements])
    uid = np.concatenate([e[2] for e in elements])
    digest = np.concatenate([e[3] for e in elements])
    # Copies of one key: keep the smallest uid (the representative) per bucket.
    order = np.lexsort((uid, digest[:, 1], digest[:, 0], code))
    code, uid, digest = code[order], uid[order], digest[order]
    keep = np.ones(len(uid), dtype=bool)
    keep[1:] = (code[1:] != code[:-1]) | (digest[1:] != digest[:-1]).any(axis=1)
    code, uid = code[keep], uid[keep]
    order = np.lexsort((uid, code))
    code, uid = code[order], uid[order]
    firsts: list[I64] = []
    seconds: list[I64] = []
    for width in range(1, max_bucket + 1):
        same = code[width:] == code[:-width]
        if not same.any():
            break
        firsts.append(uid[:-width][same])
        seconds.append(uid[width:][same])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return _unique_pairs(np.concatenate(firsts), np.concatenate(seconds))


def _unique_pairs(first: I64, second: I64) -> tuple[I64, I64]:
    if first.size == 0:
        return first, second
    order = np.lexsort((second, first))
    first, second = first[order], second[order]
    new = np.ones(len(first), dtype=bool)
    new[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    return first[new], second[new]


def pair_blocks(pairs: tuple[I64, I64], parts: int) -> list[Element]:
    """``(dest, "p", u, v)`` blocks routed by ``u``."""
    first, second = pairs
    return [("p", *e) for e in _split(route(first, parts), first, second)]


def candidate_uids(pairs: Iterable[tuple[I64, I64]]) -> I64:
    """Sorted distinct uids taking part in any candidate pair."""
    arrays = [a for pair in pairs for a in pair]
    return np.unique(np.concatenate(arrays)) if arrays else np.zeros(0, dtype=np.int64)


def merge_uids(arrays: Iterable[I64]) -> I64:
    """Union of sorted uid arrays."""
    arrays = list(arrays)
    return np.unique(np.concatenate(arrays)) if arrays else np.zeros(0, dtype=np.int64)


# --- join with the keys and verify ---------------------------------------------------


def key_blocks(part: ScanPart, wanted: I64, parts: int) -> list[Element]:
    """``("k", dest, uid, keys, chars)`` blocks of the wanted rows, routed by uid."""
    rows = part.rows_of(wanted)
    keys = [part.keys[r] for r in rows.tolist()]
    uid = part.uid[rows]
    return [("k", *e) for e in _split(route(uid, parts), uid, keys, part.chars[rows])]


def _lookup(elements: Sequence[Element], tag: str) -> tuple[I64, list[str], I64]:
    blocks = [e for e in elements if e[0] == tag]
    if not blocks:
        return np.zeros(0, np.int64), [], np.zeros(0, np.int64)
    uid = np.concatenate([b[2] for b in blocks])
    keys = [k for b in blocks for k in b[3]]
    chars = np.concatenate([b[4] for b in blocks])
    order = np.argsort(uid, kind="stable")
    return uid[order], [keys[i] for i in order.tolist()], chars[order]


def join_first(group: tuple[int, list[Element]], parts: int) -> tuple[int, list[Element]]:
    """Deduplicate the pairs routed here by ``u`` and attach ``u``'s key.

    Returns:
        ``(unique pairs, blocks)``: blocks ``("h", dest, u, v, key_u, chars_u)``
        routed by ``v``.
    """
    _dest, elements = group
    pairs = [e for e in elements if e[0] == "p"]
    if not pairs:
        return 0, []
    first, second = _unique_pairs(
        np.concatenate([e[2] for e in pairs]), np.concatenate([e[3] for e in pairs])
    )
    uid, keys, chars = _lookup(elements, "k")
    at = np.searchsorted(uid, first)
    key_first = [keys[i] for i in at.tolist()]
    blocks = _split(route(second, parts), first, second, key_first, chars[at])
    return len(first), [("h", *b) for b in blocks]


def join_second(group: tuple[int, list[Element]], config: DedupConfig) -> tuple[I64, ...]:
    """Attach ``v``'s key and verify: ``(u, v, kind, score, key_len_u, key_len_v)``."""
    _dest, elements = group
    halves = [e for e in elements if e[0] == "h"]
    if not halves:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty, np.zeros(0, np.float64), empty, empty
    first = np.concatenate([e[2] for e in halves])
    second = np.concatenate([e[3] for e in halves])
    key_first = [k for e in halves for k in e[4]]
    chars_first = np.concatenate([e[5] for e in halves])
    uid, keys, chars = _lookup(elements, "k")
    at = np.searchsorted(uid, second)
    key_second = [keys[i] for i in at.tolist()]
    kinds, scores = _verify_serial(
        key_first, key_second, chars_first.tolist(), chars[at].tolist(), config
    )
    hit = (kinds == NEAR) | (kinds == FRAGMENT)
    len_first = np.fromiter(map(len, key_first), np.int64, len(key_first))
    len_second = np.fromiter(map(len, key_second), np.int64, len(key_second))
    return (
        first[hit],
        second[hit],
        kinds[hit].astype(np.int64),
        scores[hit],
        len_first[hit],
        len_second[hit],
    )


def _verify_serial(
    left: list[str],
    right: list[str],
    left_chars: list[int],
    right_chars: list[int],
    config: DedupConfig,
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float64]]:
    """``verify_pairs`` on aligned pairs, in batches small enough to run on one thread.

    The local path lets rapidfuzz use every core for big batches; on a cluster
    each worker thread is one core, and several workers on one machine would
    otherwise oversubscribe it.  Scores are element-wise, so batching changes
    nothing in the result.
    """
    kinds: list[npt.NDArray[np.int8]] = [np.zeros(0, np.int8)]
    scores: list[npt.NDArray[np.float64]] = [np.zeros(0, np.float64)]
    for lo in range(0, len(left), _SERIAL_BATCH):
        hi = min(lo + _SERIAL_BATCH, len(left))
        rows = np.arange(hi - lo, dtype=np.int64)
        kind, score = verify_pairs(
            left[lo:hi],
            rows,
            rows,
            threshold=config.threshold,
            fragment_min_share=config.fragment_min_share,
            min_chars=config.min_chars,
            numbers_must_agree=config.numbers_must_agree,
            names_must_agree=config.names_must_agree,
            other_keys=right[lo:hi],
            lengths=left_chars[lo:hi],
            other_lengths=right_chars[lo:hi],
        )
        kinds.append(kind)
        scores.append(score)
    return np.concatenate(kinds), np.concatenate(scores)


def select_members(part: ScanPart, wanted: I64) -> list[tuple[int, Any]]:
    """``(uid, Member)`` of the wanted rows held by this partition."""
    rows = part.rows_of(wanted)
    return [(int(part.uid[r]), part.members[r]) for r in rows.tolist()]
