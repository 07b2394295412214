"""Inputs as they arrive: stdin for dedup, forced encodings, where a bad byte is, Dask addresses."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import opencc
import pytest

from seedclean.pipeline import clean

from .helpers import run, seed_text


def _article(articles: list[dict[str, Any]], n: int) -> str:
    return "\n\n".join(articles[n]["paragraphs"]) + "\n"


def test_one_bad_byte_is_located(tmp_path: Path, articles: list[dict[str, Any]], capsys) -> None:
    data = _article(articles, 5).encode("utf-8")
    cut = data.index("。".encode()) + 3  # just after the first full stop
    line = data.count(b"\n", 0, cut) + 1
    page = tmp_path / "page.txt"
    page.write_bytes(data[:cut] + b"\xff" + data[cut:])
    done = run(capsys, "check", str(page))
    assert done.code == 2
    assert f"not UTF-8 at line {line}, byte offset {cut} (0xff)" in done.err
    assert "--encoding" in done.err
    assert page.read_bytes() == data[:cut] + b"\xff" + data[cut:]  # left as it was


def test_encoding_reads_big5_pages(tmp_path: Path, articles: list[dict[str, Any]], capsys) -> None:
    traditional = str(opencc.OpenCC("s2t").convert(_article(articles, 7)))
    data = traditional.encode("big5", errors="ignore")
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    assert run(capsys, "check", str(page)).code == 2  # not detected: skipped, exit 2
    forced = run(capsys, "check", str(page), "--encoding", "big5", "--format", "json")
    assert forced.code in (0, 1)
    assert json.loads(forced.out)["files"][0]["encoding"] == "big5"
    done = run(capsys, "clean", "--in-place", str(page), "--encoding", "big5")
    assert done.code == 0
    assert page.read_text(encoding="utf-8") == clean(data.decode("big5"))


def test_encoding_keep_refuses_what_it_cannot_write(
    tmp_path: Path, articles: list[dict[str, Any]], capsys
) -> None:
    traditional = str(opencc.OpenCC("s2t").convert(_article(articles, 7)))
    page = tmp_path / "page.txt"
    data = traditional.encode("big5", errors="ignore")
    page.write_bytes(data)
    argv = ["clean", "--in-place", str(page), "--encoding", "big5", "--keep-encoding"]
    done = run(capsys, *argv, "--extend-select", "script-t2s")
    assert done.code == 2
    assert "cannot be written as big5" in done.err
    assert page.read_bytes() == data


def test_unknown_encoding_is_a_usage_error(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text("近年来。\n", encoding="utf-8")
    done = run(capsys, "check", str(page), "--encoding", "no-such-codec")
    assert done.code == 2
    assert "unknown encoding 'no-such-codec'" in done.err


def test_dedup_reads_stdin(tmp_path: Path, capsys, monkeypatch) -> None:
    page = seed_text("003")
    (tmp_path / "kept.txt").write_text(page, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page.encode())))
    done = run(capsys, "dedup", "kept.txt", "-")
    assert done.code == 1
    assert done.out.splitlines()[0].startswith("-:")
    assert "of kept.txt:" in done.out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page.encode())))
    refused = run(capsys, "dedup", "-", "--remove")
    assert refused.code == 2
    assert "does not combine with --remove" in refused.err


def test_a_wrong_scheduler_address_is_a_clear_error(tmp_path: Path, capsys, monkeypatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setenv("SEEDCLEAN_DASK_TIMEOUT", "1")
    page = tmp_path / "page.txt"
    page.write_text(seed_text("001"), encoding="utf-8")
    for address in ("tcp://127.0.0.1:9", "nonsense://x"):
        for command in (("clean", "--check"), ("dedup",)):
            done = run(capsys, *command, str(page), "--engine", "dask", "--scheduler", address)
            assert done.code == 2, (command, address)
            assert f"cannot connect to the Dask scheduler at '{address}'" in done.err
            assert "internal error" not in done.err


def test_encoding_is_used_when_the_index_reads_files_back(
    tmp_path: Path, articles: list[dict[str, Any]], capsys, monkeypatch
) -> None:
    # A Big5 corpus: the index holds no text, so every candidate is verified by reading its
    # file again; that read must use --encoding too, or the kept copy is "unreadable" and the
    # copy in the new page is never found (and `index verify` calls the corpus stale).
    convert = opencc.OpenCC("s2t").convert
    corpus = [str(convert(_article(articles, n))) for n in (7, 8)]
    # a body paragraph (a short headline-like one would be held as another article's title)
    number, copied = next(
        (i, p) for i, p in enumerate(corpus[0].split("\n\n")) if len(p) > 40 and "。" in p
    )
    new = f"{convert(articles[9]['paragraphs'][0])!s}\n\n{copied}\n"
    monkeypatch.chdir(tmp_path)
    for name, text in (("a.txt", corpus[0]), ("b.txt", corpus[1]), ("new.txt", new)):
        Path(name).write_bytes(text.encode("big5", errors="ignore"))
    built = run(capsys, "dedup", "--update-index", "a.txt", "b.txt", "--encoding", "big5")
    assert built.code == 0, built.err
    assert run(capsys, "index", "verify", "--encoding", "big5").code == 0
    found = run(capsys, "dedup", "new.txt", "--index", "--encoding", "big5", "-q")
    assert found.code == 1, found.err
    (line,) = found.out.splitlines()
    assert line.startswith(f"new.txt:3: exact duplicate of a.txt:{2 * number + 1}")
    assert "changed since" not in found.err
