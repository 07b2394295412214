"""Line-aligned before/after rows of one file, and the changed characters inside them.

The diff (``--diff``) and the review page both show a file as rows: each row
pairs some lines of the text as read with the text they became.  Rows come
from the edit trail, not from a diff of the two texts, so they are exact and
cheap even when every line changed:

* every line start of the text as read is carried through the edits to the
  cleaned text (offsets only move forward, so the rows tile both texts with
  no gap and no overlap);
* a row whose cleaned text does not end in a line break was joined to the
  next one (a repaired paragraph): they become one row; a changed row no edit
  starts in (the blank line after a removed paragraph) joins the changed row
  before it;
* inside a row, :func:`char_ops` finds the changed characters (a
  Levenshtein alignment from RapidFuzz, tidied so one change reads as one
  span), so a comma fixed in a 500-character paragraph is one marked
  character, not two whole lines.

>>> from seedclean import clean_and_explain
>>> out = clean_and_explain("甲,乙\\n")
>>> [(r.before, r.after) for r in rows("甲,乙\\n", out.text, out.edits) if r.changed]
[('甲,乙\\n', '甲，乙\\n')]
>>> char_ops("甲,乙", "甲，乙")
[('equal', '甲', '甲'), ('replace', ',', '，'), ('equal', '乙', '乙')]
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from seedclean.edits import Edit

__all__ = ["Row", "char_ops", "forward_offsets", "rows"]

# Above this many cells (len(before) * len(after)) a row is not aligned character by
# character: it is shown as one replaced span (a single multi-megabyte line).
MAX_ALIGN_CELLS = 40_000_000


class Row(NamedTuple):
    """Lines ``line``.. of the text as read (``before``) and what they became (``after``).

    ``edits`` are the indexes (into the edit list) of the edits made in this row.
    """

    line: int
    lines: int
    after_line: int
    before: str
    after: str
    edits: tuple[int, ...]

    @property
    def changed(self) -> bool:
        """Whether the row's text changed."""
        return self.before != self.after


def _runs(edits: Sequence[Edit]) -> Iterator[list[Edit]]:
    """Monotone runs: each edit starts at or after the end of the previous one's output."""
    run: list[Edit] = []
    frontier = -1
    for edit in edits:
        if run and edit.start < frontier:
            yield run
            run = []
        run.append(edit)
        frontier = edit.start + len(edit.new)
    if run:
        yield run


def _forward(offsets: list[int], run: list[Edit]) -> list[int]:
    """Carry sorted input offsets through one monotone run (text inside a replaced span
    moves to the start of its replacement; an offset at a span's end follows it)."""
    in_starts: list[int] = []
    delta = 0
    for edit in run:
        in_starts.append(edit.start - delta)
        delta += len(edit.new) - len(edit.old)
    out: list[int] = []
    for offset in offsets:
        i = bisect.bisect_right(in_starts, offset) - 1
        if i < 0:
            out.append(offset)
            continue
        # the last edit starting at or before ``offset`` (a pure insertion there included)
        edit = run[i]
        in_end = in_starts[i] + len(edit.old)
        if offset < in_end:
            out.append(edit.start)
        else:
            out.append(edit.start + len(edit.new) + offset - in_end)
    return out


def forward_offsets(offsets: list[int], edits: Sequence[Edit]) -> list[int]:
    """Where sorted offsets of the original text sit in the final text (monotone)."""
    for run in _runs(edits):
        offsets = _forward(offsets, run)
    return offsets


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1 and pos + 1 < len(text):
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def rows(before: str, after: str, edits: Sequence[Edit]) -> list[Row]:
    """The file as rows of (lines as read, what they became), joined lines merged."""
    starts = _line_starts(before)
    ends = [*starts[1:], len(before)]
    # the first row starts at 0 (text inserted at the very start belongs to it); offsets
    # never go back, even for an edit list that is not an exact replay (rows always tile)
    mapped = [0] + [min(m, len(after)) for m in forward_offsets(starts, edits)[1:]]
    mapped = list(itertools.accumulate(mapped, max))
    mapped_ends = [*mapped[1:], len(after)]
    by_origin = sorted((max(e.origin, 0), k) for k, e in enumerate(edits))
    origins = [o for o, _ in by_origin]
    out: list[Row] = []
    i = 0
    after_line = 1
    while i < len(starts):
        j = i
        # a cleaned row that lost its final line break was joined to the next one
        while (
            j + 1 < len(starts)
            and mapped_ends[j] > mapped[i]
            and not after.endswith("\n", mapped[i], mapped_ends[j])
        ):
            j += 1
        lo, hi = starts[i], ends[j]
        a_lo, a_hi = mapped[i], mapped_ends[j]
        first = bisect.bisect_left(origins, lo)
        last = bisect.bisect_left(origins, hi) if j + 1 < len(starts) else len(origins)
        touched = tuple(sorted(k for _, k in by_origin[first:last]))
        text_after = after[a_lo:a_hi]
        row = Row(i + 1, j - i + 1, after_line, before[lo:hi], text_after, touched)
        after_line += text_after.count("\n")
        i = j + 1
        prev = out[-1] if out else None
        if prev is not None and prev.changed and row.changed and not row.edits:
            # the tail of the previous row's change (the blank line after a removed paragraph)
            row = prev._replace(
                lines=prev.lines + row.lines,
                before=prev.before + row.before,
                after=prev.after + row.after,
            )
            out.pop()
        out.append(row)
    return out


def _size(op: tuple[str, str, str]) -> int:
    return max(len(op[1]), len(op[2]))


def _join(a: tuple[str, str, str], b: tuple[str, str, str]) -> tuple[str, str, str]:
    old, new = a[1] + b[1], a[2] + b[2]
    return ("replace" if old and new else "delete" if old else "insert", old, new)


def _tidy(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Merge neighbouring changes, and fold into them an unchanged stretch between two
    changes that is shorter than both, or only a few spaces or line breaks (a line
    break "kept" inside a removed paragraph is noise; a character between two fixed
    commas is not)."""
    out: list[tuple[str, str, str]] = []
    for op in ops:
        if not op[1] and not op[2]:
            continue
        if op[0] == "equal":
            out.append(op)
            continue
        while True:
            if out and out[-1][0] != "equal":
                op = _join(out.pop(), op)
                continue
            if (
                len(out) >= 2
                and out[-2][0] != "equal"
                and (
                    len(out[-1][1]) < min(_size(out[-2]), _size(op))
                    or (len(out[-1][1]) <= 4 and out[-1][1].isspace())
                )
            ):
                equal = out.pop()
                op = _join(_join(out.pop(), ("replace", equal[1], equal[2])), op)
                continue
            break
        out.append(op)
    return out


def char_ops(before: str, after: str) -> list[tuple[str, str, str]]:
    """``(tag, old, new)`` spans turning ``before`` into ``after``; tag is
    ``equal``, ``replace``, ``delete`` or ``insert``."""
    if before == after:
        return [("equal", before, after)] if before else []
    if len(before) * len(after) > MAX_ALIGN_CELLS:
        return _tidy(_trimmed(before, after))
    ops = [
        (op.tag, before[op.src_start : op.src_end], after[op.dest_start : op.dest_end])
        for op in Levenshtein.opcodes(before, after)
    ]
    return _tidy(ops)


def _trimmed(before: str, after: str) -> list[tuple[str, str, str]]:
    """A common prefix and suffix, and one replaced span between them."""
    n = min(len(before), len(after))
    p = 0
    while p < n and before[p] == after[p]:
        p += 1
    s = 0
    while s < n - p and before[-1 - s] == after[-1 - s]:
        s += 1
    ops = [("equal", before[:p], after[:p])]
    mid_a, mid_b = before[p : len(before) - s], after[p : len(after) - s]
    ops.append(("replace" if mid_a and mid_b else "delete" if mid_a else "insert", mid_a, mid_b))
    ops.append(("equal", before[len(before) - s :], after[len(after) - s :]))
    return [op for op in ops if op[1] or op[2]]
