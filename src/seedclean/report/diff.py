"""Unified diffs of what ``clean`` changes (``--diff``), like ``black --diff``.

>>> print("".join(unified_diff("a.txt", "甲,乙\\n", "甲，乙\\n")), end="")
--- a.txt
+++ a.txt (cleaned)
@@ -1 +1 @@
-甲,乙
+甲，乙
"""

from __future__ import annotations

import difflib

__all__ = ["unified_diff"]


def unified_diff(display: str, before: str, after: str) -> list[str]:
    """Diff lines (each ending in a newline) between the text as read and as cleaned."""
    if before == after:
        return []
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=display,
        tofile=f"{display} (cleaned)",
        lineterm="\n",
    )
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return out
