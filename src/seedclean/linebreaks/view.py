"""What one repair pass knows about its blocks: their edges, labels and facts.

A pass asks about the same block several times (as the right side of one
seam, the left side of the next, a lookahead candidate, an interloper), so a
:class:`View` computes each block's :class:`Edge`, label and :class:`Facts`
on first use and keeps them per pass, backed by a :class:`Memo` shared by all
passes of one repair (a block's facts depend on its text alone).  It also
tracks ``reach``, the last block a question read, which bounds the window a
paragraph's decision depended on (see :mod:`.repair`).

The view only answers questions about blocks; what to do at a seam is
:mod:`.decision`, which the walk (:mod:`.walk`), the interloper lookahead
(:mod:`.lookahead`) and the edit planner (:mod:`.plan`) ask with a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from seedclean.linebreaks import chars, guards
from seedclean.linebreaks import labels as lab
from seedclean.linebreaks.config import BreaksConfig
from seedclean.linebreaks.segment import Block


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
    opener, list_start, lead, particle = lab.opening(text, head)
    if label is None:
        label = lab.label_text(text, headline_chars)
    headline = (
        lab.list_headline(text, headline_chars)
        if label == lab.LIST
        else lab.headline_strength(text, headline_chars)
    )
    return Facts(
        label,
        headline,
        lab.caption_like(text),
        lab.DATE_LEAD.match(text) is not None,
        opener,
        list_start,
        lead,
        particle,
        lab.field_line(text),
        lab.dash_label(text, headline_chars),
        chars.HAN_CHAR.search(text) is not None,
        lab.title_line(text),
        chars.doi_end(text),
        chars.statement_end(text),
        lab.label_start(head),
    )


class Ends(NamedTuple):
    """What the end of a block shows of a genuine break after it (see :mod:`.guards`).

    Asked only at a seam whose A ends in a word (elsewhere a row above
    them in the table decides), so they are not part of :class:`Facts`.
    """

    closed_tail: bool  # ends with a numbered heading or a byline after its text
    address_end: bool  # ends with an affiliation's postal code in brackets (…，成都，610066）)
    field_end: bool  # ends with a [label] value field (…[产品售价] 3299元)
    cells_end: bool  # its last line is a table row of space-separated cells
    stat_end: bool  # ends with a bracketed significance test (…( $P <$ 0.05))


class Starts(NamedTuple):
    """What the start of a block shows of a genuine break before it (as :class:`Ends`)."""

    authors_start: bool  # opens with reference authors (Zhang K，Li M，…)
    cells_start: bool  # its first line is a table row
    english_start: bool  # opens with an English sentence (Let us first consider…)
    dateline: bool  # holds a news dateline near its start (…新浪娱乐讯 11月6日，)


#: The ends and starts of a block no guard holds for.
NO_ENDS = Ends(False, False, False, False, False)
NO_STARTS = Starts(False, False, False, False)


def ends(text: str) -> Ends:
    """Compute the :class:`Ends` of a block's ``text``."""
    return Ends(
        guards.closed_tail(text),
        guards.address_end(text),
        guards.field_end(text),
        guards.cells_end(text),
        guards.stat_end(text),
    )


def starts(text: str) -> Starts:
    """Compute the :class:`Starts` of a block's ``text``."""
    return Starts(
        guards.authors_start(text),
        guards.cells_start(text),
        guards.english_start(text),
        guards.dateline_near_start(text),
    )


class Memo:
    """Facts and edges of block texts, shared by the passes of one repair.

    Both depend on a block's text alone (and the config), so a later pass
    reuses what an earlier pass computed for a block it reads again.
    """

    __slots__ = (
        "counts",
        "edges",
        "ends",
        "facts",
        "headline_chars",
        "labels",
        "open_pairs",
        "starts",
        "window",
        "words",
    )

    def __init__(self, headline_chars: int, window: int) -> None:
        self.headline_chars = headline_chars
        self.window = window
        self.edges: dict[str, Edge] = {}
        self.ends: dict[str, Ends] = {}
        self.starts: dict[str, Starts] = {}
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

    def end(self, text: str) -> Ends:
        found = self.ends.get(text)
        if found is None:
            found = self.ends[text] = ends(text)
        return found

    def start(self, text: str) -> Starts:
        found = self.starts.get(text)
        if found is None:
            found = self.starts[text] = starts(text)
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
            found = facts.label if facts is not None else lab.label_text(text, self.headline_chars)
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


class View:
    """The blocks of one pass's ``text`` and their lazily computed facts.

    Args:
        text: the text of this pass.
        blocks: its blocks (:func:`.segment.segment`).
        config: tuning values.
        max_overlap: longest seam repeat to look for; ``None`` when
            ``seam-overlap`` is off.
        memo: block facts an earlier pass computed (this pass adds its own).
    """

    def __init__(
        self,
        text: str,
        blocks: list[Block],
        config: BreaksConfig,
        max_overlap: int | None,
        memo: Memo,
    ) -> None:
        self.text = text
        self.config = config
        self.blocks = blocks
        self.facts: list[Facts | None] = [None] * len(blocks)
        self.edges: list[Edge | None] = [None] * len(blocks)
        self.labels: list[str | None] = [None] * len(blocks)
        self.max_overlap = max_overlap
        self.memo = memo
        self.reach = 0
        #: a continuation the lookahead found past a markdown heading and refused
        #: (its block and the reason), for the ``seam-unresolved`` notice
        self.refused: tuple[int, str] | None = None
        # pair counts of the chain last asked about (see left_open)
        self._chain: Sequence[int] = ()
        self._chain_len = 0
        self._chain_last = -1
        self._chain_counts: list[int] = []

    # -- facts ------------------------------------------------------------------
    def edge(self, i: int) -> Edge:
        if i > self.reach:
            self.reach = i
        found = self.edges[i]
        if found is None:
            found = self.edges[i] = self.memo.edge(self.blocks[i].text)
        return found

    def fact(self, i: int) -> Facts:
        if i > self.reach:
            self.reach = i
        found = self.facts[i]
        if found is None:
            found = self.facts[i] = self.memo.fact(self.blocks[i].text)
        return found

    def ends(self, i: int) -> Ends:
        """What the end of block ``i`` shows of a genuine break (see :class:`Ends`)."""
        if i > self.reach:
            self.reach = i
        return self.memo.end(self.blocks[i].text)

    def starts(self, i: int) -> Starts:
        """What the start of block ``i`` shows of a genuine break (see :class:`Starts`)."""
        if i > self.reach:
            self.reach = i
        return self.memo.start(self.blocks[i].text)

    def label(self, i: int) -> str:
        if i > self.reach:
            self.reach = i
        found = self.labels[i]
        if found is None:
            facts = self.facts[i]
            found = self.labels[i] = (
                facts.label if facts is not None else self.memo.label(self.blocks[i].text)
            )
        return found

    def left_open(self, members: Sequence[int]) -> int:
        """Quotes and brackets the paragraph made of blocks ``members`` leaves open.

        Counted over the joined text: a quote opened in one block and closed in
        a later one is closed.  The walk asks again after each block it appends
        to ``members`` (an append-only list per paragraph), so the pair counts of
        the chain are kept and extended by the new block instead of rescanning
        the whole chain at every seam (which made long chains quadratic).
        """
        blocks = self.blocks
        n = len(members)
        if n == 1:
            return self.memo.unclosed(blocks[members[0]].text)
        if n == 0:
            return 0
        counts = self._chain_counts
        done = self._chain_len
        if self._chain is not members or not 0 < done <= n or members[done - 1] != self._chain_last:
            counts = list(self.memo.pair_counts(blocks[members[0]].text))
            self._chain, self._chain_len = members, 1
        for k in range(self._chain_len, n):
            left, right = blocks[members[k - 1]].text, blocks[members[k]].text
            for slot, count in enumerate(self.memo.pair_counts(right)):
                counts[slot] += count
            seam = chars.digit_quote_seam(left, right)
            if seam >= 0:
                counts[seam] -= 1
        self._chain_counts, self._chain_len, self._chain_last = counts, n, members[n - 1]
        return chars.open_total(counts, blocks[members[n - 1]].text)

    def chain_headline(self, members: Sequence[int]) -> int:
        """Heading strength of the joined text of a chain (a headline cut by a column break)."""
        limit = self.config.headline_chars
        texts: list[str] = []
        total = 0
        for m in members:  # stops at the limit: a long chain is never a headline
            text = self.blocks[m].text
            total += len(text)
            if total > limit:
                return 0
            texts.append(text)
        return lab.headline_strength("".join(texts), limit)

    def caption_like(self, i: int) -> bool:
        """A body block that reads as a photo caption (see :func:`.labels.caption_like`).

        Dated, or undated but set apart by extra blank lines (a layout island).
        """
        found = self.fact(i)
        return found.caption_like and (found.dated or self.island(i))

    def island(self, i: int) -> bool:
        """Whether block ``i`` is set apart by two or more blank lines on one side."""
        blocks, text = self.blocks, self.text
        before = i > 0 and text.count("\n", blocks[i - 1].end, blocks[i].start) >= 3
        if before:
            return True
        if i + 1 < len(blocks):
            self.reach = max(self.reach, i + 1)
            return text.count("\n", blocks[i].end, blocks[i + 1].start) >= 3
        return False

    def column_break(self, tail: int, nxt: int) -> bool:
        """Whether the layout marks a column break between blocks ``tail`` and ``nxt``.

        Interlopers sit between them, or the gap holds two or more blank lines.
        """
        blocks = self.blocks
        return nxt > tail + 1 or self.text.count("\n", blocks[tail].end, blocks[nxt].start) >= 3
