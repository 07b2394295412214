"""The ```console examples of docs/cli.md and docs/pre-commit.md are real: run and compare.

Each block runs in a fresh folder holding a copy of ``seeds/``, a one-line
``page.txt`` and a ``bad.toml``; ``$ seedclean ...`` lines run in-process
(``< FILE`` feeds stdin), ``$ cat FILE`` prints a file, and the lines after a
command are its expected stdout then stderr, with ``...`` wildcards.
"""

from __future__ import annotations

import doctest
import io
import re
import shlex
import sys
from pathlib import Path

import pytest

from .helpers import ROOT, copy_seeds, run

DOCS = [ROOT / "docs" / "cli.md", ROOT / "docs" / "pre-commit.md", ROOT / "docs" / "formats.md"]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
PAGE = "近年来,广东省检察院坚持以政治建设为统领,不断探索。\n"
# The record files of docs/formats.md.
FILES = {
    "records.jsonl": (
        '{"id": "xwlb-01", "source": "xwlb", '
        '"text": "近年来,广东省检察院坚持以政治建设为统领,不断探索。"}\n'
        '{"id": "xwlb-02", "source": "xwlb", "text": "营造法治化营商环境。", "pages": [1, 2]}\n'
    ),
    "table.csv": 'id,title,text\n1,"标题,不动","近年来,广东省检察院坚持以政治建设为统领。"\n',
    "dup.jsonl": (
        '{"id": "copy-01", "text": "近年来,广东省检察院坚持以政治建设为统领,不断探索。"}\n'
    ),
    "broken.jsonl": '{"id": 1, "text": "甲,乙"}\n{"id": 2, "text": }\n',
}


def _commands(block: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], ""))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + line + "\n")
    return out


def _blocks() -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        if path.exists():
            for i, match in enumerate(BLOCK.finditer(path.read_text(encoding="utf-8"))):
                found.append((f"{path.name}#{i + 1}", match.group(1)))
    return found


BLOCKS = _blocks()


@pytest.mark.parametrize("block", [b for _, b in BLOCKS], ids=[n for n, _ in BLOCKS])
def test_console_example(block: str, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    copy_seeds(tmp_path / "seeds")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    for name, content in FILES.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[tool.seedclean]\ntreshold = 0.8\n", encoding="utf-8")
    checker = doctest.OutputChecker()
    for command, expected in _commands(block):
        words = shlex.split(command)
        if words[0] == "cat":
            got = (tmp_path / words[1]).read_text(encoding="utf-8")
        else:
            assert words[0] == "seedclean", command
            if "<" in words:
                at = words.index("<")
                data = (tmp_path / words[at + 1]).read_bytes()
                monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
                words = words[:at]
            result = run(capsys, *words[1:])
            got = result.out + result.err
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        assert checker.check_output(expected, got, flags), f"$ {command}\n{got}"
