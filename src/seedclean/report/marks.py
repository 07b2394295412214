"""Where each edit ended up in the cleaned text, for highlighting.

Edits carry *sequential* offsets; a later edit can shift, or land on top of,
an earlier one.  :func:`final_marks` folds the edits into non-overlapping
spans of the final text, each listing the edits that produced it (an edit
that touches an earlier span absorbs it, so nothing is lost from the labels).

The edits of one step come sorted and non-overlapping, so they are folded in
batches with one linear merge each: a run of ``k`` batches costs
``O(k * (edits + marks))`` rather than quadratic time.

>>> from seedclean.edits import splice, Replacement
>>> out = splice("甲,乙,丙", [Replacement(1, 2, "，", "punct-comma"),
...                          Replacement(3, 4, "，", "punct-comma")])
>>> [(m.start, m.end, len(m.edits)) for m in final_marks(out.edits)]
[(1, 2, 1), (3, 4, 1)]
>>> forward_offset(4, out.edits)
4
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from seedclean.edits import Edit

__all__ = ["Mark", "final_marks", "forward_offset"]


class Mark(NamedTuple):
    """A span ``[start, end)`` of the final text and the edits that made it."""

    start: int
    end: int
    edits: tuple[Edit, ...]


def _batches(edits: Sequence[Edit]) -> Iterator[list[Edit]]:
    batch: list[Edit] = []
    frontier = -1
    for edit in edits:
        if batch and edit.start < frontier:
            yield batch
            batch = []
        batch.append(edit)
        frontier = edit.start + len(edit.new)
    if batch:
        yield batch


def _fold(marks: list[Mark], batch: list[Edit]) -> list[Mark]:
    out: list[Mark] = []
    i = 0
    shift = 0  # length change of the edits of this batch so far
    for edit in batch:
        start = edit.start - shift  # back to the batch's input coordinates
        end = start + len(edit.old)
        while (
            i < len(marks)
            and marks[i].end <= start
            and not (marks[i].start == marks[i].end == start == end)
        ):
            m = marks[i]
            out.append(Mark(m.start + shift, m.end + shift, m.edits))
            i += 1
        lo, hi = start, end
        parts: tuple[Edit, ...] = ()
        while i < len(marks) and (marks[i].start < end or marks[i].start == marks[i].end == end):
            m = marks[i]
            lo, hi, parts = min(lo, m.start), max(hi, m.end), parts + m.edits
            i += 1
        delta = len(edit.new) - len(edit.old)
        out.append(Mark(lo + shift, hi + shift + delta, (*parts, edit)))
        shift += delta
    out.extend(Mark(m.start + shift, m.end + shift, m.edits) for m in marks[i:])
    return out


def final_marks(edits: Sequence[Edit]) -> list[Mark]:
    """Non-overlapping spans of the final text, in order, each with its edits."""
    marks: list[Mark] = []
    for batch in _batches(edits):
        marks = _fold(marks, batch)
    return marks


def forward_offset(offset: int, edits: Sequence[Edit]) -> int:
    """Where ``offset`` of the original text sits in the final text."""
    for edit in edits:
        if offset >= edit.end:
            offset += len(edit.new) - len(edit.old)
        elif offset > edit.start:
            offset = edit.start
    return offset
