"""``find_duplicates``: exact, near and fragment duplicates over a stream of documents.

1. Every non-blank line is a paragraph; its comparison key folds width,
   punctuation, spaces and script (:mod:`.key`).  Keys shorter than
   ``min_chars`` are dropped.
2. **Exact**: identical keys are grouped by a dict; only the first of each
   group (its *representative*) goes further, so boilerplate repeated a
   thousand times costs one sketch.
3. **Near / fragment**: representatives are sketched (:mod:`.sketch`), banded
   (:mod:`.candidates`), verified (:mod:`.verify`) and grouped around leaders
   (:mod:`.cluster`).
4. With an ``index``, each representative is first matched against the
   persistent corpus; a match makes the corpus paragraph the kept copy.

>>> first = "今年以来，甘肃省张掖市甘州区检察院围绕中心大局。\\n"
>>> second = "标题\\n\\n今年以来,甘肃省张掖市甘州区检察院围绕中心大局.\\n"
>>> report = find_duplicates([("a.txt", first), ("b.txt", second)])
>>> report.to_text()
['b.txt:3: exact duplicate of a.txt:1 (1.00)']
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.key import line_keys
from seedclean.dedup.meaning import meaningful_differences, show
from seedclean.dedup.paragraphs import split_paragraphs
from seedclean.dedup.report import PREVIEW_CHARS, Cluster, DedupReport, IndexMatch, Member

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from seedclean.dedup.index import DedupIndex

# The sketches, candidate search and verification (numpy) are imported where they
# are used: a small text whose paragraphs cannot match (:mod:`.quick`) needs none.

__all__ = ["ParagraphTable", "find_duplicates", "preview", "sketch_bands"]

_BATCH = 8192


def preview(paragraph: str) -> str:
    """The first ``PREVIEW_CHARS`` characters of a paragraph, ``…`` when cut."""
    stripped = paragraph.strip()
    if len(stripped) <= PREVIEW_CHARS:
        return stripped
    return stripped[: PREVIEW_CHARS - 1] + "…"


def sketch_bands(keys: list[str], config: DedupConfig) -> npt.NDArray[np.uint32]:
    """Band keys of ``keys``, shape ``(len(keys), bands)``, computed in batches."""
    import numpy as np

    from seedclean.dedup.sketch import band_keys, signatures

    out = np.zeros((len(keys), config.bands), dtype=np.uint32)
    for lo in range(0, len(keys), _BATCH):
        sig = signatures(keys[lo : lo + _BATCH], config.ngram, config.slots, config.seed)
        out[lo : lo + _BATCH] = band_keys(sig, config.bands, config.rows, config.seed)
    return out


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


def find_duplicates(
    documents: Iterable[tuple[str, str]],
    config: DedupConfig | None = None,
    *,
    index: DedupIndex | None = None,
    reread: Callable[[str], str] | None = None,
    differing: list[tuple[Member, Member, str]] | None = None,
) -> DedupReport:
    """Find duplicate paragraphs within and across ``documents``.

    Args:
        documents: ``(path or name, text)`` pairs, consumed once, in order.
        config: detection settings.
        index: a persistent corpus index; new documents are also compared with
            it (and are not added to it: call ``index.update`` for that).
        reread: ``reread(path) -> text`` gives a document's text again.  With
            it, memory no longer grows with the corpus text: the documents are
            streamed once into fixed-width rows on disk and only the ones
            holding candidates or duplicates are read back (the report is the
            same; see :mod:`seedclean.dedup.spilled`).
        differing: when given (in-memory search only), pairs that score as
            near duplicates but differ in meaning (see :mod:`.meaning`) are
            appended as ``(earlier, later, differences shown)``.

    Returns:
        A report whose clusters each hold the kept paragraph first.
    """
    if reread is not None:
        from seedclean.dedup.spilled import find_duplicates_spilled

        return find_duplicates_spilled(documents, reread, config, index=index)
    config = config or DedupConfig()
    began = time.perf_counter()
    table = ParagraphTable(config.min_chars)
    for path, text in documents:
        table.add(path, text)
    clusters, stats = cluster_table(table, config, index, differing)
    stats["seconds"] = round(time.perf_counter() - began, 4)
    return DedupReport(tuple(clusters), stats)


def cluster_table(
    table: ParagraphTable,
    config: DedupConfig,
    index: DedupIndex | None = None,
    differing: list[tuple[Member, Member, str]] | None = None,
) -> tuple[list[Cluster], dict[str, int | float]]:
    """Cluster the paragraphs of ``table`` (and match them with ``index``)."""
    import numpy as np

    from seedclean.dedup.assemble import assemble_clusters, cluster_stats, link_pairs
    from seedclean.dedup.candidates import candidate_pairs
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
    found = assemble_clusters(
        enumerate(groups),
        links,
        {rep: m for rep, m in enumerate(matches) if m is not None},
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
