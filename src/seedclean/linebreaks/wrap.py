"""``join-wrap``: join the visual lines of a hard-wrapped paragraph inside one block.

Text from PDFs (pdftotext, many OCR exports) keeps the page's line ends: a
paragraph's lines are separated by single newlines, and a word can be cut
(``…深度融`` / ``合的新路径…``).  A block is read as wrapped prose only on
evidence from its shape (:mod:`.lines`): its lines pile up at one column width,
the lines that fall short end a sentence, and it reads as prose (punctuation
inside its lines, not only at their ends, which a list, a poem, a credit box or
a table of contents lacks).  A block too short to show a column width on its
own (two lines) is measured against the width the page's other wrapped blocks
show.  Then every full line is joined to the next unless a guard keeps them
apart:

* a markdown hard break (two trailing spaces, ``\\``, ``<br>``);
* the next line is indented deeper, opens a paragraph (``本报讯``, ``【``), is
  a list item, a heading, a table row, a block quote or code;
* either line is a heading, caption, byline, furniture or continuation marker,
  a ``标签：值`` line (one of a run, or one standing short on its own line),
  a table-of-contents line with a dot leader, or a layout line without
  punctuation (a space between two Han characters, or a run of spaces);
* two lines open with the same four characters (parallel lines of verse or
  a repeated slogan, not one sentence wrapped);
* the block holds more than one paragraph (a short line ended one inside
  it) and the line ends a sentence (a paragraph may end exactly at the
  column), or the paragraph so far has no punctuation and the next line
  opens like a body sentence (``11月3日，``, ``某部数据显示，``): a headline
  that happens to fill its last line.

Chinese lines join with nothing, Latin lines with one space, and a Latin word
hyphenated at the line end is rejoined (when ``join-hyphen`` is active).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from seedclean.chardata import (
    CHAPTER_NUMBER,
    CIRCLED_NUMBERS,
    CN_DIGITS,
    HAN_IDEOGRAPHS,
    LIST_BULLETS,
    SET_APART_MARKS,
)
from seedclean.edits import Replacement
from seedclean.lazyre import LazyPattern
from seedclean.linebreaks import chars, lines
from seedclean.linebreaks import labels as lab
from seedclean.linebreaks.catalog import HYPHEN, WRAP
from seedclean.linebreaks.lines import Line, Profile
from seedclean.linebreaks.segment import Block

#: A block whose first line is code, a table or a block quote is never rewrapped.
_VERBATIM_BLOCK = re.compile(r"(?:```|~~~|\$\$|<[A-Za-z!/]|>|\||\t| {4})")
#: Lines that stand apart by markdown or document structure (tested on either side).
_STRUCTURE = LazyPattern(
    r"#{1,6}\s|>|\||```|~~~|!\[|[-*+]\s|\d{1,2}[.、．)](?!\d)"
    rf"|[（(][{CN_DIGITS}\d]{{1,3}}[）)]|[{CN_DIGITS}]+[是、]|[{CIRCLED_NUMBERS}]"
    f"|[{LIST_BULLETS}{SET_APART_MARKS}]|{CHAPTER_NUMBER}"
)
#: Lines that never run on into the next line (a list item may: it wraps too).
_HARD_STRUCTURE = re.compile(r"#{1,6}\s|>|\||```|~~~|!\[")
#: A table-of-contents line: a dot leader (or a run of spaces) before a page number.
_TOC = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|．{3,}|-{3,}|—{3,}|_{3,}|\s{2,})\s*\d{1,4}$")
#: Layout inside a line: a space between Han characters (``本刊策划 李娜``), a run of spaces.
_LAYOUT = LazyPattern(f"[{HAN_IDEOGRAPHS}][ \u3000]+[{HAN_IDEOGRAPHS}]|\\S {{2,}}\\S")
#: A short label and a colon opening a line (``电话：``, ``编辑：``, ``前锋：``).
_LABEL = re.compile(r"[^\s，,。：:、；;！？!?“”（）()]{1,6}[：:]")
#: Punctuation that shows a line holds prose (tested inside lines, not at their ends).
_PUNCT = re.compile(r"[，。、；：？！,;:?!]|\.(?=\s)")
#: Characters a headline does not hold (it may hold quotes and book-title marks).
_BARE_BREAKER = re.compile(r"[，。、；：？！,;:?!（）()]")
#: Labels of a line that keep it apart from its neighbours.
_APART = frozenset(
    {
        lab.HEADING,
        lab.CAPTION,
        lab.BYLINE,
        lab.FURNITURE,
        lab.MARKER,
        lab.VERBATIM,
        lab.TABLE,
        lab.IMAGE,
        lab.SEPARATOR,
        lab.ASIDE,
    }
)


def plan_wraps(text: str, blocks: list[Block], active: Collection[str]) -> list[Replacement]:
    """Plan one ``join-wrap`` replacement per joined line end in the blocks of ``text``."""
    measured: list[tuple[list[Line], Profile | None, bool]] = []
    for block in blocks:
        if "\n" in block.text and not _VERBATIM_BLOCK.match(block.text):
            shape = _measure(block)
            if shape is not None:
                measured.append(shape)
    if not measured:
        return []
    page = _page_width(measured)
    out: list[Replacement] = []
    hyphen = HYPHEN in active
    for block_lines, own, is_latin in measured:
        found = own if own is not None else _against(block_lines, page, is_latin)
        if found is not None:
            _join_lines(block_lines, found, hyphen, out)
    return out


def _measure(block: Block) -> tuple[list[Line], Profile | None, bool] | None:
    """The lines of a block that may be wrapped, and its own profile if it reads as prose.

    ``None`` when every line ends in punctuation (verse, one clause a line),
    or when the block has too little punctuation inside its lines (a list, a
    credit box, a headline) and more than two lines.  A block without its own
    profile can still be joined against the page's width (see :func:`_page_width`).
    """
    block_lines = lines.split_lines(block.text, block.start)
    heads = block_lines[:-1]
    if len(heads) > 1 and all(_PUNCT.match(line.text[-1:]) for line in heads):
        return None
    is_latin = lines.latin(block.text)
    if not _prose(block_lines, is_latin):
        return (block_lines, None, is_latin) if len(heads) == 1 else None
    column = lines.column_width([line.width for line in heads], is_latin)
    if column >= lines.MIN_WIDTH:
        own = lines.profile(block_lines, column, is_latin)
        if lines.wrapped(own):
            return block_lines, own, is_latin
    return block_lines, None, is_latin


def _prose(block_lines: list[Line], is_latin: bool) -> bool:
    """Punctuation inside the lines, at the density of prose (Latin has fewer marks)."""
    inner = sum(len(_PUNCT.findall(line.text, 0, len(line.text) - 1)) for line in block_lines)
    punct = inner + sum(1 for line in block_lines if _PUNCT.match(line.text[-1:]))
    size = sum(line.width for line in block_lines)
    return inner > 0 and punct * (240 if is_latin else 80) >= size


def _page_width(measured: list[tuple[list[Line], Profile | None, bool]]) -> int:
    """The column width of the page, for blocks too short to show one on their own.

    The width most wrapped blocks share; when no block is wrapped on its own
    (fragments of two lines), the width the prose blocks' lines (but their
    last) share, if at least two of them do.  0 when there is none.
    """
    votes: Counter[int] = Counter()
    for _, own, _ in measured:
        if own is not None:
            votes[own.width] += own.n_full
    if votes:
        return max(votes, key=lambda w: (votes[w], w))
    widths = [
        line.width
        for block_lines, _, is_latin in measured
        if not is_latin and _prose(block_lines, is_latin)
        for line in block_lines[:-1]
    ]
    return lines.column_width(widths, False)


def _against(block_lines: list[Line], page: int, is_latin: bool) -> Profile | None:
    """Profile of a block too short to show a width, against the page's width ``page``.

    Every line but the last must reach the column or end a paragraph.
    """
    if page < lines.MIN_WIDTH:
        return None
    found = lines.profile(block_lines, page, is_latin)
    return found if found.n_full >= 1 and found.n_odd == 0 else None


def _join_lines(
    block_lines: list[Line], found: Profile, hyphen: bool, out: list[Replacement]
) -> None:
    """Append a replacement for every line end of the block that is a visual wrap."""
    base = min(line.indent for line in block_lines)
    # a sentence end exactly at the column is joined only when no line of the
    # block ended a paragraph: no short line, and no sentence end that only
    # reaches the column within the tolerance
    snug = [found.width - line.width <= lines.CJK_TOLERANCE for line in block_lines]
    one_paragraph = (
        found.n_ends == 0
        and found.n_odd == 0
        and all(
            snug[i] or chars.end_char(line.text)[0] != "terminal"
            for i, line in enumerate(block_lines[:-1])
        )
    )
    labels = sum(1 for line in block_lines if _LABEL.match(line.text))
    note = f"line fills the {found.width / 2:g}-column width"
    alone = [_stands_alone(line.text) for line in block_lines]
    bare = True  # the paragraph so far has no punctuation (it may be a headline)
    for i, reaches in enumerate(found.full):
        a, b = block_lines[i], block_lines[i + 1]
        bare = bare and not _BARE_BREAKER.search(a.text)
        b_full = i + 1 < len(found.full) and found.full[i + 1]
        if not reaches or alone[i] or alone[i + 1] or _apart(a, b, b_full, base, labels):
            bare = True
            continue
        if not one_paragraph and (
            chars.end_char(a.text)[0] == "terminal" or (bare and _opens_body(b.text))
        ):
            bare = True
            continue
        if hyphen and chars.HYPHENATED_END.search(a.text) and chars.LOWER_START.match(b.text):
            out.append(Replacement(a.end - 1, b.cstart, "", WRAP, "hyphenated word"))
        else:
            sep = chars.separator(a.text, b.text[:1])
            out.append(Replacement(a.end, b.cstart, sep, WRAP, note))


def _opens_body(text: str) -> bool:
    """Whether a line opens like the body after a headline (``11月3日，``, ``据了解，``)."""
    return _BODY_LEAD.match(text) is not None or lab.opening(text, text)[2]


#: A date or a dateline opening a body paragraph (not an attributed statement:
#: a wrap can fall before ``据显示，`` in the middle of a sentence).
_BODY_LEAD = re.compile(
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,]|\d{1,2}日[，,]|央视网消息|本报讯|新华社"
)


def _apart(a: Line, b: Line, b_full: bool, base: int, labels: int) -> bool:
    """Whether a guard on the pair keeps line ``a`` and the next line ``b`` apart."""
    if len(a.trail) >= 2 or "\t" in a.trail or a.text.endswith(("\\", "<br>", "<br/>")):
        return True
    if b.indent > base or _STRUCTURE.match(b.text):
        return True
    if (labels >= 2 or not b_full) and (_LABEL.match(b.text) or lab.field_line(b.text)):
        return True
    opener, list_start, _, _ = lab.opening(b.text, b.text)
    if opener or list_start:
        return True
    if _HARD_STRUCTURE.match(a.text):
        return True
    if len(a.text) > 4 and a.text[:4] == b.text[:4]:
        return True  # parallel lines (verse, a slogan repeated): not one sentence wrapped
    return labels >= 2 and (_LABEL.match(a.text) is not None or lab.field_line(a.text))


def _stands_alone(text: str) -> bool:
    """A line kept apart from both neighbours: a heading, caption, byline, furniture,
    continuation marker, table-of-contents line, or a layout line without punctuation."""
    if _TOC.search(text) or (_LAYOUT.search(text) and not _PUNCT.search(text)):
        return True
    return lab.label_text(text, block=False) in _APART
