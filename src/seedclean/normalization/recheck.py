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

from seedclean.normalization import fold
from seedclean.normalization.protect import NARROW_CHARS

__all__ = ["probe_text"]

# What a phase could still act on after a round: half-width brackets and quotes,
# multi-character marks, and half-width marks not wedged between two ASCII
# letters or digits (``3.14``, ``10:30``, ``1,000`` stay as they are in every
# round: no phase changes an ASCII letter or digit).  Full-width symbols are no
# candidates: their context is ASCII letters and digits, which only fold changes.
_PAIRED = "()\"'…⋯―─•‧・･⋅∙"
_SINGLE = ",;:?!.\\-"
_WIDE_TRIGGER = re.compile(r"`|<!--|\]\(")


@functools.cache
def _line_candidates(corners: bool) -> re.Pattern[str]:
    """Candidates judged with the whole line as context (pairs, multi-character marks)."""
    paired = _PAIRED + ("「」『』“”‘’" if corners else "")
    return re.compile(f"(?=[{paired}。－．])(?:[{paired}]|。。。|－－|．．．)")


#: A single half-width mark not wedged between ASCII letters or digits.
_SINGLE_CANDIDATE = re.compile(
    f"(?=[{_SINGLE}])(?:(?<![A-Za-z0-9])[{_SINGLE}]|[{_SINGLE}](?![A-Za-z0-9]))"
)
# A single mark is judged by its run of ASCII (tokenization) and its nearest
# non-space neighbours on the line, all inside this stretch plus one character.
_STRETCH = re.compile(f"[{NARROW_CHARS} \t]*")


def probe_text(text: str, active: frozenset[str]) -> str:
    """The parts of ``text`` a second round could change, joined (``text`` itself if unsure).

    Whole lines around paired and multi-character candidates, and the stretch of
    ASCII and spaces (plus one character each side) around single marks; every
    piece ends with a line break, so pieces never merge into one line.

    Args:
        text: output of one round of the phases.
        active: active rule ids of the step.
    """
    if _WIDE_TRIGGER.search(text) is not None:
        return text  # a comment or code block may span lines: no line-local shortcut
    pieces: list[str] = []
    for pattern in (_line_candidates("punct-corner-quotes" in active), fold.pattern_of(active)):
        if pattern is not None:
            _lines(text, pattern, pieces)
    if _SINGLE_CANDIDATE.search(text) is not None:
        reverse = text[::-1]
        size = len(text)
        for found in _SINGLE_CANDIDATE.finditer(text):
            back = _STRETCH.match(reverse, size - found.start())
            start = size - back.end()  # type: ignore[union-attr]
            end = _STRETCH.match(text, found.end()).end()  # type: ignore[union-attr]
            start -= start > 0 and text[start - 1] != "\n"
            end += end < size and text[end] != "\n"
            pieces.append(text[start:end] + "\n")
    return "".join(pieces)


def _lines(text: str, pattern: re.Pattern[str], pieces: list[str]) -> None:
    pos = 0
    while (found := pattern.search(text, pos)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        if end < 0:  # the last line: end it, so the next piece starts a line
            pieces.append(text[start:] + "\n")
            break
        pieces.append(text[start : end + 1])
        pos = end + 1
