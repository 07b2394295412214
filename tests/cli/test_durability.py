"""``--in-place`` fsyncs each rewritten file before the rename; ``--out`` copies do not.

The input is the only copy of an in-place file, so its new bytes must be on disk
before they replace it; an ``--out`` copy can be made again from its input, and
one fsync per file cost most of a run's time on a busy disk (issue #13).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .helpers import run, seed_text


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)  # what files.atomic calls
    return calls


def _pages(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for name in ("000", "004"):
        path = folder / f"{name}.txt"
        path.write_text(seed_text(name), encoding="utf-8")
        paths.append(path)
    return paths


def test_out_copies_are_not_fsynced(capsys, tmp_path: Path, fsyncs: list[int]) -> None:
    _pages(tmp_path / "in")
    result = run(capsys, "clean", "-j", "1", str(tmp_path / "in"), "--out", str(tmp_path / "o"))
    assert result.code == 0, result.err
    assert len(list((tmp_path / "o").glob("*.txt"))) == 2
    assert fsyncs == []


def test_in_place_rewrites_are_fsynced(capsys, tmp_path: Path, fsyncs: list[int]) -> None:
    paths = _pages(tmp_path / "in")
    before = [p.read_bytes() for p in paths]
    result = run(capsys, "clean", "-j", "1", "--in-place", str(tmp_path / "in"))
    assert result.code == 0, result.err
    changed = sum(p.read_bytes() != b for p, b in zip(paths, before, strict=True))
    assert changed == 2
    assert len(fsyncs) >= changed
