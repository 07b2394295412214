"""One repair walk: rebuild paragraphs block by block and plan every change.

The walk keeps one open paragraph (a chain of joined body blocks) and asks
:mod:`.seams` about the next block.  When the next block is an interloper
(caption, heading, byline, furniture) and the paragraph is still open, it looks
ahead past at most ``config.lookahead`` interlopers for a continuation; if one
is found, the interlopers are moved, verbatim and in order, to right after the
repaired paragraph, each preceded by exactly one blank line.

Each paragraph the walk starts and leaves unchanged records the span of text
it read (its *window*), so that a later pass can skip it when nothing in that
span changed (see :mod:`.repair`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from seedclean.edits import Replacement
from seedclean.linebreaks import blocks as bl
from seedclean.linebreaks import chars, seams
from seedclean.linebreaks.config import BreaksConfig
from seedclean.linebreaks.facts import Edge, Facts, Memo
from seedclean.linebreaks.overlap import single_repeat

JOIN = "join-seam"
RELOCATE = "relocate-interloper"
OVERLAP = "seam-overlap"
SINGLE = "seam-overlap-single"
HYPHEN = "join-hyphen"

_CANDIDATES = bl.INTERLOPERS | {bl.BODY}
#: Labels that may end a paragraph that continues (a list item can be cut too) ...
_LEFT_OK = frozenset({bl.BODY, bl.HEADLINE, bl.LIST})
#: ... and labels that may continue one.
_RIGHT_OK = frozenset({bl.BODY, bl.HEADLINE})
_BARRIER = seams.Decision(False, True, "a barrier block (heading, list, caption, …)")
_SENTENCE_END = seams.Decision(False, True, "A ends a sentence")
_CAPTION = seams.Decision(False, False, "B reads as a caption (one dated or set-apart sentence)")
_HEADLINE = seams.Decision(False, False, "heading-like block without hard evidence")


class Walk:
    """State of one repair pass over the blocks of ``text``.

    Args:
        text: the text of this pass.
        config: tuning values.
        active: the active rule ids of this step.
        stable: offsets of paragraph starts that a previous pass read and left
            unchanged and whose window nothing changed since, mapped to how many
            blocks that paragraph spanned; the walk skips them.  ``None``: none.
        memo: block facts an earlier pass computed (this walk adds its own).
    """

    def __init__(
        self,
        text: str,
        config: BreaksConfig,
        active: Collection[str],
        stable: dict[int, int] | None = None,
        memo: Memo | None = None,
    ) -> None:
        self.text = text
        self.config = config
        self.blocks = bl.segment(text)
        self.facts: list[Facts | None] = [None] * len(self.blocks)
        self.edges: list[Edge | None] = [None] * len(self.blocks)
        self.labels: list[str | None] = [None] * len(self.blocks)
        self.max_overlap = config.max_overlap if OVERLAP in active else None
        self.can_relocate = RELOCATE in active
        self.hyphen = HYPHEN in active
        self.single = SINGLE in active
        self.stable = stable or {}
        self.memo = memo or Memo(config.headline_chars, config.max_overlap + 1)
        self.out: list[Replacement] = []
        #: paragraph start offset -> (window end offset, blocks advanced), for
        #: paragraphs this walk read and left unchanged.
        self.windows: dict[int, tuple[int, int]] = {}
        self.reach = 0

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
        a later one is closed.
        """
        blocks = self.blocks
        if len(members) == 1:
            return self.memo.unclosed(blocks[members[0]].text)
        return chars.unclosed("".join(blocks[m].text for m in members))

    # -- decisions --------------------------------------------------------------
    def decide(
        self, tail: int, chain: int, members: Sequence[int], nxt: int, captions: bool = True
    ) -> seams.Decision:
        """Decide the seam between the paragraph ending in block ``tail`` and block ``nxt``.

        A caption-like block (see :meth:`caption_like`) is not a continuation
        (:data:`_CAPTION`) unless it is only set apart by blank lines (not
        dated) and the table finds hard evidence that it continues ``tail``
        (``…、`` ‖ ``绿色发展、农业…。``); ``captions=False`` decides it as an
        ordinary block.  ``members``: the blocks joined into the paragraph so far
        (their open quotes and brackets only matter when ``tail`` does not end a
        sentence, so they are counted only then).
        """
        a, b = self.edge(tail), self.edge(nxt)
        if seams.quick_break(a, b, self.max_overlap):
            return _SENTENCE_END
        # a joined chain is body text: its last block's label and facts are not needed
        if chain == 1 and self.label(tail) not in _LEFT_OK:
            return _BARRIER
        if self.label(nxt) not in _RIGHT_OK:
            return _BARRIER
        a_facts = self.fact(tail) if chain == 1 else None
        b_facts = self.fact(nxt)
        caption = captions and self.caption_like(nxt)
        if caption and b_facts.dated:
            return _CAPTION
        unclosed = self.left_open(members) if a.end != "terminal" else 0
        headline = a_facts.headline if a_facts is not None else self.chain_headline(members)
        feats = seams.features(a, a_facts, headline, b, b_facts, unclosed, self.max_overlap)
        decision = seams.decide(feats)
        if caption and not (decision.join and decision.hard):
            return _CAPTION
        if (
            decision.join
            and not decision.hard
            and (
                (a_facts is not None and a_facts.label == bl.HEADLINE)
                or b_facts.label == bl.HEADLINE
            )
        ):
            return _HEADLINE
        return decision

    def chain_headline(self, members: Sequence[int]) -> int:
        """Heading strength of the joined text of a chain (a headline cut by a column break)."""
        texts = [self.blocks[m].text for m in members]
        limit = self.config.headline_chars
        if sum(map(len, texts)) > limit:
            return 0
        return bl.headline_strength("".join(texts), limit)

    def is_open(self, tail: int, chain: int) -> bool:
        """Whether the paragraph ending in ``tail`` may continue past an interloper."""
        a = self.edge(tail)
        if not (a.end == "word" or (a.end == "open" and a.end_char not in "：:；;")):
            return False
        return chain > 1 or self.label(tail) in _LEFT_OK

    def _may_interlope(self, tail: int, chain: int, j: int, decision: seams.Decision) -> bool:
        """Whether block ``j`` may be an interloper inside the open paragraph ending in ``tail``.

        A block that cannot continue the paragraph (a heading, caption, byline,
        furniture) is always looked past.  A block that could continue it is
        looked past only when it is a heading-like line that does not itself
        run on into the block after it.  (Caption-like body blocks never join
        an open paragraph, see :meth:`decide`, so they are always looked past.)
        """
        if not self.is_open(tail, chain) or self.label(j) not in _CANDIDATES:
            return False
        if not decision.join:
            return True
        return self.label(j) == bl.HEADLINE and (
            j + 1 < len(self.blocks) and not self.decide(j, 1, (), j + 1).join
        )

    def _island_fallback(
        self, tail: int, chain: int, members: Sequence[int], j: int, decision: seams.Decision
    ) -> seams.Decision:
        """Join an undated caption-like block after all when nothing else continues ``tail``.

        A one-sentence block set apart by blank lines may be a photo caption or
        the short last fragment of the paragraph after a column break
        (``…可以`` ‖ ``说她把亚洲主场优势发挥到了淋漓尽致。``).  When the lookahead
        found no continuation past it and the table, deciding it as an
        ordinary block, joins, it is the continuation.
        """
        if decision is not _CAPTION or self.fact(j).dated or not self.is_open(tail, chain):
            return decision
        return self.decide(tail, chain, members, j, captions=False)

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

    def lookahead(self, tail: int, chain: int, members: Sequence[int], first: int) -> int:
        """Index of the continuation past interlopers starting at ``first``, or -1."""
        limit = min(len(self.blocks), first + self.config.lookahead + 1)
        for c in range(first, limit):
            kind = self.label(c)
            if kind == bl.BODY:
                decision = self.decide(tail, chain, members, c)
                if decision is _CAPTION:
                    continue
                return c if decision.join else -1
            if kind == bl.HEADLINE and c > first:
                # a heading-like line after a caption may be the continuation itself
                decision = self.decide(tail, chain, members, c)
                if decision.join and decision.hard:
                    return c
            if kind not in bl.INTERLOPERS:
                return -1
        return -1

    # -- edits ------------------------------------------------------------------
    def join(self, tail: int, nxt: int, decision: seams.Decision) -> None:
        """Record the edits that join block ``tail`` (ending the paragraph) to ``nxt``."""
        a, b = self.blocks[tail], self.blocks[nxt]
        wide = self.text.count("\n", a.end, b.start) >= 3
        decision = self._single(a, b, decision, wide)
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

    def _single(
        self, a: bl.Block, b: bl.Block, decision: seams.Decision, evidence: bool
    ) -> seams.Decision:
        """Add a one-character repeat to a join that has layout evidence of a column break.

        ``evidence``: an interloper sits in the seam, or the gap holds two or
        more blank lines.  See :func:`.overlap.single_repeat` for the character test.
        """
        if decision.overlap or not self.single or not evidence:
            return decision
        if single_repeat(a.text[-2:], self.text[b.cstart : b.cstart + 2]):
            return decision._replace(overlap=1)
        return decision

    def _overlap(self, a: bl.Block, b: bl.Block, decision: seams.Decision) -> None:
        k = decision.overlap
        if k:
            repeat = self.text[b.cstart : b.cstart + k]
            rule = OVERLAP if k > 1 else SINGLE
            self.out.append(
                Replacement(b.cstart, b.cstart + k, "", rule, f"repeats {repeat!r}", a.end - k)
            )

    def relocate(self, tail: int, c: int, decision: seams.Decision) -> list[int]:
        """Join ``tail`` to ``c`` over the interlopers between them; return their indices."""
        a, b = self.blocks[tail], self.blocks[c]
        movers = list(range(tail + 1, c))
        decision = self._single(a, b, decision, True)
        note = f"{decision.reason}; across {len(movers)} interloper(s)"
        self._gap(a, a.end, self.blocks[movers[0]].start, b, decision, note)
        for i in movers:
            stop = b.cstart if i + 1 == c else self.blocks[i + 1].start
            self.out.append(
                Replacement(self.blocks[i].start, stop, "", RELOCATE, "moved after the paragraph")
            )
        self._overlap(a, b, decision)
        return movers

    # -- the walk ---------------------------------------------------------------
    def run(self) -> list[Replacement]:
        """Walk every block; return the planned replacements (input offsets)."""
        i, n = 0, len(self.blocks)
        blocks, stable, windows = self.blocks, self.stable, self.windows
        edge, quick, max_overlap = self.edge, seams.quick_break, self.max_overlap
        while i < n:
            start = blocks[i].start
            skip = stable.get(start, 0)
            if skip:
                i += skip
                continue
            self.reach = i
            if i + 1 < n and quick(edge(i), edge(i + 1), max_overlap):
                # the commonest paragraph: one block that ends a sentence before
                # a block that cannot continue it (what paragraph() finds first)
                windows[start] = (blocks[i + 1].end if i + 2 < n else len(self.text), 1)
                i += 1
                continue
            before = len(self.out)
            nxt = self.paragraph(i)
            if len(self.out) == before:
                last = min(max(self.reach, nxt - 1), n - 1)
                end = blocks[last].end if last + 1 < n else len(self.text)
                windows[start] = (end, nxt - i)
            i = nxt
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
        members = [i]
        movers: list[int] = []
        checkpoint = (len(self.out), -1)
        j = i + 1
        while j < n:
            decision = self.decide(tail, chain, members, j)
            if decision is _SENTENCE_END:
                break  # the paragraph is closed: no lookahead, no fallback
            c = -1
            if self.can_relocate and self._may_interlope(tail, chain, j, decision):
                c = self.lookahead(tail, chain, members, j)
            if c >= 0:
                if not movers:
                    checkpoint = (len(self.out), j)
                decision = self.decide(tail, chain, members, c)
                movers.extend(self.relocate(tail, c, decision))
                j = c
            elif decision.join:
                self.join(tail, j, decision)
            elif (fallback := self._island_fallback(tail, chain, members, j, decision)).join:
                self.join(tail, j, fallback)
            else:
                break
            members.append(j)
            tail, chain = j, chain + 1
            j += 1
        if movers:
            if self.edge(tail).end != "terminal":
                del self.out[checkpoint[0] :]
                return checkpoint[1]
            moved = "\n\n".join(blocks[m].text for m in movers)
            end = blocks[tail].end
            self.out.append(
                Replacement(end, end, "\n\n" + moved, RELOCATE, "after the repaired paragraph")
            )
        return j
