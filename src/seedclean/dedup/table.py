"""The comparable paragraphs of a document stream, and how they are clustered in memory.

:class:`ParagraphTable` splits documents into paragraphs and keeps the keys of
those long enough to compare; :func:`cluster_table` groups identical keys,
sketches one representative per group, pairs, verifies and assembles the
clusters (and matches the representatives with a corpus index).  Both
:func:`~seedclean.dedup.find.find_duplicates` and the corpus index
(:meth:`~seedclean.dedup.DedupIndex.duplicates_within`) build on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.key import line_keys
from seedclean.dedup.meaning import meaningful_differences, show
from seedclean.dedup.paragraphs import split_paragraphs
from seedclean.dedup.report import Cluster, IndexMatch, Member, preview

if TYPE_CHECKING:
    from seedclean.dedup.corpus import CorpusIndex

# The sketches, candidate search and verification (numpy) are imported where they
# are used: a small text whose paragraphs cannot match (:mod:`.quick`) needs none.

__all__ = ["ParagraphTable", "cluster_table"]


@dataclass
class ParagraphTable:
    """The comparable paragraphs of a document stream (keys of ``min_chars`` or more)."""

    min_chars: int
    paths: list[str] = field(default_factory=list)
    documents: int = 0
    paragraphs: int = 0
    keys: list[str] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)

    def add(self, path: str, text: str) -> None:
        """Split one document and keep its comparable paragraphs."""
        self.documents += 1
        self.paths.append(path)
        paragraphs = split_paragraphs(text)
        self.paragraphs += len(paragraphs)
        if not paragraphs:
            return
        keys = line_keys(text)
        for para in paragraphs:
            key = keys[para.line - 1]
            if len(key) < self.min_chars:
                continue
            body = text[para.start : para.end]
            self.keys.append(key)
            self.members.append(
                Member(
                    path,
                    para.number,
                    para.line,
                    para.start,
                    para.end,
                    para.end - para.start,
                    preview(body),
                )
            )


def cluster_table(
    table: ParagraphTable,
    config: DedupConfig,
    index: CorpusIndex | None = None,
    differing: list[tuple[Member, Member, str]] | None = None,
) -> tuple[list[Cluster], dict[str, int | float]]:
    """Cluster the paragraphs of ``table`` (and match them with ``index``).

    ``differing``, when given, receives the pairs that score as near duplicates
    but differ in meaning (see :mod:`.meaning`): ``(earlier, later, shown)``.
    """
    import numpy as np

    from seedclean.dedup.assemble import assemble_clusters, cluster_stats, link_pairs
    from seedclean.dedup.candidates import candidate_pairs
    from seedclean.dedup.sketch import sketch_bands
    from seedclean.dedup.verify import verify_pairs

    rep_of: dict[str, int] = {}
    groups: list[list[int]] = []
    for row, key in enumerate(table.keys):
        rep = rep_of.setdefault(key, len(groups))
        if rep == len(groups):
            groups.append([row])
        else:
            groups[rep].append(row)
    rep_keys = [table.keys[g[0]] for g in groups]
    if len(groups) < 2 and index is None:
        bands = np.zeros((len(groups), config.bands), dtype=np.uint32)  # nothing to pair
    else:
        bands = sketch_bands(rep_keys, config)
    matches: list[IndexMatch | None] = [None] * len(groups)
    if index is not None:
        same_sketch = index.config.sketch_params() == config.sketch_params()
        matches = index.match(rep_keys, bands if same_sketch else None, set(table.paths))
    # A new paragraph that repeats a corpus paragraph is settled; one that merely
    # contains a corpus fragment still takes part in matching the new documents.
    free = np.fromiter((m is None or m.contains for m in matches), dtype=bool, count=len(groups))
    first, second, _shared = candidate_pairs(bands, config.max_bucket)
    keep = free[first] & free[second]
    first, second = first[keep], second[keep]
    rep_chars = [table.members[g[0]].chars for g in groups]
    rejected: list[int] | None = [] if differing is not None else None
    kinds, scores = verify_pairs(
        rep_keys,
        first,
        second,
        lengths=rep_chars,
        threshold=config.threshold,
        fragment_min_share=config.fragment_min_share,
        min_chars=config.min_chars,
        numbers_must_agree=config.numbers_must_agree,
        names_must_agree=config.names_must_agree,
        differing=rejected,
    )
    if differing is not None:
        for k in rejected or ():
            a, b = sorted((int(first[k]), int(second[k])), key=lambda rep: groups[rep][0])
            shown = show(meaningful_differences(rep_keys[a], rep_keys[b]))
            differing.append((table.members[groups[a][0]], table.members[groups[b][0]], shown))
    links = link_pairs(
        first, second, kinds, scores, free=free, key_lengths=np.array([len(k) for k in rep_keys])
    )
    matched = {rep: m for rep, m in enumerate(matches) if m is not None}
    # a paragraph alone in its group, linked to nothing and matched by nothing heads no
    # cluster (most paragraphs of a text): only the others are assembled
    followers, pieces = links.followers, links.pieces
    found = assemble_clusters(
        (
            (rep, group)
            for rep, group in enumerate(groups)
            if len(group) > 1 or rep in followers or rep in pieces or rep in matched
        ),
        links,
        matched,
        table.members,
        lambda rep: groups[rep][0],
    )
    stats: dict[str, int | float] = {
        "documents": table.documents,
        "paragraphs": table.paragraphs,
        "compared": len(table.keys),
        "distinct": len(groups),
        "candidate_pairs": int(first.size),
        **cluster_stats(found),
    }
    return found, stats
