"""Repair of OCR line breaks: rebuild paragraphs split by page and column breaks."""

from __future__ import annotations

from collections.abc import Collection

from seedclean.edits import Explained
from seedclean.linebreaks.config import BreaksConfig

__all__ = ["BreaksConfig", "repair_breaks", "repair_breaks_and_explain"]


def repair_breaks_and_explain(
    text: str, config: BreaksConfig | None = None, *, rules: Collection[str] | None = None
) -> Explained:
    """Repair line breaks in ``text`` and return the edits (placeholder)."""
    return Explained(text)


def repair_breaks(
    text: str, config: BreaksConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Repair line breaks in ``text``."""
    return repair_breaks_and_explain(text, config, rules=rules).text
