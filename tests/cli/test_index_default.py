"""A bare ``--index`` (no folder) means the configured index, else ``.seedclean/``."""

from __future__ import annotations

from pathlib import Path

from .helpers import run, seed_text


def test_bare_index_uses_the_default_folder(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = seed_text("003")
    Path("corpus.txt").write_text(page, encoding="utf-8")
    assert run(capsys, "dedup", "--update-index", "corpus.txt").code == 0
    Path("new.txt").write_text(page, encoding="utf-8")
    result = run(capsys, "dedup", "new.txt", "--index")
    assert result.code == 1, result.err
    assert "of corpus.txt:" in result.out  # matched against the index in .seedclean/


def test_bare_index_follows_the_index_setting(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = seed_text("003")
    Path("pyproject.toml").write_text('[tool.seedclean]\nindex = "idx"\n', encoding="utf-8")
    Path("corpus.txt").write_text(page, encoding="utf-8")
    assert run(capsys, "dedup", "--update-index", "corpus.txt").code == 0
    assert Path("idx").is_dir()
    assert not Path(".seedclean").exists()
    Path("new.txt").write_text(page, encoding="utf-8")
    result = run(capsys, "dedup", "new.txt", "--index")
    assert result.code == 1, result.err
    assert "of corpus.txt:" in result.out
