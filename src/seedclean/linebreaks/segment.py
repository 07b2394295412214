"""Split a text into blocks: runs of non-blank lines separated by blank lines.

Segmentation is the first step of every pass and runs over the whole text, so
it is one ``findall`` with no per-block Python code (see :func:`_segment_plain`);
only a text with code fences takes the slower path that keeps a fenced block
with blank lines inside as one block.  Labelling the blocks is :mod:`.labels`.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, repeat
from operator import add
from typing import NamedTuple

#: A run of non-blank lines, from its first line's start (group 1: the
#: indentation) to just after its last non-space character.
_BLOCK = re.compile(r"(?m)^([^\S\n]*)\S(?:.*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:.*\S)?)*")
_FENCE_LINE = re.compile(r"(?m)^[ \t]*(?:```|~~~)")


class Block(NamedTuple):
    """One run of non-blank lines (a tuple: a page makes thousands of them).

    Attributes:
        start: offset of the block's first character (its line start) in the text.
        end: offset just after its last non-space character.
        text: ``text[start:end]``.
        cstart: offset of its first non-space character (where a joined gap ends).
    """

    start: int
    end: int
    text: str
    cstart: int

    def __repr__(self) -> str:
        return f"Block({self.start}, {self.end}, {self.text[:20]!r})"


#: The text as a sequence of (gap, block, indentation): the gap runs from the end
#: of the previous block to the line start of the next one, so the tokens tile
#: the text (up to trailing whitespace) and offsets follow from their lengths.
_TOKENS = re.compile(r"((?:\s*\n)?)(([^\S\n]*)\S(?:.*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:.*\S)?)*)")
_new_tuple = tuple.__new__


def _segment_plain(text: str) -> list[Block]:
    """:func:`segment` for a text without code fences, with no per-block Python code.

    Same blocks as ``_BLOCK.finditer``: one ``findall``, offsets by summing
    the token lengths, and the tuples built by ``map``.
    """
    # Trailing whitespace holds no block; leaving it out keeps the search linear
    # (in a whitespace-only tail, each start position would scan the whole tail).
    tokens = _TOKENS.findall(text, 0, len(text.rstrip()))
    if not tokens:
        return []
    gaps, bodies, indents = zip(*tokens, strict=True)
    lengths = zip(map(len, gaps), map(len, bodies), strict=True)
    ends = list(accumulate(chain.from_iterable(lengths)))
    starts = ends[0::2]
    cstarts = map(add, starts, map(len, indents))
    fields = zip(starts, ends[1::2], bodies, cstarts, strict=True)
    return list(map(_new_tuple, repeat(Block), fields))


def segment(text: str) -> list[Block]:
    """Split ``text`` into blocks; a fenced code block with blank lines stays one block."""
    if "```" not in text and "~~~" not in text:
        return _segment_plain(text)
    blocks: list[Block] = []
    open_fence: Block | None = None
    for match in _BLOCK.finditer(text):
        body = match.group()
        start, end = match.span()
        fences = len(_FENCE_LINE.findall(body)) if "```" in body or "~~~" in body else 0
        if open_fence is not None:
            merged = text[open_fence.start : end]
            open_fence = Block(open_fence.start, end, merged, open_fence.cstart)
            if fences % 2:
                blocks.append(open_fence)
                open_fence = None
            continue
        block = Block(start, end, body, match.end(1))
        if fences % 2:
            open_fence = block
            continue
        blocks.append(block)
    if open_fence is not None:
        blocks.append(open_fence)
    return blocks
