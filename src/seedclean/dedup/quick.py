"""A cheap proof that no two paragraphs of a small text can be duplicates.

:func:`~seedclean.dedup.verify.verify_pairs` accepts a pair of distinct keys
only as a near duplicate (``2·LCS/(|a|+|b|) >= threshold``) or as a fragment
(text share at least ``fragment_min_share`` and ``LCS >= threshold·|needle| /
(2 - threshold)``).  The characters two keys share, counted with multiplicity,
bound their longest common subsequence from above, so a pair whose shared
count misses both bounds can never be reported, whatever the sketches say.
When that holds for every pair, the search has nothing to find and the
sketches (numpy) are not needed: one small file cleans without importing
numpy (see docs/performance.md).

>>> config = DedupConfig()
>>> key = "今年以来甘肃省张掖市甘州区检察院围绕中心大局"
>>> surely_unique([key, "别的段落说的是完全不同的事情和另外一些话题"], [23, 22], config)
True
>>> surely_unique([key, key[:-2]], [23, 21], config)
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from seedclean.dedup.config import DedupConfig

__all__ = ["MAX_KEYS", "surely_unique"]

#: Up to this many distinct keys the pairwise bound is cheaper than the sketches.
MAX_KEYS = 24
_SLACK = 1e-6  # the bound is compared leniently: a doubtful pair goes to the full search


def surely_unique(keys: Sequence[str], lengths: Sequence[int], config: DedupConfig) -> bool:
    """Whether no pair of the distinct ``keys`` can pass verification.

    ``lengths`` are the text lengths behind the keys (the fragment share is
    measured on them).  ``False`` means only that a pair might match.
    """
    t = config.threshold
    share = config.fragment_min_share
    counts = [Counter(key) for key in keys]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            a, b = len(keys[i]), len(keys[j])
            short, long = min(a, b), max(a, b)
            near_lengths = 2 * short >= t * (short + long)
            share_ok = min(lengths[i], lengths[j]) >= share * max(lengths[i], lengths[j])
            if not (near_lengths or share_ok):
                continue
            common = _common(counts[i], counts[j])
            if near_lengths and 2 * common >= t * (a + b) - _SLACK:
                return False
            if share_ok and common >= t * short / (2.0 - t) - _SLACK:
                return False
    return True


def _common(a: Counter[str], b: Counter[str]) -> int:
    """``(a & b).total()`` (characters shared, with multiplicity) without building a Counter.

    >>> _common(Counter("甲甲乙丙"), Counter("甲乙乙丁"))
    2
    """
    if len(a) > len(b):
        a, b = b, a
    total = 0
    for char, n in a.items():
        m = b.get(char)
        if m is not None:
            total += n if n < m else m
    return total
