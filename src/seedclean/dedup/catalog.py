"""Rule ids of the duplicate step (pure data)."""

from __future__ import annotations

from seedclean.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule("dedup-exact", "dedup", "removes an exact repeat of an earlier paragraph"),
    Rule("dedup-near", "dedup", "removes a near-duplicate (OCR noise) of an earlier paragraph"),
    Rule("dedup-fragment", "dedup", "removes a fragment of a longer paragraph", default=False),
)
