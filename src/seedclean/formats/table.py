"""Find the text columns of CSV and TSV files, with their places in the file.

The first record is the header; ``--field`` names columns by header.  Fields
are read as RFC 4180 has them (a field in double quotes may hold the delimiter,
line breaks and doubled quotes), with one tolerance for TSV and hand-made CSV:
a field that starts with a quote but does not end with one right before a
delimiter or line end is read as plain text.  Only the chosen columns' fields
are rewritten; a rewritten field is quoted when it was quoted or now needs it.

>>> cells, _ = table_cells('id,text\\n1,"甲,乙"\\n', ("text",), ",")
>>> [(c.value, c.record, c.record_id) for c in cells]
[('甲,乙', 2, '1')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from seedclean.files.errors import SkipFileError
from seedclean.formats.cells import Cell
from seedclean.formats.jsonrec import ID_FIELDS

__all__ = ["encode_field", "table_cells"]


@functools.cache
def _patterns(delimiter: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = re.escape(delimiter)
    quoted = re.compile(rf'"((?:[^"]|"")*)"(?=[{d}\r\n]|\Z)')
    plain = re.compile(rf"[^{d}\r\n]*")
    return quoted, plain


def _offsets(start: int, end: int, value: str, quoted: bool) -> Sequence[int]:
    if not quoted:
        return range(start, end + 1)
    if end - start - 2 == len(value):
        return range(start + 1, end)
    out: list[int] = []
    pos = start + 1
    for char in value:
        out.append(pos)
        pos += 2 if char == '"' else 1
    out.append(pos)
    return out


def _rows(text: str, delimiter: str) -> list[tuple[int, list[tuple[int, int, str, bool]]]]:
    """Records as (line number, fields as (start, end, value, quoted))."""
    quoted, plain = _patterns(delimiter)
    rows: list[tuple[int, list[tuple[int, int, str, bool]]]] = []
    pos = 0
    line = 1
    size = len(text)
    while pos < size:
        fields: list[tuple[int, int, str, bool]] = []
        first_line = line
        while True:
            match = quoted.match(text, pos) if text.startswith('"', pos) else None
            if match is not None:
                value = match.group(1).replace('""', '"')
                fields.append((pos, match.end(), value, True))
                line += text.count("\n", pos, match.end())
            else:
                match = plain.match(text, pos)
                assert match is not None
                fields.append((pos, match.end(), match.group(), False))
            pos = match.end()
            if text.startswith(delimiter, pos):
                pos += len(delimiter)
                continue
            break
        if text.startswith("\r\n", pos):
            pos += 2
        elif pos < size:
            pos += 1
        line += 1
        if not (len(fields) == 1 and fields[0][0] == fields[0][1]):  # skip blank lines
            rows.append((first_line, fields))
    return rows


def table_cells(text: str, fields: Sequence[str], delimiter: str) -> tuple[list[Cell], int]:
    """The chosen columns' fields of every record after the header, and the record count."""
    rows = _rows(text, delimiter)
    if not rows:
        return [], 0
    header = [value.strip() for _, _, value, _ in rows[0][1]]
    columns = [i for i, name in enumerate(header) if name in fields]
    if not columns:
        named = ", ".join(repr(f) for f in fields)
        seen = ", ".join(header[:12]) or "none"
        reason = f"no column {named} in the header (columns: {seen}); choose with --field NAME"
        raise SkipFileError("no-field", reason)
    id_column = next((header.index(f) for f in ID_FIELDS if f in header), -1)
    cells: list[Cell] = []
    for line, row in rows[1:]:
        ident = row[id_column][2] if 0 <= id_column < len(row) else ""
        for i in columns:
            if i < len(row):
                start, end, value, quoted = row[i]
                offsets = _offsets(start, end, value, quoted)
                cells.append(Cell(start, end, value, offsets, line, ident, header[i]))
    return cells, len(rows) - 1


def encode_field(value: str, cell: Cell, delimiter: str) -> str:
    """The field as written: quoted (quotes doubled) if it was, or if it now must be."""
    was_quoted = cell.offsets[0] != cell.start
    if was_quoted or any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value
