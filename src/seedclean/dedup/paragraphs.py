"""Paragraph units: one non-blank line is one paragraph.

The seed pages keep each paragraph on one line (after line-break repair) and
many corpora are one paragraph per line, so a line is the unit that is
compared, reported (by its 1-based line number) and removed.

>>> [(p.number, p.line, p.start, p.end) for p in split_paragraphs("甲\\n\\n  \\n乙丙\\n")]
[(0, 1, 0, 1), (1, 4, 6, 8)]
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Paragraph", "split_paragraphs"]


class Paragraph(NamedTuple):
    """Where one paragraph sits in its text.

    Attributes:
        number: 0-based paragraph number in the text.
        line: 1-based line on which it starts.
        start: offset of its first character (the line start).
        end: offset just past its last character (before the newline).
    """

    number: int
    line: int
    start: int
    end: int


def split_paragraphs(text: str) -> list[Paragraph]:
    """Return the non-blank lines of ``text`` as paragraphs, in order."""
    out: list[Paragraph] = []
    start = 0
    number = 0
    for line, body in enumerate(text.split("\n"), 1):
        end = start + len(body)
        if not body.isspace() and body:
            out.append(Paragraph(number, line, start, end))
            number += 1
        start = end + 1
    return out
