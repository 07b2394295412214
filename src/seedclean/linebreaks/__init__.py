"""Repair of OCR line breaks: rebuild paragraphs split by page and column breaks.

>>> repair_breaks("营造法治化营商环境。该院制定了支持滨海湾新区\\n\\n建设等一系列措施。")
'营造法治化营商环境。该院制定了支持滨海湾新区建设等一系列措施。'
"""

from __future__ import annotations

from collections.abc import Collection

from seedclean.edits import Explained
from seedclean.linebreaks.catalog import DEFAULTS, IDS
from seedclean.linebreaks.config import BreaksConfig
from seedclean.regions import outside, protected_regions

__all__ = ["BreaksConfig", "repair_breaks", "repair_breaks_and_explain"]


def repair_breaks_and_explain(
    text: str, config: BreaksConfig | None = None, *, rules: Collection[str] | None = None
) -> Explained:
    """Repair line breaks in ``text`` and return the result with every edit.

    Args:
        text: normalized or raw text; paragraphs are separated by blank lines.
        config: tuning values (defaults: :class:`BreaksConfig`).
        rules: the active rule ids of the whole pipeline; ``None`` runs this
            step's defaults.  Ids of other steps are ignored.

    Protected regions (:mod:`seedclean.regions`: code, front matter, math,
    suppressed stretches) are never joined into or out of, nor edited.
    """
    from seedclean.linebreaks.repair import repair

    active = DEFAULTS if rules is None else IDS.intersection(rules)
    chosen = config or BreaksConfig()
    regions = protected_regions(text)
    if not regions:
        return repair(text, chosen, active)

    def run(piece: str, piece_rules: frozenset[str], _: int) -> Explained:
        return repair(piece, chosen, piece_rules)

    return outside(text, regions, active, "linebreaks", run)


def repair_breaks(
    text: str, config: BreaksConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Repair line breaks in ``text`` (the same path as :func:`repair_breaks_and_explain`)."""
    return repair_breaks_and_explain(text, config, rules=rules).text
