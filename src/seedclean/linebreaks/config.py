"""Settings of the line-break repair step."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BreaksConfig:
    """Settings of the line-break repair step."""
