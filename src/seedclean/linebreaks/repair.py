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

from seedclean.edits import Edit, Explained, OffsetMap, Replacement, splice
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
        strength = bl.headline_strength(block.text, self.config.headline_chars) if chain == 1 else 0
        return seams.Side(block.text, strength, unclosed)

    def decide(self, tail: int, chain: int, unclosed: int, nxt: int) -> seams.Decision:
        """Decide the seam between the paragraph ending in block ``tail`` and block ``nxt``."""
        a, b = self.blocks[tail], self.blocks[nxt]
        cfg = self.config
        if seams.quick_break(a.text, b.text, self.use_overlap, cfg.max_overlap):
            return seams.Decision(False, True, "A ends a sentence")
        a_label = bl.BODY if chain > 1 else self.label(tail)
        b_label = self.label(nxt)
        if a_label not in _LEFT_OK or b_label not in _RIGHT_OK:
            return seams.Decision(False, True, "a barrier block (heading, list, caption, …)")
        if self.caption_like(nxt):
            return seams.Decision(
                False, False, "B reads as a caption (one dated or set-apart sentence)"
            )
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
        if chain == 1 and self.label(tail) not in _LEFT_OK:
            return False
        end, last = chars.end_char(self.blocks[tail].text)
        return end == "word" or (end == "open" and last not in "：:；;")

    def _may_interlope(self, tail: int, chain: int, j: int, decision: seams.Decision) -> bool:
        """Whether block ``j`` may be an interloper inside the open paragraph ending in ``tail``.

        A block that cannot continue the paragraph (a heading, caption, byline,
        furniture) is always looked past.  A block that could continue it is
        looked past only when it is a heading-like line that does not itself
        run on into the block after it.  (Caption-like body blocks never join
        an open paragraph, see :meth:`decide`, so they are always looked past.)
        """
        if self.label(j) not in _CANDIDATES or not self.is_open(tail, chain):
            return False
        if not decision.join:
            return True
        return self.label(j) == bl.HEADLINE and (
            j + 1 < len(self.blocks) and not self.decide(j, 1, 0, j + 1).join
        )

    def caption_like(self, i: int) -> bool:
        """A body block that reads as a photo caption (see :func:`.blocks.caption_like`).

        Dated, or undated but set apart by extra blank lines (a layout island).
        """
        text = self.blocks[i].text
        return bl.caption_like(text) and bool(bl.DATE_LEAD.match(text) or self.island(i))

    def island(self, i: int) -> bool:
        """Whether block ``i`` is set apart by two or more blank lines on one side."""
        blocks, text = self.blocks, self.text
        before = i > 0 and text.count("\n", blocks[i - 1].end, blocks[i].start) >= 3
        after = i + 1 < len(blocks) and text.count("\n", blocks[i].end, blocks[i + 1].start) >= 3
        return before or after

    def lookahead(self, tail: int, chain: int, unclosed: int, first: int) -> int:
        """Index of the continuation past interlopers starting at ``first``, or -1."""
        limit = min(len(self.blocks), first + self.config.lookahead + 1)
        for c in range(first, limit):
            kind = self.label(c)
            if kind == bl.BODY:
                if self.caption_like(c):
                    continue
                decision = self.decide(tail, chain, unclosed, c)
                return c if decision.join else -1
            if kind == bl.HEADLINE and c > first:
                # a heading-like line after a caption may be the continuation itself
                decision = self.decide(tail, chain, unclosed, c)
                if decision.join and decision.hard:
                    return c
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
        i, n = 0, len(self.blocks)
        while i < n:
            i = self.paragraph(i)
        return self.out

    def paragraph(self, i: int) -> int:
        """Build the paragraph that starts at block ``i``; return the next block to start at.

        Relocation is transactional: if the repaired paragraph does not end a
        sentence, the moved blocks would follow an open paragraph and a second
        pass could treat them differently, so the edits from the first
        relocation on are withdrawn and the walk resumes at the first interloper.
        """
        blocks, n = self.blocks, len(self.blocks)
        tail, chain = i, 1
        unclosed = chars.unclosed(blocks[i].text)
        movers: list[int] = []
        checkpoint = (len(self.out), -1)
        j = i + 1
        while j < n:
            decision = self.decide(tail, chain, unclosed, j)
            c = -1
            if self.can_relocate and self._may_interlope(tail, chain, j, decision):
                c = self.lookahead(tail, chain, unclosed, j)
            if c >= 0:
                if not movers:
                    checkpoint = (len(self.out), j)
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
            if chars.end_char(blocks[tail].text)[0] != "terminal":
                del self.out[checkpoint[0] :]
                return checkpoint[1]
            moved = "\n\n".join(blocks[m].text for m in movers)
            end = blocks[tail].end
            self.out.append(
                Replacement(end, end, "\n\n" + moved, RELOCATE, "after the repaired paragraph")
            )
        return j


_CANDIDATES = bl.INTERLOPERS | {bl.BODY}
#: Labels that may end a paragraph that continues (a list item can be cut too) ...
_LEFT_OK = frozenset({bl.BODY, bl.HEADLINE, bl.LIST})
#: ... and labels that may continue one.
_RIGHT_OK = frozenset({bl.BODY, bl.HEADLINE})


#: Passes before giving up on a fixed point (a second pass rarely changes anything).
MAX_PASSES = 3


def repair(text: str, config: BreaksConfig, active: Collection[str]) -> Explained:
    """Repair ``text`` with the ``active`` rule ids of this step, to a fixed point.

    A join can change how a block looks from its other side (``截至2023`` is
    heading-like, ``截至2023，`` is not), so the walk repeats on its own output
    until nothing changes; each later pass's edits follow the earlier ones and
    their ``origin``/``ref`` are mapped back to offsets in ``text``.
    """
    if JOIN not in active or "\n" not in text:
        return Explained(text)
    current = text
    edits: list[Edit] = []
    maps: list[OffsetMap] = []
    for _ in range(MAX_PASSES):
        result = splice(current, _Walk(current, config, active).run())
        if not result.edits:
            break
        edits.extend(
            e._replace(origin=_to_input(e.origin, maps), ref=_to_input(e.ref, maps))
            for e in result.edits
        )
        maps.append(OffsetMap(result.edits))
        current = result.text
    return Explained(current, tuple(edits))


def _to_input(offset: int, maps: list[OffsetMap]) -> int:
    if offset < 0:
        return offset
    for offset_map in reversed(maps):
        offset = offset_map.to_input(offset)
    return offset
