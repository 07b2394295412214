"""``dedup --remove`` when another program edits or deletes a file between search and removal.

The removal offsets come from the text read by the search: a file that changed
since must not be rewritten with them.  It is named, left as the other program
left it, and the run exits 2; the other files are still rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from seedclean.dedup import find_duplicates

from .helpers import run

A = "近年来，广东省检察院坚持以政治建设为统领，不断探索和推动党建与业务深度融合。"
B = "小镇的图书馆每逢周末都会举办读书会，附近的孩子们带着自己喜欢的书前来分享。"
D = "山区学校的操场换上了新的塑胶跑道，体育老师说学生们上课的热情明显更高了。"
C = "河边新修的步道两旁种满了柳树，傍晚时分常有居民在这里散步、跑步和聊天。"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.seedclean]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{A}\n\n{B}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{C}\n\n{A}\n\n{B}\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"{C}\n\n{C}\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text(f"{D}\n\n{D}\n", encoding="utf-8")
    return tmp_path


def _after_search(monkeypatch: pytest.MonkeyPatch, act: Callable[[], None]) -> None:
    """Run ``act`` when the search is done, before anything is removed."""

    def searched(documents: Iterable[tuple[str, str]], *args: Any, **kwargs: Any) -> Any:
        report = find_duplicates(documents, *args, **kwargs)
        act()
        return report

    monkeypatch.setattr("seedclean.cli.dedup_cmd.find_duplicates", searched)


def test_file_edited_after_the_search_is_left_as_edited(here, capsys, monkeypatch) -> None:
    # the other program puts a new paragraph in front: the old offsets would cut prose
    edited = f"新的一段：编辑部补充了说明。\n\n{C}\n\n{A}\n\n{B}\n"
    _after_search(monkeypatch, lambda: (here / "b.txt").write_text(edited, encoding="utf-8"))
    result = run(capsys, "dedup", "--remove", ".")
    assert result.code == 2
    assert "b.txt: changed since duplicates were searched; nothing removed from it" in result.err
    assert (here / "b.txt").read_text(encoding="utf-8") == edited
    # c.txt repeats a paragraph of b.txt, which is no longer known to be there: left whole
    assert (here / "c.txt").read_text(encoding="utf-8") == f"{C}\n\n{C}\n"
    assert (here / "d.txt").read_text(encoding="utf-8") == f"{D}\n"  # the others are done
    assert "Traceback" not in result.err
    assert "internal error" not in result.err


def test_same_size_edit_after_the_search_is_detected(here, capsys, monkeypatch) -> None:
    # same length, same size in bytes: only the content tells
    edited = f"{B}\n\n{A}\n\n{C}\n"
    assert len(edited.encode()) == len((here / "b.txt").read_bytes())
    _after_search(monkeypatch, lambda: (here / "b.txt").write_text(edited, encoding="utf-8"))
    result = run(capsys, "dedup", "--remove", ".")
    assert result.code == 2
    assert (here / "b.txt").read_text(encoding="utf-8") == edited


def test_file_deleted_after_the_search_is_named(here, capsys, monkeypatch) -> None:
    _after_search(monkeypatch, lambda: (here / "b.txt").unlink())
    result = run(capsys, "dedup", "--remove", ".")
    assert result.code == 2
    assert "b.txt: not rewritten: no such file" in result.err
    assert not (here / "b.txt").exists()
    # c.txt's paragraphs repeat b.txt's first one, which is gone: they are not removed
    assert (here / "c.txt").read_text(encoding="utf-8") == f"{C}\n\n{C}\n"
    assert (here / "d.txt").read_text(encoding="utf-8") == f"{D}\n"
    assert "Traceback" not in result.err
    assert "internal error" not in result.err
