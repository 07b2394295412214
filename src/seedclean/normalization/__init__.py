"""Punctuation, width, space and character normalization (first step of ``clean``)."""

from __future__ import annotations

from collections.abc import Collection

from seedclean.edits import Explained
from seedclean.normalization.config import NormalizeConfig

__all__ = ["NormalizeConfig", "normalize", "normalize_and_explain"]


def normalize_and_explain(
    text: str, config: NormalizeConfig | None = None, *, rules: Collection[str] | None = None
) -> Explained:
    """Normalize ``text`` and return the edits (placeholder until implemented)."""
    return Explained(text)


def normalize(
    text: str, config: NormalizeConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Normalize ``text``."""
    return normalize_and_explain(text, config, rules=rules).text
