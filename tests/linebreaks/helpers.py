"""Shared helpers for the line-break tests."""

from __future__ import annotations

import re

_GAP = re.compile(r"\n[ \t\u3000]*\n\s*")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def paragraphs(text: str) -> list[str]:
    """Blocks of ``text`` separated by blank lines, stripped."""
    return [p.strip() for p in _GAP.split(text) if p.strip()]


def index_of(paras: list[str], needle: str) -> int:
    """Index of the only paragraph containing ``needle`` (fails if none or several)."""
    hits = [i for i, p in enumerate(paras) if needle in p]
    assert len(hits) == 1, (needle, hits)
    return hits[0]
