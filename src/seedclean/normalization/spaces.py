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
from seedclean.lazyre import LazyPattern
from seedclean.normalization.chars import CP, HAN
from seedclean.normalization.config import NormalizeConfig

__all__ = ["SPACE_RULES", "space_replacements"]

#: How much cheaper (bits, :func:`seedclean.linebreaks.lexicon.cohesion`) the text must
#: read with a word across the space than with the space as a word boundary.  On
#: ../shared/evaldata, the separators of headline parts and slogans (``不忘初心 牢记使命``)
#: score 0 (747 of 789) and at most 8 (``奋斗有我 国聘行动``), while the OCR spaces in
#: words (``非 常``, ``比 赛``, ``艾哈　迈多夫``) score 9 to 24.
WORD_BITS = 9

# Sentence marks never take a space on either side; paired marks only on their
# inner side: a space outside a quote or title mark may separate headline parts.
_STOPS = "，。、；：？！…"
_OPEN = "“‘（《〈【〔「『〖"
_CLOSE = "”’）》〉】〕」』〗"
_WS = "[ \\t\\u3000]"
_IS_HAN = LazyPattern(f"[{HAN}]").match
_SPACE_BEFORE_HAN = LazyPattern(f" (?=[{HAN}])")
# Every match starts with a space or a line break.  Each alternative below is
# written for the text right after that first character (a lookbehind checks the
# character before it), so the whole pattern starts with one character class and
# the regex engine skips other text at C speed; a pattern starting with a
# lookbehind or a lookahead makes it try every position.  The empty named group
# that ends each alternative tells which rule matched (``Match.lastgroup``).
_PARTS = {
    "newline-final": rf"(?<=\n)(?:(?:{_WS}*\n)+{_WS}*\Z|{_WS}+\Z)",
    # only from the first space of a run (from a later one it would fail too, after
    # rescanning the rest of the run: quadratic on a long run)
    "space-trailing": rf"(?<={_WS})(?<!{_WS}{_WS}){_WS}*(?=\n|\Z)",
    "space-around-punct": (
        rf"(?<=[{_STOPS}{_OPEN}]{_WS}){_WS}*(?=[{HAN}{CP}])"
        rf"|(?<=[{HAN}{CP}]{_WS}){_WS}*(?=[{_STOPS}{_CLOSE}])"
    ),
}
#: The rules of this phase: one pattern each, and ``space-inside-word`` (a word table).
SPACE_RULES = frozenset(_PARTS) | {"space-inside-word"}
_TAIL_RULES = frozenset({"newline-final", "space-trailing"})


@functools.cache
def _pattern(active: frozenset[str]) -> re.Pattern[str] | None:
    parts = [f"(?:{p})(?P<{r.replace('-', '_')}>)" for r, p in _PARTS.items() if r in active]
    return re.compile(f"[\\n{_WS[1:-1]}](?:{'|'.join(parts)})") if parts else None


def space_replacements(
    text: str, active: frozenset[str], config: NormalizeConfig
) -> list[Replacement]:
    """Replacements of the active space rules."""
    active = active & SPACE_RULES
    # ``newline-final`` can only match in the whitespace at the end of the text, and
    # no other match reaches into it: searched for in the rest of the text, it would
    # rescan every run of blank lines from each of its line breaks (quadratic).
    # The tail holds only spaces and line breaks, where ``space-around-punct`` (a mark
    # after the spaces) cannot match: its pattern leaves it out (and the Han class).
    body = len(text.rstrip("\n \t\u3000"))
    head, tail = _pattern(active - {"newline-final"}), _pattern(active & _TAIL_RULES)
    matches = itertools.chain(
        head.finditer(text, 0, body) if head is not None else (),
        tail.finditer(text, body) if tail is not None else (),
    )
    out: list[Replacement] = []
    if "space-inside-word" in active:
        # A plain space first: the engine finds the (few) spaces of Chinese text at C speed.
        for found in _SPACE_BEFORE_HAN.finditer(text):
            pos = found.start()
            if pos > 0 and _IS_HAN(text, pos - 1) and _inside_word(text, pos):
                out.append(Replacement(pos, pos + 1, "", "space-inside-word"))
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


def _inside_word(text: str, pos: int) -> bool:
    """Whether the single space at ``pos`` (between two Han) cuts a word (``设施建 设``).

    A padded two-character name (``王　芳`` in a byline: one Han on each side with
    no Han beyond) stays; otherwise the dictionary decides: the space goes when a
    word runs across it and the text reads at least :data:`WORD_BITS` cheaper so.
    """
    from seedclean.linebreaks.lexicon import WINDOW, cohesion

    before = text[pos - 2 : pos - 1]
    after = text[pos + 2 : pos + 3]
    if not (before and _IS_HAN(before)) and not (after and _IS_HAN(after)):
        return False
    # The windows stop at the first character that is not Han (a line break too).
    # Without a word of the table across the space, the score is 0.
    bits, _ = cohesion(text[max(0, pos - WINDOW) : pos], text[pos + 1 : pos + 1 + WINDOW])
    return bits >= WORD_BITS
