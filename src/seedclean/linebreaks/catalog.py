"""Rule ids of the line-break repair step (pure data)."""

from __future__ import annotations

from typing import Final

from seedclean.rule import Rule

JOIN: Final = "join-seam"
RELOCATE: Final = "relocate-interloper"
OVERLAP: Final = "seam-overlap"
SINGLE: Final = "seam-overlap-single"
HYPHEN: Final = "join-hyphen"
WRAP: Final = "join-wrap"
UNRESOLVED: Final = "seam-unresolved"

RULES: tuple[Rule, ...] = (
    Rule(JOIN, "linebreaks", "joins a paragraph split by a page or column break"),
    Rule(
        RELOCATE,
        "linebreaks",
        "joins a sentence split around a caption, heading or byline and moves that block "
        "right after the repaired paragraph",
    ),
    Rule(OVERLAP, "linebreaks", "drops characters an OCR engine read twice across a seam"),
    Rule(
        SINGLE,
        "linebreaks",
        "drops one character read twice across a joined seam that a caption, heading or "
        "wide gap marks as a column break, unless the character legitimately doubles",
    ),
    Rule(HYPHEN, "linebreaks", "rejoins a Latin word hyphenated across a seam"),
    Rule(
        UNRESOLVED,
        "linebreaks",
        "reports (a notice, never an edit) a seam that looks split but was left apart "
        "because the evidence was too weak",
    ),
    Rule(
        WRAP,
        "linebreaks",
        "joins the visual lines of a hard-wrapped paragraph (single newlines inside a block) "
        "when the block's line-length profile shows a column width (opt-in: see "
        "docs/line-breaks.md)",
        default=False,
    ),
)

#: Every rule id of this step.
IDS: frozenset[str] = frozenset(r.id for r in RULES)
#: The rule ids on by default.
DEFAULTS: frozenset[str] = frozenset(r.id for r in RULES if r.default)
#: The defaults plus ``join-wrap``, for hard-wrapped text (PDF exports).
WRAPPED: frozenset[str] = DEFAULTS | {WRAP}
