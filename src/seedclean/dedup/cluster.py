"""Leader clustering: each duplicate points straight at the paragraph it repeats.

Transitive closure over similarity edges is how boilerplate glues unrelated
paragraphs into giant clusters (A~B, B~C, ... but A and Z share nothing).
Here a cluster is a *leader* plus the paragraphs verified against the leader
itself:

* near duplicates: paragraphs are visited in input order; an unassigned one
  becomes a leader and claims its unassigned verified partners;
* fragments: among the remaining leaders, visited from the longest down, a
  paragraph not yet claimed becomes a container and claims the shorter
  paragraphs verified as its fragments.

>>> near_leaders(4, [0, 1, 2], [1, 2, 3], [0.95, 0.97, 0.92])
([-1, 0, -1, 2], [1.0, 0.95, 1.0, 0.92])
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["fragment_containers", "linked", "near_leaders"]


def near_leaders(
    count: int, first: Sequence[int], second: Sequence[int], scores: Sequence[float]
) -> tuple[list[int], list[float]]:
    """Assign near duplicates to leaders.

    Args:
        count: number of items (items are ordered: lower index came first).
        first: earlier item of each verified pair.
        second: later item of each verified pair.
        scores: the pairs' scores.

    Returns:
        ``(leader, score)`` per item: ``leader`` is -1 for a leader itself.
    """
    partners: dict[int, list[tuple[int, float]]] = {}
    for a, b, s in zip(first, second, scores, strict=True):
        lo, hi = (a, b) if a < b else (b, a)
        partners.setdefault(lo, []).append((hi, s))
    leader = [-1] * count
    score = [1.0] * count
    claimed = [False] * count
    for item in sorted(partners):
        if claimed[item]:
            continue
        for other, s in partners[item]:
            if not claimed[other]:
                claimed[other] = True
                leader[other] = item
                score[other] = s
    return leader, score


def fragment_containers(
    lengths: Sequence[int],
    eligible: Sequence[bool],
    first: Sequence[int],
    second: Sequence[int],
    scores: Sequence[float],
) -> tuple[list[int], list[float]]:
    """Assign fragments to the longer paragraphs that contain them.

    Args:
        lengths: key length per item.
        eligible: items that may take part (leaders of the near stage).
        first: one item of each verified fragment pair.
        second: the other item.
        scores: the pairs' scores.

    Returns:
        ``(container, score)`` per item: ``container`` is -1 when the item is
        not a fragment of anything.
    """
    count = len(lengths)
    partners: dict[int, list[tuple[int, float]]] = {}
    for a, b, s in zip(first, second, scores, strict=True):
        if not (eligible[a] and eligible[b]):
            continue
        longer, shorter = (a, b) if (lengths[a], -a) > (lengths[b], -b) else (b, a)
        partners.setdefault(longer, []).append((shorter, s))
    container = [-1] * count
    score = [0.0] * count
    claimed = [False] * count
    for item in sorted(partners, key=lambda i: (-lengths[i], i)):
        if claimed[item]:
            continue
        for other, s in sorted(partners[item]):
            if not claimed[other]:
                claimed[other] = True
                container[other] = item
                score[other] = s
    return container, score


def linked(links: list[int]) -> dict[int, list[int]]:
    """Invert ``links`` (item -> its leader or container, -1 for none) into leader -> items.

    >>> linked([-1, 0, -1, 0, 2])
    {0: [1, 3], 2: [4]}
    """
    out: dict[int, list[int]] = {}
    for item, target in enumerate(links):
        if target >= 0:
            out.setdefault(target, []).append(item)
    return out
