"""Tiered (LSM-style) compaction policy: which segments to merge, which to drop.

A segment's tier is the base-``FANOUT`` order of magnitude of its live rows
(below ``TIER_BASE`` rows: tier 0).  When a tier holds ``FANOUT`` segments,
they are merged into one of the next tier, so there are at most ``FANOUT - 1``
segments per tier and each row is rewritten about log(N) times.  A segment
with more dead rows (replaced or removed documents) than live ones is
rewritten alone; one with no live rows is dropped.

>>> [tier(n) for n in (0, 4095, 4096, 16384, 1 << 20)]
[0, 0, 1, 2, 5]
>>> plan({1: (5000, 5000), 2: (6000, 6000), 3: (4500, 4500), 4: (8000, 8000), 5: (10, 0)})
([1, 2, 3, 4], [5])
>>> plan({1: (9000, 4000), 2: (5000, 5000)})  # more dead rows than live: rewrite alone
([1], [])
>>> plan({1: (5000, 5000)}) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["FANOUT", "TIER_BASE", "plan", "tier"]

FANOUT = 4
TIER_BASE = 1 << 12


def tier(rows: int) -> int:
    """Size tier of a segment: 0 below ``TIER_BASE`` rows, then one per factor ``FANOUT``."""
    level = 0
    while rows >= TIER_BASE:
        rows //= FANOUT
        level += 1
    return level


def plan(live: Mapping[int, tuple[int, int]]) -> tuple[list[int], list[int]] | None:
    """The next compaction step: ``(segments to merge into one, segments to drop)``.

    Args:
        live: ``segment id -> (rows stored, rows of live documents)``.

    Returns:
        None when nothing needs doing.
    """
    dead = [seg for seg, (_, count) in sorted(live.items()) if count == 0]
    tiers: dict[int, list[int]] = {}
    for seg, (_, count) in sorted(live.items()):
        if count:
            tiers.setdefault(tier(count), []).append(seg)
    full = [members for _, members in sorted(tiers.items()) if len(members) >= FANOUT]
    sparse = [seg for seg, (rows, count) in sorted(live.items()) if 0 < 2 * count < rows]
    if full:
        return full[0][:FANOUT], dead
    if sparse:
        return sparse[:1], dead
    if dead:
        return [], dead
    return None
