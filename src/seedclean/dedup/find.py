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

Steps 1-4 live in :mod:`.table` (shared with the corpus index); this module is
only the entry point, and it knows an index by the small protocol of
:mod:`.corpus`, so no module it uses imports it back.

>>> first = "今年以来，甘肃省张掖市甘州区检察院围绕中心大局。\\n"
>>> second = "标题\\n\\n今年以来,甘肃省张掖市甘州区检察院围绕中心大局.\\n"
>>> report = find_duplicates([("a.txt", first), ("b.txt", second)])
>>> report.to_text()
['b.txt:3: exact duplicate of a.txt:1 (1.00)']
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.report import DedupReport, Member
from seedclean.dedup.table import ParagraphTable, cluster_table

if TYPE_CHECKING:
    from seedclean.dedup.corpus import CorpusIndex

__all__ = ["find_duplicates"]


def find_duplicates(
    documents: Iterable[tuple[str, str]],
    config: DedupConfig | None = None,
    *,
    index: CorpusIndex | None = None,
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
