"""Temporary files of a live run are never deleted by another run (session-6 tester, P1).

Two ``clean --in-place`` runs on different files of one folder, started a moment
apart: the second deleted every ``.*.seedclean-tmp`` in the folder as "left by an
interrupted run", including the one the first run was about to rename, and the
first run failed on that file (exit 2).  Only files of a process that is gone, or
very old ones, are removed now.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from seedclean.files.atomic import TEMP_SUFFIX, UNKNOWN_OWNER_SECONDS, remove_stale_temp

from .helpers import run, seed_text


def _dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(proc.stdout)


def _temp(folder: Path, name: str, age: float = 0.0) -> Path:
    path = folder / name
    path.write_text("half-written", encoding="utf-8")
    if age:
        then = path.stat().st_mtime - age
        os.utime(path, (then, then))
    return path


@pytest.mark.skipif(os.name == "nt", reason="liveness by os.kill(pid, 0) is POSIX")
def test_only_temporary_files_without_a_live_writer_are_removed(tmp_path: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as live:
        try:
            kept = _temp(tmp_path, f".a.txt.x1.p{live.pid}{TEMP_SUFFIX}")
            dead = _temp(tmp_path, f".b.txt.x2.p{_dead_pid()}{TEMP_SUFFIX}")
            fresh_unknown = _temp(tmp_path, f".c.txt.x3{TEMP_SUFFIX}")
            old_unknown = _temp(tmp_path, f".d.txt.x4{TEMP_SUFFIX}", UNKNOWN_OWNER_SECONDS + 60)
            removed = remove_stale_temp(tmp_path)
        finally:
            live.kill()
    assert sorted(removed) == sorted([dead, old_unknown])
    assert kept.exists()
    assert fresh_unknown.exists()


@pytest.mark.skipif(os.name == "nt", reason="liveness by os.kill(pid, 0) is POSIX")
def test_in_place_run_leaves_another_running_cleaners_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(seed_text("003"), encoding="utf-8")
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as other:
        try:
            theirs = _temp(tmp_path, f".b.txt.k2j4.p{other.pid}{TEMP_SUFFIX}")
            result = run(capsys, "clean", "--in-place", "a.txt")
        finally:
            other.kill()
    assert result.code == 0, result.err
    assert theirs.exists()
    assert "removed a temporary file" not in result.err
    assert list(tmp_path.glob(f".a.txt.*{TEMP_SUFFIX}")) == []  # its own temp file is renamed


def test_in_place_leaves_a_file_the_user_may_not_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rename needs only the folder's permission: a read-only file was replaced (R2)."""
    monkeypatch.chdir(tmp_path)
    text = seed_text("003")
    Path("a.txt").write_text(text, encoding="utf-8")
    Path("a.txt").chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: stand in for a user who may not
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, m, **kw: False if Path(p).name == "a.txt" else real_access(p, m)
        )
    result = run(capsys, "clean", "--in-place", "a.txt")
    assert result.code == 2
    assert "a.txt: skipped" in result.err
    assert "read-only for you" in result.err
    assert Path("a.txt").read_text(encoding="utf-8") == text


def test_dedup_remove_does_not_say_removed_for_a_file_it_could_not_rewrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary said "removed" after "not rewritten: ..." (W1)."""
    monkeypatch.chdir(tmp_path)
    body = max(seed_text("002").split("\n"), key=len)
    Path("a.txt").write_text(seed_text("002"), encoding="utf-8")
    copy = seed_text("003") + "\n" + body + "\n"
    Path("b.txt").write_text(copy, encoding="utf-8")
    Path("b.txt").chmod(0o444)
    if os.geteuid() == 0:
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, m, **kw: False if Path(p).name == "b.txt" else real_access(p, m)
        )
    result = run(capsys, "dedup", "--remove", "a.txt", "b.txt")
    assert result.code == 2
    assert "b.txt: not rewritten: the file is read-only for you" in result.err
    assert "1 file not rewritten" in result.err
    assert " removed" not in result.err.splitlines()[-1]
    assert Path("b.txt").read_text(encoding="utf-8") == copy
