"""What one repair pass knows about its blocks, and the seam decision built on it.

A pass asks about the same block several times (as the right side of one
seam, the left side of the next, a lookahead candidate, an interloper), so a
:class:`View` computes each block's edge, label and facts on first use and
keeps them per pass (backed by the :class:`~.facts.Memo` shared by all passes).
It also tracks ``reach``, the last block a decision read, which bounds the
window a paragraph's decision depended on (see :mod:`.repair`).

The walk (:mod:`.walk`), the interloper lookahead (:mod:`.lookahead`) and the
edit planner (:mod:`.plan`) all read blocks through a view.
"""

from __future__ import annotations

from collections.abc import Sequence

from seedclean.linebreaks import blocks as bl
from seedclean.linebreaks import chars, guards, lexicon, seams
from seedclean.linebreaks.config import BreaksConfig
from seedclean.linebreaks.facts import Edge, Facts, Memo
from seedclean.linebreaks.segment import Block

#: Labels that may end a paragraph that continues (a list item can be cut too) ...
LEFT_OK = frozenset({bl.BODY, bl.HEADLINE, bl.LIST})
#: ... and labels that may continue one.
RIGHT_OK = frozenset({bl.BODY, bl.HEADLINE})
#: Interlopers that are layout rather than text (a repeat may be read across them).
_LAYOUT = frozenset({bl.CAPTION, bl.BYLINE, bl.FURNITURE, bl.MARKER, bl.IMAGE})
BARRIER = seams.Decision(False, True, "a barrier block (heading, list, caption, …)")
SENTENCE_END = seams.Decision(False, True, "A ends a sentence")
CAPTION = seams.Decision(False, False, "B reads as a caption (one dated or set-apart sentence)")
HEADLINE = seams.Decision(False, False, "heading-like block without hard evidence")
URL_END = seams.Decision(False, True, "A ends in a URL or e-mail address: never joined to text")
LATIN_STOP = seams.Decision(False, True, "A ends a sentence with '.' after Chinese text")


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
        return bl.headline_strength("".join(texts), limit)

    def caption_like(self, i: int) -> bool:
        """A body block that reads as a photo caption (see :func:`.blocks.caption_like`).

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

    # -- the seam decision ------------------------------------------------------
    def decide(
        self, tail: int, chain: int, members: Sequence[int], nxt: int, captions: bool = True
    ) -> seams.Decision:
        """Decide the seam between the paragraph ending in block ``tail`` and block ``nxt``.

        A caption-like block (see :meth:`caption_like`) is not a continuation
        (:data:`CAPTION`) unless it is only set apart by blank lines (not
        dated) and the table finds hard evidence that it continues ``tail``
        (``…、`` ‖ ``绿色发展、农业…。``); ``captions=False`` decides it as an
        ordinary block.  ``members``: the blocks joined into the paragraph so far
        (their open quotes and brackets only matter when ``tail`` does not end a
        sentence, so they are counted only then).
        """
        a, b = self.edge(tail), self.edge(nxt)
        if seams.quick_break(a, b, self.max_overlap):
            return SENTENCE_END
        # a joined chain is body text: its last block's label and facts are not needed
        if chain == 1 and self.label(tail) not in LEFT_OK:
            return BARRIER
        if self.label(nxt) not in RIGHT_OK:
            return BARRIER
        a_text = self.blocks[tail].text
        if guards.latin_stop(a.tail):
            return LATIN_STOP
        if b.start_char > "\x7f" and guards.url_end(a_text):
            return URL_END
        a_facts = self.fact(tail) if chain == 1 else None
        b_facts = self.fact(nxt)
        caption = captions and self.caption_like(nxt)
        if caption and b_facts.dated:
            return CAPTION
        unclosed = self.left_open(members) if a.end != "terminal" else 0
        headline = a_facts.headline if a_facts is not None else self.chain_headline(members)
        # a repeat is only dropped between two fragments of one sentence: a
        # heading-like A may be a headline whose last words open the body
        # (…加沙地带 ‖ 加沙地带媒体办公室…), so its repeat is no evidence unless
        # the layout marks a column break or B starts inside a quote (…推动 ‖ 项行动”推动…)
        feats = seams.features(a, a_facts, headline, b, b_facts, unclosed, self.max_overlap)
        if feats.overlap and (
            (headline == 2 and not (self.column_break(tail, nxt) or chars.closes_unopened(b.head)))
            or not self.adjacent(tail, nxt)
            or guards.starts_text(b.head)
        ):
            # a repeat is only dropped between two fragments adjacent in the
            # source, and never when B opens like a text (赵乐际 ‖ 赵乐际表示，…)
            feats = feats._replace(overlap=0)
        decision = seams.decide(feats)
        if caption and not (decision.join and decision.hard):
            return CAPTION
        heading = decision.reason in seams.HEADING_ROWS or (
            decision.join
            and not decision.hard
            and (
                (a_facts is not None and a_facts.label == bl.HEADLINE)
                or b_facts.label == bl.HEADLINE
                or (a_facts is not None and self.titled(tail, nxt))
            )
        )
        if not heading:
            return decision
        if a.end == "word" and b.start == "word":
            lexical = self.word_across(tail, nxt)
            if lexical is not None:
                return lexical
        return HEADLINE if decision.join else decision

    def titled(self, tail: int, nxt: int) -> bool:
        """Whether block ``tail`` reads as a title before ``nxt`` (see :mod:`.guards`).

        A title-like block (short, no full stop, ending in a word) with a
        ``！``/``？`` inside (``巴萨创下18年最差防守纪录！11轮西甲已丢14球``), or
        followed by its byline (``踔厉前行，开启…新篇章`` ‖ ``中华人民共和国主席 习近平``),
        or a bare dateline with a headline after it: a generic join would glue
        the title to the body, so only evidence about the seam itself joins it.
        """
        text = self.blocks[tail].text
        across = nxt > tail + 1
        if across and guards.bare_dateline(text):
            return True
        if not guards.title_like(text):
            return False
        return guards.exclaims(text) or (across and self.label(tail + 1) == bl.BYLINE)

    def adjacent(self, tail: int, nxt: int) -> bool:
        """Whether blocks ``tail`` and ``nxt`` are neighbours in the source.

        Only marked interlopers (a cue caption, byline, furniture, marker,
        image: layout, not text) may sit between them; a body or heading-like
        block between them is text the seam would skip.
        """
        return all(self.label(m) in _LAYOUT for m in range(tail + 1, nxt))

    def word_across(self, tail: int, nxt: int, bits: int = 0) -> seams.Decision | None:
        """A hard join when a dictionary word runs across the seam (see :mod:`.lexicon`).

        Asked only where the shape of a side (heading-like) would keep the
        break: ``…党支部在党`` ‖ ``员队伍中…`` is a cut word, not a heading.
        ``bits``: a lower threshold than ``config.word_bits`` (0: the config's).
        """
        threshold = self.config.word_bits
        if threshold <= 0:
            return None
        if bits > 0:
            threshold = min(threshold, bits)
        key = (self.edge(tail).tail[-lexicon.WINDOW :], self.edge(nxt).head[: lexicon.WINDOW])
        found = self.memo.words.get(key)
        if found is None:
            found = self.memo.words[key] = lexicon.cohesion(*key)
        bits, word = found
        if bits < threshold or not word:
            return None
        return seams.Decision(True, True, f"{seams.WORD_ACROSS} ({word}, {bits} bits)")
