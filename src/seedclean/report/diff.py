"""Diffs of what ``clean`` changes (``--diff``).

Two styles (``--diff-style``):

* ``chars`` (default): the changed characters marked inside each line, the
  way ``git diff --word-diff=plain`` does, because a Chinese paragraph is one
  long line and a fixed comma should not mean reading it twice.  Each hunk
  names the rules that changed it; ``[-…-]`` is removed text, ``{+…+}``
  added text; a removed line break shows as ``⏎`` (a join), and invisible
  characters as ``<U+XXXX>``.  Changed lines start with ``~``.
* ``patch``: a unified diff (``patch -p0`` and ``git apply`` take it), like
  ``black --diff``.

On a colour terminal (see :func:`~seedclean.report.terminal.colour_wanted`)
the markers become colours: struck-out red for removed, green for added text;
in a coloured ``patch``, a replaced line shows its changed characters too.

>>> print("".join(char_diff("a.txt", "甲,乙\\n", "甲，乙\\n", ())), end="")
--- a.txt
+++ a.txt (cleaned)
@@ -1 +1 @@
~甲[-,-]{+，+}乙
>>> print("".join(unified_diff("a.txt", "甲,乙\\n", "甲，乙\\n")), end="")
--- a.txt
+++ a.txt (cleaned)
@@ -1 +1 @@
-甲,乙
+甲，乙
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence

from seedclean.edits import Edit
from seedclean.report.align import Row, char_ops, rows
from seedclean.report.terminal import paint, printable

__all__ = ["char_diff", "mark_row", "unified_diff", "visible"]

_SHOWN = {"\n": "⏎", "\r": "␍", "\t": "⇥"}


def visible(text: str) -> str:
    """Changed text with line breaks drawn (``⏎``) and invisible characters named."""
    out = []
    for ch in text:
        if ch in _SHOWN:
            out.append(_SHOWN[ch])
        elif ch != " " and unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def mark_row(before: str, after: str, colour: bool = False) -> str:
    """``before`` turned into ``after`` as one text with the changed spans marked."""
    parts: list[str] = []
    for tag, old, new in char_ops(before, after):
        if tag == "equal":
            parts.append(new)
            continue
        if old:
            shown = visible(old)
            parts.append(paint(shown, "del", True) if colour else f"[-{shown}-]")
        if new:
            shown = visible(new)
            parts.append(paint(shown, "ins", True) if colour else f"{{+{shown}+}}")
    return "".join(parts)


def _range(start: int, count: int) -> str:
    if count == 1:
        return str(start)
    return f"{start if count else start - 1},{count}"


def _hunk(group: list[Row], edits: Sequence[Edit], colour: bool) -> list[str]:
    first = group[0]
    count = sum(r.lines for r in group)
    after_count = sum(
        r.after.count("\n") + (not r.after.endswith("\n") and r.after != "") for r in group
    )
    rules = dict.fromkeys(edits[k].rule for r in group for k in r.edits)
    head = f"@@ -{_range(first.line, count)} +{_range(first.after_line, after_count)} @@"
    if rules:
        head += " " + " ".join(rules)
    out = [paint(head, "cyan", colour) + "\n"]
    for row in group:
        marked = mark_row(row.before, row.after, colour)
        for line in marked.split("\n")[: -1 if marked.endswith("\n") else None]:
            out.append(f"~{line}\n")
    return out


def char_diff(
    display: str, before: str, after: str, edits: Sequence[Edit], *, colour: bool = False
) -> list[str]:
    """The ``chars`` diff: lines (each ending in a newline) with changed spans marked."""
    if before == after:
        return []
    name = printable(display)
    out = [
        paint(f"--- {name}", "bold", colour) + "\n",
        paint(f"+++ {name} (cleaned)", "bold", colour) + "\n",
    ]
    group: list[Row] = []
    for row in rows(before, after, edits):
        if row.changed:
            group.append(row)
            continue
        if group:
            out.extend(_hunk(group, edits, colour))
            group = []
    if group:
        out.extend(_hunk(group, edits, colour))
    return out


def _paint_pairs(removed: list[str], added: list[str]) -> list[str]:
    """A block of ``-`` lines and the ``+`` lines that replace it, coloured; when they pair
    up one to one, the changed characters inside each pair are highlighted too."""
    if len(removed) != len(added):
        return [paint(line.rstrip("\n"), "red", True) + "\n" for line in removed] + [
            paint(line.rstrip("\n"), "green", True) + "\n" for line in added
        ]
    minus: list[str] = []
    plus: list[str] = []
    for old_line, new_line in zip(removed, added, strict=True):
        left = ["-"]
        right = ["+"]
        for tag, old, new in char_ops(old_line[1:].rstrip("\n"), new_line[1:].rstrip("\n")):
            left.append(paint(old, "red" if tag == "equal" else "del", True))
            right.append(paint(new, "green" if tag == "equal" else "ins", True))
        minus.append("".join(left) + "\n")
        plus.append("".join(right) + "\n")
    return minus + plus


def _colour_patch(lines: list[str]) -> list[str]:
    out: list[str] = []
    removed: list[str] = []
    added: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("-") and not line.startswith("---") and not added:
            removed.append(line)
            continue
        if line.startswith("+") and not line.startswith("+++") and removed:
            added.append(line)
            continue
        if removed or added:
            out.extend(_paint_pairs(removed, added))
            removed, added = [], []
        if line.startswith("-") and not line.startswith("---"):
            removed.append(line)
            continue
        if not line:
            continue
        style = {"-": "bold", "+": "bold", "@": "cyan"}.get(line[:1], "")
        if line.startswith("+") and not line.startswith("+++"):
            style = "green"
        out.append(paint(line.rstrip("\n"), style, True) + "\n" if style else line)
    return out


def unified_diff(display: str, before: str, after: str, *, colour: bool = False) -> list[str]:
    """The ``patch`` diff: unified diff lines (each ending in a newline); on a colour
    terminal, replaced lines also show their changed characters."""
    if before == after:
        return []
    name = printable(display)
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=name,
        tofile=f"{name} (cleaned)",
        lineterm="\n",
    )
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return _colour_patch(out) if colour else out
