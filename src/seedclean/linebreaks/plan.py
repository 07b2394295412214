"""Turn seam decisions into replacements: the joined gap, the dropped repeat, the moved blocks.

Every change is a small :class:`~seedclean.edits.Replacement` in the pass's
input, so a reviewer sees (and can reverse) each one: the removed gap of a
join (``join-seam``, or ``join-hyphen`` with the hyphen), the dropped repeat
(``seam-overlap``, ``seam-overlap-single``), and each interloper's removal
and its re-insertion after the repaired paragraph (``relocate-interloper``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from seedclean.edits import Replacement
from seedclean.linebreaks import chars, lexicon, table
from seedclean.linebreaks import labels as lab
from seedclean.linebreaks.catalog import HYPHEN, JOIN, OVERLAP, RELOCATE, SINGLE
from seedclean.linebreaks.overlap import double_read, single_repeat
from seedclean.linebreaks.segment import Block


class Planner:
    """The replacements one pass plans over ``text``, in the order they were decided.

    Args:
        text: the text of this pass.
        blocks: its blocks.
        active: the active rule ids of this step.
    """

    def __init__(self, text: str, blocks: list[Block], active: Collection[str]) -> None:
        self.text = text
        self.blocks = blocks
        self.hyphen = HYPHEN in active
        self.single = SINGLE in active
        self.overlap = OVERLAP in active
        self.out: list[Replacement] = []

    def join(self, tail: int, nxt: int, decision: table.Decision) -> None:
        """Record the edits that join block ``tail`` (ending the paragraph) to ``nxt``."""
        a, b = self.blocks[tail], self.blocks[nxt]
        # a wide gap alone is no evidence of a column break for a short repeat: cut
        # exactly between a character and its natural double (上海 ‖ 海关, 直航 ‖ 航班,
        # 共产党 ‖ 党旗), real prose lost a character at 16 % of such seams
        decision = self._single(a, b, decision, False)
        decision = self._double(a, b, decision, False)
        self._gap(a, a.end, b.cstart, b, decision, decision.reason)
        self._overlap(a, b, decision)

    def relocate(
        self, tail: int, c: int, decision: table.Decision, marked: bool = True
    ) -> list[int]:
        """Join ``tail`` to ``c`` over the interlopers between them; return their indices.

        ``marked``: an interloper is marked as one (a heading, caption, byline,
        furniture), not only shaped like a headline: that is the column-break
        evidence a one- or two-character repeat needs.
        """
        a, b = self.blocks[tail], self.blocks[c]
        movers = list(range(tail + 1, c))
        decision = self._single(a, b, decision, marked)
        decision = self._double(a, b, decision, marked)
        note = f"{decision.reason}; across {len(movers)} interloper(s)"
        self._gap(a, a.end, self.blocks[movers[0]].start, b, decision, note)
        for i in movers:
            stop = b.cstart if i + 1 == c else self.blocks[i + 1].start
            self.out.append(
                Replacement(self.blocks[i].start, stop, "", RELOCATE, "moved after the paragraph")
            )
        self._overlap(a, b, decision)
        return movers

    def place(self, tail: int, movers: Sequence[int]) -> None:
        """Re-insert the moved blocks, verbatim and in order, after the paragraph at ``tail``."""
        blocks = self.blocks
        moved = "\n\n".join(blocks[m].text for m in movers)
        end = blocks[tail].end
        self.out.append(
            Replacement(end, end, "\n\n" + moved, RELOCATE, "after the repaired paragraph")
        )

    def _gap(
        self, a: Block, start: int, stop: int, b: Block, decision: table.Decision, note: str
    ) -> None:
        """Remove the gap ``[start, stop)`` after block ``a`` (or its hyphen and gap)."""
        head = self.text[b.cstart + decision.overlap : b.cstart + decision.overlap + 1]
        if self.hyphen and chars.HYPHENATED_END.search(a.text) and chars.LOWER_START.match(head):
            self.out.append(Replacement(start - 1, stop, "", HYPHEN, "hyphenated word"))
        else:
            sep = chars.separator(a.text, head)
            self.out.append(Replacement(start, stop, sep, JOIN, note))

    def _single(
        self, a: Block, b: Block, decision: table.Decision, evidence: bool
    ) -> table.Decision:
        """Add a one-character repeat to a join that has layout evidence of a column break.

        ``evidence``: an interloper sits in the seam, or the gap holds two or
        more blank lines.  See :func:`.overlap.single_repeat` for the character test.
        """
        if decision.overlap or not self.single or not evidence:
            return decision
        if single_repeat(a.text[-2:], self.text[b.cstart : b.cstart + 2]):
            return decision._replace(overlap=1)
        return decision

    def _double(
        self, a: Block, b: Block, decision: table.Decision, evidence: bool
    ) -> table.Decision:
        """Add a two-character repeat (``改善`` ‖ ``改善两国关系``) to a join of one sentence.

        Only when ``seam-overlap`` is on, the seam is joined without a repeat
        found yet, the paragraph is not heading-like (a headline whose last
        word opens the body keeps both), and the seam has the layout evidence of
        a column break that :meth:`_single` needs (``evidence``): a cut that
        falls exactly between a word and its natural repeat (``非常`` ‖
        ``非常重要``, ``俄罗斯`` ‖ ``罗斯托夫州``) is as likely as two
        characters read twice, so without it both copies stay.  See
        :func:`.overlap.double_read`.
        """
        if decision.overlap or not self.overlap or not decision.join or not evidence:
            return decision
        head = self.text[b.cstart : b.cstart + 4]
        if head[:2] != a.text[-2:] or lab.headline_strength(a.text) == 2:
            return decision
        left = a.text[-4:]
        # the pair's line of the word table is all the test looks up (not all 133k words)
        if double_read(left, head, lexicon.lexicon().words_for(left[-2:-1])):
            return decision._replace(overlap=2)
        return decision

    def _overlap(self, a: Block, b: Block, decision: table.Decision) -> None:
        k = decision.overlap
        if k:
            repeat = self.text[b.cstart : b.cstart + k]
            rule = OVERLAP if k > 1 else SINGLE
            self.out.append(
                Replacement(b.cstart, b.cstart + k, "", rule, f"repeats {repeat!r}", a.end - k)
            )
