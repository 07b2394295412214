"""``dedup --remove`` never deletes what it must not (found by the session-6 tester).

Against an index, it never removes a file's text as a copy of itself.

Two ways this lost whole articles (found by the session-6 tester):

* a link (symlink or hard link) to a file was indexed in one run, and the file
  itself was checked with ``--remove`` in a later run: every paragraph matched
  its own indexed copy under the link's name, and the file was emptied;
* two ``--index --remove`` runs at once, one per file of a duplicate pair: each
  removed its copy as a repeat of the other file's indexed copy, and the
  paragraph was in neither file afterwards.

And, like ``clean``, it leaves protected regions alone (fenced code, display
math, ``<!-- seedclean: off -->`` stretches), and it can read an index it may
not write.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

import pytest

from seedclean.dedup import DedupIndex

from .helpers import run, seed_text


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    return tmp_path / "corpus"


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_file_indexed_under_a_link_is_not_emptied_as_its_own_copy(
    corpus: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    article = corpus / "2024-05-01.txt"
    article.write_text(seed_text("002"), encoding="utf-8")
    other = corpus / "latest.txt"
    if link == "symlink":
        other.symlink_to(article.name)
    else:
        os.link(article, other)
    assert run(capsys, "dedup", "-q", "--update-index", str(other)).code == 0
    before = article.read_bytes()

    result = run(capsys, "dedup", "--index", ".seedclean", "--remove", str(article))

    assert article.read_bytes() == before, result.err
    assert result.code == 0, result.out + result.err
    assert "duplicate of" not in result.out
    assert f"the same file as {article} (a link)" in result.err


def test_an_indexed_link_does_not_hide_a_real_duplicate_elsewhere(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the link's own matches are dropped: a copy in a third file is still removed."""
    article = corpus / "a.txt"
    article.write_text(seed_text("002"), encoding="utf-8")
    (corpus / "link.txt").symlink_to(article.name)
    first = _longest("002")
    copy = corpus / "b.txt"
    copy.write_text(seed_text("003") + "\n" + first + "\n", encoding="utf-8")
    assert run(capsys, "dedup", "-q", "--update-index", "corpus/link.txt", "corpus/b.txt").code
    result = run(capsys, "dedup", "--index", ".seedclean", str(article), str(copy))
    assert "corpus/b.txt:" in result.out
    assert "exact duplicate of corpus/a.txt" in result.out
    assert "duplicate of corpus/link.txt" not in result.out


def _longest(name: str) -> str:
    """A body paragraph of a seed page (its longest line: never a headline)."""
    return max(seed_text(name).split("\n"), key=len)


def _wait_for_line(stream: IO[str], wanted: str, seconds: float) -> str:
    seen = ""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        line = stream.readline()
        if not line:
            break
        seen += line
        if wanted in line:
            return seen
    return seen


def test_remove_against_an_index_waits_for_a_run_holding_its_lock(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--remove`` takes the index's write lock, so two removing runs take turns."""
    shared = _longest("002")
    (corpus / "a.txt").write_text(seed_text("001") + "\n" + shared + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text(seed_text("003") + "\n" + shared + "\n", encoding="utf-8")
    assert run(capsys, "dedup", "-q", "--update-index", "corpus").code == 1
    before = (corpus / "a.txt").read_bytes()
    index = DedupIndex.open(Path(".seedclean"))
    lock = index.lock()
    lock.acquire()
    try:
        exe = shutil.which("seedclean", path=os.path.dirname(sys.executable))
        assert exe is not None
        proc = subprocess.Popen(
            [str(exe), "dedup", "--index", ".seedclean", "--remove", "corpus/a.txt"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stderr is not None
            seen = _wait_for_line(proc.stderr, "waiting for another seedclean run", 120)
            assert "waiting for another seedclean run" in seen, seen
            assert (corpus / "a.txt").read_bytes() == before  # nothing removed while it waits
        finally:
            lock.release(force=True)
        proc.communicate(timeout=120)
    finally:
        index.close()
    assert proc.returncode == 1
    assert shared not in (corpus / "a.txt").read_text(encoding="utf-8")
    assert shared in (corpus / "b.txt").read_text(encoding="utf-8")


def test_a_read_only_index_can_be_queried_and_verified(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shared index on a read-only place said "attempt to write a readonly database".

    As root the files' modes bind nobody, so the test then stands in a user who
    may not write there (``os.access``): it checks the read-only way of opening
    works; as any other user it is the real situation.
    """
    shared = _longest("002")
    (corpus / "a.txt").write_text(seed_text("001") + "\n" + shared + "\n", encoding="utf-8")
    assert run(capsys, "dedup", "-q", "--update-index", "corpus/a.txt").code in (0, 1)
    (corpus / "b.txt").write_text(seed_text("003") + "\n" + shared + "\n", encoding="utf-8")
    index = Path(".seedclean")
    modes = {p: p.stat().st_mode for p in [index, *index.rglob("*")]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    if os.geteuid() == 0:  # root may write anything: stand in for a user who may not
        real_access = os.access
        monkeypatch.setattr(
            os,
            "access",
            lambda p, m, **kw: False if ".seedclean" in str(p) else real_access(p, m),
        )
    try:
        found = run(capsys, "dedup", "--index", ".seedclean", "corpus/b.txt")
        verified = run(capsys, "index", "verify", ".seedclean")
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    assert found.code == 1, found.err
    assert "exact duplicate of corpus/a.txt" in found.out
    assert verified.code == 0, verified.out + verified.err


PROSE = "近年来，该市坚持以生态保护为前提，不断探索山区县域经济高质量发展的新路径。"


@pytest.mark.parametrize(
    "region",
    [
        f"```\n{PROSE}\n```",
        f"<!-- seedclean: off -->\n{PROSE}\n<!-- seedclean: on -->",
        f"<!-- seedclean: off dedup -->\n{PROSE}\n<!-- seedclean: on -->",
        f"$$\n{PROSE}\n$$",
    ],
    ids=["fence", "off", "off-dedup", "math"],
)
def test_dedup_remove_leaves_protected_regions_as_clean_does(
    corpus: Path, capsys: pytest.CaptureFixture[str], region: str
) -> None:
    """``dedup --remove`` deleted copies inside fences, off-stretches and $$ blocks (D5)."""
    page = corpus / "a.md"
    text = f"# 标题\n\n{PROSE}\n\n{region}\n"
    page.write_text(text, encoding="utf-8")
    other = corpus / "b.md"
    other.write_text(
        f"{region}\n\n另一篇文章的正文，讲的是别的事情，和上文没有关系。\n", encoding="utf-8"
    )
    assert run(capsys, "clean", "--check", str(page), str(other)).code == 0
    result = run(capsys, "dedup", "--remove", str(page), str(other))
    assert page.read_text(encoding="utf-8") == text, result.out
    assert PROSE in other.read_text(encoding="utf-8")
    assert result.code == 0, result.out + result.err


def test_two_display_formulas_that_differ_in_a_subscript_both_stay(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    formula = (
        "T _ {{ \\mathrm {{ {0} }} }} = \\sum _ {{ n = 1 }} ^ {{ \\infty }} "
        "T _ {{ {0}, n }} \\sin n \\theta"
    )
    text = (
        f"由式（1）可知，两项可以表示为\n\n$$\n{formula.format('I')}\n$$\n\n"
        f"$$\n{formula.format('II')}\n$$\n"
    )
    page = corpus / "f.md"
    page.write_text(text, encoding="utf-8")
    run(capsys, "dedup", "--remove", str(page))
    assert page.read_text(encoding="utf-8") == text


def test_remove_against_an_index_it_may_not_lock_still_works(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shared read-only index: ``--remove`` goes on with a lock of its own in TMPDIR;
    ``--update-index`` is refused with a message that names the reason."""
    from seedclean.cli import dedup_cmd

    shared = _longest("002")
    (corpus / "a.txt").write_text(seed_text("003") + "\n" + shared + "\n", encoding="utf-8")
    assert run(capsys, "dedup", "-q", "--update-index", "corpus/a.txt").code in (0, 1)
    (corpus / "b.txt").write_text(seed_text("004") + "\n" + shared + "\n", encoding="utf-8")

    def denied(index: object, quiet: bool) -> None:
        raise PermissionError(13, "Permission denied", ".seedclean/write.lock")

    monkeypatch.setattr(dedup_cmd, "_wait_for_writers", denied)
    locks = corpus.parent / "tmp"
    locks.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(locks))
    updating = run(capsys, "dedup", "--update-index", "corpus/b.txt")
    assert updating.code == 2
    assert "you may not write in the index folder" in updating.err
    removing = run(capsys, "dedup", "--index", ".seedclean", "--remove", "corpus/b.txt")
    assert removing.code == 1, removing.err
    # removing runs against it take turns on a lock of their own in TMPDIR
    assert [p.name[:15] for p in locks.iterdir()] == ["seedclean-index"]
    assert shared not in (corpus / "b.txt").read_text(encoding="utf-8")
    assert shared in (corpus / "a.txt").read_text(encoding="utf-8")
