"""Find the text fields of JSON Lines and JSON records, with their places in the file.

Python's :mod:`json` gives values but not where they are, so this module walks
the top level of each record itself (keys and string values with
:func:`json.decoder.scanstring`, anything else with ``raw_decode``) and keeps
the span of each named string field (or of each string in a named array
field, such as a list of paragraphs).  Only the named fields' literals are ever
rewritten; the rest of each line stays byte for byte.

>>> cells, _ = jsonl_cells('{"id": 7, "text": "甲,乙"}\\n', ("text",))
>>> [(c.value, c.record, c.record_id, c.field) for c in cells]
[('甲,乙', 1, '7', 'text')]
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]  # C-accelerated; untyped

from seedclean.files.errors import SkipFileError
from seedclean.formats.cells import Cell

__all__ = ["ID_FIELDS", "encode_json", "json_cells", "jsonl_cells"]

#: Fields tried, in order, for a record's id in reports.
ID_FIELDS = ("id", "_id", "doc_id", "docid", "uuid", "key")

_WS = re.compile(r"[ \t\n\r]*")
_ESCAPE = re.compile(r'\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])')
_DECODER = json.JSONDecoder()


def _offsets(text: str, start: int, end: int, value: str) -> Sequence[int]:
    """File offset of each character of a string literal's value (plus its end)."""
    inner = start + 1
    if end - start - 2 == len(value):  # no escapes: one character per character
        return range(inner, end)
    out: list[int] = []
    pos = inner
    last = end - 1
    while pos < last:
        out.append(pos)
        escape = _ESCAPE.match(text, pos)
        if escape is None:
            pos += 1
            continue
        pos = escape.end()
        code = escape.group()
        if code.startswith("\\u") and 0xD800 <= int(code[2:], 16) < 0xDC00:
            pair = _ESCAPE.match(text, pos)  # a surrogate pair is one character
            if pair is not None and pair.group().startswith("\\u"):
                pos = pair.end()
    out.append(last)
    if len(out) != len(value) + 1:  # never expected; fall back to the literal's start
        return [inner] * (len(value) + 1)
    return out


def _record(
    text: str, pos: int, line: int, fields: Sequence[str], cells: list[Cell], keys: set[str]
) -> int:
    """Walk the object at ``pos``; add its named string fields to ``cells``; return its end."""
    found: list[tuple[str, int, int, str]] = []
    ident = ""
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("}", pos):
        return pos + 1
    while True:
        if not text.startswith('"', pos):
            raise json.JSONDecodeError("expected a key in double quotes", text, pos)
        key, pos = scanstring(text, pos + 1)
        keys.add(key)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if not text.startswith(":", pos):
            raise json.JSONDecodeError("expected ':'", text, pos)
        start = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith('"', start):
            value, pos = scanstring(text, start + 1)
            if key in fields:
                found.append((key, start, pos, value))
            if not ident and key in ID_FIELDS:
                ident = value
        elif key in fields and text.startswith("[", start):
            pos = _strings(text, start, key, found)
        else:
            scalar, pos = _DECODER.raw_decode(text, start)
            if not ident and key in ID_FIELDS and isinstance(scalar, int | float):
                ident = str(scalar)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("}", pos):
            break
        if not text.startswith(",", pos):
            raise json.JSONDecodeError("expected ',' or '}'", text, pos)
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    found.sort(key=lambda f: f[1])
    for key, start, end, value in found:
        cells.append(Cell(start, end, value, _offsets(text, start, end, value), line, ident, key))
    return pos + 1


def _strings(text: str, pos: int, key: str, found: list[tuple[str, int, int, str]]) -> int:
    """Walk an array field: each string in it is a text (``paragraphs[2]``); return its end."""
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", pos):
        return pos + 1
    number = 0
    while True:
        if text.startswith('"', pos):
            value, end = scanstring(text, pos + 1)
            found.append((f"{key}[{number}]", pos, end, value))
            pos = end
        else:
            _, pos = _DECODER.raw_decode(text, pos)
        number += 1
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            return pos + 1
        if not text.startswith(",", pos):
            raise json.JSONDecodeError("expected ',' or ']'", text, pos)
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]


def _problem(exc: json.JSONDecodeError, text: str, what: str) -> SkipFileError:
    line = text.count("\n", 0, exc.pos) + 1
    reason = f"line {line}: not valid {what} ({exc.msg}); file left as it was"
    return SkipFileError("invalid-json", reason)


def jsonl_cells(text: str, fields: Sequence[str]) -> tuple[list[Cell], int]:
    """The named fields of every record of a JSON Lines text, and the number of records.

    Blank lines are kept.  Raises :class:`SkipFileError` naming the first line
    that is not a JSON object.
    """
    cells: list[Cell] = []
    keys: set[str] = set()
    records = 0
    line_start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        begin = _WS.match(text, line_start, line_start + len(line)).end()  # type: ignore[union-attr]
        line_end = line_start + len(line)
        if begin < line_end:
            try:
                if not text.startswith("{", begin):
                    raise json.JSONDecodeError("a JSON Lines record must be an object", text, begin)
                end = _record(text, begin, number, fields, cells, keys)
                rest = _WS.match(text, end, line_end).end()  # type: ignore[union-attr]
                if rest != line_end:
                    raise json.JSONDecodeError("extra data after the record", text, rest)
            except json.JSONDecodeError as exc:
                raise _problem(exc, text, "JSON Lines") from None
            records += 1
        line_start = line_end + 1
    _require_fields(cells, keys, fields, records)
    return cells, records


def json_cells(text: str, fields: Sequence[str]) -> tuple[list[Cell], int]:
    """The named fields of a JSON document: an array of records, or one record."""
    cells: list[Cell] = []
    keys: set[str] = set()
    records = 0
    pos = _WS.match(text).end()  # type: ignore[union-attr]
    try:
        if text.startswith("{", pos):
            end = _record(text, pos, text.count("\n", 0, pos) + 1, fields, cells, keys)
            records = 1
        elif text.startswith("[", pos):
            end, records = _array(text, pos, fields, cells, keys)
        else:
            _, end = _DECODER.raw_decode(text, pos)
        if _WS.match(text, end).end() != len(text):  # type: ignore[union-attr]
            raise json.JSONDecodeError("extra data after the document", text, end)
    except json.JSONDecodeError as exc:
        raise _problem(exc, text, "JSON") from None
    if records == 0:
        raise SkipFileError(
            "no-records", "JSON without records (an object or an array of objects)", error=False
        )
    _require_fields(cells, keys, fields, records)
    return cells, records


def _array(
    text: str, pos: int, fields: Sequence[str], cells: list[Cell], keys: set[str]
) -> tuple[int, int]:
    records = 0
    line = text.count("\n", 0, pos) + 1
    last = pos
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", pos):
        return pos + 1, 0
    while True:
        line += text.count("\n", last, pos)
        last = pos
        if text.startswith("{", pos):
            pos = _record(text, pos, line, fields, cells, keys)
            records += 1
        else:
            _, pos = _DECODER.raw_decode(text, pos)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            return pos + 1, records
        if not text.startswith(",", pos):
            raise json.JSONDecodeError("expected ',' or ']'", text, pos)
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]


def _require_fields(cells: list[Cell], keys: set[str], fields: Sequence[str], records: int) -> None:
    if cells or records == 0:
        return
    named = ", ".join(repr(f) for f in fields)
    seen = ", ".join(sorted(keys)[:12]) or "none"
    raise SkipFileError(
        "no-field",
        f"no text field {named} in its records (fields: {seen}); choose with --field NAME",
    )


def encode_json(value: str, cell: Cell) -> str:
    """A JSON string literal for ``value`` in the style of the cell's literal.

    A literal that escaped its non-ASCII characters (``\\u4e2d``) is written the
    same way; otherwise characters are written as they are.
    """
    return json.dumps(value, ensure_ascii=_escaped_style(cell))


def _escaped_style(cell: Cell) -> bool:
    """Whether the original literal escaped non-ASCII characters (``ensure_ascii`` style)."""
    offsets = cell.offsets
    if isinstance(offsets, range):
        return False  # no escapes at all
    return any(
        ord(char) > 127 and offsets[i + 1] - offsets[i] >= 6 for i, char in enumerate(cell.value)
    )
