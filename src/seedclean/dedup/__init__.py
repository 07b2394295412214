"""Near-duplicate paragraphs within and across files."""

from __future__ import annotations

from collections.abc import Collection

from seedclean.dedup.config import DedupConfig
from seedclean.edits import Explained

__all__ = ["DedupConfig", "remove_duplicates", "remove_duplicates_and_explain"]


def remove_duplicates_and_explain(
    text: str, config: DedupConfig | None = None, *, rules: Collection[str] | None = None
) -> Explained:
    """Remove repeated paragraphs inside ``text`` (placeholder)."""
    return Explained(text)


def remove_duplicates(
    text: str, config: DedupConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Remove repeated paragraphs inside ``text``."""
    return remove_duplicates_and_explain(text, config, rules=rules).text
