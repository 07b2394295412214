"""Folder walks: .gitignore, default excludes, virtualenvs, exclude/extend-exclude (issue 12)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from seedclean.files.walking import DEFAULT_EXCLUDE, collect_targets

from .helpers import run

FILES = (
    "a.txt",
    "notes/b.md",
    "drafts/c.txt",  # ignored by the root .gitignore (folder rule)
    "scratch.tmp.txt",  # ignored by a glob
    "keep.tmp.txt",  # ... but negated
    "sub/d.txt",
    "sub/local.txt",  # ignored by sub/.gitignore
    "sub/deep/e.txt",
    "node_modules/pkg/readme.txt",
    "build/out.txt",
    "dist/out.txt",
    "env/lib/page.txt",  # a virtualenv under another name (pyvenv.cfg)
    ".seedclean/x.txt",
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    page = "近年来,广东省检察院坚持以政治建设为统领,不断探索。\n"
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(page, encoding="utf-8")
    (root / ".gitignore").write_text("drafts/\n*.tmp.txt\n!keep.tmp.txt\n", encoding="utf-8")
    (root / "sub" / ".gitignore").write_text("local.txt\n", encoding="utf-8")
    (root / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def _walked(root: Path, **kwargs: object) -> set[str]:
    exclude = kwargs.pop("exclude", DEFAULT_EXCLUDE)
    targets, problems = collect_targets([str(root)], ("*.txt", "*.md"), exclude, **kwargs)  # type: ignore[arg-type]
    assert not problems
    return {t.relative.as_posix() for t in targets}


def test_walks_respect_gitignore_and_default_excludes(repo: Path) -> None:
    assert _walked(repo) == {"a.txt", "notes/b.md", "keep.tmp.txt", "sub/d.txt", "sub/deep/e.txt"}


def test_git_agrees_on_what_is_ignored(repo: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    walked_everything = _walked(repo, exclude=(".seedclean",))
    not_ignored = {p for p in tracked if p.endswith((".txt", ".md"))}
    hidden_or_venv = {"env/lib/page.txt", ".seedclean/x.txt"}
    assert walked_everything - hidden_or_venv == not_ignored - hidden_or_venv


def test_no_respect_gitignore(repo: Path) -> None:
    walked = _walked(repo, respect_gitignore=False)
    assert {"drafts/c.txt", "scratch.tmp.txt", "sub/local.txt"} <= walked
    assert not {"node_modules/pkg/readme.txt", "build/out.txt"} & walked


def test_subfolder_walk_applies_the_repository_gitignore(repo: Path) -> None:
    (repo / "sub" / "drafts").mkdir()
    (repo / "sub" / "drafts" / "f.txt").write_text("近年来。\n", encoding="utf-8")
    assert _walked(repo / "sub") == {"d.txt", "deep/e.txt"}  # drafts/ of the root applies
    assert _walked(repo / "drafts") == {"c.txt"}  # an ignored folder named explicitly


def test_cli_options_and_settings(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(repo)

    def files(*argv: str) -> set[str]:
        done = run(capsys, "check", ".", "--statistics", *argv)
        return set(re.findall(r"^would clean (\S+) \(", done.err, re.MULTILINE))

    assert files() == {"a.txt", "notes/b.md", "keep.tmp.txt", "sub/d.txt", "sub/deep/e.txt"}
    assert "drafts/c.txt" in files("--no-respect-gitignore")
    assert "node_modules/pkg/readme.txt" in files("--exclude", "sub")  # replaces the defaults
    assert "sub/d.txt" not in files("--exclude", "sub")
    assert files("--extend-exclude", "sub") == {"a.txt", "notes/b.md", "keep.tmp.txt"}
    (repo / "pyproject.toml").write_text(
        '[tool.seedclean]\nextend-exclude = ["notes"]\nrespect-gitignore = false\n',
        encoding="utf-8",
    )
    from_settings = files()
    assert "notes/b.md" not in from_settings
    assert "drafts/c.txt" in from_settings
    assert "build/out.txt" not in from_settings


def test_a_named_file_is_processed_even_when_ignored(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    done = run(capsys, "check", "drafts/c.txt", "build/out.txt", "--statistics")
    assert "would clean drafts/c.txt" in done.err
    assert "would clean build/out.txt" in done.err


def test_a_folder_of_unmatched_files_gets_a_hint(tmp_path: Path, capsys, monkeypatch) -> None:
    """A folder holding only *.jsonl reported "0 files", exit 0, with nothing said."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.jsonl").write_text('{"text": "近年来,广东"}\n', encoding="utf-8")
    result = run(capsys, "check", "corpus")
    assert result.code == 0
    assert "hint: no file matched include (*.txt, *.md)" in result.err
    assert "--include '*.jsonl'" in result.err
    result = run(capsys, "check", "corpus", "--include", "*.jsonl")
    assert result.code == 1
    assert "hint" not in result.err
