"""The lines of a block and its line-length profile: is this block hard-wrapped prose?

A PDF or OCR export wraps a paragraph at the column width: every line but the
last of a paragraph fills the column, so the block's line widths pile up at
one value ``W``, and a shorter line is a paragraph's last line (it ends a
sentence).  This is the text analogue of MinerU's and PaddleX's "the line
reaches the right edge" (research study §5.4, ``line_profile``).  Widths are
counted in half columns: a wide (CJK, full-width) character is 2, an ASCII
character 1, as a CJK font sets half-width digits and Latin letters.

A line is *full* when it reaches ``W`` (within a tolerance: kinsoku shori
pushes a character down or lets a comma hang, justification squeezes
punctuation), or when the next line's first unbreakable piece (a character
with the punctuation that may not start a line after it, or a Latin word)
would not have fitted after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import NamedTuple

from seedclean.linebreaks import chars

#: Narrowest column (half columns) still read as a prose column: 8 Han characters.
MIN_WIDTH = 16
#: Widest: 60 Han characters or 120 Latin ones; a longer line is a paragraph, not a visual line.
MAX_WIDTH = 120
#: How far (half columns) a full CJK line may fall short of or pass the column
#: width: one character, or a tenth of the width (punctuation squeezed or
#: hung, half-width digits and letters set in a proportional font).
CJK_TOLERANCE = 2
#: The same for Latin text, whose right edge is ragged: three letters, or a sixth.
LATIN_TOLERANCE = 6


def tolerance(column: int, is_latin: bool) -> int:
    """How far a full line may be from the column width ``column`` (half columns)."""
    if is_latin:
        return max(LATIN_TOLERANCE, column // 6)
    return max(CJK_TOLERANCE, column // 10)


#: The first piece of a line that cannot be broken: a Latin word or number, or
#: one character, with the characters that may not start a line after it.
_HEAD_PIECE = re.compile(
    r"(?:[A-Za-z0-9][A-Za-z0-9'’\-]*|\S)[，。、；：？！）》」』】〕”’…%,.;:?!)]*"
)


class Line(NamedTuple):
    """One line of a block, with offsets in the pass's text.

    Attributes:
        text: the line without indentation and trailing whitespace.
        cstart: offset of its first non-space character.
        end: offset just after its last non-space character.
        indent: how many whitespace characters precede ``text``.
        trail: the whitespace after ``text`` (``"  "`` is a markdown hard break).
        width: display width in half columns, indentation included.
    """

    text: str
    cstart: int
    end: int
    indent: int
    trail: str
    width: int


def width(text: str) -> int:
    """Display width of ``text`` in half columns (ASCII 1, everything else 2)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def split_lines(block_text: str, start: int) -> list[Line]:
    """The lines of a block whose text starts at offset ``start``."""
    out: list[Line] = []
    pos = start
    for raw in block_text.split("\n"):
        indent = len(raw) - len(raw.lstrip())
        text = raw.rstrip()
        body = text[indent:]
        cstart = pos + indent
        # the indentation is part of the visual line (a paragraph's first line)
        out.append(Line(body, cstart, cstart + len(body), indent, raw[len(text) :], width(text)))
        pos += len(raw) + 1
    return out


def head_width(line: Line) -> int:
    """Width of the first unbreakable piece of ``line`` (see module doc)."""
    found = _HEAD_PIECE.match(line.text)
    return width(found.group()) if found else 0


def latin(text: str) -> bool:
    """Whether ``text`` is mostly ASCII (a Latin text with a ragged right edge)."""
    return 2 * len(text.encode("ascii", "ignore")) > len(text)


def column_width(widths: list[int], is_latin: bool) -> int:
    """The column width of a block: the widest width most non-last lines reach.

    The largest value ``w`` (at most :data:`MAX_WIDTH`) such that at least
    ``max(2, 30%)`` of ``widths`` (the widths of a block's lines but its
    last) lie within :func:`tolerance` of it; 0 when there is none.  One
    overlong line (a URL, a line of wide digits) does not set the width, and
    paragraph ends (short) do not either.
    """
    if len(widths) < 2:
        return 0
    ordered = sorted(widths)
    need = max(2, -(-3 * len(widths) // 10))
    for w in sorted(set(widths), reverse=True):
        if w > MAX_WIDTH:
            continue
        tol = tolerance(w, is_latin)
        support = bisect_right(ordered, w + tol) - bisect_left(ordered, w - tol)
        if support >= need:
            return w
    return 0


class Profile(NamedTuple):
    """How the non-last lines of a block sit against a column width."""

    width: int
    full: list[bool]  # per boundary i | i+1: line i reaches the column
    n_full: int
    n_ends: int  # short lines that end a sentence (a paragraph's last line)
    n_odd: int  # short lines that do not end a sentence, and overlong lines


def profile(lines: list[Line], column: int, is_latin: bool) -> Profile:
    """Classify every line but the last against the column width ``column``."""
    tol = tolerance(column, is_latin)
    full: list[bool] = []
    n_full = n_ends = n_odd = 0
    for line, nxt in pairwise(lines):
        w = line.width
        if w - _hanging(line.text) > column + tol:
            full.append(False)
            n_odd += 1
            continue
        gap = 1 if chars.separator(line.text, nxt.text[:1]) else 0
        reaches = (
            w >= column - tol
            or w + gap + head_width(nxt) > column - tol
            or chars.start_char(nxt.text)[0] == "kinsoku"
        )
        full.append(reaches)
        if reaches:
            n_full += 1
        elif chars.end_char(line.text)[0] == "terminal":
            n_ends += 1
        else:
            n_odd += 1
    return Profile(column, full, n_full, n_ends, n_odd)


def _hanging(text: str) -> int:
    """Width of a punctuation mark hung past the column at the end of a line (or 0)."""
    return 2 if text[-1:] in _HANGS else 0


_HANGS = frozenset("，。、；：？！”’）》」』")


def wrapped(found: Profile) -> bool:
    """Whether a profile is that of wrapped prose on its own (without the page's width).

    At least two full lines, and at most one line in four that neither
    reaches the column nor ends a paragraph (an unmarked heading may sit in a
    block of undelimited paragraphs; a poem or a list has many).
    """
    return found.width >= MIN_WIDTH and found.n_full >= 2 and 3 * found.n_odd <= found.n_full
