"""Settings of duplicate detection."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Settings of duplicate detection."""

    threshold: float = 0.9
    min_chars: int = 20
