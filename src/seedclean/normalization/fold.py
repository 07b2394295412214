"""Phase 1: one-character folds and invisible characters, in a single regex pass.

These rules do not depend on punctuation context, so they run first and give
the later phases a text where ``ＡＢＣ`` is ``ABC``, ``⼯`` is ``工`` and no
zero-width character hides a neighbour.  One character class (the union of the
active rules' characters) is compiled per set of active rules, so the regex
engine skips clean text at C speed; only matched runs (rare) are mapped in
Python, by the table of the rule each character belongs to.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from seedclean.edits import Replacement
from seedclean.lazyre import LazyPattern
from seedclean.normalization import chars, script

__all__ = ["FOLD_RULES", "fold_replacements", "grouping_replacements", "leftovers_of"]

_NEWLINES = "\r\u2028\u2029\x85"
_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_JOIN_CONTEXT = LazyPattern(f"[{chars.HAN}{chars.CP}A-Za-z0-9 ]")
_LINE_PREFIX = LazyPattern(r"[ \t]*")
# What may stand before an indent at a line start: spaces and characters that
# ``space-zero-width`` deletes in the same pass (a BOM opening the text).
_INDENT_PREFIX = LazyPattern(r"[ \t\u200b\u2060\ufeff\u00ad\u200c\u200d]*")
_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u200c\u200d"
# A number written in full-width digits with full-width thousands separators
# (``１，０００``): the separators fold with the digits, like ``３．５`` → ``3.5``.
# (The pattern begins with a plain class so the engine skips other text at C speed.)
_GROUPED = LazyPattern("[０-９](?<![０-９0-9][０-９])[０-９]{0,2}(?:，[０-９]{3})+(?![０-９0-9])")


class _Fold(NamedTuple):
    """One rule of the phase: what it folds, and how when context does not matter."""

    rule: str
    chars: Callable[[], str]  # the characters the rule folds (built on first use)
    simple: Callable[[str], str] | None  # the replacement of one of them; None: by context


def _by_table(rule: str, table: Callable[[], Mapping[int, int | str]]) -> _Fold:
    """A rule that folds the keys of a ``str.translate`` table (built on first use)."""
    return _Fold(rule, lambda: "".join(map(chr, table())), lambda c: c.translate(table()))


#: The rules of this phase, one row each, in the order a character is claimed.
_FOLDS: tuple[_Fold, ...] = (
    _Fold("newline-crlf", lambda: _NEWLINES, None),
    _Fold("space-zero-width", lambda: chars.ZERO_WIDTH + chars.JOINERS, None),
    _Fold("space-unicode", lambda: _SPACES, None),
    _Fold("space-indent", lambda: _SPACES, None),
    _by_table("width-alnum", chars.width_alnum_table),
    _by_table("ideograph-radicals", chars.radicals_table),
    _by_table("ideograph-compat", chars.compat_table),
    _Fold(
        "script-traditional-only",
        lambda: "".join(script.traditional_only_table()),
        lambda c: script.traditional_only_table()[c],
    ),
)
FOLD_RULES = frozenset(fold.rule for fold in _FOLDS)


@functools.cache
def _owners(active: frozenset[str]) -> dict[str, str]:
    """Character -> the rule that claims it (``space`` for the Unicode spaces)."""
    owner: dict[str, str] = {}
    for fold in _FOLDS:
        if fold.rule in active:
            for char in fold.chars():
                owner.setdefault(char, "space" if char in _SPACES else fold.rule)
    return owner


def _compile(owner: dict[str, str]) -> re.Pattern[str]:
    """One pattern for runs of the ``owner`` characters."""
    # Characters beyond the BMP defeat the regex engine's bitmap for a class (it
    # would test them one by one at every position), so they get their own class
    # behind a cheap range guard.  (``re.escape`` of the joined characters is the
    # join of each one's escape, in one call.)
    bmp = re.escape("".join(c for c in sorted(owner) if ord(c) <= 0xFFFF))
    astral = re.escape("".join(c for c in sorted(owner) if ord(c) > 0xFFFF))
    if not astral:
        return re.compile(f"[{bmp}]+")
    # The pattern begins with one plain class (BMP members or any astral character)
    # so the engine skips other text at C speed; an astral first character is then
    # checked against the members.  (The BMP class is written twice, not three times:
    # compiling it is most of the cost of the step's first call.)
    guard = "\U00010000-\U0010ffff"
    body = f"(?:[{bmp}]|(?=[{guard}])[{astral}])"
    return re.compile(f"[{bmp}{guard}](?:(?<![{guard}])|(?<=[{astral}])){body}*")


#: The compiled pattern of each set of active rules, compiled when first needed.
_PATTERNS: dict[frozenset[str], re.Pattern[str]] = {}
#: Until the pattern of a set of rules is compiled, a text up to this long is first
#: tested against the set of characters: compiling the class of about 5,000
#: characters takes 10-20 ms, testing 2 KB of text about 0.05 ms, so a small file
#: without a character to fold (as a pre-commit hook checks one) never compiles it.
SMALL_TEXT = 1 << 14


def _pattern(active: frozenset[str]) -> re.Pattern[str]:
    found = _PATTERNS.get(active)
    if found is None:
        found = _PATTERNS[active] = _compile(_owners(active))
    return found


@functools.cache
def _simple_folds(active: frozenset[str]) -> dict[str, tuple[str, str]]:
    """Character -> (rule, replacement) for the active rules that ignore context."""
    maps = {fold.rule: fold.simple for fold in _FOLDS if fold.simple is not None}
    out: dict[str, tuple[str, str]] = {}
    for char, rule in _owners(active).items():
        if rule in maps:
            out[char] = (rule, maps[rule](char))
    return out


@functools.cache
def leftovers_of(active: frozenset[str]) -> str:
    """The characters a second pass of this phase could still change (no class escapes).

    Spaces and joiners are judged by context that later phases may change, and a
    character this phase maps onto another rule's character (a compatibility
    ideograph whose unified form is traditional-only) is changed again; every
    other character of the phase is changed in its first pass, unconditionally.
    """
    owner = _owners(active & FOLD_RULES)
    chained = {new for _, new in _simple_folds(active & FOLD_RULES).values() if new in owner}
    kept = [c for c in owner if c in _SPACES or c in chars.JOINERS] + sorted(chained)
    return "".join(kept)


def fold_replacements(text: str, active: frozenset[str]) -> list[Replacement]:
    """Replacements of every active one-character rule, in text order."""
    active = active & FOLD_RULES
    owner = _owners(active)
    if not owner:
        return []
    if active not in _PATTERNS and len(text) <= SMALL_TEXT and owner.keys().isdisjoint(text):
        return []
    simple = _simple_folds(active)
    out: list[Replacement] = []
    for match in _pattern(active).finditer(text):
        pos = match.start()
        char = match.group()
        if char in simple:  # one context-free character (most matches): no grouping needed
            rule, new = simple[char]
            out.append(Replacement(pos, pos + 1, new, rule))
            continue
        for kind, group in itertools.groupby(char, key=owner.__getitem__):
            run = "".join(group)
            _map_run(text, pos, run, kind, active, out)
            pos += len(run)
    return out


def _map_run(
    text: str, pos: int, run: str, kind: str, active: frozenset[str], out: list[Replacement]
) -> None:
    end = pos + len(run)
    if kind == "newline-crlf":
        for i, char in enumerate(run, pos):
            new = "" if char == "\r" and text.startswith("\n", i + 1) else "\n"
            out.append(Replacement(i, i + 1, new, kind))
    elif kind == "space-zero-width":
        joined_ok = pos > 0 and _JOIN_CONTEXT.match(text, pos - 1) is not None
        for i, char in enumerate(run, pos):
            if char not in chars.JOINERS or joined_ok:
                out.append(Replacement(i, i + 1, "", kind))
    elif kind == "space":
        _spaces(text, pos, end, run, active, out)
    elif kind == "width-alnum":
        out.append(Replacement(pos, end, run.translate(chars.width_alnum_table()), kind))
    elif kind == "ideograph-radicals":
        out.append(Replacement(pos, end, run.translate(chars.radicals_table()), kind))
    elif kind == "ideograph-compat":
        out.append(Replacement(pos, end, run.translate(chars.compat_table()), kind))
    else:
        table = script.traditional_only_table()
        out.append(Replacement(pos, end, "".join(table[c] for c in run), kind))


def _spaces(
    text: str, pos: int, end: int, run: str, active: frozenset[str], out: list[Replacement]
) -> None:
    line_start = text.rfind("\n", 0, pos) + 1
    at_line_start = _INDENT_PREFIX.fullmatch(text, line_start, pos) is not None
    if "\u3000" in run and at_line_start and "space-indent" in active:
        # A paragraph indent from print/PDF layout: drop it with the spaces around it
        # (after any invisible character before it, which has its own edit).
        start = max(line_start, *(text.rfind(c, line_start, pos) + 1 for c in _INVISIBLE))
        after = _LINE_PREFIX.match(text, end)
        out.append(Replacement(start, after.end() if after else end, "", "space-indent"))
    elif "space-unicode" in active:
        # A run of ideographic spaces separates headline parts or a byline: one
        # ASCII space keeps the separation.  Other spaces map one to one.
        new = " " if "\u3000" in run else " " * len(run)
        out.append(Replacement(pos, end, new, "space-unicode"))


def grouping_replacements(text: str) -> list[Replacement]:
    """``，`` between full-width digit groups (``１，０００``) becomes ``,`` (``width-symbols``)."""
    out: list[Replacement] = []
    for match in _GROUPED.finditer(text):
        start = match.start()
        for i, char in enumerate(match.group(), start):
            if char == "，":
                out.append(Replacement(i, i + 1, ",", "width-symbols"))
    return out
