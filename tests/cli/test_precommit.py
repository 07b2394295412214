"""The hooks, run by the real ``pre-commit`` tool from another repository (``try-repo``).

``try-repo`` builds seedclean from this working tree into pre-commit's own
virtualenv (needs PyPI), so these tests are marked slow; the hook manifest is
also checked statically.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seedclean.pipeline import clean

from .helpers import ROOT, run, seed_text

PRE_COMMIT = shutil.which("pre-commit", path=os.path.dirname(sys.executable))
HOOK_IDS = ("seedclean-check", "seedclean-fix", "seedclean-dedup")


def test_manifest_declares_the_three_hooks() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for hook in HOOK_IDS:
        assert f"id: {hook}" in text
    docs = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    assert all(f"`{hook}`" in docs for hook in HOOK_IDS)


def test_dedup_batches_see_earlier_batches(tmp_path: Path, capsys, monkeypatch) -> None:
    """pre-commit may split the files into several runs: each run records its files."""
    monkeypatch.chdir(tmp_path)
    page = seed_text("003")
    Path("first.txt").write_text(page, encoding="utf-8")
    Path("second.txt").write_text(page.replace("。", "。\n\n", 1), encoding="utf-8")
    first = run(capsys, "dedup", "--update-index", "first.txt", "--ignore", "dedup")
    assert first.code == 0  # rules switched off: nothing counts, but the file is recorded
    second = run(capsys, "dedup", "--update-index", "second.txt")
    assert second.code == 1
    assert "of first.txt:" in second.out
    alone = json.loads(run(capsys, "dedup", "first.txt", "--format", "json").out)
    again = json.loads(run(capsys, "dedup", "--update-index", "first.txt", "--format", "json").out)

    def own(doc: dict[str, Any]) -> list[object]:
        return [c for c in doc["clusters"] if {m["path"] for m in c["members"]} == {"first.txt"}]

    assert own(again) == own(alone)  # first.txt never matches its own indexed copy
    assert any(c["members"][0]["path"] == "second.txt" for c in again["clusters"])


def _git_repo(path: Path, files: dict[str, str]) -> None:
    path.mkdir()
    for name, text in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    for cmd in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(cmd, cwd=path, check=True, env=env)


def _try_repo(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
    }
    env.pop("CI", None)
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


needs_pre_commit = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit not installed")


@pytest.mark.slow
@needs_pre_commit
def test_check_and_fix_hooks_from_another_repository(tmp_path: Path) -> None:
    dirty = seed_text("001")
    tidy = clean("近年来,广东省检察院坚持以政治建设为统领,不断探索。\n")
    repo = tmp_path / "repo"
    _git_repo(repo, {"pages/dirty.txt": dirty, "pages/tidy.txt": tidy})
    files = ["--files", "pages/dirty.txt", "pages/tidy.txt"]

    checked = _try_repo(repo, tmp_path / "home", "seedclean-check", *files)
    assert checked.returncode == 1, checked.stdout
    assert "seedclean check" in checked.stdout
    assert "Failed" in checked.stdout
    assert "pages/dirty.txt:" in checked.stdout
    assert "punct-comma" in checked.stdout
    assert "pages/tidy.txt:" not in checked.stdout
    assert (repo / "pages/dirty.txt").read_text(encoding="utf-8") == dirty

    fixed = _try_repo(repo, tmp_path / "home", "seedclean-fix", *files)
    assert fixed.returncode == 1
    assert "files were modified by this hook" in fixed.stdout
    assert (repo / "pages/dirty.txt").read_text(encoding="utf-8") != dirty
    assert (repo / "pages/tidy.txt").read_text(encoding="utf-8") == tidy

    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    again = _try_repo(repo, tmp_path / "home", "seedclean-check", *files)
    assert again.returncode == 0, again.stdout
    assert "Passed" in again.stdout


@pytest.mark.slow
@needs_pre_commit
def test_dedup_hook_uses_the_corpus_index(tmp_path: Path, capsys, monkeypatch) -> None:
    corpus = {f"corpus/{n}.txt": clean(seed_text(n)) for n in ("000", "002", "004")}
    page = clean(seed_text("002"))
    paragraphs = [p for p in page.split("\n\n") if len(p) > 40]
    new = "新的一页。\n\n" + paragraphs[3] + "\n\n" + paragraphs[5] + "\n"
    repo = tmp_path / "repo"
    _git_repo(repo, {**corpus, "new/copied.txt": new, "new/original.txt": clean(seed_text("003"))})
    monkeypatch.chdir(repo)
    built = run(capsys, "dedup", "--update-index", "corpus")
    assert built.code in (0, 1)
    assert (repo / ".seedclean").is_dir()

    result = _try_repo(
        repo, tmp_path / "home", "seedclean-dedup", "--files", "new/copied.txt", "new/original.txt"
    )
    assert result.returncode == 1, result.stdout
    assert "new/copied.txt:3: exact duplicate of corpus/002.txt:" in result.stdout
    assert "new/original.txt:" not in result.stdout.split("- exit code")[-1].split("index")[0]

    alone = _try_repo(repo, tmp_path / "home", "seedclean-dedup", "--files", "new/original.txt")
    assert alone.returncode == 0, alone.stdout
    assert "Passed" in alone.stdout


@pytest.mark.slow
@needs_pre_commit
def test_dedup_hook_in_a_fresh_clone_keeps_the_first_in_history(tmp_path: Path) -> None:
    """Issue 12: a clone has no index; the hook builds it from the committed files, and the
    copy (newer, but first by name) is the duplicate, with or without ``--all-files``."""
    original = clean(seed_text("003"))
    copied = max(original.split("\n"), key=len)
    origin = tmp_path / "origin"
    _git_repo(
        origin, {"pages/z_original.txt": original, "pages/other.txt": clean(seed_text("000"))}
    )
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip
    subprocess.run(["git", "commit", "-qm", "corpus"], cwd=origin, check=True, env=env)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True, env=env)
    (clone / "pages" / "a_copy.txt").write_text(f"新的一页。\n\n{copied}\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=clone, check=True, env=env)

    staged = _try_repo(clone, tmp_path / "home", "seedclean-dedup", "--files", "pages/a_copy.txt")
    assert staged.returncode == 1, staged.stdout
    assert "building it from the 2 committed files" in staged.stdout
    assert "pages/a_copy.txt:3: exact duplicate of pages/z_original.txt:" in staged.stdout

    shutil.rmtree(clone / ".seedclean")  # another fresh clone, checked with --all-files
    every = _try_repo(clone, tmp_path / "home", "seedclean-dedup", "--all-files")
    assert every.returncode == 1, every.stdout
    assert "pages/a_copy.txt:3: exact duplicate of pages/z_original.txt:" in every.stdout
    assert "pages/z_original.txt:1: exact duplicate" not in every.stdout
