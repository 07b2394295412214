"""``--engine dask``: same files and the same dedup output as the local engine."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import SEEDS, run


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_clean_and_dedup_with_dask_engine(capsys, tmp_path: Path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "copy.txt").write_text(next(SEEDS.glob("001_*.txt")).read_text())
    monkeypatch.chdir(tmp_path)
    local = run(capsys, "clean", "seeds", "--out", "a", "--isolated", "-q")
    dask = run(capsys, "clean", "seeds", "--out", "b", "--isolated", "-q", "--engine", "dask")
    assert (dask.code, dask.err) == (local.code, local.err)
    assert _tree(tmp_path / "b") == _tree(tmp_path / "a")
    assert len(_tree(tmp_path / "a")) == 6

    args = ("dedup", "seeds", "--isolated", "--format", "json", "-q", "--exit-zero")
    local = run(capsys, *args)
    dask = run(capsys, *args, "--engine", "dask")
    strip = [line for line in local.out.splitlines() if '"seconds"' not in line]
    assert [line for line in dask.out.splitlines() if '"seconds"' not in line] == strip
    assert '"kind": "exact"' in local.out


def test_dask_engine_refuses_index_and_missing_dask(capsys, tmp_path: Path, monkeypatch):
    (tmp_path / "a.txt").write_text("甲\n")
    result = run(capsys, "dedup", str(tmp_path), "--engine", "dask", "--index", str(tmp_path))
    assert result.code == 2
    assert "does not combine with --index" in result.err
    monkeypatch.setitem(sys.modules, "distributed", None)
    for argv in (("clean", "--out", str(tmp_path / "o")), ("dedup",)):
        result = run(capsys, *argv, str(tmp_path), "--engine", "dask")
        assert result.code == 2
        assert 'pip install "seedclean[dask]"' in result.err
