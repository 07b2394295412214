"""Tiered segment merging: bounded segment count, merges touch only what they merge, crash-safe."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from seedclean.dedup import DedupIndex
from seedclean.dedup.index import fence, tiers, writer
from seedclean.dedup.index.segments import Segment
from seedclean.dedup.key import key_hash, line_keys, paragraph_key
from seedclean.dedup.sketch import sketch_bands


@pytest.fixture
def small_tiers(monkeypatch):
    """Tiers of 8, 32, 128 ... rows so that a test corpus spans several of them."""
    monkeypatch.setattr(tiers, "TIER_BASE", 8)


@pytest.fixture
def texts(articles) -> dict[str, str]:
    picks = random.Random(8).sample([a for a in articles if len(a["paragraphs"]) >= 3], 40)
    return {f"d{i:02d}.txt": "\n\n".join(a["paragraphs"]) for i, a in enumerate(picks)}


def _write(root: Path, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")


def _check_segments(index: DedupIndex, texts: dict[str, str]) -> int:
    """Every stored segment is well formed and its keys are those of its live paragraphs."""
    docs = {i: p for p, i in index._store.db.execute("SELECT path, id FROM docs")}
    live_rows = 0
    for segment in index._live_segments():
        data = segment.data
        n = data.rows.shape[0]
        assert np.all(np.diff(data.hash.astype(np.float64)) >= 0) or n < 2
        assert sorted(data.hashrow.tolist()) == list(range(n))
        assert np.all(np.diff(data.bandkey.astype(np.int64), axis=1) >= 0)
        assert data.bandfence is not None
        assert data.hashfence is not None
        assert np.array_equal(data.bandfence, data.bandkey[:, :: fence.STRIDE])
        assert np.array_equal(data.hashfence, data.hash[:: fence.STRIDE])
        keys = []
        for doc, _, _, start, end in data.rows.tolist():
            assert doc in docs, "a merged segment keeps only rows of live documents"
            keys.append(paragraph_key(texts[docs[doc]][start:end]))
        hashes = np.array([key_hash(k) for k in keys], dtype=np.uint64)
        assert np.array_equal(data.hashes_by_row(), hashes)
        assert np.array_equal(data.band_matrix(), sketch_bands(keys, index.config))
        live_rows += n
    return live_rows


@pytest.mark.evaldata
def test_many_small_updates_stay_few_segments_and_findable(tmp_path, texts, small_tiers):
    _write(tmp_path, texts)
    with DedupIndex.create(tmp_path / ".seedclean") as index:
        for name, text in texts.items():  # one file per update: the pre-commit pattern
            index.update([(name, text)])
            per_tier: dict[int, int] = {}
            for _, count in index._store.segment_live_rows().values():
                per_tier[tiers.tier(count)] = per_tier.get(tiers.tier(count), 0) + 1
            assert max(per_tier.values()) < tiers.FANOUT
        assert len(index._store.segments()) < 12
        assert _check_segments(index, texts) == len(index)
        comparable = [
            (name, text)
            for name, text in texts.items()
            if any(len(k) >= index.config.min_chars for k in line_keys(text))
        ]
        for name, text in comparable[::5]:
            clusters = index.query("new.txt", text)
            assert {c.members[0].path for c in clusters} == {name}


@pytest.mark.evaldata
def test_merge_reads_only_the_segments_it_merges(tmp_path, texts, small_tiers, monkeypatch):
    _write(tmp_path, texts)
    opened: list[str] = []
    real_init = Segment.__init__

    def spy(self: Segment, directory: Path, *args: Any) -> None:
        opened.append(directory.name)
        real_init(self, directory, *args)

    merges: list[tuple[list[str], list[str]]] = []
    real_merge = writer.IndexWriter._merge

    def watch(self: writer.IndexWriter, merged: list[int], dead: list[int]) -> None:
        names = dict(self._store.segments())
        opened.clear()
        real_merge(self, merged, dead)
        merges.append(([names[s] for s in merged], list(opened)))

    monkeypatch.setattr(Segment, "__init__", spy)
    monkeypatch.setattr(writer.IndexWriter, "_merge", watch)
    with DedupIndex.create(tmp_path / ".seedclean") as index:
        for name, text in texts.items():
            index.update([(name, text)])
    assert merges
    for merged, read in merges:
        assert sorted(read) == sorted(merged)  # never the rest of the index


@pytest.mark.evaldata
def test_changed_and_removed_documents_are_dropped_by_merges(tmp_path, texts, small_tiers):
    _write(tmp_path, texts)
    names = list(texts)
    with DedupIndex.create(tmp_path / ".seedclean") as index:
        index.update(texts.items())
        index.remove(names[:10])
        extra = "\n\n新增加的一段内容，让这个文件的摘要发生变化，需要重新索引。"
        for name in names[10:20]:
            texts[name] += extra
        _write(tmp_path, texts)
        for name in names[10:20]:
            index.update([(name, texts[name])])
        for name in names[:10]:
            del texts[name]
        stored = sum(rows for rows, _ in index._store.segment_live_rows().values())
        assert stored <= 2 * len(index)  # dead rows never outnumber live ones
        assert _check_segments(index, texts) == stored


@pytest.mark.evaldata
def test_crash_during_merge_leaves_index_valid(tmp_path, texts, small_tiers, monkeypatch):
    _write(tmp_path, texts)
    items = list(texts.items())
    real = writer.merge_segments

    def crash(*args: Any) -> int:
        real(*args)
        raise KeyboardInterrupt("power cut during merge")

    with DedupIndex.create(tmp_path / ".seedclean") as index:
        for item in items[:3]:
            index.update([item])
        before = (index.paths(), len(index), index._store.segments())
    monkeypatch.setattr(writer, "merge_segments", crash)

    def update_one_by_one(index: DedupIndex) -> None:
        for item in items[3:]:
            index.update([item])

    with DedupIndex.open(tmp_path / ".seedclean") as index, pytest.raises(KeyboardInterrupt):
        update_one_by_one(index)
    monkeypatch.setattr(writer, "merge_segments", real)
    with DedupIndex.open(tmp_path / ".seedclean") as index:
        paths = index.paths()
        assert set(before[0]) <= set(paths)
        assert _check_segments(index, texts) == len(index)
        for item in items[3:]:
            index.update([item])
        assert index.paths() == sorted(texts)
        assert _check_segments(index, texts) == len(index)
    leftovers = [p.name for p in (tmp_path / ".seedclean").iterdir() if p.name.startswith("tmp-")]
    assert leftovers == []
