"""The seam decision table in docs/line-breaks.md is the code's table, row by row.

Each row of ``linebreaks/table.py`` ``TABLE`` is a row of the documented table,
in the same order, with the same outcome (join or break, hard or soft); the
documented table ends with the ``otherwise`` row.  A row added, moved or
re-weighted in one place and not the other fails here.
"""

from __future__ import annotations

from pathlib import Path

from seedclean.linebreaks.table import TABLE, Row

DOC = Path(__file__).resolve().parents[2] / "docs" / "line-breaks.md"
_HEADER = "| # | row | outcome |"


def _documented_rows() -> list[tuple[str, str]]:
    """(number, outcome) of each row of the documented decision table."""
    text = DOC.read_text(encoding="utf-8")
    assert text.count(_HEADER) == 1
    rows = []
    for line in text[text.index(_HEADER) :].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        rows.append((cells[0], cells[-1]))
    return rows


def _outcome(row: Row) -> str:
    if row.join:
        return f"join ({'hard' if row.hard else 'soft'})"
    return "break" if row.hard else "break (soft)"


def test_the_documented_table_has_the_codes_rows_in_order() -> None:
    documented = _documented_rows()
    assert documented[-1] == ("–", "break"), "the table ends with 'otherwise: break'"
    rows = documented[:-1]
    assert len(rows) == len(TABLE), [number for number, _ in rows]
    for (number, outcome), row in zip(rows, TABLE, strict=True):
        assert outcome == _outcome(row), f"row {number} ({row.name}): docs say {outcome}"


def test_row_numbers_read_top_down() -> None:
    numbers = [number for number, _ in _documented_rows()[:-1]]
    keys = [(int(n.rstrip("abcdefghi")), n.lstrip("0123456789")) for n in numbers]
    assert keys == sorted(keys)
    assert len(set(numbers)) == len(numbers)
