"""Paragraph units: one non-blank line is one paragraph.

The seed pages keep each paragraph on one line (after line-break repair) and
many corpora are one paragraph per line, so a line is the unit that is
compared, reported (by its 1-based line number) and removed.

>>> [(p.number, p.line, p.start, p.end) for p in split_paragraphs("甲\\n\\n  \\n乙丙\\n")]
[(0, 1, 0, 1), (1, 4, 6, 8)]
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Paragraph", "split_paragraphs"]

_LINE = re.compile(r"[^\n]*\S[^\n]*")


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
    line = 1
    last = 0
    count = text.count
    for number, match in enumerate(_LINE.finditer(text)):
        start = match.start()
        line += count("\n", last, start)
        last = start
        out.append(Paragraph(number, line, start, match.end()))
    return out
