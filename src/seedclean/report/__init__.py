"""Reports of a run: summary, check lines, diffs, JSON, CI formats and the review page."""

from __future__ import annotations

from seedclean.report.diff import char_diff, unified_diff
from seedclean.report.html import HtmlReport
from seedclean.report.jsonreport import JsonReport, file_record
from seedclean.report.records import FileResult, edit_lines, edit_records, quote
from seedclean.report.summary import Summary

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
