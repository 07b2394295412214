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

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, NamedTuple

from seedclean.files.errors import SkipFileError

if TYPE_CHECKING:  # the record readers load only for a record file (a prose file needs none)
    from seedclean.config import CleanConfig
    from seedclean.edits import Edit, Explained, Notice
    from seedclean.formats.cells import Cell

__all__ = [
    "DEFAULT_FIELDS",
    "RECORD_KINDS",
    "CleanedRecord",
    "Structured",
    "clean_records",
    "clean_structured",
    "kind_of",
    "record_view",
    "sniff_kind",
]

#: The field cleaned when none is named.
DEFAULT_FIELDS = ("text",)

_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
}
#: Kinds whose named fields are cleaned.
RECORD_KINDS = frozenset(_KINDS.values())
# Structured or binary files that are never prose: skipped with a message.
# fmt: off
_OTHER = frozenset((
    "xml", "yaml", "yml", "toml", "ini", "cfg", "conf", "html", "htm", "xhtml", "svg", "js",
    "ts", "py", "sql", "tex", "bib", "srt", "vtt", "xlsx", "xls", "ods", "parquet", "arrow",
    "feather", "avro", "orc", "pdf", "docx", "doc", "epub", "zip", "gz", "bz2", "xz", "zst",
    "tar", "7z", "png", "jpg", "jpeg", "gif", "tif", "tiff", "webp",
))
# fmt: on
_DELIMITERS = {"csv": ",", "tsv": "\t"}


def kind_of(name: str) -> str:
    """``text``, a record kind (``jsonl``, ``json``, ``csv``, ``tsv``) or ``other``, by name."""
    suffix = PurePath(name).suffix.lower()
    if suffix in _KINDS:
        return _KINDS[suffix]
    return "other" if suffix[1:] in _OTHER else "text"


def sniff_kind(text: str) -> str:
    """The kind of unnamed input (stdin): JSON Lines or JSON when it parses as such, else text.

    JSON when the whole text parses as a JSON array or object, JSON Lines when
    its first line parses as an object; anything else is prose, even when it
    starts with ``[`` (a reference list ``[1] 张三…``, a leading markdown link).

    >>> sniff_kind('{"text": "近年来,广东"}'), sniff_kind("[1] 张三,李四.论文[J].2020.")
    ('jsonl', 'text')
    """
    stripped = text.lstrip()
    if not stripped.startswith(("[", "{")):
        return "text"
    first = stripped.split("\n", 1)[0].strip()
    if first.startswith("{") and _parses(first, dict):
        return "jsonl"
    return "json" if _parses(stripped, (dict, list)) else "text"


def _parses(text: str, kinds: type | tuple[type, ...]) -> bool:
    try:
        return isinstance(json.loads(text), kinds)
    except ValueError:  # JSONDecodeError, or a number too long to convert
        return False


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
    from seedclean.formats.cells import clean_cells
    from seedclean.formats.jsonrec import encode_json, json_cells, jsonl_cells
    from seedclean.formats.table import encode_field, table_cells

    fields = tuple(fields) or DEFAULT_FIELDS
    if kind == "jsonl":
        cells, records = jsonl_cells(text, fields)
        result = clean_cells(text, cells, encode_json, config)
    elif kind == "json":
        cells, records = json_cells(text, fields)
        result = clean_cells(text, cells, encode_json, config)
    elif kind in _DELIMITERS:
        delimiter = _DELIMITERS[kind]
        cells, records = table_cells(text, fields, delimiter)

        def encode(value: str, cell: Cell) -> str:
            return encode_field(value, cell, delimiter)

        result = clean_cells(text, cells, encode, config)
    else:
        raise ValueError(f"not a record format: {kind!r}")
    return Structured(result.text, result.edits, result.notices, records, len(cells))


def record_view(text: str, kind: str, fields: Sequence[str] = DEFAULT_FIELDS) -> str:
    """The records' text fields laid out on the lines where the records start.

    The view has as many lines as ``text``; the line where a record starts holds
    its named fields joined by a space (line breaks inside a value become
    spaces), every other line is empty.  The duplicate search reads it, so a
    repeated record is reported by its line in the file.

    >>> record_view('{"text": "甲"}\\n{"x": 1}\\n{"text": "乙\\\\n丙"}\\n', "jsonl")
    '甲\\n\\n乙 丙\\n'
    """
    from seedclean.formats.jsonrec import json_cells, jsonl_cells
    from seedclean.formats.table import table_cells

    if kind == "jsonl":
        cells, _ = jsonl_cells(text, fields)
    elif kind == "json":
        cells, _ = json_cells(text, fields)
    else:
        cells, _ = table_cells(text, tuple(fields), _DELIMITERS[kind])
    lines = [""] * (text.count("\n") + 1)
    for cell in cells:
        value = " ".join(cell.value.split())
        if value:
            slot = cell.record - 1
            lines[slot] = f"{lines[slot]} {value}" if lines[slot] else value
    return "\n".join(lines)


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


def check_kind(kind: str, name: str) -> None:
    """Raise :class:`SkipFileError` for a structured file that is not a record format."""
    if kind == "other":
        suffix = PurePath(name).suffix or name
        raise SkipFileError(
            "format",
            f"{suffix} files are not prose; skipped (seedclean cleans text and markdown, "
            "and the text fields of .jsonl, .json, .csv and .tsv files)",
            error=False,
        )
