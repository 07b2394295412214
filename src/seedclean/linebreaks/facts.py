"""Everything the seam decision needs to know about one block, computed once.

A walk asks about the same block several times (as the right side of one seam,
the left side of the next, a lookahead candidate, an interloper), so each
block's label, punctuation classes and opener patterns are computed on first
use and kept in a per-walk list: no global cache, no recomputation.
"""

from __future__ import annotations

from typing import NamedTuple

from seedclean.linebreaks import blocks as bl
from seedclean.linebreaks import chars, seams


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
    opener, list_start, lead, particle = seams.opening(text, head)
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
        seams.doi_end(text),
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
