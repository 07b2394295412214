"""``find_duplicates`` on Dask: the local algorithm as map -> shuffle -> verify -> cluster.

1. **Map** (one task per partition of files): paragraphs, keys, 128-bit key
   digests, band keys (:mod:`.scan`).  The tables stay in worker memory.
2. **Exact**: digests are shuffled (``Bag.groupby``, task shuffle) so all
   copies of a key meet; the smallest uid is the kept copy.
3. **Candidates**: band-key records are shuffled on ``(band, bucket key)``;
   each bucket pairs its representatives in uid order within ``max_bucket``.
4. **Verify**: candidate pairs are shuffled to meet the keys of their two
   paragraphs (only candidates' keys travel) and scored with the local
   :func:`~seedclean.dedup.verify.verify_pairs`.
5. **Cluster** on the client with the local leader functions (:mod:`.assemble`).

The result equals :func:`seedclean.dedup.find_duplicates` on the same
documents in the same order (clusters, kinds, members, similarities, order,
statistics except ``seconds``).
"""

from __future__ import annotations

import functools
import operator
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from seedclean.dedup.assemble import cluster_stats
from seedclean.dedup.config import DedupConfig
from seedclean.dedup.report import DedupReport
from seedclean.distributed import stages
from seedclean.distributed.assemble import Edges, assemble, wanted_members
from seedclean.distributed.engine import connected, require_dask, total_threads
from seedclean.distributed.scan import Document, FileRef, ScanPart, scan_partition
from seedclean.files.atomic import DEFAULT_MAX_FILE_SIZE

__all__ = ["DEFAULT_MAX_FILE_SIZE", "DistributedDedup", "dedup_on_client", "find_duplicates"]

_PARTITIONS_PER_THREAD = 2


class DistributedDedup:
    """The result of a distributed run: the report plus the files that could not be read."""

    def __init__(self, report: DedupReport, skipped: list[tuple[str, str, str]]) -> None:
        self.report = report
        self.skipped = skipped  # (name, SkipFileError kind, reason) of unreadable files


def _documents(items: Iterable[Any]) -> list[Document]:
    docs: list[Document] = []
    for index, item in enumerate(items):
        if isinstance(item, FileRef):
            docs.append((index, item.name, None, item.path))
        elif isinstance(item, str | os.PathLike):
            name = item if isinstance(item, str) else Path(item).as_posix()
            docs.append((index, name, None, name))
        else:
            name, text = item
            docs.append((index, name, text, ""))
    return docs


def find_duplicates(
    documents_or_paths: Iterable[tuple[str, str] | str | os.PathLike[str] | FileRef],
    config: DedupConfig | None = None,
    *,
    client: Any = None,
    scheduler: str | None = None,
    npartitions: int | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> DedupReport:
    """Find duplicate paragraphs on a Dask cluster; same report as the local path.

    Args:
        documents_or_paths: ``(name, text)`` pairs (texts are shipped to the
            workers), file paths or :class:`~seedclean.distributed.scan.FileRef`
            (workers read them: they must see the same paths; unreadable files
            are left out, see :func:`dedup_on_client`).
        config: detection settings.
        client: an open ``distributed.Client`` (left open).
        scheduler: a scheduler address; with neither, a local cluster is started.
        npartitions: partitions of documents (default: 2 per worker thread).
        max_file_size: larger files are skipped (paths only).

    Raises:
        DaskMissingError: when the ``dask`` extra is not installed.
    """
    require_dask()
    with connected(client, scheduler) as active:
        return dedup_on_client(
            documents_or_paths, config, active, npartitions=npartitions,
            max_file_size=max_file_size,
        ).report  # fmt: skip


def dedup_on_client(
    documents_or_paths: Iterable[tuple[str, str] | str | os.PathLike[str] | FileRef],
    config: DedupConfig | None,
    client: Any,
    *,
    npartitions: int | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> DistributedDedup:
    """Run distributed dedup with an open client; also return unreadable files."""
    bag, _distributed = require_dask()
    config = config or DedupConfig()
    began = time.perf_counter()
    docs = _documents(documents_or_paths)
    parts = npartitions or total_threads(client) * _PARTITIONS_PER_THREAD
    parts = max(1, min(parts, len(docs)))
    by_dest = operator.itemgetter(0)
    by_tagged_dest = operator.itemgetter(1)

    source = bag.from_sequence(docs, npartitions=parts)
    scanned = source.map_partitions(scan_partition, config, max_file_size)
    scanned = client.persist(scanned)
    parts = scanned.npartitions

    exact = (
        scanned.map(stages.digest_blocks, parts).flatten()
        .groupby(by_dest, shuffle="tasks").map(stages.exact_groups)
    )  # fmt: skip
    bucket_pairs = (
        scanned.map(stages.band_blocks, parts).flatten()
        .groupby(by_dest, shuffle="tasks")
        .map(stages.bucket_pairs, config.max_bucket)
    )  # fmt: skip
    bucket_pairs = client.persist(bucket_pairs)
    wanted = bucket_pairs.reduction(stages.candidate_uids, stages.merge_uids)
    keys = scanned.map(stages.key_blocks, wanted, parts).flatten()
    joined = (
        bag.concat([bucket_pairs.map(stages.pair_blocks, parts).flatten(), keys])
        .groupby(by_tagged_dest, shuffle="tasks")
        .map(stages.join_first, parts)
    )
    verified = (
        bag.concat([joined.pluck(1).flatten(), keys])
        .groupby(by_tagged_dest, shuffle="tasks")
        .map(stages.join_second, config)
    )
    counts = scanned.map(_counts)
    exact_out, candidate_counts, edge_parts, count_parts = client.compute(
        [exact, joined.pluck(0), verified, counts], sync=True
    )
    edges = Edges(*(_concat([e[i] for e in edge_parts], i) for i in range(6)))
    reps = _concat([e[1] for e in exact_out], 0)
    copies = _concat([e[2] for e in exact_out], 0)
    need = wanted_members(edges, reps, copies)
    members = dict(client.compute(scanned.map(stages.select_members, need).flatten(), sync=True))
    clusters = assemble(edges, reps, copies, members)
    documents = sum(c[0] for c in count_parts)
    stats: dict[str, int | float] = {
        "documents": documents,
        "paragraphs": sum(c[1] for c in count_parts),
        "compared": sum(c[2] for c in count_parts),
        "distinct": sum(e[0] for e in exact_out),
        "candidate_pairs": sum(candidate_counts),
        **cluster_stats(clusters),
    }
    stats["seconds"] = round(time.perf_counter() - began, 4)
    skipped = [s for c in count_parts for s in c[3]]
    # The persisted tables are released on the workers when these collections are dropped.
    return DistributedDedup(DedupReport(tuple(clusters), stats), skipped)


def _counts(part: ScanPart) -> tuple[int, int, int, list[tuple[str, str, str]]]:
    return part.documents, part.paragraphs, len(part.uid), part.skipped


@functools.cache
def _empty(column: int) -> Any:
    return np.zeros(0, dtype=np.float64 if column == 3 else np.int64)


def _concat(arrays: list[Any], column: int) -> Any:
    present = [a for a in arrays if len(a)]
    return np.concatenate(present) if present else _empty(column)
