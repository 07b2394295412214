"""Phase 1: one-character folds and invisible characters, in a single regex pass.

These rules do not depend on punctuation context, so they run first and give
the later phases a text where ``ＡＢＣ`` is ``ABC``, ``⼯`` is ``工`` and no
zero-width character hides a neighbour.  One alternation is compiled per set
of active rules (cached); each match is mapped by the table of the rule whose
group matched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from seedclean.edits import Replacement
from seedclean.normalization import chars, script

__all__ = ["FOLD_RULES", "fold_replacements"]


def _drop(_: str) -> str:
    return ""


def _newline(_: str) -> str:
    return "\n"


def _spaces(run: str) -> str:
    # A run of ideographic spaces inside a line separates headline parts or a
    # byline; one ASCII space keeps the separation.  Other spaces map one to one.
    return " " if "\u3000" in run else " " * len(run)


def _translate(table: Callable[[], dict[int, int] | dict[int, str]]) -> Callable[[str], str]:
    def apply(run: str) -> str:
        return run.translate(table())

    return apply


def _traditional(run: str) -> str:
    table = script.traditional_only_table()
    return "".join(table[c] for c in run)


def _group(rule: str) -> str:
    return rule.replace("-", "_")


# (rule id, pattern factory, mapping); order matters: an indent is matched before
# the general Unicode-space rule sees its U+3000.
_TABLE: tuple[tuple[str, Callable[[], str], Callable[[str], str]], ...] = (
    ("newline-crlf", lambda: r"\r\n?|[\u2028\u2029\x85]", _newline),
    ("space-indent", lambda: r"(?m:^[ \t\u00a0]*\u3000[ \t\u00a0\u3000]*)", _drop),
    (
        "space-zero-width",
        lambda: f"[{chars.ZERO_WIDTH}]+|(?<=[{chars.HAN}{chars.CP}A-Za-z0-9 ])[{chars.JOINERS}]+",
        _drop,
    ),
    ("space-unicode", lambda: f"[{chars.UNICODE_SPACES}]+", _spaces),
    ("width-alnum", lambda: "[０-９Ａ-Ｚａ-ｚ]+", _translate(chars.width_alnum_table)),
    (
        "ideograph-radicals",
        lambda: f"[{chars.class_of(chars.radicals_table())}]+",
        _translate(chars.radicals_table),
    ),
    (
        "ideograph-compat",
        lambda: f"[{chars.class_of(chars.compat_table())}]+",
        _translate(chars.compat_table),
    ),
    (
        "script-traditional-only",
        lambda: script.traditional_only_pattern().pattern,
        _traditional,
    ),
)

FOLD_RULES = frozenset(rule for rule, _, _ in _TABLE)
_MAPPERS = {_group(rule): (rule, mapper) for rule, _, mapper in _TABLE}


@functools.cache
def _pattern(active: frozenset[str]) -> re.Pattern[str] | None:
    parts = [f"(?P<{_group(rule)}>{make()})" for rule, make, _ in _TABLE if rule in active]
    return re.compile("|".join(parts)) if parts else None


def fold_replacements(text: str, active: frozenset[str]) -> list[Replacement]:
    """Replacements of every active one-character rule, in text order."""
    pattern = _pattern(active & FOLD_RULES)
    if pattern is None:
        return []
    out: list[Replacement] = []
    for match in pattern.finditer(text):
        group = match.lastgroup
        assert group is not None
        rule, mapper = _MAPPERS[group]
        old = match.group()
        new = mapper(old)
        if new != old:
            out.append(Replacement(match.start(), match.end(), new, rule))
    return out
