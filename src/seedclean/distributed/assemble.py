"""Client side of distributed dedup: verified edges -> the local path's clusters.

Only the verified edges, the exact-copy lists and the members named by them
reach the client.  Leaders and fragment containers are chosen by the local
path's own functions (:func:`~seedclean.dedup.cluster.near_leaders`,
:func:`~seedclean.dedup.cluster.fragment_containers`) on representatives
renumbered in uid order, which is the local row order, so every choice and
tie-break comes out the same; clusters are then emitted in the local order
(kept paragraph, then exact, near, fragment).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from seedclean.dedup.cluster import fragment_containers, linked, near_leaders
from seedclean.dedup.report import Cluster, Kind, Member
from seedclean.dedup.verify import FRAGMENT, KIND_NAMES, NEAR

__all__ = ["Edges", "assemble", "wanted_members"]

I64 = npt.NDArray[np.int64]


class Edges(NamedTuple):
    """Verified pairs between representatives (uids, ``u < v``)."""

    first: I64
    second: I64
    kind: I64
    score: npt.NDArray[np.float64]
    key_len_first: I64
    key_len_second: I64


def wanted_members(edges: Edges, reps: I64, copies: I64) -> I64:
    """Every uid whose :class:`Member` the clusters need."""
    return np.unique(np.concatenate([edges.first, edges.second, reps, copies]))


def assemble(edges: Edges, reps: I64, copies: I64, members: Mapping[int, Member]) -> list[Cluster]:
    """Clusters in the local path's order.

    Args:
        edges: verified near and fragment pairs.
        reps: representative of each exact copy (parallel to ``copies``).
        copies: uids of exact copies (non-first occurrences of a key).
        members: the member of every uid named above.
    """
    exact: dict[int, list[int]] = {}
    for rep, copy in sorted(zip(reps.tolist(), copies.tolist(), strict=True)):
        exact.setdefault(rep, []).append(copy)
    items = np.unique(np.concatenate([edges.first, edges.second, reps]))
    uid_of = items.tolist()
    first = np.searchsorted(items, edges.first)
    second = np.searchsorted(items, edges.second)
    near = edges.kind == NEAR
    leader, near_score = near_leaders(
        len(items), first[near].tolist(), second[near].tolist(), edges.score[near].tolist()
    )
    key_len = np.zeros(len(items), dtype=np.int64)
    key_len[first] = edges.key_len_first
    key_len[second] = edges.key_len_second
    frag = edges.kind == FRAGMENT
    container, frag_score = fragment_containers(
        key_len.tolist(),
        [lead == -1 for lead in leader],
        first[frag].tolist(),
        second[frag].tolist(),
        edges.score[frag].tolist(),
    )
    followers = linked(leader)
    contents = linked(container)
    clusters: list[Cluster] = []

    def add(kind: Kind, kept: Member, dups: list[Member]) -> None:
        if dups:
            low = min(m.similarity for m in dups)
            clusters.append(Cluster(kind, low, (kept._replace(similarity=1.0), *dups)))

    for item, uid in enumerate(uid_of):
        kept = members[uid]
        add("exact", kept, [members[c] for c in exact.get(uid, [])])
        if leader[item] >= 0:
            continue
        near_dups = [
            members[uid_of[f]]._replace(similarity=near_score[f]) for f in followers.get(item, [])
        ]
        add("near", kept, near_dups)
        frag_dups = [
            members[uid_of[f]]._replace(similarity=frag_score[f]) for f in contents.get(item, [])
        ]
        add("fragment", kept, frag_dups)
    return clusters


def duplicate_counts(clusters: list[Cluster]) -> dict[str, int]:
    """``exact_duplicates``, ``near_duplicates``, ``fragment_duplicates`` as the local stats."""
    return {
        f"{name}_duplicates": sum(len(c.members) - 1 for c in clusters if c.kind == name)
        for name in KIND_NAMES.values()
    }
