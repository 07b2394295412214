"""The edit model: every change any step makes is an :class:`Edit`.

Offsets are *sequential*: an edit's ``start``/``end`` refer to the text as it
stands after every earlier edit in the same sequence has been applied.  That
makes replay a plain left fold (:func:`apply_edits`) and lets a later step's
edits follow an earlier step's without any offset bookkeeping by the caller.

``origin`` is where the edit lands in the text that was handed to the
top-level call (``clean_and_explain`` or a step's ``*_and_explain``); it is
what reports use for ``path:line:col``.

>>> out = splice("a,b", [Replacement(1, 2, "，", "punct-comma")])
>>> out.text
'a，b'
>>> apply_edits("a,b", out.edits) == out.text
True
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

__all__ = [
    "NO_FIXED_POINT",
    "Edit",
    "EditLog",
    "EditMismatchError",
    "Explained",
    "LineIndex",
    "Notice",
    "OffsetMap",
    "Replacement",
    "apply_edits",
    "fixed_point",
    "line_col",
    "offset_maps",
    "restate_lines",
    "splice",
]


class Edit(NamedTuple):
    """One recorded change.

    Attributes:
        rule: stable kebab-case rule id (the same id used in config and docs).
        start: start offset in the text this edit applies to (sequential).
        end: end offset (exclusive) of ``old`` in that text.
        old: the text that was replaced (empty for a pure insertion).
        new: the replacement (empty for a deletion).
        origin: offset of the change in the text given to the top-level call.
        note: free-form context, e.g. which kept paragraph a removed one duplicates.
        ref: offset of related text (e.g. the kept copy of a removed duplicate)
            in the same coordinates as ``origin``; -1 when there is none.
    """

    rule: str
    start: int
    end: int
    old: str
    new: str
    origin: int = -1
    note: str = ""
    ref: int = -1


class Notice(NamedTuple):
    """Something a rule found and deliberately did *not* change (reported only).

    ``start``/``end`` are offsets in the text the rule saw; ``origin`` is the
    offset in the text given to the top-level call.
    """

    rule: str
    start: int
    end: int
    message: str
    origin: int = -1


class Explained(NamedTuple):
    """A cleaned text with the ordered edits that produced it and any notices."""

    text: str
    edits: tuple[Edit, ...] = ()
    notices: tuple[Notice, ...] = ()


class Replacement(NamedTuple):
    """A planned change, with offsets in the *input* of a step (not sequential).

    ``ref`` optionally points at related text in the same input (for example
    the kept copy of a removed duplicate).
    """

    start: int
    end: int
    new: str
    rule: str
    note: str = ""
    ref: int = -1


class EditMismatchError(ValueError):
    """Raised when an edit's ``old`` text is not found where the edit says."""


def splice(text: str, replacements: Iterable[Replacement]) -> Explained:
    """Apply non-overlapping replacements (input offsets) and record them as edits.

    Replacements are sorted by position; overlapping ones raise ``ValueError``
    (a step must resolve its own conflicts).  Replacements that change nothing
    are dropped.  Every step builds its output through this one function.
    """
    ordered = sorted(replacements, key=_span)
    pieces: list[str] = []
    edits: list[Edit] = []
    cursor = 0
    delta = 0
    for begin, end, new, rule, note, ref in ordered:
        if begin < cursor:
            raise ValueError(f"overlapping replacements at {begin} ({rule})")
        old = text[begin:end]
        if old == new:
            continue
        pieces.append(text[cursor:begin])
        pieces.append(new)
        start = begin + delta
        edits.append(Edit(rule, start, start + len(old), old, new, begin, note, ref))
        delta += len(new) - len(old)
        cursor = end
    if not edits:
        return Explained(text)
    pieces.append(text[cursor:])
    return Explained("".join(pieces), tuple(edits))


def _span(rep: Replacement) -> tuple[int, int]:
    return rep[0], rep[1]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Replay ``edits`` on ``text`` in order, checking each edit's ``old`` text.

    Raises:
        EditMismatchError: if an edit does not match the text it is applied to.
    """
    for edit in edits:
        if text[edit.start : edit.end] != edit.old:
            found = text[edit.start : edit.end]
            raise EditMismatchError(
                f"{edit.rule} at {edit.start}: expected {edit.old!r}, found {found!r}"
            )
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


class OffsetMap:
    """Maps offsets in the output of one *monotone run* of edits back to its input.

    A monotone run is a list of sequential edits in which each edit starts at
    or after the output end of the previous one: exactly what one ``splice``
    produces.  Input offsets are derived from the edits themselves (``start``
    minus the length change of the earlier edits), never from ``origin``.  An
    offset that falls inside replacement text maps to the start of the
    replaced span.  Use :func:`offset_maps` for an arbitrary edit list.
    """

    __slots__ = ("_in_starts", "_old_lens", "_out_ends", "_out_starts")

    def __init__(self, edits: Sequence[Edit]) -> None:
        out_starts = [e[1] for e in edits]
        old_lens = [len(e[3]) for e in edits]
        new_lens = [len(e[4]) for e in edits]
        self._out_starts = out_starts
        self._out_ends = [start + n for start, n in zip(out_starts, new_lens, strict=True)]
        self._old_lens = old_lens
        in_starts: list[int] = []
        delta = 0
        for start, old, new in zip(out_starts, old_lens, new_lens, strict=True):
            in_starts.append(start - delta)
            delta += new - old
        self._in_starts = in_starts

    def to_input(self, offset: int) -> int:
        """Return the input offset that ``offset`` in the output came from."""
        i = bisect.bisect_right(self._out_ends, offset) - 1
        nxt = i + 1  # the first edit whose output end is past offset
        if nxt < len(self._out_starts) and self._out_starts[nxt] <= offset:
            return self._in_starts[nxt]
        if i < 0:
            return offset
        return self._in_starts[i] + self._old_lens[i] + (offset - self._out_ends[i])

    def to_inputs(self, offsets: list[int]) -> list[int]:
        """:meth:`to_input` of each of ``offsets`` (negative ones stay as they are)."""
        out_starts, out_ends = self._out_starts, self._out_ends
        in_starts, old_lens = self._in_starts, self._old_lens
        n = len(out_starts)
        found: list[int] = []
        for offset in offsets:
            if offset < 0:
                found.append(offset)
                continue
            i = bisect.bisect_right(out_ends, offset) - 1
            if i + 1 < n and out_starts[i + 1] <= offset:
                found.append(in_starts[i + 1])
            elif i < 0:
                found.append(offset)
            else:
                found.append(in_starts[i] + old_lens[i] + (offset - out_ends[i]))
        return found


def offset_maps(edits: Sequence[Edit]) -> list[OffsetMap]:
    """Split sequential ``edits`` into monotone runs, one :class:`OffsetMap` each.

    Mapping an output offset back to the input means applying the maps in
    reverse order.  A step that makes several internal passes returns one run
    per pass; a single ``splice`` is one run.
    """
    cuts = [0]  # where each run starts
    run_end = -1
    for k, edit in enumerate(edits):
        if edit[1] < run_end:
            cuts.append(k)
        run_end = edit[1] + len(edit[4])
    if len(cuts) == 1:
        return [OffsetMap(edits)] if edits else []
    cuts.append(len(edits))
    return [OffsetMap(edits[a:b]) for a, b in itertools.pairwise(cuts)]


class EditLog:
    """The edits of several splices in a row, each placed in the text the log started from.

    A step that changes its text in passes (and the pipeline, step after step)
    adds each pass's edits here: their ``start``/``end`` stay sequential, their
    ``origin`` and ``ref`` are mapped back through every earlier pass to the
    first input.  This is the one place that mapping is written.

    >>> log = EditLog()
    >>> text = log.splice("a,b", [Replacement(1, 2, "，", "punct-comma")])
    >>> text = log.splice(text, [Replacement(2, 3, "乙", "x")])
    >>> text, [(e.rule, e.start, e.origin) for e in log.edits]
    ('a，乙', [('punct-comma', 1, 1), ('x', 2, 2)])
    """

    __slots__ = ("_maps", "edits")

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self._maps: list[OffsetMap] = []

    def to_input(self, offset: int) -> int:
        """The offset in the first input that ``offset`` in the current text came from.

        A negative offset (no place, as an edit's ``ref`` of -1) stays as it is.
        """
        if offset < 0:
            return offset
        for offset_map in reversed(self._maps):
            offset = offset_map.to_input(offset)
        return offset

    def add(self, edits: Sequence[Edit], note: Callable[[str], str] | None = None) -> None:
        """Record one pass's ``edits`` (sequential, on the current text).

        Their ``origin``/``ref`` are offsets in the text the pass was given; they
        are mapped to the first input.  ``note``, if given, rewrites each edit's
        note (e.g. to restate line numbers in the input's).
        """
        if not edits:
            return
        if self._maps or note is not None:
            origins = [e[5] for e in edits]
            refs = [e[7] for e in edits]
            for offset_map in reversed(self._maps):
                origins = offset_map.to_inputs(origins)
                if refs.count(-1) != len(refs):
                    refs = offset_map.to_inputs(refs)
            self.edits.extend(
                Edit(
                    e[0],
                    e[1],
                    e[2],
                    e[3],
                    e[4],
                    origin,
                    e[6] if note is None else note(e[6]),
                    ref,
                )
                for e, origin, ref in zip(edits, origins, refs, strict=True)
            )
        else:
            self.edits.extend(edits)
        self._maps.extend(offset_maps(edits))

    def splice(self, text: str, replacements: Iterable[Replacement]) -> str | None:
        """:func:`splice` ``replacements`` into ``text`` and record the edits.

        Returns the new text, or ``None`` when nothing changed.
        """
        result = splice(text, replacements)
        if not result.edits:
            return None
        self.add(result.edits)
        return result.text

    def place(self, notice: Notice) -> Notice:
        """``notice`` (offsets in the current text) with its ``origin`` in the first input."""
        return notice._replace(origin=self.to_input(notice.start))


#: The notice of a loop that stopped before reaching a fixed point.
NO_FIXED_POINT = "no-fixed-point"


def fixed_point(
    one_round: Callable[[], bool],
    limit: int,
    what: str,
    settled: Callable[[], bool] | None = None,
) -> Notice | None:
    """Call ``one_round`` until it reports no change, at most ``limit`` times.

    Every repeat-until-stable loop of the package runs through here (the
    pipeline's rounds, normalization's rounds, the line-break passes), so none
    stops silently.  When the last allowed round still changed something, the
    result is a ``no-fixed-point`` notice (at the start of the text) saying that
    running the step again may change its output, unless ``settled`` (a check
    that changes nothing, asked only then) says the output is stable after all.
    ``None`` when the loop reached a fixed point.

    >>> rounds = iter([True, True, False])
    >>> fixed_point(lambda: next(rounds), 3, "test") is None
    True
    >>> print(fixed_point(lambda: True, 2, "test").message)  # doctest: +ELLIPSIS
    test stopped after 2 rounds, the last of which still changed the text: running it again ...
    >>> fixed_point(lambda: True, 2, "test", settled=lambda: True) is None
    True
    """
    for _ in range(limit):
        if not one_round():
            return None
    if settled is not None and settled():
        return None
    message = (
        f"{what} stopped after {limit} rounds, the last of which still changed the text: "
        "running it again may change it"
    )
    return Notice(NO_FIXED_POINT, 0, 0, message, 0)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of ``offset`` in ``text``.

    >>> line_col("ab\\ncd", 3)
    (2, 1)
    """
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


class LineIndex:
    """Fast repeated offset -> (line, column) lookups for one text.

    >>> LineIndex("ab\\ncd").line_col(3)
    (2, 1)
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset``."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def start(self, line: int) -> int:
        """Return the offset where the 1-based ``line`` starts (clamped to the last line)."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]


#: A line number named in a note (``same as line 12: …``).
_LINE_MENTION = re.compile(r"\bline (\d+)")


def restate_lines(
    note: str, written: LineIndex, to_source: Callable[[int], int], source: LineIndex
) -> str:
    """``note`` with each ``line N`` before its first ``": "`` restated in the source's lines.

    A step names lines of the text it was given (``written``); after earlier steps
    joined or removed lines, that is not the input's numbering.  ``to_source`` maps
    an offset of the written text to the input (``source``).  What follows the first
    ``": "`` (a quoted preview) is left as it is.
    """
    head, sep, tail = note.partition(": ")
    if "line " not in head:
        return note

    def restated(match: re.Match[str]) -> str:
        offset = to_source(written.start(int(match.group(1))))
        return f"line {source.line_col(offset)[0]}"

    return _LINE_MENTION.sub(restated, head) + sep + tail
