"""Settings of the normalization step."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NormalizeConfig:
    """Settings of the normalization step (which rules run is chosen by rule id)."""
