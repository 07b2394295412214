"""Reports of a run: summary, check lines, diffs, JSON, CI formats and the review page.

Each part loads on first use (PEP 562), so ``seedclean check`` on one file does
not import the diff, the review page or rapidfuzz.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from seedclean._lazy import lazy_exports

if TYPE_CHECKING:
    from seedclean.report.diff import char_diff, unified_diff
    from seedclean.report.html import HtmlReport
    from seedclean.report.jsonreport import JsonReport, file_record
    from seedclean.report.records import FileResult, edit_lines, edit_records, quote
    from seedclean.report.summary import Summary

_EXPORTS: dict[str, str] = {
    "FileResult": "seedclean.report.records",
    "HtmlReport": "seedclean.report.html",
    "JsonReport": "seedclean.report.jsonreport",
    "Summary": "seedclean.report.summary",
    "char_diff": "seedclean.report.diff",
    "edit_lines": "seedclean.report.records",
    "edit_records": "seedclean.report.records",
    "file_record": "seedclean.report.jsonreport",
    "quote": "seedclean.report.records",
    "unified_diff": "seedclean.report.diff",
}

__all__ = [
    "FileResult",
    "HtmlReport",
    "JsonReport",
    "Summary",
    "char_diff",
    "edit_lines",
    "edit_records",
    "file_record",
    "quote",
    "unified_diff",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
