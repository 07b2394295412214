"""Where settings come from: the inputs' location, broken files, ``--config`` (issue 12)."""

from __future__ import annotations

from pathlib import Path

from .helpers import run

PAGE = "近年来,广东省检察院坚持以政治建设为统领,不断探索。\n"


def _project(folder: Path, table: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "pyproject.toml").write_text(table, encoding="utf-8")
    page = folder / "pages" / "page.txt"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    return page


def test_a_broken_pyproject_is_an_error_not_ignored(tmp_path: Path, capsys, monkeypatch) -> None:
    page = _project(tmp_path / "proj", '[tool.seedclean]\nignore = ["punct-comma"\n')
    monkeypatch.chdir(tmp_path / "proj")
    done = run(capsys, "clean", "--in-place", "pages/page.txt")
    assert done.code == 2
    assert "pyproject.toml: not valid TOML" in done.err
    assert page.read_text(encoding="utf-8") == PAGE  # left as it was
    assert run(capsys, "check", "pages/page.txt", "--isolated").code == 1  # a way out


def test_a_broken_pyproject_above_a_good_one_is_not_reached(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.seedclean\n", encoding="utf-8")
    _project(tmp_path / "proj", '[tool.seedclean]\nignore = ["punct-comma"]\n')
    monkeypatch.chdir(tmp_path / "proj")
    assert run(capsys, "check", "pages/page.txt").code == 0


def test_settings_are_found_from_the_inputs_not_the_current_folder(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    page = _project(tmp_path / "proj", '[tool.seedclean]\nignore = ["punct-comma"]\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "pyproject.toml").write_text(
        '[tool.seedclean]\nselect = ["punct-comma"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(elsewhere)
    assert run(capsys, "check", str(page)).code == 0  # proj's settings: punct-comma ignored
    assert run(capsys, "check", str(tmp_path / "proj")).code == 0  # a folder argument too
    cfg = tmp_path / "other.toml"
    cfg.write_text('select = ["punct-comma"]\n', encoding="utf-8")
    assert run(capsys, "check", str(page), "--config", str(cfg)).code == 1  # --config wins


def test_inputs_under_different_settings_are_refused(tmp_path: Path, capsys) -> None:
    one = _project(tmp_path / "one", '[tool.seedclean]\nignore = ["punct-comma"]\n')
    two = _project(tmp_path / "two", "[tool.seedclean]\n")
    done = run(capsys, "check", str(one), str(two))
    assert done.code == 2
    assert "different settings files" in done.err
    assert str(tmp_path / "one" / "pyproject.toml") in done.err
    assert str(tmp_path / "two" / "pyproject.toml") in done.err
    assert run(capsys, "check", str(one), str(two), "--isolated").code == 1
