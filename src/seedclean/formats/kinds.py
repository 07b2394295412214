"""Which format a file is, and the records' text laid out as lines: parsing only.

Nothing here cleans, so the duplicate search (which reads record files through
:func:`record_view`) depends on the parsers and never on the cleaning pipeline.
:mod:`seedclean.formats` re-exports every name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath

from seedclean.files.errors import SkipFileError

__all__ = [
    "DEFAULT_FIELDS",
    "DELIMITERS",
    "RECORD_KINDS",
    "check_kind",
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
#: The delimiter of each delimited kind.
DELIMITERS = {"csv": ",", "tsv": "\t"}


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
        cells, _ = table_cells(text, tuple(fields), DELIMITERS[kind])
    lines = [""] * (text.count("\n") + 1)
    for cell in cells:
        value = " ".join(cell.value.split())
        if value:
            slot = cell.record - 1
            lines[slot] = f"{lines[slot]} {value}" if lines[slot] else value
    return "\n".join(lines)


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
