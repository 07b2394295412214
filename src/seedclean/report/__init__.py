"""Reports of a run: summary, check lines, unified diff, JSON and HTML files."""

from __future__ import annotations

from seedclean.report.diff import unified_diff
from seedclean.report.html import HtmlReport, render_text
from seedclean.report.jsonreport import JsonReport, file_record
from seedclean.report.records import FileResult, edit_lines, edit_records, quote
from seedclean.report.summary import Summary

__all__ = [
    "FileResult",
    "HtmlReport",
    "JsonReport",
    "Summary",
    "edit_lines",
    "edit_records",
    "file_record",
    "quote",
    "render_text",
    "unified_diff",
]
