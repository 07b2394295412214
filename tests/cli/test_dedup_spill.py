"""``seedclean dedup`` spills on large input (or ``--low-memory``) with the same report."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from seedclean.cli import dedup_cmd
from seedclean.dedup import find_duplicates
from tests.dedup.noise import ocr_noise

from .helpers import run, seed_text


def _corpus(folder: Path, articles: list[dict[str, Any]]) -> list[str]:
    """News files with exact, near and fragment copies across them, plus two seed pages."""
    rng = random.Random(21)
    pool = [p for a in articles[:300] for p in a["paragraphs"] if len(p) >= 40]
    names = []
    for i in range(30):
        paras = rng.sample(pool, 6)
        paras = [ocr_noise(p, 0.03, rng) if rng.random() < 0.2 else p for p in paras]
        paras[-1] = paras[-1][: len(paras[-1]) // 2] if rng.random() < 0.3 else paras[-1]
        names.append(f"d{i:02d}.txt")
        (folder / names[-1]).write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    for seed in ("001", "003"):
        names.append(f"seed{seed}.txt")
        (folder / names[-1]).write_text(seed_text(seed), encoding="utf-8")
    return names


def _report(out: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(out)
    report["stats"].pop("seconds")
    return report


@pytest.mark.evaldata
def test_low_memory_report_equals_in_memory(tmp_path, capsys, monkeypatch, articles):
    monkeypatch.chdir(tmp_path)
    names = _corpus(tmp_path, articles)
    args = ("dedup", "--format", "json", "--extend-select", "dedup-fragment", *names)
    memory = run(capsys, *args)
    spilled = run(capsys, *args, "--low-memory")
    assert memory.code == spilled.code == 1
    assert _report(spilled.out) == _report(memory.out)
    assert _report(memory.out)["stats"]["near_duplicates"] > 0


@pytest.mark.evaldata
def test_large_input_spills_automatically(tmp_path, capsys, monkeypatch, articles):
    monkeypatch.chdir(tmp_path)
    names = _corpus(tmp_path, articles)
    calls: list[bool] = []
    real = find_duplicates

    def spy(*args: Any, **kw: Any) -> Any:
        calls.append(kw.get("reread") is not None)
        return real(*args, **kw)

    monkeypatch.setattr(dedup_cmd, "find_duplicates", spy)
    run(capsys, "dedup", *names)
    monkeypatch.setattr(dedup_cmd, "SPILL_BYTES", 1000)
    run(capsys, "dedup", *names)
    assert calls == [False, True]


@pytest.mark.evaldata
def test_low_memory_with_an_index(tmp_path, capsys, monkeypatch, articles):
    monkeypatch.chdir(tmp_path)
    names = _corpus(tmp_path, articles)
    assert run(capsys, "dedup", "--update-index", "--exit-zero", *names[:15]).code == 0
    args = ("dedup", "--index", ".seedclean", "--format", "json", *names[10:])
    memory = run(capsys, *args)
    spilled = run(capsys, *args, "--low-memory")
    assert _report(spilled.out) == _report(memory.out)
    kept = {c["members"][0]["path"] for c in _report(memory.out)["clusters"]}
    assert kept & set(names[:10])  # matches in the indexed files that were not given


def test_low_memory_remove_rewrites_like_in_memory(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = seed_text("001")
    for mode in ("memory", "spilled"):
        Path(mode).mkdir()
        Path(mode, "a.txt").write_text(page, encoding="utf-8")
        Path(mode, "b.txt").write_text(page, encoding="utf-8")
    run(capsys, "dedup", "--remove", "memory")
    run(capsys, "dedup", "--remove", "--low-memory", "spilled")
    for name in ("a.txt", "b.txt"):
        assert Path("spilled", name).read_bytes() == Path("memory", name).read_bytes()
    assert len(Path("spilled", "b.txt").read_bytes()) < len(page.encode()) / 2


def test_file_changed_during_the_run_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = seed_text("001")
    Path("a.txt").write_text(page, encoding="utf-8")
    real = dedup_cmd._rereader

    def changing(by_key: Any, max_size: int, *rest: Any) -> Any:
        read = real(by_key, max_size, *rest)

        def reread(key: str) -> str:
            Path(key).write_text(page + "\n新的一段内容，在两次读取之间被写进了文件里。\n", "utf-8")
            return read(key)

        return reread

    monkeypatch.setattr(dedup_cmd, "_rereader", changing)
    result = run(capsys, "dedup", "--low-memory", "a.txt")
    assert result.code == 2
    assert "a.txt: changed while duplicates were searched" in result.err
