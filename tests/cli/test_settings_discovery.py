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


def test_each_input_uses_the_settings_nearest_to_it(tmp_path: Path, capsys) -> None:
    # as ruff and black do: two projects in one run, each with its own settings
    one = _project(tmp_path / "one", '[tool.seedclean]\nignore = ["punct-comma"]\n')
    two = _project(tmp_path / "two", "[tool.seedclean]\n")
    done = run(capsys, "check", str(one), str(two))
    assert done.code == 1, done.err
    assert done.out.splitlines() == [
        f'{two}:1:4: punct-comma "," → "，"',
        f'{two}:1:21: punct-comma "," → "，"',
    ]
    # a project nested in a walked folder: its files follow its own settings
    nested = _project(tmp_path / "two" / "sub", '[tool.seedclean]\nignore = ["punct-comma"]\n')
    walked = run(capsys, "check", str(tmp_path / "two"), "-q")
    assert walked.code == 1
    assert {line.split(":")[0] for line in walked.out.splitlines()} == {str(two)}
    # command-line options override every file; --isolated ignores them all
    assert run(capsys, "check", str(one), str(two), "--ignore", "punct-comma").code == 0
    isolated = run(capsys, "check", str(one), str(two), str(nested), "--isolated", "-q")
    assert len(isolated.out.splitlines()) == 6
    # clean writes each file as its own settings say
    assert run(capsys, "clean", "--in-place", str(one), str(two), str(nested)).code == 0
    assert one.read_text(encoding="utf-8") == PAGE
    assert nested.read_text(encoding="utf-8") == PAGE
    assert two.read_text(encoding="utf-8") == PAGE.replace(",", "，")


def test_a_broken_settings_file_met_in_a_walk_is_an_error(tmp_path: Path, capsys) -> None:
    good = _project(tmp_path / "proj", "[tool.seedclean]\n")
    _project(tmp_path / "proj" / "sub", '[tool.seedclean]\nignore = ["no-such-rule"]\n')
    done = run(capsys, "clean", "--in-place", str(tmp_path / "proj"))
    assert done.code == 2
    assert "no-such-rule" in done.err
    assert good.read_text(encoding="utf-8") == PAGE  # nothing written


def test_dedup_compares_with_the_first_inputs_settings_and_says_so(tmp_path: Path, capsys) -> None:
    para = "近年来，广东省检察院坚持以政治建设为统领，不断探索新时代检察工作的新路径。"
    near = para.replace("政治", "政政治")  # OCR noise: a doubled character (similarity 0.99)
    strict = _project(tmp_path / "strict", "[tool.seedclean]\nthreshold = 1.0\n")
    loose = _project(tmp_path / "loose", "[tool.seedclean]\nthreshold = 0.5\n")
    strict.write_text(para + "\n", encoding="utf-8")
    loose.write_text(near + "\n", encoding="utf-8")
    first_strict = run(capsys, "dedup", "--order", "paths", str(strict), str(loose))
    assert first_strict.code == 0  # threshold 1.0: a near copy is not a duplicate
    assert "disagree on threshold" in first_strict.err
    assert str(tmp_path / "strict" / "pyproject.toml") in first_strict.err
    first_loose = run(capsys, "dedup", "--order", "paths", str(loose), str(strict))
    assert first_loose.code == 1
    given = run(capsys, "dedup", "--order", "paths", str(strict), str(loose), "--threshold", "0.8")
    assert given.code == 1
    assert "disagree" not in given.err  # the command line settles it for every file
