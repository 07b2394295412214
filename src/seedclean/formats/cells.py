"""Text cells of a structured file: where a field's text sits.

A :class:`Cell` is one string value of a record (a JSON string literal, a CSV
field) with its span in the file and a map from each character of the decoded
value to its offset in the file.  The parsers (:mod:`seedclean.formats.jsonrec`,
:mod:`seedclean.formats.table`) find them; :mod:`seedclean.formats.rewrite`
cleans them.  This module imports nothing of the package, so the parsers (and
the duplicate search, which reads records through them) never depend on the
cleaning pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Cell"]


class Cell(NamedTuple):
    """One text value of one record.

    Attributes:
        start: offset of the literal (opening quote included) in the file text.
        end: offset just after the literal.
        value: the decoded text.
        offsets: file offset of each character of ``value``, plus one for its end.
        record: the record's line number in the file (1-based).
        record_id: the record's id (its ``id`` field or similar), or "".
        field: the field name.
    """

    start: int
    end: int
    value: str
    offsets: Sequence[int]
    record: int
    record_id: str
    field: str
