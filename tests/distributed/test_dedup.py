"""Distributed dedup returns exactly the local report (clusters, members, scores, order, stats)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from seedclean.dedup import DedupConfig, DedupReport
from seedclean.dedup import find_duplicates as local_find
from seedclean.distributed import dedup_on_client
from seedclean.distributed import find_duplicates as dask_find
from tests.dedup.names_swap import name_corpus
from tests.distributed.corpus import planted_corpus

pytestmark = pytest.mark.evaldata


def _same(local: DedupReport, remote: DedupReport) -> None:
    assert remote.clusters == local.clusters
    assert {k: v for k, v in remote.stats.items() if k != "seconds"} == {
        k: v for k, v in local.stats.items() if k != "seconds"
    }
    assert list(remote.stats) == list(local.stats)
    assert remote.to_text() == local.to_text()


@pytest.mark.parametrize("seed", [1, 2])
def test_planted_corpus_matches_local(client: Any, articles: list[dict[str, Any]], seed: int):
    docs = planted_corpus(articles, seed)
    local = local_find(docs)
    kinds = {c.kind for c in local.clusters}
    assert kinds == {"exact", "near", "fragment"}  # the corpus exercises every kind
    assert any(c.members[0].path != m.path for c in local.clusters for m in c.members)
    _same(local, dask_find(docs, client=client))


@pytest.mark.parametrize("npartitions", [1, 5])
def test_partitioning_does_not_change_the_result(
    client: Any, articles: list[dict[str, Any]], npartitions: int
):
    docs = planted_corpus(articles, 3)
    _same(local_find(docs), dask_find(docs, client=client, npartitions=npartitions))


def test_bucket_cap_and_settings_are_respected(client: Any, articles: list[dict[str, Any]]):
    # A tiny bucket window makes the cap decide which pairs are candidates at all.
    config = dataclasses.replace(
        DedupConfig(), max_bucket=1, threshold=0.85, min_chars=30, numbers_must_agree=False
    )
    docs = planted_corpus(articles, 4)
    local = local_find(docs, config)
    assert local.stats["candidate_pairs"] < local_find(docs).stats["candidate_pairs"]
    _same(local, dask_find(docs, config, client=client))


def test_name_swaps_match_local(client: Any, articles: list[dict[str, Any]]):
    """Templates rewritten for another place are told apart on the cluster as locally."""
    docs = sorted(name_corpus(articles, 30, seed=9).items())
    local = local_find(docs)
    loose = local_find(docs, DedupConfig(names_must_agree=False))
    assert local.clusters != loose.clusters  # the names check decides some pairs here
    _same(local, dask_find(docs, client=client))
    _same(loose, dask_find(docs, DedupConfig(names_must_agree=False), client=client))


def test_seeds_match_local(client: Any, seeds: dict[str, str]):
    docs = [(f"{name}.txt", text) for name, text in sorted(seeds.items())]
    docs.append(("copy-of-001.txt", seeds["001"]))
    local = local_find(docs)
    assert local.clusters
    _same(local, dask_find(docs, client=client))


def test_paths_are_read_by_workers(client: Any, articles: list[dict[str, Any]], tmp_path: Path):
    docs = planted_corpus(articles, 5, files=6)
    paths = []
    for name, text in docs:
        path = tmp_path / name
        path.write_text(text, encoding="gb18030" if name.endswith("1.txt") else "utf-8")
        paths.append(path.as_posix())
    missing = (tmp_path / "missing.txt").as_posix()
    result = dedup_on_client([*paths, missing], None, client)
    local = local_find([(p, text) for p, (_, text) in zip(paths, docs, strict=True)])
    _same(local, result.report)
    assert [(name, kind) for name, kind, _reason in result.skipped] == [(missing, "not-found")]


def test_no_documents_and_no_duplicates(client: Any):
    unique = "一段足够长的文字，内容与别处完全不同，不会重复。\n"
    for docs in ([], [("a.txt", "短\n")], [("a.txt", unique)]):
        _same(local_find(docs), dask_find(docs, client=client))
