"""The cheap check that replaces a second full round of the phases.

The phases run in one order (fold, pairs, marks, spaces), so a change made by a
later phase can, rarely, give an earlier one something new to do (a comma that
became ``，`` is Chinese context for a straight quote next to it).  Running every
phase over the whole text again would double the cost of the step for text
that almost never needs it.  Every rule of the step is line-local (context is
sought on the same line, pairs never span lines) except inside wide protected
spans, and a phase can only act on a line that holds one of its candidate
characters; the spaces phase, last in a round, leaves no work for itself.  So
the second round needs to look only at lines that still hold a candidate
(usually the few lines with numbers, URLs or unpaired marks): :func:`probe_text`
cuts those lines out, and the step runs the full second round only if the phases
change something there.
"""

from __future__ import annotations

import functools
import re

from seedclean.lazyre import LazyPattern
from seedclean.normalization import fold
from seedclean.normalization.marks import MARK_HOT, MARK_WIDE_FIRST
from seedclean.normalization.pairs import CORNER_MARKS, PAIR_HOT
from seedclean.normalization.protect import NARROW_CHARS
from seedclean.normalization.scan import has_wide_trigger

__all__ = ["probe_text"]

# What a phase could still act on after a round, taken from the phases' own
# tables so a new mark is a candidate without a word here: the pairs phase's
# half-width brackets and quotes, the marks phase's full-width tokens
# (multi-character marks, judged with their line), and its half-width marks
# when not wedged between two ASCII letters or digits (``3.14``, ``10:30``,
# ``1,000`` stay as they are in every round: no phase changes an ASCII letter or
# digit).  Full-width symbols are no candidates: their context is ASCII letters
# and digits, which only fold changes.  Runs of ``。 － ． …`` are candidates only
# at lengths a phase changes (``……`` and ``…………`` are final whatever their context).
_RUNS = "。－．…"
_PAIRED = PAIR_HOT + "".join(c for c in MARK_WIDE_FIRST if c not in _RUNS)
_SINGLE = MARK_HOT
_ASTRAL = "\U00010000-\U0010ffff"


@functools.cache
def _candidates(corners: bool, leftovers: str) -> re.Pattern[str]:
    """One pattern for all candidates: group ``line`` is judged with its whole line
    as context (pairs, multi-character marks, fold leftovers), group ``single`` (a
    half-width mark not wedged between ASCII letters or digits) with its stretch.

    The pattern begins with one plain class (the first character) so the engine
    skips other text at C speed; lookbehinds then tell what that character was.
    """
    paired = _PAIRED + (CORNER_MARKS if corners else "")
    bmp = "".join(c for c in leftovers if ord(c) <= 0xFFFF)
    astral = "".join(c for c in leftovers if ord(c) > 0xFFFF)
    first = f"{paired}{bmp}{_SINGLE}{_RUNS}" + (_ASTRAL if astral else "")
    line = (
        f"(?<=[{paired}{bmp}])|(?<=。)。。|(?<=－)－|(?<=．)．．"
        # a run of … other than …… or …………: one or three, or five and more
        "|(?<=…)(?<!……)(?:|……)(?!…)|(?<=…)(?<!……)…{4,}"
    )
    if astral:
        line += f"|(?<=[{astral}])"
    single = f"(?<=[{_SINGLE}])(?<![A-Za-z0-9].)|(?<=[{_SINGLE}])(?![A-Za-z0-9])"
    return re.compile(f"[{first}](?:(?P<line>{line})|(?P<single>{single}))")


# A single mark is judged by its run of ASCII (tokenization) and its nearest
# non-space neighbours on the line, all inside this stretch plus one character.
_STRETCH = LazyPattern(f"[{NARROW_CHARS} \t]*")
_PAIR_IN_STRETCH = LazyPattern(f"[{PAIR_HOT}]")


def probe_text(text: str, active: frozenset[str]) -> str:
    """The parts of ``text`` a second round could change, joined (``text`` itself if unsure).

    Whole lines around paired and multi-character candidates, and the stretch of
    ASCII and spaces (plus one character each side) around single marks; every
    piece ends with a line break, so pieces never merge into one line.

    Args:
        text: output of one round of the phases.
        active: active rule ids of the step.
    """
    if has_wide_trigger(text):
        return text  # a comment or code block may span lines: no line-local shortcut
    pieces: list[str] = []
    pattern = _candidates("punct-corner-quotes" in active, fold.leftovers_of(active))
    reverse = ""  # the text reversed, built on the first single mark
    size = len(text)
    found = pattern.search(text)
    while found is not None:
        whole_line = found.lastgroup == "line"
        if not whole_line:
            reverse = reverse or text[::-1]
            back = _STRETCH.match(reverse, size - found.start())
            start = size - back.end()  # type: ignore[union-attr]
            end = next_search = _STRETCH.match(text, found.end()).end()  # type: ignore[union-attr]
            start -= start > 0 and text[start - 1] != "\n"
            end += end < size and text[end] != "\n"
            # A bracket or quote in the stretch needs its whole line, like any pair.
            whole_line = _PAIR_IN_STRETCH.search(text, start, end) is not None
        if whole_line:
            start = text.rfind("\n", 0, found.start()) + 1
            end = text.find("\n", found.start())
            end = next_search = size if end < 0 else end
        pieces.append(text[start:end] + "\n")
        # After a stretch, search from its end: the extra character may start a candidate.
        found = pattern.search(text, next_search)
    return "".join(pieces)
