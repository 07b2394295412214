"""Input as it really arrives: each case gets a defined behaviour and the original stays safe."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from seedclean.pipeline import clean

from .helpers import run, seed_text

PAGE = seed_text("004")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _write(name: str, data: bytes) -> Path:
    path = Path(name)
    path.write_bytes(data)
    return path


def test_crlf_and_cr_are_reported_as_changes_and_fixed(capsys) -> None:
    crlf = _write("crlf.txt", PAGE.replace("\n", "\r\n").encode())
    cr = _write("cr.txt", PAGE.replace("\n", "\r").encode())
    result = run(capsys, "check", "crlf.txt", "cr.txt", "--statistics")
    assert result.code == 1
    assert "newline-crlf" in result.out
    assert run(capsys, "clean", "--in-place", "crlf.txt", "cr.txt").code == 0
    assert crlf.read_text(encoding="utf-8") == clean(PAGE)
    assert b"\r" not in cr.read_bytes()


def test_empty_file_is_nothing_to_do(capsys) -> None:
    _write("empty.txt", b"")
    result = run(capsys, "clean", "--in-place", "empty.txt")
    assert result.code == 0
    assert "1 unchanged" in result.err
    assert Path("empty.txt").read_bytes() == b""
    assert run(capsys, "clean", "empty.txt", "--out", "o").code == 0
    assert Path("o/empty.txt").read_bytes() == b""


def test_no_final_newline_and_very_long_lines(capsys) -> None:
    text = "，".join(["近年来,广东省检察院坚持以政治建设为统领"] * 5000)  # one 100k-character line
    path = _write("long.txt", text.encode())
    assert run(capsys, "clean", "--in-place", "long.txt").code == 0
    assert path.read_text(encoding="utf-8") == clean(text)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n\x00\x01binary", "binary file"),
        (b"text\x00with NUL", "binary file"),
        ("café au lait, très bien".encode("latin-1"), "could not determine encoding"),
    ],
)
def test_undecodable_files_are_skipped_byte_identical(capsys, data: bytes, reason: str) -> None:
    _write("bad.txt", data)
    good = _write("good.txt", "近年来,广东省检察院坚持以政治建设为统领。\n".encode())
    result = run(capsys, "clean", "--in-place", ".")
    assert result.code == 2  # an input error, reported after the other files were done
    assert f"bad.txt: skipped: {reason}" in result.err
    assert Path("bad.txt").read_bytes() == data
    assert good.read_text(encoding="utf-8") == "近年来，广东省检察院坚持以政治建设为统领。\n"


def test_gbk_is_read_said_and_written_as_utf8_or_kept(capsys) -> None:
    data = PAGE.encode("gbk")
    _write("a.txt", data)
    _write("b.txt", data)
    result = run(capsys, "clean", "--in-place", "a.txt")
    assert "read as gbk, written as utf-8" in result.err
    assert "encodings read: gbk 1" in result.err
    assert Path("a.txt").read_text(encoding="utf-8") == clean(PAGE)
    assert run(capsys, "clean", "--in-place", "--keep-encoding", "b.txt").code == 0
    assert Path("b.txt").read_bytes() == clean(PAGE).encode("gb18030")


def test_utf16_with_bom(capsys) -> None:
    _write("u16.txt", b"\xff\xfe" + PAGE.encode("utf-16-le"))
    assert run(capsys, "clean", "u16.txt", "--out", "o").code == 0
    assert Path("o/u16.txt").read_text(encoding="utf-8") == clean(PAGE)


def test_too_large_is_skipped(capsys) -> None:
    _write("big.txt", PAGE.encode())
    result = run(capsys, "check", "big.txt", "--max-file-size", "1KiB")
    assert result.code == 2
    assert "larger than the limit" in result.err


def test_unreadable_file(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write("locked.txt", PAGE.encode()).absolute()
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads everything: simulate the permission error instead
        real_open = Path.open

        def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied")
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", deny)
    result = run(capsys, "clean", "--in-place", "locked.txt")
    assert result.code == 2
    assert "locked.txt: skipped: cannot read: Permission denied" in result.err
    monkeypatch.undo()
    path.chmod(0o644)
    assert path.read_bytes() == PAGE.encode()


def test_symlinks_in_place_are_skipped_and_targets_cleaned(capsys) -> None:
    real = _write("real.txt", PAGE.encode())
    Path("link.txt").symlink_to("real.txt")
    result = run(capsys, "clean", "--in-place", "link.txt")
    assert result.code == 0  # a documented policy, not an error
    assert "link.txt: skipped: symlink; not rewritten in place" in result.err
    assert real.read_bytes() == PAGE.encode()
    run(capsys, "clean", "--in-place", ".")
    assert Path("link.txt").is_symlink()
    assert real.read_text(encoding="utf-8") == clean(PAGE)
    assert run(capsys, "clean", "link.txt", "--out", "o").code == 0
    assert not Path("o/link.txt").is_symlink()


def test_file_changed_while_cleaning_is_left_alone(capsys, monkeypatch) -> None:
    import seedclean.process as process

    path = _write("busy.txt", PAGE.encode())
    original = process.clean_and_explain  # type: ignore[attr-defined]

    def meanwhile(text: str, config: object) -> object:
        path.write_bytes(b"edited by someone else\n")
        return original(text, config)  # type: ignore[arg-type]

    monkeypatch.setattr(process, "clean_and_explain", meanwhile)
    result = run(capsys, "clean", "--in-place", "busy.txt", "-j", "1")
    assert result.code == 2
    assert "changed by another program" in result.err
    assert path.read_bytes() == b"edited by someone else\n"
    assert not list(Path().glob(".*seedclean-tmp"))


def test_json_report_replays(capsys) -> None:
    from seedclean.edits import Edit, apply_edits

    _write("page.txt", PAGE.encode())
    assert run(capsys, "clean", "page.txt", "--out", "o", "--report", "r.json").code == 0
    doc = json.loads(Path("r.json").read_text(encoding="utf-8"))
    (record,) = doc["files"]
    edits = [Edit(e["rule"], e["start"], e["end"], e["old"], e["new"]) for e in record["edits"]]
    assert apply_edits(PAGE, edits) == Path("o/page.txt").read_text(encoding="utf-8")
    assert doc["summary"]["edits"] == len(edits)
