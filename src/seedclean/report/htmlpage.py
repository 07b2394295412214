"""One file's page of the review report (``--html-report``): its changed rows.

A file is shown as the rows of :func:`seedclean.report.align.rows` that
changed (or hold a notice), each row being the lines as read and what they
became, with the changed characters marked:

* rows with a *structural* edit (line-break repair: joins, relocations, seam
  overlaps; removed duplicates) or a structural notice (``seam-unresolved``)
  come first, before and after side by side, each edit listed with its rule,
  place and note, and a removed duplicate with the place of its kept copy;
  deleted text is always shown in full, struck out;
* rows changed only by normalization (punctuation, width) follow, folded
  (a switch shows them), each as one line with ``old→new`` marks;
* filters (radio buttons, pure CSS: the page has no script) show one step
  or one rule at a time.

The page is self-contained: inline CSS, no script, no external asset, all
text escaped.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from typing import NamedTuple

from seedclean.edits import Edit, LineIndex, Notice
from seedclean.report.align import Row, char_ops, rows
from seedclean.report.diff import visible
from seedclean.report.records import FileResult, quote
from seedclean.report.terminal import printable
from seedclean.rules import all_rules

__all__ = [
    "CSS",
    "FileCounts",
    "file_counts",
    "file_page",
    "is_structural",
    "radio_filters",
    "step_of",
]

CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:1.5em 2em;color:#222}
nav{margin-bottom:.5em}nav a{margin-right:1em}
.meta{color:#555}.skipped{color:#b22}
body>label{display:inline-block;margin:.15em .8em .15em 0;padding:.1em .4em;border:1px solid #ccc;
border-radius:3px;cursor:pointer;font-size:.9em}
body>input{position:absolute;opacity:0}body>input:focus-visible+label{outline:2px solid #36c}
body>input:checked+label{background:#e8eefc;border-color:#36c}.flabel{font-weight:bold}
.row{border:1px solid #ddd;border-radius:4px;margin:.8em 0;padding:.4em .6em;background:#fff}
.row h3{font-size:.9em;font-weight:normal;margin:.1em 0 .4em;color:#444}
.row ul{margin:.2em 0 .5em;padding-left:1.2em;font-size:.85em;color:#333}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.6em}
.pair>div,.inline{white-space:pre-wrap;line-height:1.8;background:#fafafa;border:1px solid #eee;
padding:.4em .6em;overflow-wrap:anywhere}
.pair>div:before{display:block;font-size:.75em;color:#888}
.pair>.before:before{content:"before (as read)"}.pair>.after:before{content:"after"}
del{color:#a11;background:#fde2e2;text-decoration:line-through}
ins{color:#075;background:#d9f5e3;text-decoration:none}
.gone{color:#888;font-style:italic}
.cut{color:#888;font-size:.8em;background:#eee;border-radius:3px;padding:0 .3em;margin:0 .2em}
.removed .before del{text-decoration:none}
code.rule{font-size:.85em;padding:0 .3em;border-radius:3px;background:#eef}
.s-linebreaks code.rule{background:#dde7fb}.s-dedup code.rule{background:#ffe7cc}
.notice{color:#7a4b00}
table{border-collapse:collapse;margin:.6em 0}
td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
td.n{text-align:right}
#show-fold:not(:checked)~main .fold{display:none}
"""

_STRUCTURAL_STEPS = ("linebreaks", "dedup")


@functools.cache
def _steps() -> dict[str, str]:
    return {rule.id: rule.step for rule in all_rules()}


def step_of(rule: str) -> str:
    """The step of a rule id; an id not in the registry counts as structural (``linebreaks``
    for ``seam-*`` notices, else ``other``)."""
    return _steps().get(rule, "linebreaks" if rule.startswith("seam") else "other")


def is_structural(rule: str) -> bool:
    """Whether the rule changes the text's structure (joins, moves, removals)."""
    return step_of(rule) in (*_STRUCTURAL_STEPS, "other")


def css_id(name: str) -> str:
    """A rule id or step name made safe as an HTML id and class."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)


class FileCounts(NamedTuple):
    """What one file's page holds, for the index."""

    structural: int
    normalize: int
    notices: int
    removed: int
    rules: Counter[str]


def file_counts(result: FileResult) -> FileCounts:
    """Counts of one file's edits and notices."""
    rules = Counter(e.rule for e in result.edits)
    rules.update(n.rule for n in result.notices)
    structural = sum(
        n for rule, n in Counter(e.rule for e in result.edits).items() if is_structural(rule)
    )
    removed = sum(e.rule.startswith("dedup-") and not e.new for e in result.edits)
    return FileCounts(
        structural, len(result.edits) - structural, len(result.notices), removed, rules
    )


# Text further than this from a structural edit is cut from its row's side-by-side view
# (its normalization changes are counted in the cut marker and listed in the row's
# header); changed and deleted text near a structural edit is always shown in full.
CONTEXT = 60


def _clip(intervals: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The parts of ``[lo, hi)`` inside the (sorted, merged) ``intervals``."""
    return [(max(a, lo), min(b, hi)) for a, b in intervals if a < hi and b > lo]


def _cut(chars: int, changes: int) -> str:
    what = f"{chars} characters" + (f", {changes} normalization edits" if changes else "")
    return f'<span class="cut">⋯ {what} ⋯</span>'


def _marked(
    before: str, after: str, windows: list[tuple[int, int]] | None = None
) -> tuple[str, str, str]:
    """(before with deletions marked, after with insertions marked, one merged line).

    With ``windows`` (sorted, merged ``[start, end)`` spans of ``before``), only the
    text inside them is shown; the rest becomes cut markers.
    """
    left: list[str] = []
    right: list[str] = []
    merged: list[str] = []
    hidden = [0, 0]  # characters and changes cut since the last shown text

    def flush() -> None:
        if hidden[0] or hidden[1]:
            marker = _cut(hidden[0], hidden[1])
            left.append(marker)
            right.append(marker)
            merged.append(marker)
            hidden[0] = hidden[1] = 0

    pos = 0
    for tag, old, new in char_ops(before, after):
        lo, hi = pos, pos + len(old)
        pos = hi
        if tag == "equal":
            parts = [(lo, hi)] if windows is None else _clip(windows, lo, hi)
            cursor = lo
            for a, b in parts:
                hidden[0] += a - cursor
                flush()
                text = escape(before[a:b])
                left.append(text)
                right.append(text)
                merged.append(text)
                cursor = b
            hidden[0] += hi - cursor
            continue
        if windows is not None and not any(a <= hi and b >= lo for a, b in windows):
            hidden[0] += len(old)
            hidden[1] += 1
            continue
        flush()
        if old:
            shown = f"<del>{escape(visible(old))}</del>"
            left.append(shown)
            merged.append(shown)
        if new:
            shown = f"<ins>{escape(visible(new))}</ins>"
            right.append(shown)
            merged.append(shown)
    flush()
    return "".join(left), "".join(right), "".join(merged)


def _windows(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Sorted, merged ``[start - CONTEXT, end + CONTEXT)`` windows inside ``[0, size)``."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        a, b = max(0, a - CONTEXT), min(size, b + CONTEXT)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _edit_item(edit: Edit, index: LineIndex, elsewhere: Mapping[int, str], index_page: str) -> str:
    line, col = index.line_col(max(edit.origin, 0))
    text = (
        f'<li><code class="rule">{escape(edit.rule)}</code> {line}:{col} '
        f"{escape(quote(visible(edit.old), 60))} → {escape(quote(visible(edit.new), 60))}"
    )
    if edit.note:
        text += f' <span class="meta">({escape(edit.note)})</span>'
    if edit.ref >= 0:
        ref_line, _ = index.line_col(edit.ref)
        label = "kept copy" if edit.rule.startswith("dedup-") else "related text"
        text += f" · {label} at line {ref_line}"
    elif edit.origin in elsewhere:
        anchor = escape(elsewhere[edit.origin])
        text += f' · <a href="{escape(index_page)}#{anchor}">kept copy in another file</a>'
    return text + "</li>"


def _notice_item(notice: Notice, index: LineIndex) -> str:
    line, col = index.line_col(max(notice.origin, 0))
    return (
        f'<li class="notice"><code class="rule">{escape(notice.rule)}</code> {line}:{col} '
        f"notice, left unchanged: {escape(notice.message)}</li>"
    )


def _row_notices(
    row_rows: Sequence[Row], notices: Sequence[Notice], source: str
) -> list[list[int]]:
    """Per row, the indexes of the notices whose origin falls in it."""
    starts = []
    pos = 0
    for row in row_rows:
        starts.append(pos)
        pos += len(row.before)
    out: list[list[int]] = [[] for _ in row_rows]
    for k, notice in enumerate(notices):
        i = bisect.bisect_right(starts, max(notice.origin, 0)) - 1
        if 0 <= i < len(out):
            out[i].append(k)
    return out


def radio_filters(counts: Mapping[str, int], group: str, label: str) -> str:
    """CSS-only filter buttons: one radio for all, one per name with its count."""
    items = [
        f'<input type="radio" name="{group}" id="{group}-all" checked>'
        f'<label for="{group}-all">{label}</label>'
    ]
    for name, n in sorted(counts.items()):
        ident = f"{group}-{css_id(name)}"
        items.append(
            f'<input type="radio" name="{group}" id="{ident}">'
            f'<label for="{ident}">{escape(name)} ({n})</label>'
        )
    return "".join(items)


def _filter_css(steps: Sequence[str], rules: Sequence[str]) -> str:
    css = []
    for step in steps:
        ident = css_id(step)
        css.append(f"#step-{ident}:checked~main .row:not(.s-{ident}){{display:none}}")
        if step not in _STRUCTURAL_STEPS:
            css.append(f"#step-{ident}:checked~main .fold{{display:block}}")
    for rule in rules:
        ident = css_id(rule)
        css.append(f"#rule-{ident}:checked~main .row:not(.r-{ident}){{display:none}}")
        css.append(f"#rule-{ident}:checked~main .fold{{display:block}}")
    return "".join(css)


def file_page(
    result: FileResult,
    *,
    title: str,
    nav: str,
    index_page: str,
    elsewhere: Mapping[int, str] | None = None,
) -> str:
    """The whole HTML page of one file (``elsewhere``: edit origin -> anchor of its kept
    copy in the index's "Kept copies" list)."""
    links = elsewhere or {}
    name = printable(result.display)
    edits = result.edits
    index = LineIndex(result.source)
    all_rows = rows(result.source, result.text, edits)
    notices_at = _row_notices(all_rows, result.notices, result.source)
    counts = file_counts(result)
    step_counts: Counter[str] = Counter()
    for rule, n in counts.rules.items():
        step_counts[step_of(rule)] += n
    structural_rows: list[str] = []
    folded_rows: list[str] = []
    row_start = 0
    for row, notice_ids in zip(all_rows, notices_at, strict=True):
        offset = row_start
        row_start += len(row.before)
        if not row.changed and not notice_ids:
            continue
        row_edits = [edits[k] for k in row.edits]
        row_notices = [result.notices[k] for k in notice_ids]
        rules = dict.fromkeys([*(e.rule for e in row_edits), *(n.rule for n in row_notices)])
        steps = dict.fromkeys(step_of(r) for r in rules)
        classes = " ".join(
            ["row", *(f"s-{css_id(s)}" for s in steps), *(f"r-{css_id(r)}" for r in rules)]
        )
        structural = any(is_structural(r) for r in rules)
        where = (
            f"line {row.line}" if row.lines == 1 else f"lines {row.line}–{row.line + row.lines - 1}"
        )
        per_rule = Counter(e.rule for e in row_edits)
        labels = " ".join(
            f'<code class="rule">{escape(r)}</code>'
            + (f"×{per_rule[r]}" if per_rule[r] > 1 else "")
            for r in rules
        )
        anchor = f"L{row.line}"
        if structural:
            spans = [
                (e.origin - offset, e.origin - offset + len(e.old))
                for e in row_edits
                if is_structural(e.rule)
            ]
            spans += [(n.origin - offset, n.origin - offset + n.end - n.start) for n in row_notices]
            left, right, _ = _marked(row.before, row.after, _windows(spans, len(row.before)))
            details = [
                _edit_item(e, index, links, index_page) for e in row_edits if is_structural(e.rule)
            ]
            details += [_notice_item(n, index) for n in row_notices]
            pair = "pair"
            if not row.after:
                right = '<span class="gone">(removed)</span>'
                pair = "pair removed"
            structural_rows.append(
                f'<div class="{classes}" id="{anchor}"><h3><a href="#{anchor}">{where}</a> '
                f"{labels}</h3><ul>{''.join(details)}</ul>"
                f'<div class="{pair}"><div class="before">{left}</div>'
                f'<div class="after">{right}</div></div></div>'
            )
        else:
            _, _, merged = _marked(row.before, row.after)
            notes = "".join(_notice_item(n, index) for n in row_notices)
            folded_rows.append(
                f'<div class="{classes}" id="{anchor}"><h3><a href="#{anchor}">{where}</a> '
                f"{labels}</h3>{f'<ul>{notes}</ul>' if notes else ''}"
                f'<div class="inline">{merged}</div></div>'
            )
    meta = (
        f"{result.status}; {len(edits)} edits ({counts.structural} structural, "
        f"{counts.normalize} normalization); {counts.notices} notices; "
        f"read as {result.encoding or '-'}"
    )
    if result.message:
        meta += f"; {result.message}"
    head = (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}"
        f"{_filter_css(list(step_counts), list(counts.rules))}</style></head><body>\n"
        f'<nav>{nav}</nav><h1>{escape(name)}</h1><p class="meta">{escape(meta)}</p>\n'
    )
    # the radio buttons are siblings of <main>: the CSS filters select ``#id:checked ~ main``
    filters = (
        f'<span class="flabel">Step:</span> {radio_filters(step_counts, "step", "all steps")}<br>'
        f'<span class="flabel">Rule:</span> {radio_filters(counts.rules, "rule", "all rules")}<br>'
    )
    fold_switch = (
        '<input type="checkbox" id="show-fold">'
        f'<label for="show-fold">show the {len(folded_rows)} rows changed only by '
        "normalization (punctuation, width)</label>"
    )
    structural_html = "".join(structural_rows) or '<p class="meta">none</p>'
    body = (
        f"{filters}\n{fold_switch}\n<main>"
        f"<h2>Structural edits and notices ({len(structural_rows)} rows)</h2>{structural_html}"
        f'<h2>Normalization only ({len(folded_rows)} rows)</h2><div class="fold">'
        f"{''.join(folded_rows)}</div></main>\n<nav>{nav}</nav></body></html>\n"
    )
    return head + body
