"""Seam features and the decision table: join two body blocks, or keep the break.

A *seam* is the blank-line gap between the end of an open paragraph (A, the
chain of blocks joined so far) and the next body block (B).  Evidence comes
from both sides (research study §5.4); the table below is read top-down and
the first row whose test holds decides.  Rows marked ``hard`` are strong
enough to join across interlopers and to join a heading-like fragment; rows
marked ``soft`` only join two ordinary body fragments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.lazyre import LazyPattern
from seedclean.linebreaks.overlap import seam_overlap

if TYPE_CHECKING:
    from seedclean.linebreaks.view import Edge, Ends, Facts, Starts

#: Units a number is read with: ``2025`` ‖ ``年``, ``1.5`` ‖ ``亿元`` is one number cut.
_UNITS = frozenset("年月日号时分秒亿万千百元%％岁")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
#: A citation mark ending a block (``…效果[5]``, ``…[2,3]``, ``…[1-4]``, OCR's
#: ``…土壤(3]``): the sentence it cites is over, even when its full stop is missing.
_CITATION_END = re.compile(r"[\[［(（]\d{1,3}(?:\s*[,，\-–—~～]\s*\d{1,3})*[\]］]$")
#: An equation number ending a block (``… 秸秆还田比例 (2)``, ``…$ 9``): the
#: display formula it numbers is over, and the text after it starts anew.
_EQUATION_END = re.compile(
    r"(?:\$\s*|[ \t\u3000]+)[（(]\d{1,3}(?:[.．-]\d{1,2})?[）)]$|\$[ \t]+\d{1,2}$"
)
_HAN = LazyPattern(f"[{HAN_IDEOGRAPHS}]")
_LATIN = re.compile("[A-Za-z]")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_EQUATION_LAST = frozenset(")）0123456789")
#: How a block that is not Latin prose may end before an English sentence.
_FORMULA_END = frozenset("$)）]}0123456789")


class Seam(NamedTuple):
    """The features of one seam, computed once."""

    a_end: str  # terminal / open / word / empty
    a_char: str
    b_start: str  # kinsoku / quote / word / empty
    b_char: str
    a_unclosed: bool
    a_headline: int
    b_headline: int
    b_particle: bool
    b_opener: bool
    b_list: bool
    b_lead: bool
    a_field: bool
    b_field: bool
    a_dash_label: bool
    overlap: int
    a_citation: bool  # A ends with a citation mark ([5])
    other_script: bool  # one side is Latin-only text, the other Chinese
    latin_capital: bool  # A ends a Latin word or formula, B starts with a capital letter
    a_equation: bool  # A ends with an equation number ((2) after a formula)
    a_title: bool  # A is one block that reads as a paper, table or figure title
    a_statement: bool  # A ends with a closing quote after a quoted statement
    b_label: bool  # B opens with a short label and a colon
    a_closed_tail: bool  # A's last block ends with a numbered heading or a byline after its text
    a_address: bool  # A's last block ends with an affiliation's postal code
    a_field_end: bool  # A's last block ends with a [label] value field
    b_authors: bool  # B opens with reference authors
    cells: bool  # A's last line and B's first line are table rows
    a_stat: bool  # A's last block ends with a bracketed significance test
    b_english: bool  # B opens with an English sentence
    b_dateline: bool  # B holds a news dateline near its start
    numbers_apart: bool  # a digit on both sides, and not one number cut inside a sentence


class Decision(NamedTuple):
    """Outcome of the table for one seam."""

    join: bool
    hard: bool
    reason: str
    overlap: int = 0


class Row(NamedTuple):
    """One row of the decision table."""

    name: str
    test: Callable[[Seam], bool]
    join: bool
    hard: bool


def features(
    a: Edge,
    a_facts: Facts | None,
    a_headline: int,
    b: Edge,
    b_facts: Facts,
    unclosed: int,
    max_overlap: int | None,
    a_last: Facts,
    a_ends: Ends,
    b_starts: Starts,
) -> Seam:
    """Compute the seam features between paragraph ``a`` and block ``b``.

    Args:
        a: how the paragraph's last block ends.
        a_facts: the rest about the paragraph when it is one block; ``None``
            for a joined chain, which is body text (never heading-like, never
            a ``label：value`` line).
        a_headline: the heading strength of the paragraph so far (of its
            joined text when it is a chain: a headline cut in two is still one).
        b: how the next block starts; ``b_facts``: the rest about it.
        unclosed: quotes and brackets left open over the whole chain.
        max_overlap: longest seam repeat to look for; ``None`` when
            ``seam-overlap`` is off.
        a_last: the facts of the paragraph's last block (``a_facts`` for a
            single block): what ends the paragraph right at the seam.
        a_ends: what the end of that block shows (:class:`~.view.Ends`);
            ``b_starts``: what the start of block B shows.
    """
    k = 0
    if max_overlap is not None and (
        a.end != "terminal" or a.end_char in b.head[1 : max_overlap + 1]
    ):
        k = overlap_at(a.tail, b.head, max_overlap)
    return Seam(  # positional, in field order (a hot path)
        a.end,
        a.end_char,
        b.start,
        b.start_char,
        unclosed > 0,
        a_headline,
        b_facts.headline,
        b_facts.particle,
        b_facts.opener,
        b_facts.list_start,
        b_facts.lead,
        a_facts is not None and a_facts.field,
        b_facts.field,
        a_facts is not None and a_facts.dash_label,
        k,
        (a.end_char in "]］" and _CITATION_END.search(a.tail) is not None)
        or (a.end == "word" and a.end_char.isalnum() and a_last.doi_end),
        _other_script(a, a_facts, b, b_facts),
        b.start_char in _CAPITALS and a.end == "word" and _latin_end(a.tail),
        a.end_char in _EQUATION_LAST and _EQUATION_END.search(a.tail) is not None,
        a_facts is not None and a_facts.title,
        a_facts is not None and a_facts.statement_end,
        b_facts.label_start,
        a_ends.closed_tail,
        a_ends.address_end,
        a_ends.field_end,
        b_starts.authors_start,
        a_ends.cells_end and b_starts.cells_start,
        a_ends.stat_end,
        b_starts.english_start,
        b_starts.dateline,
        a.end_char in _NUMBER_ENDS and b.start_char in _DIGITS and not _number_cut(a.tail, b.head),
    )


#: Digits a block can end with: ASCII, full-width, and superscript footnote or
#: affiliation marks (``何兴元²`` ‖ ``1东北林业大学…``).
_NUMBER_ENDS = _DIGITS | frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")
#: A number inside a sentence: Han text, then digits (``…新增市场主体12``).
_NUMBER_IN_TEXT = LazyPattern(rf"[{HAN_IDEOGRAPHS}，、][0-9０-９]{{1,8}}\Z")
#: The rest of that number and the word it counts (``345户``, ``5万元``, ``45%``).
_NUMBER_GOES_ON = LazyPattern(rf"[0-9０-９]{{1,8}}(?:[.．][0-9０-９]+)?[%％{HAN_IDEOGRAPHS}]")


def _number_cut(tail: str, head: str) -> bool:
    """Whether a digit on both sides reads as one number cut inside a sentence.

    A's text ends in a number right after Han text or a comma (not after a
    space, a bracket or a name list) and B goes on with digits and the unit or
    word they count: ``…新增市场主体12`` ‖ ``345户，同比…``.  Not: ``…草业学报，
    2009`` ‖ ``4]才智杰`` (a bracket follows), ``…在300`` ‖ ``2700K内`` (a Latin unit).
    """
    return _NUMBER_IN_TEXT.search(tail) is not None and _NUMBER_GOES_ON.match(head) is not None


def _latin_end(tail: str) -> bool:
    """Whether a block ends in Latin text (a letter in its last characters, no Han)."""
    end = tail[-8:]
    return _HAN.search(end) is None and _LATIN.search(end) is not None


def _other_script(a: Edge, a_facts: Facts | None, b: Edge, b_facts: Facts) -> bool:
    """Whether one side is text in a Latin script and the other Chinese.

    ``Figure 3 Distribution of samples`` ‖ ``从图中可以看出…``, ``…的分布`` ‖
    ``Fig. 3 Distribution…``: an English caption, title or abstract next to
    Chinese text, never one sentence with it.  A block is Latin when it holds
    no Han character at all and some Latin letter; for a joined chain, its last
    characters are read.
    """
    a_han = a_facts.han if a_facts is not None else _HAN.search(a.tail) is not None
    if not a_han:
        return (
            b.start_char != ""
            and _HAN.match(b.start_char) is not None
            and bool(_LATIN.search(a.tail))
        )
    if b_facts.han:
        return False
    return _HAN.match(a.end_char) is not None and bool(_LATIN.search(b.head))


def overlap_at(left: str, right: str, max_k: int) -> int:
    """Seam overlap between ``left`` and ``right`` (see :mod:`.overlap`)."""
    return seam_overlap(left, right, max_k)


OVERLAP_ROW = "the same text ends A and starts B (OCR read it twice)"
KINSOKU_ROW = "B starts with a character that cannot start a line"
UNIT_ROW = "a number runs across the seam into its unit (2025 ‖ 年, 1401 ‖ 万元)"
PARTICLE_ROW = "B starts with a particle that cannot open a paragraph (的, 了, …)"
WORD_ACROSS = "a dictionary word runs across the seam"
UNCLOSED_ROW = "A leaves a quote or bracket open"
#: Evidence that is about this very seam (B's first characters continue A's
#: last ones), as opposed to A merely being open (a comma, an open quote, a
#: character at its end), which any continuation would satisfy.
SPECIFIC_ROWS = frozenset({OVERLAP_ROW, KINSOKU_ROW, UNIT_ROW, PARTICLE_ROW})


def specific(decision: Decision) -> bool:
    """Whether a join rests on evidence about this seam itself (see :data:`SPECIFIC_ROWS`)."""
    return decision.join and (
        decision.reason in SPECIFIC_ROWS or decision.reason.startswith(WORD_ACROSS)
    )


A_HEADING = "A is heading-like (short, no punctuation)"
B_HEADING = "B is heading-like (short, no punctuation)"
#: Rows that keep a break only because a side is shaped like a heading: the
#: language across the seam (:mod:`.lexicon`) may still show a cut word.
HEADING_ROWS = frozenset({A_HEADING, B_HEADING})

#: The decision table, read top-down; the first row whose test holds decides.
TABLE: tuple[Row, ...] = (
    Row(
        "B opens a paragraph (indent, bold run-in head, dateline)",
        lambda s: s.b_opener,
        False,
        True,
    ),
    Row("B starts a list item", lambda s: s.b_list, False, True),
    Row(OVERLAP_ROW, lambda s: s.overlap > 0, True, True),
    Row(KINSOKU_ROW, lambda s: s.b_start == "kinsoku", True, True),
    Row(UNIT_ROW, lambda s: s.a_char in _DIGITS and s.b_char in _UNITS, True, True),
    Row(
        "a digit on both sides: joining would make two numbers one (300 ‖ 2700K, 2009 ‖ 4])",
        lambda s: s.numbers_apart,
        False,
        False,
    ),
    Row(
        "A ends with a colon or semicolon: a list or its next item starts its own block",
        lambda s: s.a_char in ("：", ":", "；", ";"),
        False,
        True,
    ),
    Row(
        "A ends with a dash that introduces a label：value line",
        lambda s: s.a_char in ("—", "–") and s.b_field,
        False,
        True,
    ),
    Row(
        "A is a short label ending in a dash (■谈意义——): its paragraph follows",
        lambda s: s.a_dash_label,
        False,
        True,
    ),
    Row(
        "one side is Latin-script text, the other Chinese (an English caption or title)",
        lambda s: s.other_script,
        False,
        True,
    ),
    Row("A ends with punctuation that continues", lambda s: s.a_end == "open", True, True),
    Row(
        "A ends in Latin text and B starts with a capital: a new sentence or block",
        lambda s: s.latin_capital,
        False,
        True,
    ),
    Row(
        "A ends with a citation mark ([5]) or a DOI: its sentence is over",
        lambda s: s.a_citation,
        False,
        False,
    ),
    Row(
        UNCLOSED_ROW,
        lambda s: s.a_unclosed and s.a_end != "terminal",
        True,
        True,
    ),
    Row("A ends a sentence", lambda s: s.a_end in ("terminal", "empty"), False, True),
    Row(PARTICLE_ROW, lambda s: s.b_particle and s.a_end == "word", True, True),
    Row(
        "A ends with a numbered heading or a byline after its text (…。十、…, …”记者 某某)",
        lambda s: s.a_closed_tail,
        False,
        True,
    ),
    Row(
        "A ends with an affiliation's postal code (…，成都，610066）): front matter",
        lambda s: s.a_address,
        False,
        True,
    ),
    Row(
        "A ends with a [label] value field (…[产品售价] 3299元): a spec line",
        lambda s: s.a_field_end,
        False,
        True,
    ),
    Row(
        "B opens a reference entry (authors: Zhang K，Li M，…)",
        lambda s: s.b_authors,
        False,
        True,
    ),
    Row(
        "A and B are rows of a table (space-separated cells)",
        lambda s: s.cells,
        False,
        True,
    ),
    Row(
        "A ends with a bracketed significance test (…( $P <$ 0.05)), B is not lower-case Latin",
        lambda s: s.a_stat and not s.b_char.islower(),
        False,
        True,
    ),
    Row(
        "B opens an English sentence after a formula, bracket or number (…$ ‖ Let us…)",
        lambda s: s.b_english and s.a_char in _FORMULA_END,
        False,
        True,
    ),
    Row(
        "B holds a news dateline near its start (…新浪娱乐讯 11月6日，): an article starts",
        lambda s: s.b_dateline,
        False,
        True,
    ),
    Row(
        "A or B is a label：value line (前锋：甲、乙、丙)",
        lambda s: s.a_field or s.b_field,
        False,
        False,
    ),
    Row(A_HEADING, lambda s: s.a_headline == 2, False, False),
    Row(B_HEADING, lambda s: s.b_headline == 2, False, False),
    Row("B starts with a paragraph lead (近年来，…)", lambda s: s.b_lead, False, False),
    Row(
        "A ends with a closing quote after a quoted statement (…入睡，”)",
        lambda s: s.a_statement,
        False,
        False,
    ),
    Row(
        "B opens with a short label and a colon (上海队首发：…, 中场：…)",
        lambda s: s.b_label,
        False,
        False,
    ),
    Row(
        "A reads as a title (…的影响, …研究; no comma): its text follows",
        lambda s: s.a_title,
        False,
        False,
    ),
    Row(
        "A ends with an equation number ((2) after a formula): the formula is over",
        lambda s: s.a_equation,
        False,
        False,
    ),
    Row(
        "a word or number runs across the seam",
        lambda s: s.a_end == "word" and s.b_start in ("word", "quote"),
        True,
        False,
    ),
)

_KEEP = Decision(False, False, "no evidence of a continuation")


def decide(seam: Seam) -> Decision:
    """Apply :data:`TABLE` to ``seam``."""
    for row in TABLE:
        if row.test(seam):
            return Decision(row.join, row.hard, row.name, seam.overlap if row.join else 0)
    return _KEEP


def quick_break(a: Edge, b: Edge, max_overlap: int | None) -> bool:
    """Cheap test that settles most seams: A ends a sentence, B cannot continue it.

    True when A ends a sentence, B does not start with a kinsoku character and
    B does not start with a repeat of A's end.  Then no row of :data:`TABLE`
    joins, so the labels and the rest of the facts are never needed; the
    repeat search runs only when A's last character occurs early in B.
    """
    if a.end != "terminal" or b.start in ("kinsoku", "empty"):
        return False
    if max_overlap is None or a.end_char not in b.head[1 : max_overlap + 1]:
        return True
    return seam_overlap(a.tail, b.head, max_overlap) == 0
