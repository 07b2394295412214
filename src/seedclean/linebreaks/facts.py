"""Everything the seam decision needs to know about one block, computed once.

A walk asks about the same block several times (as the right side of one seam,
the left side of the next, a lookahead candidate, an interloper), so each
block's label, punctuation classes and opener patterns are computed on first
use and kept in a per-walk list: no global cache, no recomputation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from seedclean.chardata import (
    CN_DIGITS,
    HAN_IDEOGRAPHS,
    LIST_ITEM,
    REFERENCE_NUMBER,
)
from seedclean.linebreaks import blocks as bl
from seedclean.linebreaks import chars

#: A paragraph opener: indentation, a run-in bold head, a dateline or news-agency lead.
_OPENER = re.compile(
    r"(?:[ \t]{2,}|\u3000|\*\*|__|本报讯|本报[（(]|本刊讯|本台讯|新华社|据新华社|央视网消息"
    r"|中新网|人民网|[" + HAN_IDEOGRAPHS + r"]{2,10}讯(?:[ \t\u3000\xa0：:（(]|$)"
    r"|摘\s*要|关键[词字]"
    r"|(?:中图分类号|文献标识码|文章编号|DOI|Abstract|Key\s*words|Keywords)\s*[:：\s]"
    r"|【|[□■◆●▲►◀]"
    # an affiliation line under a paper's authors: ``（1 北京科技大学 …``, ``(1.School of …``,
    # ``1Institute for …``, ``(College of …``
    r"|[（(]\s*(?:\d{1,2}\s*[.．、,，]?\s*)?[^（）()\n。；;]{0,30}?"
    r"(?:大学|学院|研究所|研究院|研究中心|实验室|University|College|School|Institute|Department"
    r"|Laborator|Academy)"
    r"|\d{1,2}\s*(?:[A-Z][a-z]+\s*)?(?:University|College|School|Institute|Department|Laborator"
    r"|Academy|Key\s*Lab)"
    # a paper's author line: three or more names set apart by spaces (``魏朝青 周慧慧 王旋 …``)
    r"|\d?\s*(?:[" + HAN_IDEOGRAPHS + r"]{1,3}\s*(?:\d(?:\s*,\s*\d)*|\\?\*)*[ \u3000]+){3,}"
    # an affiliation after a superscript mark (``$^{1}$ State Key Laboratory …``)
    r"|\$\s*\^\s*\{\s*\d[\d,\s]*\}\s*\$\s*(?:State|Key|College|School|Department|Institute"
    r"|University|Laborator|[" + HAN_IDEOGRAPHS + r"]{2,20}?(?:大学|学院|研究所|研究院))"
    # a panel legend or an interview turn: ``A：…；B：…``, ``Q：…``
    r"|[A-Z][：:])"
)
#: Discourse openers that start a new paragraph far more often than they continue one.
_PARAGRAPH_LEAD = re.compile(
    r"(?:近日|近年来|今年以来|去年以来|日前|此前|目前|当前|据了解|据悉|据介绍|据统计|与此同时|此外|另外"
    r"|首先|其次|最后|总之|综上|对此|为此|然而|下一步|前几日|前不久|日前|昨天|昨日|当天|当日|次日|随后"
    r"|另据|据[^，,。：:\n]{1,15}(?:报道|消息|介绍|透露|统计|显示))[，,]"
    # how a paragraph of a paper opens (``由表5可知``, ``本研究中``, ``为进一步探讨``)
    r"|(?:由|从)[表图]\s*\d{1,2}(?:[.．-]\d{1,2})?\s*(?:可知|可见|可以看出|所示|中可以看出)"
    r"|本研究|本文[中将采通在以]|为了?进一步|综上所述|通过本研究"
)
#: A date that opens a news paragraph (``北京时间11月5日，``, ``11月4—6日，``, ``2012年，``).
_DATE_LEAD = re.compile(
    r"(?:北京时间|当地时间|时间回到)?(?:\d{4}年)?(?:\d{1,2}月\d{1,2}[日号](?:[-—–至]\d{1,2}[日号]?)?"
    r"|\d{1,2}月(?:\d{1,2}[日号]?)?[-—–至]\d{1,2}[日号]|\d{4}年(?:\d{1,2}月)?)[^，,。：:\n]{0,6}[，,]"
)
#: List and section markers: a block starting with one never continues the previous block.
_LIST_START = re.compile(
    f"(?:{LIST_ITEM}|第[{CN_DIGITS}]+[，,、]|{REFERENCE_NUMBER}(?!$)"
    # a numbered section title (``2.4.1层次分析法``) or item (``2)畜牧生产子系统``)
    r"|\d{1,2}(?:[.．]\d{1,2}){2,3}(?![\d.．%％])\s*["
    + HAN_IDEOGRAPHS
    + r"A-Za-z]|\d{1,2}[)）](?!\d))"
)


#: Characters that attach to what precedes them and practically never open a
#: paragraph.  Kept short on purpose: 地, 了, 着, 过, 之, 于, 与, 所 also start
#: common paragraph openers (地方, 了解, 着力, 过去, 之前, 于是, 与此同时, 所以).
_PARTICLES = frozenset("的们")
#: Words that start with one of :data:`_PARTICLES` and do open paragraphs (``的确，…``).
_PARTICLE_WORDS = ("的确", "的士", "的哥")


def opening(text: str, head: str) -> tuple[bool, bool, bool, bool]:
    """How a block opens: ``(opener, list_start, lead, particle)``.

    ``text`` is the block as it stands (indentation counts as an opener),
    ``head`` the same without leading whitespace.
    """
    return (
        bool(_OPENER.match(text)),
        bool(_LIST_START.match(head)),
        bool(_PARAGRAPH_LEAD.match(head) or _DATE_LEAD.match(head)),
        bool(head) and head[0] in _PARTICLES and not head.startswith(_PARTICLE_WORDS),
    )


class Edge(NamedTuple):
    """How a block ends and starts: enough to settle most seams cheaply."""

    end: str  # terminal / open / word / empty (see chars.end_char)
    end_char: str
    start: str  # kinsoku / quote / word / empty (see chars.start_char)
    start_char: str
    tail: str  # the block's last characters (where a seam repeat would be)
    head: str  # the block's first characters


class Facts(NamedTuple):
    """The rest of what the decision needs about one block (computed only when needed)."""

    label: str
    headline: int  # 2: a short line (a list's last item) without sentence punctuation, else 0
    caption_like: bool  # a one-sentence block that reads like a photo caption
    dated: bool  # opens with a date and a comma (2023年6月27日，…)
    opener: bool  # opens a paragraph (indent, run-in bold head, dateline)
    list_start: bool
    lead: bool  # opens with a paragraph lead (近年来，…)
    particle: bool  # opens with a particle that cannot open a paragraph (的, 们)
    field: bool  # a label：value line listing short items (see blocks.field_line)
    dash_label: bool  # a short label ending in a dash (■谈意义——, see blocks.dash_label)
    han: bool  # holds a Han character (a block without one next to Chinese is another language)
    title: bool  # reads as a paper, table or figure title (see blocks.title_line)
    doi_end: bool  # ends with a DOI (a reference is over)
    statement_end: bool  # ends with a closing quote after a quoted statement (…入睡，”)
    label_start: bool  # opens with a short label and a colon (上海队首发：…)


def edge(text: str, window: int) -> Edge:
    """Compute the :class:`Edge` of a block's ``text``.

    Args:
        text: the block's text (no trailing whitespace).
        window: how many characters of the head and tail to keep for the
            seam-overlap search (``max_overlap`` plus one).
    """
    end, end_char = chars.end_char(text)
    if end == "open" and chars.mistyped_closer(text):
        end = "terminal"
    start, start_char = chars.start_char(text)
    head = text[: window + 1] if start_char == text[:1] else text.lstrip()[: window + 1]
    return Edge(end, end_char, start, start_char, text[-window:], head)


def compute(text: str, headline_chars: int, label: str | None = None) -> Facts:
    """Compute the :class:`Facts` of a block's ``text``.

    Args:
        text: the block's text.
        headline_chars: see :class:`~seedclean.linebreaks.config.BreaksConfig`.
        label: the block's label when already known.
    """
    head = text.lstrip()
    opener, list_start, lead, particle = opening(text, head)
    if label is None:
        label = bl.label_text(text, headline_chars)
    headline = (
        bl.list_headline(text, headline_chars)
        if label == bl.LIST
        else bl.headline_strength(text, headline_chars)
    )
    return Facts(
        label,
        headline,
        bl.caption_like(text),
        bl.DATE_LEAD.match(text) is not None,
        opener,
        list_start,
        lead,
        particle,
        bl.field_line(text),
        bl.dash_label(text, headline_chars),
        chars.HAN_CHAR.search(text) is not None,
        bl.title_line(text),
        chars.doi_end(text),
        chars.statement_end(text),
        bl.label_start(head),
    )


class Memo:
    """Facts and edges of block texts, shared by the passes of one repair.

    Both depend on a block's text alone (and the config), so a later pass
    reuses what an earlier pass computed for a block it reads again.
    """

    __slots__ = (
        "counts",
        "edges",
        "facts",
        "headline_chars",
        "labels",
        "open_pairs",
        "window",
        "words",
    )

    def __init__(self, headline_chars: int, window: int) -> None:
        self.headline_chars = headline_chars
        self.window = window
        self.edges: dict[str, Edge] = {}
        self.facts: dict[str, Facts] = {}
        self.labels: dict[str, str] = {}
        self.open_pairs: dict[str, int] = {}
        #: (left window, right window) -> cohesion (see :func:`.lexicon.cohesion`)
        self.words: dict[tuple[str, str], tuple[int, str]] = {}
        self.counts: dict[str, tuple[int, ...]] = {}

    def edge(self, text: str) -> Edge:
        found = self.edges.get(text)
        if found is None:
            found = self.edges[text] = edge(text, self.window)
        return found

    def fact(self, text: str) -> Facts:
        found = self.facts.get(text)
        if found is None:
            label = self.labels.get(text)
            found = self.facts[text] = compute(text, self.headline_chars, label)
        return found

    def label(self, text: str) -> str:
        """The block label alone: a seam with a barrier on either side needs nothing else."""
        found = self.labels.get(text)
        if found is None:
            facts = self.facts.get(text)
            found = facts.label if facts is not None else bl.label_text(text, self.headline_chars)
            self.labels[text] = found
        return found

    def unclosed(self, text: str) -> int:
        """Quotes and brackets ``text`` opens and does not close (see :func:`.chars.unclosed`).

        Only needed at a seam whose left side does not end a sentence, so it is
        not part of :class:`Edge`.
        """
        found = self.open_pairs.get(text)
        if found is None:
            found = self.open_pairs[text] = chars.open_total(self.pair_counts(text), text)
        return found

    def pair_counts(self, text: str) -> tuple[int, ...]:
        """The quote and bracket counts of ``text`` (see :func:`.chars.pair_counts`)."""
        found = self.counts.get(text)
        if found is None:
            found = self.counts[text] = chars.pair_counts(text)
        return found
