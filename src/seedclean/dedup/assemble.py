"""From verified pairs to clusters: the step shared by the in-memory and the spilled search.

Both :func:`seedclean.dedup.find.find_duplicates` paths end the same way, so
they share this code and their reports agree by construction:

1. :func:`link_pairs` runs the leader functions of :mod:`.cluster` on the
   representatives that take part in a verified pair only (renumbered in
   order, which the leader functions cannot tell apart from the full
   numbering), so its cost follows the duplicates found, not the corpus.
2. :func:`assemble_clusters` turns exact groups, index matches and links into
   clusters ordered by the kept paragraph.

>>> import numpy as np
>>> links = link_pairs(np.array([0]), np.array([5]), np.array([1], np.int8),
...     np.array([0.95]), free=np.ones(6, bool), key_lengths=np.full(6, 30))
>>> links.followers, links.near_score
({0: [5]}, {5: 0.95})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from seedclean.dedup.cluster import fragment_containers, linked, near_leaders
from seedclean.dedup.kind import Kind
from seedclean.dedup.report import Cluster, IndexMatch, Member
from seedclean.dedup.verify import FRAGMENT, NEAR

__all__ = ["Links", "assemble_clusters", "cluster_stats", "link_pairs", "reps_of_interest"]

I64 = npt.NDArray[np.int64]


class Links(NamedTuple):
    """Who repeats whom among representatives (all maps keyed by representative number).

    Attributes:
        followers: near leader -> its near duplicates, ascending.
        near_score: near duplicate -> its score against its leader.
        pieces: container -> its fragments, ascending.
        piece_score: fragment -> its score against its container.
    """

    followers: dict[int, list[int]]
    near_score: dict[int, float]
    pieces: dict[int, list[int]]
    piece_score: dict[int, float]


def link_pairs(
    first: I64,
    second: I64,
    kinds: npt.NDArray[np.int8],
    scores: npt.NDArray[np.float64],
    *,
    free: npt.NDArray[np.bool_] | None = None,
    key_lengths: npt.NDArray[np.integer] | Callable[[I64], npt.NDArray[np.integer]],
) -> Links:
    """Leaders for near duplicates, then containers for fragments (see :mod:`.cluster`).

    Args:
        first: earlier representative of each verified pair.
        second: later representative.
        kinds: kind code per pair (``NEAR``, ``FRAGMENT``, else ignored).
        scores: score per pair.
        free: representatives that may lead or contain (not settled by an index);
            ``None``: all of them.
        key_lengths: key length per representative, or a function giving the
            lengths of the representatives it is passed.
    """
    near = kinds == NEAR
    items, pair = np.unique(np.concatenate([first[near], second[near]]), return_inverse=True)
    half = int(near.sum())
    leader, score = near_leaders(
        len(items), pair[:half].tolist(), pair[half:].tolist(), scores[near].tolist()
    )
    ids = items.tolist()
    followers = {ids[lead]: [ids[f] for f in fs] for lead, fs in linked(leader).items()}
    near_score = {ids[i]: score[i] for i, lead in enumerate(leader) if lead >= 0}
    frag = kinds == FRAGMENT
    items, pair = np.unique(np.concatenate([first[frag], second[frag]]), return_inverse=True)
    half = int(frag.sum())
    ids = items.tolist()
    lengths = key_lengths(items) if callable(key_lengths) else key_lengths[items]
    eligible = [i not in near_score and (free is None or bool(free[i])) for i in ids]
    container, frag_score = fragment_containers(
        lengths.tolist(),
        eligible,
        pair[:half].tolist(),
        pair[half:].tolist(),
        scores[frag].tolist(),
    )
    pieces = {ids[c]: [ids[p] for p in ps] for c, ps in linked(container).items()}
    piece_score = {ids[i]: frag_score[i] for i, c in enumerate(container) if c >= 0}
    return Links(followers, near_score, pieces, piece_score)


def assemble_clusters(
    groups: Iterable[tuple[int, Sequence[int]]],
    links: Links,
    matches: Mapping[int, IndexMatch],
    members: Mapping[int, Member] | Sequence[Member],
    first_row: Callable[[int], int],
) -> list[Cluster]:
    """Clusters in the order of their kept paragraph (exact, near, fragment at one paragraph).

    Args:
        groups: ``(representative, rows of its exact group)`` for every
            representative that may head or join a cluster (others may be left
            out); the first row is the representative's own.
        links: from :func:`link_pairs`.
        matches: index match per representative (absent: none).
        members: the :class:`Member` of every row that can appear.
        first_row: the row of a representative.
    """
    clusters: list[tuple[tuple[int, int], Cluster]] = []

    def add(kind: Kind, kept: Member, dups: list[Member], order: tuple[int, int]) -> None:
        if dups:
            low = min(m.similarity for m in dups)
            clusters.append((order, Cluster(kind, low, (kept._replace(similarity=1.0), *dups))))

    for rep, group in groups:
        match = matches.get(rep)
        if match is not None and not match.contains:
            dups = [members[row]._replace(similarity=match.score) for row in group]
            add(match.kind, match.member, dups, (group[0], 0))
            continue
        kept = members[group[0]]
        add(Kind.EXACT, kept, [members[row] for row in group[1:]], (group[0], 0))
        corpus_piece = [] if match is None else [match.member._replace(similarity=match.score)]
        if rep in links.near_score:
            add(Kind.FRAGMENT, kept, corpus_piece, (group[0], 2))
            continue
        near_dups = [
            members[first_row(f)]._replace(similarity=links.near_score[f])
            for f in links.followers.get(rep, [])
        ]
        add(Kind.NEAR, kept, near_dups, (group[0], 1))
        frag_dups = [
            members[first_row(f)]._replace(similarity=links.piece_score[f])
            for f in links.pieces.get(rep, [])
        ]
        add(Kind.FRAGMENT, kept, frag_dups + corpus_piece, (group[0], 2))
    clusters.sort(key=lambda item: item[0])
    return [c for _, c in clusters]


def cluster_stats(clusters: list[Cluster]) -> dict[str, int]:
    """``clusters`` and ``<kind>_duplicates`` counts of a report."""
    stats = {"clusters": len(clusters)}
    for name in Kind:
        stats[f"{name}_duplicates"] = sum(len(c.members) - 1 for c in clusters if c.kind == name)
    return stats


def reps_of_interest(
    exact: Mapping[int, Sequence[int]], links: Links, matches: Mapping[int, IndexMatch]
) -> list[int]:
    """Representatives that can head or join a cluster: all others produce nothing."""
    wanted = set(exact) | set(matches) | set(links.followers) | set(links.pieces)
    return sorted(wanted)
