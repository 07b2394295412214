"""Phase 4: spaces at line ends, next to full-width punctuation, and the final newline.

Full-width sentence marks carry their own spacing (GB/T 15834 §5), so a space
next to one, or on the inner side of a bracket or quote, is an extraction artefact
(``中文 ，中文``, ``“ 你好 ”``).  Spaces outside a quote or bracket and between two Han
characters separate headline parts and bylines (``党建引领 融合赋能``) and stay;
spaces next to Latin letters or digits are never added or removed.  Blank lines
inside the text stay: they are evidence for the line-break step.
"""

from __future__ import annotations

import functools
import itertools
import re

from seedclean.edits import Replacement
from seedclean.normalization.chars import CP, HAN
from seedclean.normalization.config import NormalizeConfig

__all__ = ["SPACE_RULES", "space_replacements"]

SPACE_RULES = frozenset({"newline-final", "space-trailing", "space-around-punct"})

# Sentence marks never take a space on either side; paired marks only on their
# inner side: a space outside a quote or title mark may separate headline parts.
_STOPS = "，。、；：？！…"
_OPEN = "“‘（《〈【〔「『〖"
_CLOSE = "”’）》〉】〕」』〗"
_WS = "[ \\t\\u3000]"
# Every match starts with a space or a line break.  Each alternative below is
# written for the text right after that first character (a lookbehind checks the
# character before it), so the whole pattern starts with one character class and
# the regex engine skips other text at C speed; a pattern starting with a
# lookbehind or a lookahead makes it try every position.  The empty named group
# that ends each alternative tells which rule matched (``Match.lastgroup``).
_PARTS = {
    "newline_final": rf"(?<=\n)(?:(?:{_WS}*\n)+{_WS}*\Z|{_WS}+\Z)",
    # only from the first space of a run (from a later one it would fail too, after
    # rescanning the rest of the run: quadratic on a long run)
    "space_trailing": rf"(?<={_WS})(?<!{_WS}{_WS}){_WS}*(?=\n|\Z)",
    "space_around_punct": (
        rf"(?<=[{_STOPS}{_OPEN}]{_WS}){_WS}*(?=[{HAN}{CP}])"
        rf"|(?<=[{HAN}{CP}]{_WS}){_WS}*(?=[{_STOPS}{_CLOSE}])"
    ),
}


@functools.cache
def _pattern(active: frozenset[str]) -> re.Pattern[str] | None:
    parts = [f"(?:{p})(?P<{g}>)" for g, p in _PARTS.items() if g.replace("_", "-") in active]
    return re.compile(f"[\\n{_WS[1:-1]}](?:{'|'.join(parts)})") if parts else None


def space_replacements(
    text: str, active: frozenset[str], config: NormalizeConfig
) -> list[Replacement]:
    """Replacements of the active space rules."""
    active = active & SPACE_RULES
    # ``newline-final`` can only match in the whitespace at the end of the text, and
    # no other match reaches into it: searched for in the rest of the text, it would
    # rescan every run of blank lines from each of its line breaks (quadratic).
    body = len(text.rstrip("\n \t\u3000"))
    head, tail = _pattern(active - {"newline-final"}), _pattern(active)
    matches = itertools.chain(
        head.finditer(text, 0, body) if head is not None else (),
        tail.finditer(text, body) if tail is not None else (),
    )
    out: list[Replacement] = []
    for match in matches:
        group = match.lastgroup
        assert group is not None
        rule = group.replace("_", "-")
        start, end = match.span()
        if rule == "newline-final":
            out.append(Replacement(start, end, "\n", rule))
        elif rule == "space-trailing" and config.keep_markdown_breaks and match.group() == "  ":
            continue
        else:
            out.append(Replacement(start, end, "", rule))
    return out
