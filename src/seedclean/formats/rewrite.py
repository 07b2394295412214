"""Clean the text cells of a structured file and write them back in place.

:func:`clean_cells` cleans every cell's value with the ordinary pipeline and
splices the re-encoded values back into the file text, so every byte outside
the cleaned cells stays as it was (other fields, key order, spacing, number
formats, quoting).

Each edit keeps the pipeline's ``old``/``new`` (decoded text) and gets an
``origin`` in the file (exact: through the cell's character map, so
``path:line:col`` points at the character in the file), a ``note`` naming the
record (line number and id) and the field, and sequential ``start``/``end`` in
the file that are exact whenever the cell holds no escapes before the edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from seedclean.config import CleanConfig
from seedclean.edits import Edit, Explained, Notice
from seedclean.formats.cells import Cell
from seedclean.pipeline import clean_and_explain

__all__ = ["clean_cells"]


def _where(cell: Cell) -> str:
    ident = f" (id {cell.record_id})" if cell.record_id else ""
    return f"record at line {cell.record}{ident}, field {cell.field!r}"


def clean_cells(
    text: str,
    cells: Sequence[Cell],
    encode: Callable[[str, Cell], str],
    config: CleanConfig | None = None,
) -> Explained:
    """Clean each cell's value and rewrite only the cells that changed.

    Args:
        text: the whole file text.
        cells: the cells to clean, in file order, not overlapping.
        encode: the literal to write for a cleaned value (quoting and escapes
            of the format, in the style of the original literal).
        config: the library configuration.
    """
    pieces: list[str] = []
    edits: list[Edit] = []
    notices: list[Notice] = []
    cursor = 0
    shift = 0  # output length minus input length so far
    for cell in cells:
        result = clean_and_explain(cell.value, config)
        where = _where(cell)
        offsets = cell.offsets
        notices.extend(
            n._replace(
                origin=offsets[max(0, min(n.origin, len(offsets) - 1))],
                message=f"{n.message} [{where}]",
            )
            for n in result.notices
        )
        if result.text == cell.value:
            continue
        literal = encode(result.text, cell)
        inner = cell.start + shift + 1  # first character inside the new literal
        for edit in result.edits:
            origin = offsets[max(0, min(edit.origin, len(offsets) - 1))]
            note = f"{edit.note}; {where}" if edit.note else where
            ref = offsets[edit.ref] if 0 <= edit.ref < len(offsets) else -1
            edits.append(
                Edit(
                    edit.rule,
                    inner + edit.start,
                    inner + edit.end,
                    edit.old,
                    edit.new,
                    origin,
                    note,
                    ref,
                )
            )
        pieces.append(text[cursor : cell.start])
        pieces.append(literal)
        cursor = cell.end
        shift += len(literal) - (cell.end - cell.start)
    if not pieces:
        return Explained(text, (), tuple(notices))
    pieces.append(text[cursor:])
    return Explained("".join(pieces), tuple(edits), tuple(notices))
