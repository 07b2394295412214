"""Rule ids of the line-break repair step (pure data)."""

from __future__ import annotations

from seedclean.rules import Rule

RULES: tuple[Rule, ...] = (
    Rule("join-seam", "linebreaks", "joins a paragraph split by a page or column break"),
)
