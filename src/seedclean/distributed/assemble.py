"""Client side of distributed dedup: verified edges -> the local path's clusters.

Only the verified edges, the exact-copy lists and the members named by them
reach the client.  They go through the local path's own last step
(:func:`~seedclean.dedup.assemble.link_pairs` and
:func:`~seedclean.dedup.assemble.assemble_clusters`) with uids as
representative numbers: uids follow the local row order, so every leader,
container and tie-break comes out the same, and clusters are emitted in the
local order (kept paragraph, then exact, near, fragment).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from seedclean.dedup.assemble import assemble_clusters, link_pairs
from seedclean.dedup.report import Cluster, Member

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
    key_len = dict(zip(edges.first.tolist(), edges.key_len_first.tolist(), strict=True))
    key_len.update(zip(edges.second.tolist(), edges.key_len_second.tolist(), strict=True))
    items = np.unique(np.concatenate([edges.first, edges.second, reps]))
    links = link_pairs(
        edges.first,
        edges.second,
        edges.kind.astype(np.int8),
        edges.score,
        key_lengths=lambda uids: np.array([key_len[u] for u in uids.tolist()], dtype=np.int64),
    )
    groups = ((uid, [uid, *exact.get(uid, [])]) for uid in items.tolist())
    return assemble_clusters(groups, links, {}, members, lambda uid: uid)
