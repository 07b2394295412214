"""The repair walk: rebuild paragraphs block by block and record every change.

The text is split into blocks once; the walk keeps one open paragraph (a chain
of joined body blocks) and asks :mod:`.seams` about the next block.  When the
next block is an interloper (caption, heading, byline, furniture) and the
paragraph is still open, it looks ahead past at most ``config.lookahead``
interlopers for a continuation; if one is found, the interlopers are moved,
verbatim and in order, to right after the repaired paragraph, each preceded by
exactly one blank line.

Every change is a :class:`~seedclean.edits.Replacement` on the input, so the
result is built by :func:`~seedclean.edits.splice` and can be replayed or
reviewed edit by edit: the removed gap of a join (``join-seam``), the removed
hyphen and gap (``join-hyphen``), the dropped repeat (``seam-overlap``), an
interloper's removal and its re-insertion (``relocate-interloper``).
"""

from __future__ import annotations

from collections.abc import Collection

from seedclean.edits import Explained, Replacement, splice
from seedclean.linebreaks import blocks as bl
from seedclean.linebreaks import chars, seams
from seedclean.linebreaks.config import BreaksConfig

JOIN = "join-seam"
RELOCATE = "relocate-interloper"
OVERLAP = "seam-overlap"
HYPHEN = "join-hyphen"


class _Walk:
    """State of one repair pass over a list of blocks."""

    def __init__(self, text: str, config: BreaksConfig, active: Collection[str]) -> None:
        self.text = text
        self.config = config
        self.blocks = bl.segment(text)
        self.labels: list[str | None] = [None] * len(self.blocks)
        self.use_overlap = OVERLAP in active
        self.can_relocate = RELOCATE in active
        self.hyphen = HYPHEN in active
        self.out: list[Replacement] = []

    def label(self, i: int) -> str:
        found = self.labels[i]
        if found is None:
            found = bl.label(self.blocks[i], self.config.headline_chars)
            self.labels[i] = found
        return found

    def side(self, i: int, chain: int, unclosed: int) -> seams.Side:
        block = self.blocks[i]
        headline = chain == 1 and self.label(i) == bl.HEADLINE
        return seams.Side(block.text, headline, unclosed)

    def decide(self, tail: int, chain: int, unclosed: int, nxt: int) -> seams.Decision:
        """Decide the seam between the paragraph ending in block ``tail`` and block ``nxt``."""
        a, b = self.blocks[tail], self.blocks[nxt]
        cfg = self.config
        if seams.quick_break(a.text, b.text, self.use_overlap, cfg.max_overlap):
            return seams.Decision(False, True, "A ends a sentence")
        a_label = bl.BODY if chain > 1 else self.label(tail)
        b_label = self.label(nxt)
        if a_label not in (bl.BODY, bl.HEADLINE) or b_label not in (bl.BODY, bl.HEADLINE):
            return seams.Decision(False, True, "a barrier block (heading, list, caption, …)")
        feats = seams.features(
            self.side(tail, chain, unclosed),
            self.side(nxt, 1, 0),
            self.use_overlap,
            cfg.max_overlap,
        )
        decision = seams.decide(feats)
        if (
            decision.join
            and not decision.hard
            and (a_label == bl.HEADLINE or b_label == bl.HEADLINE)
        ):
            return seams.Decision(False, False, "heading-like block without hard evidence")
        return decision

    def is_open(self, tail: int, chain: int) -> bool:
        """Whether the paragraph ending in ``tail`` may continue past an interloper."""
        if chain == 1 and self.label(tail) != bl.BODY:
            return False
        end, last = chars.end_char(self.blocks[tail].text)
        return end == "word" or (end == "open" and last not in "：:；;")

    def _may_interlope(self, tail: int, chain: int, j: int, decision: seams.Decision) -> bool:
        """Whether block ``j`` may be an interloper inside the open paragraph ending in ``tail``.

        A soft join into a caption-like block (``…青年干警参`` ‖ ``2023年6月27日，…。``)
        is first checked as an interloper: the sentence may go on after the caption.
        """
        if decision.join and (decision.hard or not bl.caption_like(self.blocks[j].text)):
            return False
        return self.label(j) in _CANDIDATES and self.is_open(tail, chain)

    def lookahead(self, tail: int, chain: int, unclosed: int, first: int) -> int:
        """Index of the continuation past interlopers starting at ``first``, or -1."""
        limit = min(len(self.blocks), first + self.config.lookahead + 1)
        for c in range(first, limit):
            kind = self.label(c)
            if kind == bl.BODY:
                if bl.caption_like(self.blocks[c].text):
                    continue
                decision = self.decide(tail, chain, unclosed, c)
                return c if decision.join else -1
            if kind not in bl.INTERLOPERS:
                return -1
        return -1

    def join(self, tail: int, nxt: int, decision: seams.Decision) -> None:
        """Record the edits that join block ``tail`` (ending the paragraph) to ``nxt``."""
        a, b = self.blocks[tail], self.blocks[nxt]
        self._gap(a, a.end, b.cstart, b, decision, decision.reason)
        self._overlap(a, b, decision)

    def _gap(
        self, a: bl.Block, start: int, stop: int, b: bl.Block, decision: seams.Decision, note: str
    ) -> None:
        """Remove the gap ``[start, stop)`` after block ``a`` (or its hyphen and gap)."""
        head = self.text[b.cstart + decision.overlap : b.cstart + decision.overlap + 1]
        if self.hyphen and chars.HYPHENATED_END.search(a.text) and chars.LOWER_START.match(head):
            self.out.append(Replacement(start - 1, stop, "", HYPHEN, "hyphenated word"))
        else:
            sep = chars.separator(a.text, head)
            self.out.append(Replacement(start, stop, sep, JOIN, note))

    def _overlap(self, a: bl.Block, b: bl.Block, decision: seams.Decision) -> None:
        k = decision.overlap
        if k:
            repeat = self.text[b.cstart : b.cstart + k]
            self.out.append(
                Replacement(b.cstart, b.cstart + k, "", OVERLAP, f"repeats {repeat!r}", a.end - k)
            )

    def relocate(self, tail: int, c: int, decision: seams.Decision) -> list[int]:
        """Join ``tail`` to ``c`` over the interlopers between them; return their indices."""
        a, b = self.blocks[tail], self.blocks[c]
        movers = list(range(tail + 1, c))
        note = f"{decision.reason}; across {len(movers)} interloper(s)"
        self._gap(a, a.end, self.blocks[movers[0]].start, b, decision, note)
        for i in movers:
            stop = b.cstart if i + 1 == c else self.blocks[i + 1].start
            self.out.append(
                Replacement(self.blocks[i].start, stop, "", RELOCATE, "moved after the paragraph")
            )
        self._overlap(a, b, decision)
        return movers

    def run(self) -> list[Replacement]:
        blocks = self.blocks
        n = len(blocks)
        i = 0
        while i < n:
            tail, chain = i, 1
            unclosed = chars.unclosed(blocks[i].text)
            movers: list[int] = []
            j = i + 1
            while j < n:
                decision = self.decide(tail, chain, unclosed, j)
                c = -1
                if self.can_relocate and self._may_interlope(tail, chain, j, decision):
                    c = self.lookahead(tail, chain, unclosed, j)
                if c >= 0:
                    decision = self.decide(tail, chain, unclosed, c)
                    movers.extend(self.relocate(tail, c, decision))
                    j = c
                elif decision.join:
                    self.join(tail, j, decision)
                else:
                    break
                unclosed += chars.unclosed(blocks[j].text)
                tail, chain = j, chain + 1
                j += 1
            if movers:
                moved = "\n\n".join(blocks[m].text for m in movers)
                end = blocks[tail].end
                self.out.append(
                    Replacement(end, end, "\n\n" + moved, RELOCATE, "after the repaired paragraph")
                )
            i = j
        return self.out


_CANDIDATES = bl.INTERLOPERS | {bl.BODY}


def repair(text: str, config: BreaksConfig, active: Collection[str]) -> Explained:
    """Run one repair pass over ``text`` with the ``active`` rule ids of this step."""
    if JOIN not in active or "\n" not in text:
        return Explained(text)
    return splice(text, _Walk(text, config, active).run())
