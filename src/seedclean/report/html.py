"""``--html-report FILE``: a review page for a run, split so that it stays small.

``FILE`` is the index: the run's summary, the counts per rule, and the list
of the files that changed (or hold a notice), each with its counts of
structural edits, normalization edits, notices and removed paragraphs, and a
link to that file's own page in the folder ``<stem>_files/`` beside it
(:mod:`seedclean.report.htmlpage`).  Unchanged files are counted, not
listed; skipped files are listed with the reason.  Radio buttons filter the
list by step and by rule (pure CSS, no script).

For ``seedclean dedup --remove`` the index ends with the "Kept copies" list:
the first occurrence of each paragraph removed from another file, with its
file, line and beginning; a removal's page links to its entry.

Nothing is held back: each file's page is written as its result arrives
(one page behind, to link it to the next), and its index row goes to a
temporary file that the index copies at the end.  Everything is written into
temporary names beside ``FILE`` and renamed into place when the run finishes,
so an interrupted run leaves the previous report.  Pages are self-contained
(inline CSS, no scripts, no external assets) and every text is escaped; zip
``FILE`` with its folder to send it.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from urllib.parse import quote as url_quote

from seedclean.report.htmlpage import (
    CSS,
    css_id,
    file_counts,
    file_page,
    radio_filters,
    step_of,
)
from seedclean.report.records import FileResult
from seedclean.report.summary import Summary
from seedclean.report.terminal import printable
from seedclean.report.writer import StreamedFile
from seedclean.rules import all_rules

__all__ = ["HtmlReport", "pages_dir"]

_TEMP_SUFFIX = ".seedclean-tmp"


def pages_dir(path: Path) -> Path:
    """The folder of per-file pages that goes with the index ``path``."""
    return path.with_name(f"{path.stem}_files")


class HtmlReport:
    """Writes the review report one file at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pages = pages_dir(path)
        self._index = StreamedFile(path)
        self._tmp = Path(
            tempfile.mkdtemp(prefix=f".{self._pages.name}.", suffix=_TEMP_SUFFIX, dir=path.parent)
        )
        self._rows = (self._tmp / "index-rows.part").open("w", encoding="utf-8", newline="\n")
        self._pending: tuple[FileResult, Mapping[int, str]] | None = None
        self._pages_written = 0
        self._listed = 0
        self._unchanged = 0
        self._skipped: list[tuple[str, str]] = []
        self._rule_edits: Counter[str] = Counter()
        self._rule_files: Counter[str] = Counter()
        self._kept: list[tuple[str, str, int, str]] = []

    def _page_href(self, number: int) -> str:
        return f"{url_quote(self._pages.name)}/{number}.html"

    def add(self, result: FileResult, elsewhere: Mapping[int, str] | None = None) -> None:
        """Count one file; list it and write its page when it changed or has notices
        (``elsewhere``: edit origin -> anchor of the kept copy in another file)."""
        if result.status == "skipped":
            self._skipped.append((printable(result.display), result.message))
            return
        if not result.edits and not result.notices:
            self._unchanged += result.status != "changed"
            if result.status == "changed":  # re-encoded only: listed, nothing to show
                self._write_row(result, None)
            return
        self._flush(has_next=True)
        self._pending = (result, elsewhere or {})

    def _flush(self, *, has_next: bool) -> None:
        if self._pending is None:
            return
        result, links = self._pending
        self._pending = None
        self._pages_written += 1
        number = self._pages_written
        index_href = f"../{url_quote(self.path.name)}"
        nav = [f'<a href="{index_href}">↑ all files</a>']
        if number > 1:
            nav.append(f'<a href="{number - 1}.html">← previous file</a>')
        if has_next:
            nav.append(f'<a href="{number + 1}.html">next file →</a>')
        page = file_page(
            result,
            title=f"{printable(result.display)} · seedclean review",
            nav=" ".join(nav),
            index_page=index_href,
            elsewhere=links,
        )
        (self._tmp / f"{number}.html").write_text(page, encoding="utf-8", newline="\n")
        self._write_row(result, number)

    def _write_row(self, result: FileResult, number: int | None) -> None:
        counts = file_counts(result)
        self._listed += 1
        self._rule_edits.update(counts.rules)
        self._rule_files.update(counts.rules.keys())
        steps = dict.fromkeys(step_of(rule) for rule in counts.rules)
        classes = " ".join(
            ["file", *(f"s-{css_id(s)}" for s in steps)] + [f"r-{css_id(r)}" for r in counts.rules]
        )
        name = escape(printable(result.display))
        link = f'<a href="{self._page_href(number)}">{name}</a>' if number else name
        top = ", ".join(f"{rule} {n}" for rule, n in counts.rules.most_common(4))
        if len(counts.rules) > 4:
            top += ", …"
        if not result.edits and result.message:
            top = result.message
        self._rows.write(
            f'<tr class="{classes}"><td>{link}</td><td class="n">{counts.structural}</td>'
            f'<td class="n">{counts.normalize}</td><td class="n">{counts.notices}</td>'
            f'<td class="n">{counts.removed}</td><td>{escape(top)}</td></tr>\n'
        )

    def add_kept(self, kept: Sequence[tuple[str, str, int, str]]) -> None:
        """The "Kept copies" list: ``(anchor id, path, line, preview)`` entries."""
        self._kept.extend(kept)

    def _filters(self) -> tuple[str, str]:
        steps: Counter[str] = Counter()
        for rule, n in self._rule_files.items():
            steps[step_of(rule)] += n
        parts = ['<span class="flabel">Files with a step:</span> ']
        css = []
        groups = (("step", steps, "s"), ("rule", self._rule_files, "r"))
        for group, counts, prefix in groups:
            if group == "rule":
                parts.append('<br><span class="flabel">Files with a rule:</span> ')
            parts.append(radio_filters(counts, group, "all"))
            for name in sorted(counts):
                ident = f"{group}-{css_id(name)}"
                css.append(
                    f"#{ident}:checked~main tr.file:not(.{prefix}-{css_id(name)}){{display:none}}"
                )
        return "".join(parts) + "<br>\n", "".join(css)

    def _rule_table(self) -> str:
        order = {rule.id: i for i, rule in enumerate(all_rules())}
        rows = "".join(
            f"<tr><td><code>{escape(rule)}</code></td><td>{escape(step_of(rule))}</td>"
            f'<td class="n">{n}</td><td class="n">{self._rule_files[rule]}</td></tr>'
            for rule, n in sorted(
                self._rule_edits.items(), key=lambda item: order.get(item[0], len(order))
            )
        )
        return (
            "<table><tr><th>rule</th><th>step</th><th>edits and notices</th><th>files</th></tr>"
            f"{rows}</table>"
        )

    def finish(self, summary: Summary) -> None:
        """Write the index and move the report into place."""
        self._flush(has_next=False)
        self._rows.close()
        filters, filter_css = self._filters()
        lines = "<br>".join(escape(line) for line in summary.lines())
        out = self._index
        out.write(
            '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>seedclean review</title><style>{CSS}{filter_css}</style></head><body>\n"
            f'<h1>seedclean review</h1><p class="meta">{lines}</p>\n{filters}<main>'
            f"<h2>Files with changes or notices ({self._listed})</h2>"
            '<p class="meta">Each file has its own page: structural edits first, before and '
            "after side by side; normalization folded.</p>"
            "<table><tr><th>file</th><th>structural</th><th>normalization</th><th>notices</th>"
            "<th>removed paragraphs</th><th>rules</th></tr>\n"
        )
        with (self._tmp / "index-rows.part").open(encoding="utf-8") as rows:
            shutil.copyfileobj(rows, out.handle)
        out.write("</table>")
        if self._unchanged:
            out.write(f'<p class="meta">{self._unchanged} unchanged files are not listed.</p>')
        if self._skipped:
            items = "".join(
                f"<li><code>{escape(name)}</code>: {escape(reason)}</li>"
                for name, reason in self._skipped
            )
            out.write(
                f'<h2>Skipped files ({len(self._skipped)})</h2><ul class="skipped">{items}</ul>'
            )
        out.write(f"<h2>Counts per rule</h2>{self._rule_table()}")
        if self._kept:
            items = "".join(
                f'<li id="{escape(anchor)}"><code>{escape(printable(path))}:{line}</code> '
                f'<span class="kept-text">{escape(paragraph)}</span></li>'
                for anchor, path, line, paragraph in self._kept
            )
            out.write(
                '<h2 id="kept">Kept copies</h2><p class="meta">The first occurrence of each '
                f"paragraph removed from another file, kept where it is.</p><ol>{items}</ol>"
            )
        out.write("</main></body></html>\n")
        (self._tmp / "index-rows.part").unlink()
        self._swap_pages()
        out.commit()

    def _swap_pages(self) -> None:
        old = None
        if self._pages.exists():
            old = self._pages.with_name(f".{self._pages.name}.old{_TEMP_SUFFIX}")
            if old.exists():
                shutil.rmtree(old, ignore_errors=True)
            self._pages.rename(old)
        self._tmp.chmod(0o755)
        self._tmp.rename(self._pages)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Abandon the report (the previous one, if any, stays)."""
        with contextlib.suppress(OSError):
            self._rows.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
        self._index.discard()
