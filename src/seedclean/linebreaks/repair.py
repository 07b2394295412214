"""The repair: walk the blocks, splice the planned changes, repeat to a fixed point.

Every change is a :class:`~seedclean.edits.Replacement` on the input of a pass,
so the result is built by :func:`~seedclean.edits.splice` and can be replayed
or reviewed edit by edit: the removed gap of a join (``join-seam``), the
removed hyphen and gap (``join-hyphen``), the dropped repeat (``seam-overlap``,
``seam-overlap-single``), an interloper's removal and its re-insertion
(``relocate-interloper``).  The walk itself lives in :mod:`.walk`.

A join can change how a block looks from its other side (``截至2023`` is
heading-like, ``截至2023，`` is not), so the walk repeats on its own output
until nothing changes.  A later pass only re-reads the paragraphs near a
change: every paragraph the previous pass read and left alone recorded the
span of text it read, and when no change touched that span the decision is
the same, so the later pass skips it.  The fixed point is exactly that of
repeating the whole walk, at the cost of reading the changed places again.
"""

from __future__ import annotations

from collections.abc import Collection

from seedclean.edits import Edit, Explained, OffsetMap, Replacement, splice
from seedclean.linebreaks.catalog import JOIN
from seedclean.linebreaks.config import BreaksConfig
from seedclean.linebreaks.facts import Memo
from seedclean.linebreaks.walk import Walk

#: Passes before giving up on a fixed point (a third pass rarely changes anything).
MAX_PASSES = 5


def repair(text: str, config: BreaksConfig, active: Collection[str]) -> Explained:
    """Repair ``text`` with the ``active`` rule ids of this step, to a fixed point.

    Each later pass's edits follow the earlier ones, and their ``origin``/``ref``
    are mapped back to offsets in ``text``.
    """
    if JOIN not in active or "\n" not in text:
        return Explained(text)
    current = text
    edits: list[Edit] = []
    maps: list[OffsetMap] = []
    stable: dict[int, int] | None = None
    memo = Memo(config.headline_chars, config.max_overlap + 1)
    for _ in range(MAX_PASSES):
        walk = Walk(current, config, active, stable, memo)
        planned = walk.run()
        result = splice(current, planned)
        if not result.edits:
            break
        edits.extend(
            e._replace(origin=_to_input(e.origin, maps), ref=_to_input(e.ref, maps))
            for e in result.edits
        )
        maps.append(OffsetMap(result.edits))
        stable = _carry_over(walk.windows, planned)
        current = result.text
    return Explained(current, tuple(edits))


def _carry_over(windows: dict[int, tuple[int, int]], planned: list[Replacement]) -> dict[int, int]:
    """Paragraph starts (in the next pass's text) whose read span no change touched.

    Args:
        windows: paragraph start -> (end of the text it read, blocks it spanned),
            in this pass's text, for paragraphs it left unchanged.
        planned: this pass's replacements (offsets in this pass's text).

    Returns:
        next pass's offset of each untouched paragraph start -> blocks it spans.
    """
    changes = sorted((r.start, r.end, len(r.new) - (r.end - r.start)) for r in planned)
    out: dict[int, int] = {}
    k, delta, n = 0, 0, len(changes)
    for start in sorted(windows):
        end, advance = windows[start]
        while k < n and changes[k][1] < start:
            delta += changes[k][2]
            k += 1
        # changes[k] is the first change that ends at or after ``start``
        if k < n and changes[k][0] <= end:
            continue
        out[start + delta] = advance
    return out


def _to_input(offset: int, maps: list[OffsetMap]) -> int:
    if offset < 0:
        return offset
    for offset_map in reversed(maps):
        offset = offset_map.to_input(offset)
    return offset
