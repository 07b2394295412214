# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The page sketch of :func:`seedclean.dedup.sketch.signatures` as one compiled loop.

Built only by the optional compiled build (docs/performance.md, "Compiled
build"); without it ``sketch.py`` runs its numpy version.  Both give
bit-identical signatures (``tests/dedup/test_sketch_compiled.py``): the same
n-gram hash (seeded polynomial over code points, wrapping uint64, finished by
``fmix64``), the same bin (top bits) and value (low 32 bits), and the same
densification (an empty bin takes the first non-empty bin of the *original*
row along its probe sequence).  One pass per key instead of a dozen numpy
passes over temporary arrays of every n-gram.
"""

import numpy as np

from libc.stdint cimport int64_t, uint32_t, uint64_t

cdef uint32_t EMPTY = 0xFFFFFFFF
cdef uint64_t PRIME = 0x100000001B3


cdef inline uint64_t _fmix64(uint64_t x) noexcept nogil:
    x ^= x >> 33
    x *= <uint64_t>0xFF51AFD7ED558CCD
    x ^= x >> 33
    x *= <uint64_t>0xC4CEB9FE1A85EC53
    x ^= x >> 33
    return x


def signatures(
    const uint32_t[::1] codes,
    const int64_t[::1] lengths,
    int ngram,
    int slots,
    uint64_t seed,
    const int64_t[:, ::1] probes,
):
    """Signatures of the keys whose code points are ``codes`` (``lengths`` each).

    ``probes`` is ``sketch._probes(slots, seed)``; ``seed`` is already reduced
    to 64 bits.  Returns a ``(len(lengths), slots)`` uint32 array.
    """
    cdef Py_ssize_t n = lengths.shape[0]
    cdef Py_ssize_t max_probes = probes.shape[1]
    out = np.full((n, slots), EMPTY, dtype=np.uint32)
    source_row = np.empty(slots, dtype=np.uint32)
    cdef uint32_t[:, ::1] sig = out
    cdef uint32_t[::1] source = source_row
    cdef int shift = 64
    while (1 << (64 - shift)) < slots:  # slots = 2**m (m >= 1): shift = 64 - m
        shift -= 1
    cdef Py_ssize_t i, k, o, j, p, start = 0, count
    cdef uint64_t h
    cdef uint32_t value, found
    cdef int64_t b
    with nogil:
        for i in range(n):
            count = lengths[i] - ngram + 1
            for k in range(count):
                h = seed
                for o in range(ngram):
                    h = h * PRIME + codes[start + k + o]
                h = _fmix64(h)
                b = <int64_t>(h >> shift)
                value = <uint32_t>h  # the low 32 bits
                if value < sig[i, b]:
                    sig[i, b] = value
            start += lengths[i]
            if count <= 0:
                continue
            for j in range(slots):
                source[j] = sig[i, j]
            for j in range(slots):
                if source[j] != EMPTY:
                    continue
                for p in range(max_probes):
                    found = source[probes[j, p]]
                    if found != EMPTY:
                        sig[i, j] = found
                        break
    return out
