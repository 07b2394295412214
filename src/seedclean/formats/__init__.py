"""File formats: prose (``.txt``, ``.md``), records (JSON Lines, JSON, CSV, TSV), and the rest.

Prose files are cleaned whole.  In a record file only the named text fields
(``--field``, default ``text``) are cleaned, each value on its own, and only
those values are rewritten: the output is still valid JSON Lines / JSON / CSV
with one record where each was, and every other byte as it was.  Any other
structured file (XML, YAML, TOML, spreadsheets, archives, …) is skipped with a
message, never cleaned as prose.  ``docs/formats.md`` explains each format.

>>> kind_of("corpus/part-0001.jsonl"), kind_of("page.md"), kind_of("config.yaml")
('jsonl', 'text', 'other')
>>> from seedclean import CleanConfig
>>> out = clean_structured('{"id": 1, "text": "甲,乙"}\\n', "jsonl", ("text",))
>>> out.text
'{"id": 1, "text": "甲，乙"}\\n'
>>> [(e.rule, e.note) for e in out.edits]
[('punct-comma', "record at line 1 (id 1), field 'text'")]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from seedclean.formats.kinds import (
    DEFAULT_FIELDS,
    DELIMITERS,
    RECORD_KINDS,
    check_kind,
    kind_of,
    record_view,
    sniff_kind,
)

if TYPE_CHECKING:  # the record readers load only for a record file (a prose file needs none)
    from seedclean.config import CleanConfig
    from seedclean.edits import Edit, Explained, Notice
    from seedclean.formats.cells import Cell

__all__ = [
    "DEFAULT_FIELDS",
    "RECORD_KINDS",
    "CleanedRecord",
    "Structured",
    "check_kind",
    "clean_records",
    "clean_structured",
    "kind_of",
    "record_view",
    "sniff_kind",
]


class Structured(NamedTuple):
    """A cleaned record file.

    Attributes:
        text: the file text with the cleaned fields written back.
        edits: every edit, ``origin`` in the file, ``note`` naming record and field.
        notices: things found and left alone, placed the same way.
        records: how many records the file holds.
        cells: how many text fields were cleaned.
    """

    text: str
    edits: tuple[Edit, ...]
    notices: tuple[Notice, ...]
    records: int
    cells: int


def clean_structured(
    text: str, kind: str, fields: Sequence[str] = DEFAULT_FIELDS, config: CleanConfig | None = None
) -> Structured:
    """Clean the named text fields of a record file's text.

    Args:
        text: the whole file, decoded.
        kind: ``jsonl``, ``json``, ``csv`` or ``tsv`` (see :func:`kind_of`).
        fields: field or column names whose string values are cleaned.
        config: the library configuration.

    Raises:
        SkipFileError: the text is not valid for its kind, or no record has any
            of the fields (the message lists the fields it has).
    """
    from seedclean.formats.jsonrec import encode_json, json_cells, jsonl_cells
    from seedclean.formats.rewrite import clean_cells
    from seedclean.formats.table import encode_field, table_cells

    fields = tuple(fields) or DEFAULT_FIELDS
    if kind == "jsonl":
        cells, records = jsonl_cells(text, fields)
        result = clean_cells(text, cells, encode_json, config)
    elif kind == "json":
        cells, records = json_cells(text, fields)
        result = clean_cells(text, cells, encode_json, config)
    elif kind in DELIMITERS:
        delimiter = DELIMITERS[kind]
        cells, records = table_cells(text, fields, delimiter)

        def encode(value: str, cell: Cell) -> str:
            return encode_field(value, cell, delimiter)

        result = clean_cells(text, cells, encode, config)
    else:
        raise ValueError(f"not a record format: {kind!r}")
    return Structured(result.text, result.edits, result.notices, records, len(cells))


class CleanedRecord(NamedTuple):
    """One record from :func:`clean_records`: a copy with cleaned fields, and what changed.

    Attributes:
        record: a shallow copy of the input record with the named fields cleaned.
        results: for each named field holding a string, its :class:`Explained`.
    """

    record: dict[str, Any]
    results: dict[str, Explained]


def clean_records(
    records: Iterable[Mapping[str, Any]],
    fields: Sequence[str] = DEFAULT_FIELDS,
    config: CleanConfig | None = None,
) -> Iterator[CleanedRecord]:
    """Clean the named string fields of each record of a stream (lazily, one at a time).

    Other fields are copied untouched; a field that is missing or not a string
    is left alone (and absent from ``results``).

    >>> rows = [{"id": 1, "text": "甲,乙", "n": 3}, {"id": 2}]
    >>> [r.record for r in clean_records(rows)]
    [{'id': 1, 'text': '甲，乙', 'n': 3}, {'id': 2}]
    """
    from seedclean.pipeline import clean_and_explain

    for record in records:
        copy = dict(record)
        results: dict[str, Explained] = {}
        for field in fields:
            value = copy.get(field)
            if isinstance(value, str):
                explained = clean_and_explain(value, config)
                results[field] = explained
                copy[field] = explained.text
        yield CleanedRecord(copy, results)
