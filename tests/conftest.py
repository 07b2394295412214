"""Shared fixtures: the bundled seed pages and the evaluation prose in ../shared/evaldata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"
EVALDATA_DIR = ROOT.parent / "shared" / "evaldata"


def seed_paths() -> list[Path]:
    """The five bundled seed pages, sorted by name."""
    return sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Seed page name (e.g. ``001``) -> its text, as read from ``seeds/``."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in seed_paths()}


@pytest.fixture(scope="session")
def evaldata_dir() -> Path:
    """``../shared/evaldata`` beside the checkout (skips where it is absent)."""
    if not (EVALDATA_DIR / "articles.jsonl").exists():
        pytest.skip("../shared/evaldata is not beside this checkout")
    return EVALDATA_DIR


@pytest.fixture(scope="session")
def articles(evaldata_dir: Path) -> list[dict[str, Any]]:
    """All articles of ``articles.jsonl`` (real Chinese news prose, clean)."""
    with (evaldata_dir / "articles.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]
