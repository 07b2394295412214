"""``find_duplicates`` with memory that does not grow with the corpus text.

The in-memory search keeps every comparable paragraph's key, report entry and
band keys: 600-900 bytes per paragraph.  This one streams the documents once
into fixed-width column files (:mod:`.spill`), works on those files and
reads back through ``reread(path)`` only the documents it needs
(:mod:`.reread`):

1. **Scan**: rows and band keys to disk (40 + 4 x bands bytes per paragraph).
2. **Exact**: sort the 128-bit key digests; the first row of each distinct
   key is its representative.
3. **Candidates**: band by band over the representatives, merged.
4. **Index** (optional): every representative against the persistent index.
5. **Verify**: keys of the representatives in candidate pairs are rebuilt
   from their documents into a key file; pairs are verified in chunks.
6. **Cluster**: the shared :mod:`.assemble` code on the verified pairs, then
   the members' report entries are built from their documents.

Resident memory is about 17 bytes per distinct key (representative row,
flags) plus the transient column of one sort (8-24 bytes per paragraph while
it runs), plus the largest document, the keys of one chunk of candidate
pairs, and the report itself.  The report equals the in-memory one
(``to_json()`` identical but for ``seconds``).

>>> texts = {"a.txt": "今年以来，甘肃省张掖市甘州区检察院围绕中心大局。\\n",
...          "b.txt": "标题\\n\\n今年以来,甘肃省张掖市甘州区检察院围绕中心大局.\\n"}
>>> find_duplicates_spilled(texts.items(), texts.__getitem__).to_text()
['b.txt:3: exact duplicate of a.txt:1 (1.00)']
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from seedclean.dedup.assemble import assemble_clusters, cluster_stats, link_pairs, reps_of_interest
from seedclean.dedup.config import DedupConfig
from seedclean.dedup.report import Cluster, DedupReport
from seedclean.dedup.reread import (
    SourceChangedError,
    Sources,
    index_matches,
    members_at,
    verify_spilled,
)
from seedclean.dedup.spill import SpillScan, band_candidates, exact_groups

if TYPE_CHECKING:
    from seedclean.dedup.corpus import CorpusIndex

__all__ = ["SourceChangedError", "find_duplicates_spilled"]

I64 = npt.NDArray[np.int64]


def find_duplicates_spilled(
    documents: Iterable[tuple[str, str]],
    reread: Callable[[str], str],
    config: DedupConfig | None = None,
    *,
    index: CorpusIndex | None = None,
    workdir: str | Path | None = None,
) -> DedupReport:
    """:func:`~seedclean.dedup.find_duplicates`, spilling to a temporary directory.

    Args:
        documents: ``(path, text)`` pairs, consumed once, in order.
        reread: gives the text of a path again, as it was streamed (a changed
            text raises :class:`SourceChangedError`).
        config: detection settings.
        index: a persistent corpus index to compare with as well.
        workdir: where the temporary directory goes (default: ``tempfile``'s,
            which honours ``TMPDIR``); it is removed on return and on error.

    Returns:
        The same report as the in-memory search.
    """
    config = config or DedupConfig()
    began = time.perf_counter()
    made: list[str] = []
    try:
        tmp = _spill_folder(workdir, made)
        with SpillScan(Path(tmp), config) as scan:
            for path, text in documents:
                scan.add(path, text)
            scan.finish()
            clusters, stats = _cluster(Sources(scan, reread), config, index)
    finally:
        for folder in made:
            remove_surely(folder)
    stats["seconds"] = round(time.perf_counter() - began, 4)
    return DedupReport(tuple(clusters), stats)


def _spill_folder(workdir: str | Path | None, made: list[str]) -> str:
    """Make a new private folder for the spill files; its name is in ``made`` before it exists.

    A Ctrl-C or SIGTERM landing right after the ``mkdir`` (inside ``tempfile.mkdtemp``
    it did) left a folder nobody knew the name of; naming it in ``made`` first lets
    the caller's ``finally`` remove it whenever the interrupt comes.  Holding the
    signals back instead did not work in a process with other threads: the kernel
    hands the signal to any thread that does not block it.
    """
    parent = Path(workdir) if workdir is not None else Path(tempfile.gettempdir())
    for _ in range(100):
        name = str(parent / f"seedclean-dedup-{secrets.token_hex(6)}")
        made.append(name)
        try:
            Path(name).mkdir(mode=0o700)
        except FileExistsError:
            made.pop()
            continue
        return name
    raise FileExistsError(f"no free name for a spill folder in {parent}")


def remove_surely(folder: str) -> None:
    """Delete ``folder`` even when Ctrl-C or SIGTERM lands during the deletion.

    An interrupt raised inside ``shutil.rmtree`` stopped it half way and left
    the folder (``tempfile.TemporaryDirectory`` drops its exit-time cleanup
    before deleting): with the compiled build a pending SIGTERM fires at the
    first Python-level code it reaches, which was that very ``rmtree``.  The
    deletion is retried, then the interrupt is raised again.
    """
    interrupted: KeyboardInterrupt | None = None
    for _ in range(4):
        try:
            shutil.rmtree(folder, ignore_errors=True)
            break
        except KeyboardInterrupt as exc:
            interrupted = exc
    if interrupted is not None:
        raise interrupted


def _cluster(
    sources: Sources, config: DedupConfig, index: CorpusIndex | None
) -> tuple[list[Cluster], dict[str, int | float]]:
    scan = sources.scan
    rep_rows, exact_rows = exact_groups(scan)
    first, second = band_candidates(scan, rep_rows, config.max_bucket)
    matches = {} if index is None else index_matches(sources, rep_rows, index, config)
    free = np.ones(rep_rows.size, dtype=bool)
    for rep, match in matches.items():
        free[rep] = match.contains
    keep = free[first] & free[second]
    first, second = first[keep], second[keep]
    kinds, scores = verify_spilled(sources, rep_rows, first, second, config)

    def key_lengths(reps: I64) -> I64:
        return scan.take("keylen", rep_rows[reps])

    links = link_pairs(first, second, kinds, scores, free=free, key_lengths=key_lengths)
    exact = {int(np.searchsorted(rep_rows, row)): rows for row, rows in exact_rows.items()}
    groups = [
        (rep, exact.get(rep) or [int(rep_rows[rep])])
        for rep in reps_of_interest(exact, links, matches)
    ]
    rows: list[int] = []
    for rep, group in groups:
        rows.extend(group)
        rows.extend(int(rep_rows[f]) for f in links.followers.get(rep, []))
        rows.extend(int(rep_rows[p]) for p in links.pieces.get(rep, []))
    members = members_at(sources, np.unique(np.array(rows, dtype=np.int64)))
    found = assemble_clusters(groups, links, matches, members, lambda rep: int(rep_rows[rep]))
    stats: dict[str, int | float] = {
        "documents": len(scan.paths),
        "paragraphs": scan.paragraphs,
        "compared": scan.rows,
        "distinct": int(rep_rows.size),
        "candidate_pairs": int(first.size),
        **cluster_stats(found),
    }
    return found, stats
