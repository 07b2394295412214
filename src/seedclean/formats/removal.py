"""Removing duplicate records from JSON Lines, CSV and TSV files (``dedup --remove``).

A record file is searched as its :func:`~seedclean.formats.record_view`: one
paragraph per record, on the line where the record starts.  What a data
engineer expects from removing a duplicate there is that the later *record*
goes, whole (its id and other fields with it), and the first one stays: so a
removal takes the record's lines (a JSON Lines line, a CSV row with its quoted
line breaks) and nothing else, and the file stays valid, one record per line.
A JSON document (an array) is not rewritten this way: the caller refuses it.

>>> from seedclean.dedup.report import Member
>>> kept = Member("a.jsonl", 0, 1, 0, 5, 5, "甲乙丙丁戊")
>>> copy = Member("a.jsonl", 1, 3, 12, 17, 5, "甲乙丙丁戊")
>>> text = '{"id": 1, "text": "甲乙丙丁戊"}\\n{"id": 2}\\n{"id": 3, "text": "甲乙丙丁戊"}\\n'
>>> (plan,) = record_removals(text, "jsonl", ("text",), "a.jsonl", [Removal(copy, "exact", kept)])
>>> text[plan.start : plan.end], plan.note
('{"id": 3, "text": "甲乙丙丁戊"}\\n', 'record at line 3 (id 3): same as line 1: 甲乙丙丁戊')
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from seedclean.dedup.kind import Kind
from seedclean.dedup.remove import Removal
from seedclean.dedup.report import Member
from seedclean.edits import Replacement
from seedclean.formats.jsonrec import jsonl_cells
from seedclean.formats.kinds import DELIMITERS
from seedclean.formats.table import _rows, table_cells

__all__ = ["REMOVABLE_KINDS", "record_removals", "record_spans"]

#: Record kinds whose duplicate records ``dedup --remove`` removes.
REMOVABLE_KINDS = frozenset({"jsonl", "csv", "tsv"})


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def record_spans(text: str, kind: str) -> dict[int, tuple[int, int]]:
    """Each record's first line (1-based) -> its span in ``text``, line break included.

    JSON Lines: the record's line.  CSV/TSV: from the row's first line to the
    next row's (a quoted field may hold line breaks); the header is not a record.
    """
    starts = _line_starts(text)

    def end_of(line: int) -> int:  # offset after line ``line`` (1-based) and its newline
        return starts[line] if line < len(starts) else len(text)

    if kind == "jsonl":
        return {
            n: (starts[n - 1], end_of(n))
            for n, line in enumerate(text.split("\n"), 1)
            if line.strip()
        }
    if kind not in DELIMITERS:
        raise ValueError(f"records of {kind!r} files are not removed one by one")
    firsts = [line for line, _ in _rows(text, DELIMITERS[kind])][1:]  # after the header
    spans: dict[int, tuple[int, int]] = {}
    for k, line in enumerate(firsts):
        stop = starts[firsts[k + 1] - 1] if k + 1 < len(firsts) else len(text)
        spans[line] = (starts[line - 1], stop)
    return spans


def _where(member: Member, path: str) -> str:
    return f"line {member.line}" if member.path == path else f"{member.path}:{member.line}"


def record_removals(
    text: str, kind: str, fields: Sequence[str], path: str, found: Collection[Removal]
) -> list[Replacement]:
    """The replacements that remove the records of ``found`` (``path``'s removals) from ``text``.

    Each note names the record (line and id) and its kept copy; ``ref`` is the
    kept record's offset when it is in the same file.
    """
    if kind == "jsonl":
        cells, _ = jsonl_cells(text, fields)
    else:
        cells, _ = table_cells(text, fields, DELIMITERS[kind])
    ids = {cell.record: cell.record_id for cell in cells if cell.record_id}
    spans = record_spans(text, kind)
    starts = _line_starts(text)
    plan: list[Replacement] = []
    for removal in sorted(found, key=lambda r: r.member.line):
        line = removal.member.line
        if line not in spans:  # never expected: a member is a record's line of the view
            raise ValueError(f"{path}: no record starts at line {line}")
        start, end = spans[line]
        ident = f" (id {ids[line]})" if line in ids else ""
        kept = removal.kept
        same = f"same as {_where(kept, path)}"
        if removal.via is not None:
            same = f"same as {_where(removal.via, path)}, itself removed as a copy of "
            same += _where(kept, path)
        note = f"record at line {line}{ident}: {same}: {kept.preview}"
        ref = starts[kept.line - 1] if kept.path == path and kept.line <= len(starts) else -1
        plan.append(Replacement(start, end, "", Kind(removal.kind).rule, note, ref))
    return plan
