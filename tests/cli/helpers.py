"""Shared helpers of the CLI tests: run ``main`` in-process and capture what it printed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from seedclean.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


class Run(NamedTuple):
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """Call ``seedclean`` in-process; return exit code, stdout and stderr."""
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def copy_seeds(dest: Path) -> Path:
    """A private copy of the bundled seed pages (tests never touch the originals)."""
    shutil.copytree(SEEDS, dest)
    return dest


def seed_text(name: str) -> str:
    """The text of the seed page whose file name starts with ``name``."""
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative POSIX path -> bytes)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
