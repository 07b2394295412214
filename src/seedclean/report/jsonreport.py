"""``--report FILE.json``: every edit of every file, notices and the summary.

Shape (stable; ``version`` changes if it ever does)::

    {"version": 1,
     "files": [{"path", "status", "encoding", "out_encoding", "message",
                "edits": [{"rule", "line", "col", "origin", "old", "new", "note",
                           "start", "end", ["ref_line", "ref_col"]}],
                "notices": [{"rule", "line", "col", "origin", "message"}]}],
     "summary": {...}}

``line``/``col``/``origin`` locate an edit in the file as read; ``start``/``end``
are the sequential offsets that replay the edits (``seedclean.apply_edits``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

from seedclean.report.records import FileResult, edit_records, notice_records
from seedclean.report.summary import Summary
from seedclean.report.writer import StdoutStream, StreamedFile

__all__ = ["JsonReport", "file_record"]


def file_record(result: FileResult) -> dict[str, Any]:
    """The JSON record of one file."""
    return {
        "path": result.display,
        "status": result.status,
        "encoding": result.encoding,
        "out_encoding": result.out_encoding,
        "message": result.message,
        "edits": edit_records(result.source, result.edits),
        "notices": notice_records(result.source, result.notices),
    }


class JsonReport:
    """Writes the JSON report one file at a time."""

    def __init__(self, path: Path | None = None, *, stream: IO[str] | None = None) -> None:
        self._out: StreamedFile | StdoutStream = (
            StreamedFile(path) if path is not None else StdoutStream(stream or sys.stdout)
        )
        self._out.write('{"version": 1, "files": [')
        self._first = True

    def add(self, result: FileResult) -> None:
        """Append one file's record."""
        sep = "\n" if self._first else ",\n"
        self._first = False
        self._out.write(sep + json.dumps(file_record(result), ensure_ascii=False))

    def finish(self, summary: Summary) -> None:
        """Write the summary and move the report into place."""
        self._out.write('\n], "summary": ' + json.dumps(summary.to_json(), ensure_ascii=False))
        self._out.write("}\n")
        self._out.commit()

    def discard(self) -> None:
        """Abandon the report (the previous one, if any, stays)."""
        self._out.discard()
