"""``--html-report FILE``: one self-contained page to review a run in a browser.

Per file, the cleaned text is shown with every edit highlighted: inserted or
changed text is underlined and labelled with its rule id, the text it replaced
is shown struck out just before it, and removed text (joins, removed
duplicates) appears as a struck-out marker where it was, with removed line breaks
drawn as ``⏎`` so a repaired paragraph reads as one.  A removed duplicate links
to the kept copy: in the same file, to its place in the text; in another file
(``seedclean dedup --remove``), to a "Kept copies" list that names the file and
line and shows how the kept paragraph begins.  Hovering shows each edit as
``rule: old → new (why)``.  A table of counts per rule and per file closes the
page.  Everything is escaped; there are no scripts and no external assets
(inline CSS only), so the file can be mailed or archived as is.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

from seedclean.edits import Edit
from seedclean.report.marks import Mark, final_marks, forward_offset
from seedclean.report.records import FileResult, quote
from seedclean.report.summary import Summary
from seedclean.report.writer import StreamedFile
from seedclean.rules import all_rules

__all__ = ["HtmlReport", "render_text"]

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em;color:#222}
pre.text{white-space:pre-wrap;line-height:1.9;background:#fafafa;border:1px solid #ddd;
padding:1em;font-family:inherit}
.edit{border-bottom:2px solid #2a7;background:#e6f6ec}
.edit del{color:#b22;background:#fde8e8}
.edit ins{text-decoration:none}
.edit sup{font-size:.6em;color:#555;margin-left:1px;font-family:monospace}
.edit.dedup{border-color:#c60;background:#fff1e0}
.edit.linebreaks{border-color:#36c;background:#e8eefc}
.kept{outline:2px dashed #c60}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .6em}
td.n{text-align:right}.meta{color:#666}.skipped{color:#b22}
"""


def _step_class(edits: Sequence[Edit]) -> str:
    step = _rule_steps().get(edits[-1].rule, "")
    return f" {step}" if step in ("dedup", "linebreaks") else ""


@functools.cache
def _rule_steps() -> dict[str, str]:
    return {rule.id: rule.step for rule in all_rules()}


def _visible(removed: str) -> str:
    """Removed text with its line breaks shown as symbols, so a join does not look like a break."""
    return escape(removed).replace("\n", "⏎")


def _mark_html(mark: Mark, text: str, kept: dict[int, str], elsewhere: Mapping[int, str]) -> str:
    title = "; ".join(
        f"{e.rule}: {quote(e.old)} → {quote(e.new)}" + (f" ({e.note})" if e.note else "")
        for e in mark.edits
    )
    labels = " ".join(dict.fromkeys(e.rule for e in mark.edits))
    removed = _visible(mark.edits[0].old)  # for merged marks: what the first edit replaced
    parts = [f'<span class="edit{_step_class(mark.edits)}" title="{escape(title)}">']
    if removed:
        parts.append(f"<del>{removed}</del>")
    parts.append(f"<ins>{escape(text[mark.start : mark.end])}</ins><sup>{escape(labels)}</sup>")
    for edit in mark.edits:
        if edit.ref >= 0 and edit.ref in kept:
            label = "kept copy" if edit.rule.startswith("dedup-") else "first copy"
            parts.append(f' <a href="#{kept[edit.ref]}">{label}</a>')
        elif edit.ref < 0 and edit.origin in elsewhere:
            parts.append(f' <a href="#{escape(elsewhere[edit.origin])}">kept copy</a>')
    parts.append("</span>")
    return "".join(parts)


def render_text(
    text: str,
    edits: Sequence[Edit],
    file_id: str,
    elsewhere: Mapping[int, str] | None = None,
) -> str:
    """The cleaned ``text`` as escaped HTML with every edit highlighted and labelled.

    ``elsewhere`` maps the ``origin`` of an edit whose kept copy is in another
    file to the id of that copy's entry in the report's "Kept copies" list.
    """
    marks = final_marks(edits)
    kept = {e.ref: f"{file_id}-kept-{e.ref}" for e in edits if e.ref >= 0}
    anchors = sorted((forward_offset(ref, edits), name) for ref, name in kept.items())
    points = sorted(
        [(a, 0, i) for i, (a, _) in enumerate(anchors)]
        + [(m.start, 1, i) for i, m in enumerate(marks)]
    )
    out: list[str] = []
    cursor = 0
    for pos, kind, i in points:
        if pos < cursor:  # an anchor inside an already rendered mark
            pos = cursor
        out.append(escape(text[cursor:pos]))
        cursor = pos
        if kind == 0:
            out.append(f'<a class="kept" id="{anchors[i][1]}"></a>')
        else:
            mark = marks[i]
            out.append(_mark_html(mark, text, kept, elsewhere or {}))
            cursor = mark.end
    out.append(escape(text[cursor:]))
    return "".join(out)


class HtmlReport:
    """Writes the HTML report one file section at a time."""

    def __init__(self, path: Path) -> None:
        self._out = StreamedFile(path)
        self._files: list[tuple[str, str, str, int]] = []
        self._out.write(
            '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>seedclean report</title><style>{_CSS}</style></head><body>\n"
            '<h1>seedclean report</h1><p><a href="#counts">Counts per rule and per file</a></p>\n'
        )

    def add(self, result: FileResult, elsewhere: Mapping[int, str] | None = None) -> None:
        """Append one file's section (``elsewhere``: see :func:`render_text`)."""
        file_id = f"file-{len(self._files) + 1}"
        self._files.append((file_id, result.display, result.status, len(result.edits)))
        head = f'<section class="file" id="{file_id}"><h2>{escape(result.display)}</h2>'
        if result.status == "skipped":
            body = f'<p class="skipped">skipped: {escape(result.message)}</p>'
        else:
            meta = f"{result.status}; {len(result.edits)} edits; read as {result.encoding or '-'}"
            if result.message:
                meta += f"; {result.message}"
            body = f'<p class="meta">{escape(meta)}</p>'
            if result.edits or result.notices:
                notices = "".join(
                    f"<li>{escape(n.rule)}: {escape(n.message)}</li>" for n in result.notices
                )
                if notices:
                    body += f'<ul class="notices">{notices}</ul>'
                text = render_text(result.text, result.edits, file_id, elsewhere)
                body += f'<pre class="text">{text}</pre>'
        self._out.write(head + body + "</section>\n")

    def add_kept(self, kept: Sequence[tuple[str, str, int, str]]) -> None:
        """Append the "Kept copies" list: ``(anchor id, path, line, preview)`` entries."""
        if not kept:
            return
        items = "".join(
            f'<li id="{escape(anchor)}"><code>{escape(path)}:{line}</code> '
            f'<span class="kept-text">{escape(paragraph)}</span></li>'
            for anchor, path, line, paragraph in kept
        )
        self._out.write(
            '<section id="kept"><h2>Kept copies</h2><p class="meta">The first occurrence of '
            "each paragraph removed from another file, kept where it is.</p>"
            f"<ol>{items}</ol></section>\n"
        )

    def finish(self, summary: Summary) -> None:
        """Write the counts tables and move the report into place."""
        rows = "".join(
            f'<tr><td><code>{escape(rule)}</code></td><td class="n">{n}</td></tr>'
            for rule, n in summary.rules.most_common()
        )
        files = "".join(
            f'<tr><td><a href="#{fid}">{escape(name)}</a></td><td>{status}</td>'
            f'<td class="n">{n}</td></tr>'
            for fid, name, status, n in self._files
        )
        lines = "<br>".join(escape(line) for line in summary.lines())
        self._out.write(
            f'<section id="counts"><h2>Counts</h2><p>{lines}</p>'
            f"<table><tr><th>rule</th><th>edits</th></tr>{rows}</table>"
            f"<table><tr><th>file</th><th>status</th><th>edits</th></tr>{files}</table>"
            "</section></body></html>\n"
        )
        self._out.commit()

    def discard(self) -> None:
        """Abandon the report."""
        self._out.discard()
