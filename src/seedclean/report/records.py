"""What one file's run produced, and how to print its edits one per line.

:class:`FileResult` is what a worker process sends back for each file; the
report writers (summary, JSON, diff, HTML) all read it.  :func:`edit_lines`
formats edits the way ``seedclean check`` prints them
(``path:line:col: rule-id old → new``), with line and column taken from each
edit's ``origin`` in the file as it was read.

>>> from seedclean.edits import Edit
>>> edit_lines("a.txt", "甲,乙\\n", (Edit("punct-comma", 1, 2, ",", "，", 1),), ())
['a.txt:1:2: punct-comma "," → "，"']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from seedclean.edits import Edit, LineIndex, Notice

__all__ = ["FileResult", "edit_lines", "edit_records", "notice_records", "quote"]

_MAX_SHOWN = 40


class FileResult(NamedTuple):
    """The outcome for one file.

    Attributes:
        display: the file's name as messages show it.
        status: ``changed`` (output bytes differ), ``unchanged`` or ``skipped``.
        encoding: encoding the file was read in ("" when not decoded).
        out_encoding: encoding it was (or would be) written in.
        edits: every edit, in order, with ``origin`` in the text as read (empty
            when nothing printed or reported needs them: see ``rule_counts``).
        notices: things found and deliberately left alone (likewise).
        source: the text as read (kept only when a report needs it).
        text: the cleaned text (kept only when a report needs it).
        skip_kind: why it was skipped (a :class:`~seedclean.files.SkipFileError` kind).
        message: the one-line reason for a skip, or a note (e.g. "empty file").
        error: whether the skip is an input error (the run exits 2).
        written: whether a file was written.
        rule_counts: ``(rule, edits)`` in order of first edit, sent instead of
            ``edits`` when they were not kept (a worker then ships a few counts,
            not every edit of the file).
        notice_counts: ``(rule, notices)`` likewise.
    """

    display: str
    status: str
    encoding: str = ""
    out_encoding: str = ""
    edits: tuple[Edit, ...] = ()
    notices: tuple[Notice, ...] = ()
    source: str = ""
    text: str = ""
    skip_kind: str = ""
    message: str = ""
    error: bool = False
    written: bool = False
    rule_counts: tuple[tuple[str, int], ...] = ()
    notice_counts: tuple[tuple[str, int], ...] = ()

    def edits_per_rule(self) -> dict[str, int]:
        """Edits per rule, in order of each rule's first edit (kept edits or the counts sent)."""
        return dict(self.rule_counts) if self.rule_counts else _count(e.rule for e in self.edits)

    def notices_per_rule(self) -> dict[str, int]:
        """Notices per rule, like :meth:`edits_per_rule`."""
        if self.notice_counts:
            return dict(self.notice_counts)
        return _count(n.rule for n in self.notices)

    def edit_total(self) -> int:
        """How many edits the file got."""
        return sum(n for _, n in self.rule_counts) if self.rule_counts else len(self.edits)

    def counted(self) -> FileResult:
        """This result with its edits and notices replaced by their counts per rule."""
        return self._replace(
            edits=(),
            notices=(),
            rule_counts=tuple(self.edits_per_rule().items()),
            notice_counts=tuple(self.notices_per_rule().items()),
        )


def _count(rules: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rule in rules:
        counts[rule] = counts.get(rule, 0) + 1
    return counts


def quote(text: str, limit: int = _MAX_SHOWN) -> str:
    """Show ``text`` quoted with escapes (``\\n``), shortened in the middle when long."""
    if len(text) > limit:
        half = limit // 2
        text = f"{text[:half]}…{text[-half:]}"
    return json.dumps(text, ensure_ascii=False)


def edit_lines(
    display: str, source: str, edits: Sequence[Edit], notices: Sequence[Notice]
) -> list[str]:
    """One ``path:line:col: rule old → new`` line per edit, then one per notice."""
    index = LineIndex(source)
    lines = []
    for edit in edits:
        line, col = index.line_col(max(edit.origin, 0))
        said = f"{display}:{line}:{col}: {edit.rule} {quote(edit.old)} → {quote(edit.new)}"
        if edit.rule.startswith("dedup-") and edit.note:
            # what it repeats and, for a near copy, where it differs (the quote is cut)
            said += f" ({edit.note.partition(': ')[0]})"
        lines.append(said)
    for notice in notices:
        line, col = index.line_col(max(notice.origin, 0))
        where = f"{display}:{line}:{col}"
        lines.append(f"{where}: {notice.rule} (notice, left unchanged) {notice.message}")
    return lines


def edit_records(source: str, edits: Sequence[Edit]) -> list[dict[str, Any]]:
    """JSON-ready records of edits: rule, line, col, origin, old, new, note, replay offsets."""
    index = LineIndex(source)
    records = []
    for edit in edits:
        line, col = index.line_col(max(edit.origin, 0))
        record: dict[str, Any] = {
            "rule": edit.rule,
            "line": line,
            "col": col,
            "origin": edit.origin,
            "old": edit.old,
            "new": edit.new,
            "note": edit.note,
            "start": edit.start,
            "end": edit.end,
        }
        if edit.ref >= 0:
            record["ref_line"], record["ref_col"] = index.line_col(edit.ref)
        records.append(record)
    return records


def notice_records(source: str, notices: Sequence[Notice]) -> list[dict[str, Any]]:
    """JSON-ready records of notices (things reported, not changed)."""
    index = LineIndex(source)
    out = []
    for notice in notices:
        line, col = index.line_col(max(notice.origin, 0))
        out.append(
            {
                "rule": notice.rule,
                "line": line,
                "col": col,
                "origin": notice.origin,
                "message": notice.message,
            }
        )
    return out
