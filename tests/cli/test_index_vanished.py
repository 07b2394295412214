"""``dedup --update-index`` forgets files that disappeared, so they can no longer match."""

from __future__ import annotations

from pathlib import Path

from seedclean.dedup import DedupIndex

from .helpers import run, seed_text


def test_update_index_forgets_deleted_files(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = seed_text("002")
    Path("kept.txt").write_text(seed_text("004"), encoding="utf-8")
    Path("gone.txt").write_text(page, encoding="utf-8")
    assert run(capsys, "dedup", "--update-index", "kept.txt", "gone.txt").code in (0, 1)
    Path("gone.txt").unlink()
    Path("new.txt").write_text(page, encoding="utf-8")
    result = run(capsys, "dedup", "--update-index", "new.txt")
    assert "of gone.txt" not in result.out  # a deleted file is never a kept copy
    assert "1 removed (files gone)" in result.err
    with DedupIndex.open(Path(".seedclean")) as index:
        assert index.paths() == ["kept.txt", "new.txt"]
