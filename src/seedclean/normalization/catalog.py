"""Rule ids of the normalization step (pure data)."""

from __future__ import annotations

from seedclean.rules import Rule

RULES: tuple[Rule, ...] = (
    Rule("punct-comma", "normalize", "half-width , in Chinese context becomes ，"),
)
