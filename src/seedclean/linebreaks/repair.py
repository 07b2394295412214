"""The repair: walk the blocks, splice the planned changes, repeat to a fixed point.

Every change is a :class:`~seedclean.edits.Replacement` on the input of a pass,
so the result is built by :func:`~seedclean.edits.splice` and can be replayed
or reviewed edit by edit: the removed gap of a join (``join-seam``), the
removed hyphen and gap (``join-hyphen``), the dropped repeat (``seam-overlap``,
``seam-overlap-single``), an interloper's removal and its re-insertion
(``relocate-interloper``), a joined line end inside a block (``join-wrap``).
The walk itself lives in :mod:`.walk`, the wrap joins in :mod:`.wrap`.

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

from seedclean.edits import EditLog, Explained, Notice, Replacement, fixed_point
from seedclean.linebreaks.catalog import HYPHEN, JOIN, UNRESOLVED, WRAP
from seedclean.linebreaks.config import BreaksConfig
from seedclean.linebreaks.segment import segment
from seedclean.linebreaks.view import Memo
from seedclean.linebreaks.walk import Walk
from seedclean.linebreaks.wrap import plan_wraps

#: Passes before giving up on a fixed point (a third pass rarely changes anything).
MAX_PASSES = 5


def repair(
    text: str, config: BreaksConfig, active: Collection[str], memo: Memo | None = None
) -> Explained:
    """Repair ``text`` with the ``active`` rule ids of this step, to a fixed point.

    Each pass first joins the visual wraps inside blocks (``join-wrap``), then
    walks the seams between blocks on the unwrapped text, so a wrapped
    paragraph cut by a column break is judged (and joined) as one paragraph.
    Each later splice's edits follow the earlier ones, and their
    ``origin``/``ref`` are mapped back to offsets in ``text``.  ``memo``: block
    facts an earlier repair with the same ``config`` computed (see :func:`new_memo`).
    """
    seams_on, wraps_on = JOIN in active, WRAP in active
    if not (seams_on or wraps_on) or "\n" not in text:
        return Explained(text)
    current = text
    log = EditLog()
    windows: dict[int, tuple[int, int]] = {}
    notices: dict[int, Notice] = {}
    memo = memo or new_memo(config)

    def one_pass() -> bool:
        nonlocal current, windows
        changed = False
        blocks = segment(current)
        if wraps_on:
            planned = plan_wraps(current, blocks, active)
            spliced = log.splice(current, planned)
            if spliced is not None:
                current, windows = spliced, _carry_over(windows, planned)
                blocks, changed = segment(current), True
        if seams_on:
            stable = {start: advance for start, (_, advance) in windows.items()}
            walk = Walk(current, config, active, stable, memo, blocks)
            planned = walk.run()
            if walk.notify:
                _collect(walk, log, notices)
            spliced = log.splice(current, planned)
            if spliced is not None:
                current, changed = spliced, True
            windows = _carry_over(walk.windows, planned)
        return changed

    stuck = fixed_point(one_pass, MAX_PASSES, "line-break repair")
    edits = tuple(log.edits)
    kept: tuple[Notice, ...] = ()
    if notices:
        joined = {e.origin for e in edits if e.rule in (JOIN, HYPHEN)}
        kept = tuple(notices[k] for k in sorted(notices) if k not in joined)
    return Explained(current, edits, kept if stuck is None else (*kept, stuck))


def new_memo(config: BreaksConfig) -> Memo:
    """An empty :class:`~.view.Memo` for repairs with ``config``.

    What it holds depends on a block's text and ``config`` alone, so the repairs
    of several texts with one config may share it (``clean`` repairs a page again
    after removing a duplicate: most of its blocks are the same).
    """
    return Memo(config.headline_chars, config.max_overlap + 1)


def _collect(walk: Walk, log: EditLog, notices: dict[int, Notice]) -> None:
    """Replace the ``seam-unresolved`` notices of the paragraphs ``walk`` read by its own.

    Notices are kept by their offset in the input; a paragraph a later pass
    skipped (nothing in it changed) keeps the notices an earlier pass found.
    """
    to_input = log.to_input
    for start, end in walk.spans:
        low, high = to_input(start), to_input(end)
        for key in [k for k in notices if low <= k <= high]:
            del notices[key]
    for start, end, message in walk.unresolved:
        origin = to_input(start)
        notices[origin] = Notice(UNRESOLVED, origin, to_input(end), message, origin)


def _carry_over(
    windows: dict[int, tuple[int, int]], planned: list[Replacement]
) -> dict[int, tuple[int, int]]:
    """The windows (in the next text) of paragraphs whose read span no change touched.

    Args:
        windows: paragraph start -> (end of the text it read, blocks it spanned),
            in this text, for paragraphs left unchanged.
        planned: the replacements that make the next text (offsets in this text).

    Returns:
        the same mapping, in the next text's offsets, without the touched paragraphs.
    """
    if not planned:
        return windows
    changes = sorted((r.start, r.end, len(r.new) - (r.end - r.start)) for r in planned)
    out: dict[int, tuple[int, int]] = {}
    k, delta, n = 0, 0, len(changes)
    for start in sorted(windows):
        end, advance = windows[start]
        while k < n and changes[k][1] < start:
            delta += changes[k][2]
            k += 1
        # changes[k] is the first change that ends at or after ``start``
        if k < n and changes[k][0] <= end:
            continue
        out[start + delta] = (end + delta, advance)
    return out
