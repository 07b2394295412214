"""The numbers-must-agree switch of the duplicate step is reachable from [tool.seedclean]."""

from __future__ import annotations

import pytest

from seedclean.settings import SettingsError, merge, validate


def test_numbers_must_agree_from_a_settings_file() -> None:
    values = validate({"numbers-must-agree": False}, "pyproject.toml")
    assert merge(values, {}).dedup_config().numbers_must_agree is False
    assert merge({}, {}).dedup_config().numbers_must_agree is True


def test_numbers_must_agree_rejects_non_booleans() -> None:
    with pytest.raises(SettingsError, match="numbers-must-agree"):
        validate({"numbers-must-agree": "maybe"}, "pyproject.toml")


def test_markdown_hard_breaks_are_kept_on_request(tmp_path, capsys, monkeypatch) -> None:
    """Two trailing spaces (a Markdown hard break) could be kept only through the Python API."""
    from .helpers import run

    monkeypatch.chdir(tmp_path)
    page = "本刊策划 李娜  \n近年来,广东省检察院坚持以政治建设为统领。\n"
    (tmp_path / "p.md").write_text(page, encoding="utf-8")
    assert run(capsys, "clean", "--check", "p.md").code == 1
    assert run(capsys, "clean", "--in-place", "--keep-markdown-breaks", "p.md").code == 0
    kept = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert kept.startswith("本刊策划 李娜  \n近年来，")
    assert run(capsys, "check", "--keep-markdown-breaks", "p.md").code == 0
    (tmp_path / "pyproject.toml").write_text(
        "[tool.seedclean]\nkeep-markdown-breaks = true\n", encoding="utf-8"
    )
    assert run(capsys, "check", "p.md").code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.seedclean]\n", encoding="utf-8")
    assert run(capsys, "check", "p.md").code == 1  # the default removes them
