"""Phase 2: paired marks (brackets, quotes) and full-width symbols in ASCII context.

Pairs are converted as pairs or not at all: a half-converted ``(试行）`` is the
classic bug of the peers (research §6 D).  Pairing is per line, with a stack for
brackets (so ``(试行）`` pairs ``(`` with ``）`` and is repaired) and in order for
straight quotes.  A pair is Chinese when its content holds Han or CJK
punctuation, or when it holds only Latin/digits but sits next to Chinese and the
opening mark is not glued to a Latin word (``f(x)``, ``WTO(World Trade
Organization)`` and ``minute(s)`` stay; ``(1)加强`` converts).  Unbalanced marks
are left alone and reported as notices.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from seedclean.edits import Notice, Replacement
from seedclean.lazyre import LazyPattern
from seedclean.normalization import context as ctx
from seedclean.normalization.config import NormalizeConfig
from seedclean.normalization.scan import Scanner

__all__ = ["CORNER_MARKS", "PAIR_HOT", "PAIR_RULES", "pair_replacements"]

PAIR_RULES = frozenset(
    {
        "width-symbols",
        "punct-brackets",
        "punct-double-quotes",
        "punct-single-quotes",
        "punct-corner-quotes",
    }
)

#: The half-width brackets and quotes this phase pairs.
PAIR_HOT = "()\"'"
#: The full-width quotes ``punct-corner-quotes`` pairs by nesting level.
CORNER_MARKS = "「」『』“”‘’"

_SYMBOLS = {"％": "%", "．": ".", "－": "-", "／": "/", "＋": "+", "＠": "@", "＃": "#", "＆": "&",
            "＿": "_"}  # fmt: skip
_CORNER = {"「": ("“", "‘"), "『": ("“", "‘"), "」": ("”", "’"), "』": ("”", "’")}
_CLOSES = {"「": "」", "『": "』", "“": "”", "‘": "’"}

# A full-width colon between digits (``10：30``, ``比分37：28``) is not converted: it is
# Chinese punctuation, and clean mainland news prose writes times and scores with it
# more often than with ``:`` (evaldata: 14 lines against 3), so either form is correct.
# Initials (``G．A．史密斯``) are one unit: every ``．`` of a run of two or more
# single capital letters becomes ``.``, the last one too (its right side is not ASCII).
_INITIAL = r"(?<=[A-Z]．)(?<![A-Za-z][A-Z]．)(?:(?=[A-Z][．.])|(?<=[A-Z][．.][A-Z]．))"
_SYM = rf"(?<=[A-Za-z0-9][％．－／＋＠＃＆＿])(?=[A-Za-z0-9])|(?<=[0-9]％)|{_INITIAL}"


@functools.cache
def _scanner(corners: bool) -> Scanner:
    """Tokenizer of the phase (full-width quotes are tokens only for ``punct-corner-quotes``)."""
    return Scanner(
        narrow=r"(?P<br>[()])|(?P<dq>\")|(?P<sq>')",
        hot=PAIR_HOT,
        # First character by one class, then its kind (see Scanner).
        wide=f"[％．－／＋＠＃＆＿（）{CORNER_MARKS if corners else ''}]"
        + f"(?:(?P<sym>{_SYM})|(?P<br>(?<=[（）]))"
        + (f"|(?P<cq>(?<=[{CORNER_MARKS}])))" if corners else ")"),
    )


_GLUED = LazyPattern(r"[A-Za-z0-9]")


@dataclass
class _Line:
    """Marks of one line collected while scanning."""

    brackets: list[tuple[int, str]] = field(default_factory=list)
    dquotes: list[int] = field(default_factory=list)
    squotes: list[int] = field(default_factory=list)
    corners: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Result:
    replacements: list[Replacement] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def pair_replacements(
    text: str, active: frozenset[str], config: NormalizeConfig
) -> tuple[list[Replacement], list[Notice]]:
    """Replacements and notices of the paired-mark rules (and ``width-symbols``)."""
    if not active & PAIR_RULES:
        return [], []
    result = _Result()
    line = _Line()
    line_end = -1
    for match in _scanner("punct-corner-quotes" in active).scan(text):
        kind = match.lastgroup
        pos = match.start()
        if pos > line_end:
            # Pairs never span lines: settle the marks of the previous line first.
            _resolve(text, line, active, config, result)
            line = _Line()
            line_end = text.find("\n", pos)
            if line_end < 0:
                line_end = len(text)
        if kind == "sym":
            if "width-symbols" in active:
                result.replacements.append(
                    Replacement(pos, pos + 1, _SYMBOLS[match.group()], "width-symbols")
                )
        elif kind == "br":
            line.brackets.append((pos, match.group()))
        elif kind == "dq":
            line.dquotes.append(pos)
        elif kind == "sq":
            if ctx.is_han_or_cp(text[pos - 1 : pos]) or ctx.is_han_or_cp(text[pos + 1 : pos + 2]):
                line.squotes.append(pos)
        elif kind == "cq":
            line.corners.append((pos, match.group()))
    _resolve(text, line, active, config, result)
    return result.replacements, result.notices


def _resolve(
    text: str, line: _Line, active: frozenset[str], config: NormalizeConfig, result: _Result
) -> None:
    if "punct-brackets" in active and any(c in "()" for _, c in line.brackets):
        _brackets(text, line.brackets, config, result)
    if "punct-double-quotes" in active and line.dquotes:
        _quotes(
            text, line.dquotes, ("“", "”"), "punct-double-quotes", config, result, _chinese_pair
        )
    if "punct-single-quotes" in active and line.squotes:
        _quotes(text, line.squotes, ("‘", "’"), "punct-single-quotes", config, result, _touching)
    if "punct-corner-quotes" in active and any(c in _CORNER for _, c in line.corners):
        _corners(line.corners, result)


def _brackets(
    text: str, marks: list[tuple[int, str]], config: NormalizeConfig, result: _Result
) -> None:
    stack: list[tuple[int, str]] = []
    for pos, char in marks:
        if char in "(（":
            stack.append((pos, char))
        elif stack:
            open_pos, open_char = stack.pop()
            _bracket_pair(text, open_pos, open_char, pos, char, config, result)
        elif char == ")":
            result.notices.append(
                Notice("punct-brackets", pos, pos + 1, "unbalanced ')' left as is")
            )
    for pos, char in stack:
        if char == "(":
            result.notices.append(
                Notice("punct-brackets", pos, pos + 1, "unbalanced '(' left as is")
            )


def _bracket_pair(
    text: str, op: int, oc: str, cp: int, cc: str, config: NormalizeConfig, result: _Result
) -> None:
    if oc == "（" and cc == "）":
        return
    if cp - op > config.max_pair_span:
        result.notices.append(
            Notice("punct-brackets", op, cp + 1, "bracket pair too long to convert; left as is")
        )
        return
    chinese = _chinese_pair(text, op, cp)
    if not (oc == "（" or cc == "）" or chinese):
        return
    if not chinese and _latin_around(text, op, cp):
        # ``shade (20% of natural sunlight）. The…``: one stray full-width mark in an
        # English sentence is no reason to make the pair Chinese
        result.notices.append(
            Notice("punct-brackets", op, cp + 1, "mixed-width brackets in Latin text left as is")
        )
        return
    if oc == "(":
        result.replacements.append(Replacement(op, op + 1, "（", "punct-brackets"))
    if cc == ")":
        result.replacements.append(Replacement(cp, cp + 1, "）", "punct-brackets"))


def _chinese_pair(text: str, op: int, cp: int) -> bool:
    """Content has Han/CJK punct, or Latin content set off in Chinese text."""
    if ctx.HAS_HAN_OR_CP(text, op + 1, cp):
        return True
    if op > 0 and _GLUED.match(text, op - 1):
        return False
    # Latin-only content: only when glued to Chinese; ``指数 (CPI) 同比`` was typeset
    # Western-style on purpose and stays.
    return ctx.is_han_or_cp(text[op - 1 : op]) or ctx.is_han_or_cp(text[cp + 1 : cp + 2])


def _latin_around(text: str, op: int, cp: int) -> bool:
    """Whether Latin letters stand just outside a bracket pair, on a side that has text.

    ``diffraction (XRD）and`` / ``sunlight (20% of it）. The``: the brackets sit in a
    Latin sentence.  A pair at the very start or end of a line needs Latin on the
    side that has text.
    """
    before = _LATIN_BEFORE.search(text, max(0, op - 4), op) is not None
    after = _LATIN_AFTER.match(text, cp + 1) is not None
    line_start = op == 0 or text[op - 1] == "\n"
    line_end = cp + 1 >= len(text) or text[cp + 1] == "\n"
    return (before or line_start) and (after or line_end) and not (line_start and line_end)


_LATIN_BEFORE = LazyPattern(r"[A-Za-z0-9][ \t]*\Z")
_LATIN_AFTER = LazyPattern(r"[.,;:]?[ \t]*[A-Za-z]")


def _touching(text: str, op: int, cp: int) -> bool:
    """Single quotes are collected only where they touch Han/CJK punctuation."""
    return cp > op


def _quotes(
    text: str,
    marks: list[int],
    glyphs: tuple[str, str],
    rule: str,
    config: NormalizeConfig,
    result: _Result,
    is_chinese: Callable[[str, int, int], bool],
) -> None:
    if len(marks) % 2:
        for pos in marks:
            result.notices.append(
                Notice(rule, pos, pos + 1, "odd number of straight quotes on the line; left as is")
            )
        return
    for op, cp in zip(marks[::2], marks[1::2], strict=True):
        if cp - op > config.max_pair_span:
            result.notices.append(Notice(rule, op, cp + 1, "quote pair too long; left as is"))
        elif is_chinese(text, op, cp):
            result.replacements.append(Replacement(op, op + 1, glyphs[0], rule))
            result.replacements.append(Replacement(cp, cp + 1, glyphs[1], rule))


def _corners(marks: list[tuple[int, str]], result: _Result) -> None:
    """「」『』 -> “”/‘’ by nesting depth (outermost double), only if the line nests cleanly."""
    stack: list[tuple[int, str]] = []
    planned: list[Replacement] = []
    for pos, char in marks:
        if char in _CLOSES:
            stack.append((pos, char))
            continue
        if not stack or _CLOSES[stack[-1][1]] != char:
            result.notices.append(
                Notice("punct-corner-quotes", pos, pos + 1, "quotes do not nest; left as is")
            )
            return
        open_pos, open_char = stack.pop()
        depth = len(stack)
        if open_char in _CORNER:
            level = 0 if depth == 0 else 1
            planned.append(
                Replacement(
                    open_pos, open_pos + 1, _CORNER[open_char][level], "punct-corner-quotes"
                )
            )
            planned.append(Replacement(pos, pos + 1, _CORNER[char][level], "punct-corner-quotes"))
    if stack:
        pos = stack[-1][0]
        result.notices.append(
            Notice("punct-corner-quotes", pos, pos + 1, "unclosed quote; left as is")
        )
        return
    result.replacements.extend(planned)
