"""Repair of OCR line breaks: rebuild paragraphs split by page and column breaks.

How the package reads, in the order a newcomer should open it (each module
decides one thing; an arrow reads "asks"):

1. :mod:`.repair`: the step's loop: per pass, join hard-wrapped lines
   (:mod:`.wrap`), walk the seams, splice the planned edits; repeat until a
   pass changes nothing.
2. :mod:`.walk`: one pass over the blocks: keeps one open paragraph and asks
   :mod:`.decision` about the next block, :mod:`.lookahead` past interlopers,
   and hands each outcome to :mod:`.plan`.  It holds a :class:`.view.View`.
3. :mod:`.decision`: join or keep one seam (A: the paragraph so far, B: a
   later block): barrier labels, the :mod:`.guards`, the :mod:`.table`, then
   the caption, heading and word-across checks.  This is where to look when a
   join is wrong.
4. :mod:`.table`: the seam decision table itself: the features of a seam and
   the rows, read top-down, first hit decides (documented row by row in
   ``docs/line-breaks.md``).
5. :mod:`.view`: what a pass knows about each block (its :class:`.view.Edge`,
   label and :class:`.view.Facts`), computed once and memoised across passes.
6. :mod:`.segment` (where the blocks are), :mod:`.labels` (what each block is:
   body, heading, caption, byline, list, ...; how it opens), :mod:`.shapes`
   (web-page shapes that are never a cut paragraph).
7. The evidence: :mod:`.guards` (shapes that must not join), :mod:`.overlap`
   (characters read twice across a seam), :mod:`.lexicon` (a dictionary word
   across the seam), :mod:`.chars` (how a text ends and starts, open quotes).
8. :mod:`.lookahead` (where an open sentence continues past captions and
   headings), :mod:`.plan` (the edits: joined gap, dropped repeat, moved
   blocks), :mod:`.wrap` with :mod:`.lines` (``join-wrap`` inside a block).
9. :mod:`.catalog` (rule ids) and :mod:`.config` (tuning values).

>>> repair_breaks("营造法治化营商环境。该院制定了支持滨海湾新区\\n\\n建设等一系列措施。")
'营造法治化营商环境。该院制定了支持滨海湾新区建设等一系列措施。'
"""

from __future__ import annotations

from collections.abc import Callable, Collection

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
    return repairer(config)(text, rules)


def repairer(
    config: BreaksConfig | None = None,
) -> Callable[[str, Collection[str] | None], Explained]:
    """:func:`repair_breaks_and_explain` with ``config``, for several texts in a row.

    The calls share what they learn about blocks (labels, edges, facts: they
    depend on a block's text alone), so repairing a text again after a small
    change (as ``clean`` does after removing a duplicate paragraph) reads only
    its new blocks.  The results are those of separate calls.

    >>> repair = repairer()
    >>> repair("该院制定了支持滨海湾新区\\n\\n建设等一系列措施。", None).text
    '该院制定了支持滨海湾新区建设等一系列措施。'
    """
    from seedclean.linebreaks.repair import new_memo, repair

    chosen = config or BreaksConfig()
    memo = new_memo(chosen)

    def run_all(text: str, rules: Collection[str] | None) -> Explained:
        active = DEFAULTS if rules is None else IDS.intersection(rules)
        regions = protected_regions(text)
        if not regions:
            return repair(text, chosen, active, memo)

        def run(piece: str, piece_rules: frozenset[str], _: int) -> Explained:
            return repair(piece, chosen, piece_rules, memo)

        return outside(text, regions, active, "linebreaks", run)

    return run_all


def repair_breaks(
    text: str, config: BreaksConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Repair line breaks in ``text`` (the same path as :func:`repair_breaks_and_explain`)."""
    return repair_breaks_and_explain(text, config, rules=rules).text
