"""MinHash sketches of character n-grams by one-permutation hashing (numpy, batched).

Chinese has no spaces, so shingles are character n-grams of the comparison
key.  Each n-gram is hashed once (a polynomial over code points finished by
``fmix64``, seeded and independent of Python's salted ``hash``); its top bits
choose one of ``slots`` bins and the bin keeps the minimum of the low 32 bits.
Bins left empty by short keys are filled by *optimal densification*
(Shrivastava 2017): an empty bin copies the bin reached by a probe sequence
that depends only on the bin number, so two sets agree on a bin with
probability equal to their Jaccard similarity.  This is 2-3x faster than one
hash function per slot with the same recall (research/dedup.md, 2D-2F).

Everything here is a pure function over a batch (arrays in, arrays out), so a
distributed engine can map it over partitions.

>>> sig = signatures(["今年以来甘肃省张掖市", "今年以来甘肃省张掖市"], ngram=3, slots=128, seed=1)
>>> sig.shape, bool((sig[0] == sig[1]).all())
((2, 128), True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from seedclean.dedup.config import DedupConfig

__all__ = [
    "EMPTY",
    "band_keys",
    "compiled_loop",
    "fmix64",
    "numpy_signatures",
    "shingle_hashes",
    "signatures",
    "sketch_bands",
]

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]
EMPTY = np.uint32(0xFFFFFFFF)
_PRIME = np.uint64(0x100000001B3)
_MAX_PROBES = 512
_WHOLE_PROBES = 4  # probes applied to the whole matrix before the sparse pass


def fmix64(values: U64) -> U64:
    """MurmurHash3's 64-bit finalizer, vectorized (wrapping uint64 arithmetic)."""
    x = values ^ (values >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x ^= x >> np.uint64(33)
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    x ^= x >> np.uint64(33)
    return x


def shingle_hashes(keys: Sequence[str], ngram: int, seed: int) -> tuple[U64, npt.NDArray[np.int64]]:
    """Hash every character n-gram of every key.

    Returns:
        ``(hashes, owner)``: one 64-bit hash per n-gram and the index of the
        key it came from.  Keys shorter than ``ngram`` contribute nothing.
    """
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    counts = np.maximum(lengths - ngram + 1, 0)
    owner = np.repeat(np.arange(len(keys), dtype=np.int64), counts)
    starts = np.cumsum(lengths) - lengths
    first = np.cumsum(counts) - counts
    positions = starts[owner] + (np.arange(owner.size, dtype=np.int64) - first[owner])
    hashes = np.full(owner.size, np.uint64(seed & 0xFFFFFFFFFFFFFFFF), dtype=np.uint64)
    for offset in range(ngram):
        hashes = hashes * _PRIME + codes[positions + offset]
    return fmix64(hashes), owner


@functools.cache
def _probes(slots: int, seed: int) -> npt.NDArray[np.int64]:
    """The densification probe sequence of every bin (same for every set)."""
    grid = np.arange(slots * _MAX_PROBES, dtype=np.uint64) + np.uint64(seed) * np.uint64(7919)
    probes = (fmix64(grid) % np.uint64(slots)).astype(np.int64).reshape(slots, _MAX_PROBES)
    probes.flags.writeable = False
    return probes


_Loop = Callable[[U32, npt.NDArray[np.int64], int, int, int, npt.NDArray[np.int64]], U32]


@functools.cache
def compiled_loop() -> _Loop | None:
    """The compiled sketch loop of the optional compiled build (``None`` in pure Python)."""
    try:
        from seedclean.dedup._sketchc import signatures as loop
    except ImportError:
        return None
    return loop


def signatures(keys: Sequence[str], ngram: int, slots: int, seed: int) -> U32:
    """One-permutation MinHash signatures, shape ``(len(keys), slots)``, uint32.

    ``slots`` must be a power of two.  A key without n-grams gets an all-empty
    signature (callers skip keys shorter than ``min_chars``).  The compiled
    build computes the same bits in one loop (``dedup/_sketchc.pyx``).
    """
    if slots & (slots - 1):
        raise ValueError(f"slots must be a power of two, got {slots}")
    loop = compiled_loop()
    if loop is not None and slots >= 2 and ngram >= 1:
        lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
        return loop(codes, lengths, ngram, slots, seed & 0xFFFFFFFFFFFFFFFF, _probes(slots, seed))
    return numpy_signatures(keys, ngram, slots, seed)


def numpy_signatures(keys: Sequence[str], ngram: int, slots: int, seed: int) -> U32:
    """:func:`signatures` in numpy: the pure-Python build's, and the compiled loop's reference."""
    hashes, owner = shingle_hashes(keys, ngram, seed)
    shift = np.uint64(64 - slots.bit_length() + 1)
    bins = (hashes >> shift).astype(np.int64)
    values = (hashes & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    flat = np.full(len(keys) * slots, EMPTY, dtype=np.uint32)
    np.minimum.at(flat, owner * slots + bins, values)
    sig = flat.reshape(len(keys), slots)
    _densify(sig, owner, slots, seed)
    return sig


def _densify(sig: U32, owner: npt.NDArray[np.int64], slots: int, seed: int) -> None:
    """Fill empty bins in place from the first non-empty bin on their probe path.

    The first :data:`_WHOLE_PROBES` probes are whole-matrix column gathers
    (cheap, and they fill most bins); the few bins still empty are then probed
    in growing blocks (the first hit in a block wins, as if tried one by one).
    """
    probes = _probes(slots, seed)
    source = sig.copy()
    for probe in range(_WHOLE_PROBES):
        np.copyto(sig, np.take(source, probes[:, probe], axis=1), where=sig == EMPTY)
    has_shingles = np.bincount(owner, minlength=sig.shape[0]) > 0
    rows, cols = np.nonzero((sig == EMPTY) & has_shingles[:, None])
    if rows.size == 0:
        return
    flat = sig.ravel()
    origin = source.ravel()
    lo = _WHOLE_PROBES
    block = 16
    while rows.size and lo < _MAX_PROBES:
        targets = probes[cols, lo : lo + block]
        found = origin[(rows * slots)[:, None] + targets]
        hit = found != EMPTY
        first = hit.argmax(axis=1)
        done = np.flatnonzero(hit[np.arange(rows.size), first])
        flat[rows[done] * slots + cols[done]] = found[done, first[done]]
        keep = np.ones(rows.size, dtype=bool)
        keep[done] = False
        rows, cols = rows[keep], cols[keep]
        lo += block
        block *= 8


def band_keys(sig: U32, bands: int, rows: int, seed: int) -> U32:
    """Combine ``rows`` slots per band into one uint32 bucket key, shape ``(n, bands)``."""
    block = sig[:, : bands * rows].reshape(sig.shape[0], bands, rows).astype(np.uint64)
    acc = np.full(block.shape[:2], np.uint64(seed) ^ np.uint64(0x9E3779B97F4A7C15))
    for r in range(rows):
        acc = fmix64(acc * _PRIME + block[:, :, r])
    return (acc >> np.uint64(32)).astype(np.uint32)


#: Keys sketched per batch (bounds the signature matrix in memory).
_BATCH = 8192


def sketch_bands(keys: list[str], config: DedupConfig) -> npt.NDArray[np.uint32]:
    """Band keys of ``keys``, shape ``(len(keys), bands)``, computed in batches."""
    out = np.zeros((len(keys), config.bands), dtype=np.uint32)
    for lo in range(0, len(keys), _BATCH):
        sig = signatures(keys[lo : lo + _BATCH], config.ngram, config.slots, config.seed)
        out[lo : lo + _BATCH] = band_keys(sig, config.bands, config.rows, config.seed)
    return out
