"""Neighbour lookups shared by the context-sensitive rules.

"Chinese context" for a mark is decided by its nearest non-space neighbour on
the same line (research §9.2): spaces an OCR engine or a typist put around a
mark do not hide the Han character behind them, a line break does.
"""

from __future__ import annotations

from seedclean.lazyre import LazyPattern
from seedclean.normalization.chars import CP, HAN, HSPACE, LEFT_CTX, RIGHT_CTX


def _charset(body: str) -> LazyPattern:
    return LazyPattern(f"[{body}]")  # compiled on first use: the Han class is long


IS_LEFT_CTX = _charset(LEFT_CTX).match
IS_RIGHT_CTX = _charset(RIGHT_CTX).match
IS_HAN_OR_CP = _charset(HAN + CP).match
IS_HAN = _charset(HAN).match
HAS_HAN_OR_CP = _charset(HAN + CP).search


def left_char(text: str, start: int) -> str:
    """Nearest non-space character before ``start`` on the same line ('' if none)."""
    i = start - 1
    while i >= 0 and text[i] in HSPACE:
        i -= 1
    if i < 0 or text[i] == "\n":
        return ""
    return text[i]


def right_char(text: str, end: int) -> str:
    """Nearest non-space character from ``end`` on the same line ('' if none)."""
    n = len(text)
    i = end
    while i < n and text[i] in HSPACE:
        i += 1
    if i >= n or text[i] == "\n":
        return ""
    return text[i]


def left_is_chinese(char: str) -> bool:
    """Han or closing/sentence CJK punctuation."""
    return bool(char) and IS_LEFT_CTX(char) is not None


def right_is_chinese(char: str) -> bool:
    """Han or opening CJK punctuation."""
    return bool(char) and IS_RIGHT_CTX(char) is not None


def is_han_or_cp(char: str) -> bool:
    """Han or any CJK punctuation."""
    return bool(char) and IS_HAN_OR_CP(char) is not None
