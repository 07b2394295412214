"""``dedup --index/--update-index`` under hostile-but-realistic conditions (#11 items 1, 8, 9, 10).

Each test failed before the fix it guards: foreign folders lost their
``seg-*``/``tmp-*`` subfolders, damage ended in dead ends or internal errors,
stale kept copies silently hid duplicates, an index outside the corpus's
parent emptied itself, and a full disk said "cannot rollback".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from seedclean.dedup import DedupIndex

from .helpers import run, seed_text, snapshot


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    for i in range(3):
        (tmp_path / "corpus" / f"p{i}.txt").write_text(seed_text(f"00{i}"), encoding="utf-8")
    return tmp_path


def _foreign(folder: Path) -> None:
    for name in ("seg-photos/a.jpg", "tmp-drafts/b.txt", "seg-000001/c.txt", "notes.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")


@pytest.mark.parametrize("how", ["option", "setting"])
def test_index_in_a_folder_of_other_data_is_refused_and_nothing_deleted(
    corpus: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    _foreign(corpus)
    if how == "option":
        argv = ["dedup", "--update-index", "--index", ".", "corpus"]
    else:
        (corpus / "pyproject.toml").write_text('[tool.seedclean]\nindex = "."\n', "utf-8")
        argv = ["dedup", "--update-index", "corpus"]
    before = snapshot(corpus)
    for _ in range(2):
        result = run(capsys, *argv)
        assert result.code == 2, result.err
        assert "not empty and is not a seedclean index" in result.err or (
            "is not a seedclean index" in result.err
        )
    assert snapshot(corpus) == before


def _build(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "dedup", "-q", "--update-index", "corpus").code in (0, 1)
    Path("new.txt").write_text(seed_text("001"), encoding="utf-8")


def _segment_file(name: str) -> Path:
    return sorted(Path(".seedclean").glob(f"seg-*/{name}"))[-1]


def test_corrupt_database_names_verify_and_rebuild_and_rebuild_works(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _build(capsys)
    Path(".seedclean/index.sqlite").write_bytes(b"garbage" * 1000)
    for argv in (["new.txt", "--index"], ["--update-index", "new.txt"]):
        result = run(capsys, "dedup", *argv)
        assert result.code == 2
        assert "damaged" in result.err, result.err
        assert "--rebuild" in result.err
        assert "index verify" in result.err
        assert "already exists" not in result.err
        assert "internal error" not in result.err
    assert run(capsys, "index", "verify").code == 1
    rebuilt = run(capsys, "dedup", "--rebuild", "corpus")
    assert rebuilt.code in (0, 1), rebuilt.err
    found = run(capsys, "dedup", "new.txt", "--index")
    assert found.code == 1
    assert "exact duplicate of corpus/p1.txt" in found.out
    assert run(capsys, "index", "verify").code == 0


@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_missing_or_truncated_segment_is_a_clear_error(
    corpus: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    _build(capsys)
    target = _segment_file("bandkey.npy")
    if damage == "missing":
        target.unlink()
    else:
        target.write_bytes(target.read_bytes()[:200])
    for _ in range(2):  # and not "internal error forever"
        result = run(capsys, "dedup", "new.txt", "--index")
        assert result.code == 2
        assert "damaged" in result.err, result.err
        assert "--rebuild" in result.err
        assert "internal error" not in result.err
    verify = run(capsys, "index", "verify")
    assert verify.code == 1
    assert "bandkey.npy" in verify.out
    assert run(capsys, "dedup", "-q", "--rebuild", "corpus").code in (0, 1)
    assert run(capsys, "dedup", "new.txt", "--index").code == 1


@pytest.mark.parametrize("column", ["bandkey.npy", "hash.npy", "rows.npy"])
def test_garbled_segment_bytes_are_found_by_verify(
    corpus: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    _build(capsys)
    assert run(capsys, "index", "verify").code == 0
    target = _segment_file(column)
    data = bytearray(target.read_bytes())
    rng = np.random.default_rng(3)
    for at in rng.integers(128, len(data), 40):  # past the .npy header, sizes unchanged
        data[int(at)] ^= 0x5A
    target.write_bytes(bytes(data))
    verify = run(capsys, "index", "verify")
    assert verify.code == 1
    assert f"{column}: checksum mismatch" in verify.out
    assert "--rebuild" in verify.err


def test_stale_entry_is_named_and_reindexed(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _build(capsys)
    edited = Path("corpus/p1.txt")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n新加的一段。\n", encoding="utf-8")
    result = run(capsys, "dedup", "new.txt", "--index")
    assert "corpus/p1.txt: content changed since it was indexed" in result.err
    assert "--update-index" in result.err
    verify = run(capsys, "index", "verify")
    assert verify.code == 1
    assert "stale: corpus/p1.txt" in verify.out
    # --update-index re-indexes it and compares again: the copies are found in this run.
    updated = run(capsys, "dedup", "--update-index", "new.txt")
    assert updated.code == 1, updated.err
    assert "exact duplicate of corpus/p1.txt" in updated.out
    assert run(capsys, "index", "verify").code == 0


def test_index_outside_the_corpus_parent_keeps_its_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    (work / "corpus").mkdir(parents=True)
    for i in range(3):
        (work / "corpus" / f"p{i}.txt").write_text(seed_text(f"00{i}"), encoding="utf-8")
    monkeypatch.chdir(work)
    elsewhere = str(tmp_path / "elsewhere" / "idx")
    built = run(capsys, "dedup", "--update-index", "--index", elsewhere, "corpus")
    assert "3 added" in built.err, built.err
    assert "0 removed" in built.err
    again = run(capsys, "dedup", "--update-index", "--index", elsewhere, "corpus")
    assert "3 unchanged" in again.err, again.err
    assert "0 removed" in again.err
    with DedupIndex.open(Path(elsewhere)) as index:
        assert len(index.paths()) == 3
    Path("new.txt").write_text(seed_text("002"), encoding="utf-8")
    found = run(capsys, "dedup", "new.txt", "--index", elsewhere)
    assert found.code == 1
    assert "p2.txt" in found.out


_FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
from seedclean.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(os, "setrlimit") and sys.platform == "win32", reason="POSIX")
def test_disk_full_during_update_reports_the_real_error(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "dedup", "-q", "--update-index", "corpus/p0.txt").code in (0, 1)
    before = DedupIndex.open(Path(".seedclean"))
    paths = before.paths()
    before.close()
    many = corpus / "many"
    many.mkdir()
    for i in range(1500):  # long names: the database grows past the file-size limit
        (many / f"{'x' * 150}{i:04d}.txt").write_text("短", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, "dedup", "-q", "--update-index", "many"],
        capture_output=True,
        text=True,
        cwd=corpus,
        timeout=300,
    )
    assert done.returncode == 2
    assert "cannot rollback" not in done.stderr
    assert "internal error" not in done.stderr
    assert "cannot update the index" in done.stderr, done.stderr
    assert "I/O error" in done.stderr
    with DedupIndex.open(Path(".seedclean")) as index:
        assert index.paths() == paths  # left as it was
    assert run(capsys, "index", "verify").code == 0
