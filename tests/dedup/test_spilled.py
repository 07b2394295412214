"""The spilled search (``find_duplicates(..., reread=...)``) reports what the in-memory one does."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedclean.dedup import DedupConfig, DedupIndex, DedupReport, find_duplicates, spill
from seedclean.dedup.reread import SourceChangedError
from seedclean.dedup.spilled import find_duplicates_spilled
from tests.cli.helpers import seed_text
from tests.dedup.noise import ocr_noise


def _json(report: DedupReport) -> dict[str, Any]:
    out = report.to_json()
    out["stats"].pop("seconds")
    return out


def _both(docs: dict[str, str], config: DedupConfig | None = None, **kw: Any) -> tuple[Any, Any]:
    memory = find_duplicates(docs.items(), config, **kw)
    spilled = find_duplicates(docs.items(), config, reread=docs.__getitem__, **kw)
    return _json(memory), _json(spilled)


def _planted_corpus(articles: list[dict[str, Any]], files: int, seed: int) -> dict[str, str]:
    """News paragraphs in files, with exact, near (OCR noise) and fragment copies planted."""
    rng = random.Random(seed)
    pool = [p for a in articles[:600] for p in a["paragraphs"] if len(p) >= 30]
    docs: dict[str, str] = {}
    for i in range(files):
        out = [f"标题：第{i}版"]  # short lines never match
        for para in rng.sample(pool, rng.randint(2, 10)):
            roll = rng.random()
            if roll < 0.15:
                out.append(ocr_noise(para, rng.uniform(0.01, 0.05), rng))
            elif roll < 0.22:
                cut = len(para) // 2
                out.append(para[:cut] if rng.random() < 0.5 else para[cut:])
            elif roll < 0.3:
                out.append(para.replace("，", ","))
            else:
                out.append(para)
            if rng.random() < 0.05:  # a repeat inside the same file
                out.append(out[-1])
        docs[f"{i // 50:02d}/p{i:04d}.txt"] = "\n\n".join(out) + "\n"
    return docs


@pytest.mark.evaldata
def test_same_report_as_in_memory_on_planted_news(articles):
    docs = _planted_corpus(articles, 240, seed=11)
    memory, spilled = _both(docs)
    assert spilled == memory
    stats = memory["stats"]
    for kind in ("exact", "near", "fragment"):
        assert stats[f"{kind}_duplicates"] > 10, kind  # every kind was exercised
    assert any(len({m["path"] for m in c["members"]}) > 1 for c in memory["clusters"])


@pytest.mark.evaldata
def test_same_report_with_tight_buckets_and_loose_threshold(articles):
    docs = _planted_corpus(articles, 120, seed=12)
    config = DedupConfig(threshold=0.8, max_bucket=2, fragment_min_share=0.3)
    memory, spilled = _both(docs, config)
    assert spilled == memory


@pytest.mark.evaldata
def test_same_report_against_an_index(tmp_path, articles):
    docs = _planted_corpus(articles, 160, seed=13)
    names = sorted(docs)
    with DedupIndex.create(tmp_path / "idx", reader=docs.__getitem__) as index:
        index.update((n, docs[n]) for n in names[:100])
        new = {n: docs[n] for n in names[90:]}  # ten of them are indexed too: excluded by path
        memory, spilled = _both(new, index=index)
    assert spilled == memory
    assert any(c["members"][0]["path"] in names[:90] for c in memory["clusters"])


@pytest.mark.evaldata
def test_digest_collisions_on_64_bits_are_split(monkeypatch, articles):
    """All keys share the high 64 bits: groups must still split on the low 64 bits."""
    real = spill._key_digest

    def weak(key: str) -> bytes:
        return b"\0" * 8 + real(key)[8:]

    monkeypatch.setattr(spill, "_key_digest", weak)
    docs = _planted_corpus(articles, 60, seed=14)
    memory, spilled = _both(docs)
    assert spilled == memory


@pytest.mark.evaldata
def test_only_documents_with_duplicates_are_read_back(articles):
    docs = _planted_corpus(articles, 40, seed=15)
    docs["lonely.txt"] = "\n".join(p for p in articles[-1]["paragraphs"])
    read: list[str] = []

    def reread(path: str) -> str:
        read.append(path)
        return docs[path]

    report = find_duplicates(docs.items(), reread=reread)
    involved = {m.path for c in report.clusters for m in c.members}
    assert "lonely.txt" not in read
    assert involved <= set(read)


def test_a_document_changed_during_the_run_is_an_error(tmp_path):
    para = "今年以来，甘州区检察院围绕中心大局，积极探索优化营商环境新路径。"
    docs = {"a.txt": para, "b.txt": para + "\n"}
    changed = {"a.txt": para + "改了", "b.txt": para + "\n"}
    with pytest.raises(SourceChangedError, match=r"a\.txt"):
        find_duplicates_spilled(docs.items(), changed.__getitem__, workdir=tmp_path)
    assert list(tmp_path.iterdir()) == []  # the work directory is gone after an error


def test_work_directory_is_removed(tmp_path: Path):
    para = "今年以来，甘州区检察院围绕中心大局，积极探索优化营商环境新路径。"
    docs = {"a.txt": para, "b.txt": "标题\n" + para}
    report = find_duplicates_spilled(docs.items(), docs.__getitem__, workdir=tmp_path)
    assert report.to_text() == ["b.txt:2: exact duplicate of a.txt:1 (1.00)"]
    assert list(tmp_path.iterdir()) == []


def test_empty_and_short_inputs():
    for docs in ({}, {"a": ""}, {"a": "短", "b": "\n\n"}):
        memory, spilled = _both(docs)
        assert spilled == memory


# Small random corpora: sentences from a tiny vocabulary so that exact, near and
# fragment repeats (and large buckets) arise by chance as well as by copying.
_WORDS = [
    "甘州区",
    "检察院",
    "围绕",
    "中心",
    "大局",
    "积极",
    "探索",
    "营商",
    "环境",
    "路径",
    "第二",
    "号",
]
_sentence = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=16).map("".join)


@st.composite
def _corpora(draw: st.DrawFn) -> dict[str, str]:
    lines = draw(st.lists(_sentence, min_size=1, max_size=8))
    rng = random.Random(draw(st.integers(0, 2**16)))
    docs: dict[str, str] = {}
    for i in range(draw(st.integers(1, 6))):
        body = []
        for _ in range(rng.randint(0, 6)):
            line = rng.choice(lines)
            roll = rng.random()
            if roll < 0.3:
                line = ocr_noise(line, 0.05, rng)
            elif roll < 0.45:
                line = line[: max(1, len(line) // 2)] if roll < 0.38 else line[len(line) // 2 :]
            body.append(line)
        docs[f"f{i}.txt"] = ("\n" if rng.random() < 0.5 else "\n\n").join(body)
    return docs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpora(), st.sampled_from([1, 3, 64]), st.sampled_from([0.7, 0.9]))
def test_property_spilled_equals_in_memory(docs, max_bucket, threshold):
    config = DedupConfig(min_chars=6, max_bucket=max_bucket, threshold=threshold)
    memory, spilled = _both(docs, config)
    assert spilled == memory


def test_digest_is_of_the_whole_text():
    text = "甲\n乙"
    assert spill.text_digest(text) == hashlib.blake2b(text.encode(), digest_size=16).digest()


def test_an_interrupt_during_the_cleanup_still_removes_the_spill_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SIGTERM pending in compiled code fired inside ``rmtree`` and left the folder."""
    import shutil

    real = shutil.rmtree
    calls: list[str] = []

    def interrupted_once(path: str, *args: object, **kwargs: object) -> None:
        calls.append(str(path))
        if len(calls) == 1:
            real(Path(path) / "rows", ignore_errors=True)  # half way through
            raise KeyboardInterrupt
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", interrupted_once)
    docs = {f"{i}.txt": seed_text(f"00{i % 5}") for i in range(6)}
    with pytest.raises(KeyboardInterrupt):
        find_duplicates_spilled(docs.items(), docs.__getitem__, workdir=tmp_path)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_right_after_the_spill_folder_is_made_removes_it(tmp_path, monkeypatch):
    """Ctrl-C or SIGTERM landing right after the folder's ``mkdir`` left the folder."""
    real = os.mkdir

    def mkdir_then_interrupted(path: Any, *args: Any, **kwargs: Any) -> None:
        real(path, *args, **kwargs)
        if "seedclean-dedup-" in str(path):
            raise KeyboardInterrupt  # what the signal handler raises at the next bytecode

    monkeypatch.setattr(os, "mkdir", mkdir_then_interrupted)
    docs = {"a.txt": seed_text("001"), "b.txt": seed_text("001")}
    with pytest.raises(KeyboardInterrupt):
        find_duplicates_spilled(docs.items(), docs.__getitem__, workdir=tmp_path)
    assert list(tmp_path.iterdir()) == []
