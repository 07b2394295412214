"""The duplicate hook's workflow: a fresh clone builds its index, the first in history keeps.

Reproduces issue 12: in a fresh clone (no ``.seedclean/``, which is never
committed) the hook indexed only the new file and passed a copied paragraph;
with ``--all-files`` (files in name order) the older original was flagged as
the duplicate of the new copy.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .helpers import run

ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, env={**os.environ, **ENV})


def _article(articles: list[dict[str, Any]], n: int) -> str:
    return "\n\n".join(articles[n]["paragraphs"]) + "\n"


@pytest.fixture
def history(tmp_path: Path, articles: list[dict[str, Any]]) -> tuple[Path, str]:
    """A repository whose *older* page is ``z_original.txt``; ``a_copy.txt`` copies a paragraph.

    The copy sorts first by name, so name order would keep the copy.
    """
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "pages").mkdir()
    (repo / "pages" / "z_original.txt").write_text(_article(articles, 10), encoding="utf-8")
    (repo / "pages" / "other.txt").write_text(_article(articles, 11), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "corpus")
    copied = max(articles[10]["paragraphs"], key=len)
    copy = f"{articles[12]['paragraphs'][0]}\n\n{copied}\n"
    (repo / "pages" / "a_copy.txt").write_text(copy, encoding="utf-8")
    git(repo, "add", ".")
    return repo, copied


def test_a_fresh_clone_builds_the_index_from_committed_files(
    history: tuple[Path, str], capsys, monkeypatch
) -> None:
    repo, _ = history
    monkeypatch.chdir(repo)
    assert not (repo / ".seedclean").exists()  # a clone never has it
    done = run(capsys, "dedup", "--update-index", "pages/a_copy.txt")
    assert done.code == 1
    assert "pages/a_copy.txt:3: exact duplicate of pages/z_original.txt:" in done.out
    assert "building it from the 2 committed files" in done.err
    again = run(capsys, "dedup", "--update-index", "pages/a_copy.txt")
    assert again.code == 1
    assert "building" not in again.err  # only once


def test_all_files_keep_the_first_in_history(
    history: tuple[Path, str], capsys, monkeypatch
) -> None:
    repo, _ = history
    monkeypatch.chdir(repo)
    every = ["pages/a_copy.txt", "pages/other.txt", "pages/z_original.txt"]  # pre-commit's order
    done = run(capsys, "dedup", "--update-index", *every)
    assert done.code == 1
    assert "pages/a_copy.txt:3: exact duplicate of pages/z_original.txt:" in done.out
    assert "pages/z_original.txt:" not in done.out.split(" of ")[0]
    walked = run(capsys, "dedup", "pages")
    assert "pages/a_copy.txt:3: exact duplicate of pages/z_original.txt:" in walked.out
    by_name = run(capsys, "dedup", "pages", "--order", "paths")
    assert by_name.out.startswith("pages/z_original.txt:")  # the old behaviour, on request


def test_order_globs_from_the_settings(history: tuple[Path, str], capsys, monkeypatch) -> None:
    repo, _ = history
    monkeypatch.chdir(repo)
    (repo / "pyproject.toml").write_text(
        '[tool.seedclean]\norder = ["*/a_copy.txt"]\n', encoding="utf-8"
    )
    done = run(capsys, "dedup", "pages")
    assert done.out.startswith("pages/z_original.txt:")
    assert "of pages/a_copy.txt:" in done.out


def test_remove_keeps_the_older_copy(history: tuple[Path, str], capsys, monkeypatch) -> None:
    repo, copied = history
    monkeypatch.chdir(repo)
    original = (repo / "pages" / "z_original.txt").read_text(encoding="utf-8")
    done = run(capsys, "dedup", "pages", "--remove")
    assert done.code == 1
    assert (repo / "pages" / "z_original.txt").read_text(encoding="utf-8") == original
    assert copied not in (repo / "pages" / "a_copy.txt").read_text(encoding="utf-8")


def test_outside_git_the_new_index_says_what_it_holds(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_text(
        "近年来，广东省检察院坚持以政治建设为统领，不断探索。\n", encoding="utf-8"
    )
    done = run(capsys, "dedup", "--update-index", "page.txt")
    assert done.code == 0
    assert "holds only the files of this run" in done.err
