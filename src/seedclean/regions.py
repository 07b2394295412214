"""Protected regions: whole lines of a text that no step may edit (or only some rules may).

Markdown (MinerU output, the seed pages) holds blocks that are not prose:
YAML (``---``) and TOML (``+++``) front matter, link reference definitions
(``[label]: https://x.org "title"``), fenced code (```` ``` ```` and ``~~~``),
indented code, display math (``$$``), the delimiter row of a table; and a
writer can switch seedclean off for a stretch with a marker comment, as
AutoCorrect and ruff allow:

* ``<!-- seedclean: off -->`` … ``<!-- seedclean: on -->`` (or to the end of the text);
* ``<!-- seedclean: ignore -->`` on a line of its own: the next line; after text: its line;
* either form with rule ids or step names after it (``<!-- seedclean: off punct-comma,
  linebreaks -->``): only those are switched off there.

:func:`protected_regions` finds them in one pass; each step (normalization,
line-break repair, duplicate removal) leaves them as they are, and runs on the
text between them (:func:`outside`).  Inline constructs (code spans, link
targets and titles, HTML tags and their attributes, inline JSON and math) are
protected spans of the normalization tokenizer instead (:mod:`.normalization.protect`).

>>> text = "前言,\\n~~~\\n代码,不动\\n~~~\\n后文,\\n"
>>> [(r.kind, text[r.start : r.end]) for r in protected_regions(text)]
[('fence', '~~~\\n代码,不动\\n~~~\\n')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.edits import Edit, Explained, Notice

__all__ = ["Region", "blocks_rule", "outside", "protected_regions"]


class Region(NamedTuple):
    """Whole lines ``text[start:end]`` (``end`` after the last line's line break, if any).

    Attributes:
        start: offset of the first line's start.
        end: offset after the last line (and its line break).
        kind: ``front-matter``, ``fence``, ``indented-code``, ``math``, ``table-rule``,
            ``link-definition`` or ``suppressed``.
        rules: rule ids and step names switched off there; empty: everything.
    """

    start: int
    end: int
    kind: str
    rules: frozenset[str] = frozenset()


_FENCE = re.compile(r"(?m)^[ ]{0,3}(`{3,}|~{3,})[^\n]*$")
_MATH = re.compile(r"(?m)^[ ]{0,3}\$\$")
_MARKER = re.compile(r"<!--\s*seedclean\s*:\s*(off|on|ignore)\b([^>\n]*?)\s*-->")
_CELL_RULE = r"[ \t]*:?-{3,}:?[ \t]*"
_TABLE_RULE = re.compile(rf"(?m)^[ ]{{0,3}}\|?{_CELL_RULE}(?:\|{_CELL_RULE})*\|?[ \t]*$")
_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?:---[ \t]*\n(?:.*\n){0,200}?(?:---|\.\.\.)"  # YAML
    r"|\+\+\+[ \t]*\n(?:.*\n){0,200}?\+\+\+)"  # TOML (Hugo)
    r"[ \t]*(?:\n|\Z)"
)
# [label]: destination "title": the whole line is link markup (a footnote definition
# [^1]: is prose after its label, protected by the tokenizer instead).  The destination
# holds no Han, so a prose line such as ``[注]:见上文`` is not taken for one.
_LINK_DEFINITION = re.compile(
    r"(?m)^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|[\x21-\x7e]+)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$"
)
_INDENTED = re.compile(r"(?m)(?:\A|(?<=\n\n))(?:(?:[ ]{4}|\t)[^\n]*\S[^\n]*(?:\n|\Z))+")
_HAN = re.compile(f"[{HAN_IDEOGRAPHS}]")
_NONSPACE = re.compile(r"\S")


# Whether a text may hold a region at all: single-character tests first (they run
# at C speed), then the longer marker.
_INDENT_TRIGGER = re.compile(r"\n(?:    |\t)")


def _has_trigger(text: str) -> bool:
    return (
        ("`" in text and "```" in text)
        or ("~" in text and "~~~" in text)
        or ("$" in text and "$$" in text)
        or ("<" in text and "seedclean" in text)
        or ("-" in text and "---" in text)
        or ("+" in text and "+++" in text)
        or ("]" in text and "]:" in text)
        or text.startswith(("    ", "\t"))
        or _INDENT_TRIGGER.search(text) is not None
    )


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end + 1


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _fences(text: str, out: list[Region]) -> None:
    found = list(_FENCE.finditer(text))
    i = 0
    while i < len(found):
        opening = found[i]
        mark = opening.group(1)
        for j in range(i + 1, len(found)):
            closing = found[j]
            run = closing.group(1)
            rest = text[closing.end(1) : closing.end()].strip()
            if run[0] == mark[0] and len(run) >= len(mark) and not rest:
                out.append(Region(opening.start(), _line_end(text, closing.start()), "fence"))
                i = j + 1
                break
        else:  # unclosed: only the fence line itself (an OCR rule line must not hide the page)
            out.append(Region(opening.start(), _line_end(text, opening.start()), "fence"))
            i += 1


def _math(text: str, out: list[Region]) -> None:
    pos = 0
    while True:
        opening = _MATH.search(text, pos)
        if opening is None:
            return
        line_end = _line_end(text, opening.start())
        if text.count("$$", opening.start(), line_end) >= 2:  # $$ x $$ on one line
            out.append(Region(opening.start(), line_end, "math"))
            pos = line_end
            continue
        closing = text.find("$$", line_end)
        if closing < 0:
            return
        end = _line_end(text, closing)
        out.append(Region(opening.start(), end, "math"))
        pos = end


def _indented(text: str, out: list[Region]) -> None:
    """Indented code: indented lines after a blank line, mostly not Han (not indented prose)."""
    for match in _INDENTED.finditer(text):
        block = match.group()
        if len(_HAN.findall(block)) * 2 < len(_NONSPACE.findall(block)):
            out.append(Region(match.start(), match.end(), "indented-code"))


def _names(raw: str) -> frozenset[str]:
    return frozenset(n for n in re.split(r"[\s,]+", raw.strip()) if n)


def _suppressed(text: str, out: list[Region]) -> None:
    off_at = -1
    off_rules: frozenset[str] = frozenset()
    for marker in _MARKER.finditer(text):
        verb, names = marker.group(1), _names(marker.group(2))
        start = _line_start(text, marker.start())
        if verb == "off" and off_at < 0:
            off_at, off_rules = start, names
        elif verb == "on" and off_at >= 0:
            out.append(Region(off_at, _line_end(text, marker.start()), "suppressed", off_rules))
            off_at = -1
        elif verb == "ignore":
            end = _line_end(text, marker.start())
            before, after = text[start : marker.start()], text[marker.end() : end]
            alone = not before.strip() and not after.strip()
            if alone:
                # The marker's own line is markup: no step touches it, whatever rules it names
                # (duplicate removal would otherwise drop a repeated marker, and with it the
                # place the next run cuts the text at).
                out.append(Region(start, end, "suppressed"))
                if end < len(text):
                    out.append(Region(end, _line_end(text, end), "suppressed", names))
                continue
            out.append(Region(start, end, "suppressed", names))
    if off_at >= 0:
        out.append(Region(off_at, len(text), "suppressed", off_rules))


def protected_regions(text: str) -> list[Region]:
    """The protected regions of ``text``, sorted, overlapping ones merged.

    Merging keeps the stricter setting: a region that switches off everything
    wins over one that switches off some rules.
    """
    if not _has_trigger(text):
        return []
    found: list[Region] = []
    front = _FRONT_MATTER.match(text)
    if front is not None:
        found.append(Region(0, front.end(), "front-matter"))
    if "```" in text or "~~~" in text:
        _fences(text, found)
    if "$$" in text:
        _math(text, found)
    if "seedclean" in text:
        _suppressed(text, found)
    if "---" in text:
        found.extend(
            Region(m.start(), _line_end(text, m.start()), "table-rule")
            # a bare --- line with no table is a rule too, wherever it stands (a line judged
            # alone must be protected as it is inside the text: normalization is line-local)
            for m in _TABLE_RULE.finditer(text)
        )
    if "    " in text or "\t" in text:
        _indented(text, found)
    if "]:" in text:
        found.extend(
            Region(m.start(), _line_end(text, m.start()), "link-definition")
            for m in _LINK_DEFINITION.finditer(text)
        )
    return _merge(found)


def _merge(found: list[Region]) -> list[Region]:
    found.sort()
    merged: list[Region] = []
    for region in found:
        if merged and region.start < merged[-1].end:
            last = merged[-1]
            rules = last.rules | region.rules if last.rules and region.rules else frozenset()
            merged[-1] = Region(last.start, max(last.end, region.end), last.kind, rules)
        else:
            merged.append(region)
    return merged


def blocks_rule(region: Region, rule: str, step: str) -> bool:
    """Whether ``region`` keeps ``rule`` (of ``step``) from editing inside it."""
    return not region.rules or rule in region.rules or step in region.rules


Step = Callable[[str, frozenset[str], int], Explained]


def outside(
    text: str,
    regions: Sequence[Region],
    rules: Collection[str],
    step_name: str,
    run: Step,
) -> Explained:
    """Run a step on the text around (and, with the rules left on, inside) ``regions``.

    ``run(piece, rules, start)`` is the step on one piece of the text, which
    starts at offset ``start`` of ``text``.  Pieces are whole lines; their edits
    and notices are moved into ``text``'s coordinates and returned as one result.
    """
    active = frozenset(rules)
    pieces: list[tuple[int, int, frozenset[str] | None]] = []
    cursor = 0
    for region in regions:
        if cursor < region.start:
            pieces.append((cursor, region.start, active))
        if region.rules and step_name not in region.rules:
            pieces.append((region.start, region.end, active - region.rules))
        else:
            pieces.append((region.start, region.end, None))
        cursor = region.end
    if cursor < len(text):
        pieces.append((cursor, len(text), active))
    out: list[str] = []
    edits: list[Edit] = []
    notices: list[Notice] = []
    shift = 0  # output offset minus input offset so far
    for start, end, piece_rules in pieces:
        piece = text[start:end]
        if piece_rules is None or not piece_rules:
            out.append(piece)
            continue
        result = run(piece, piece_rules, start)
        out.append(result.text)
        edits.extend(
            e._replace(
                start=e.start + start + shift,
                end=e.end + start + shift,
                origin=e.origin + start if e.origin >= 0 else e.origin,
                ref=e.ref + start if e.ref >= 0 else -1,
            )
            for e in result.edits
        )
        notices.extend(
            n._replace(
                start=n.start + start,
                end=n.end + start,
                origin=n.origin + start if n.origin >= 0 else n.origin,
            )
            for n in result.notices
        )
        shift += len(result.text) - len(piece)
    return Explained("".join(out), tuple(edits), tuple(notices))
