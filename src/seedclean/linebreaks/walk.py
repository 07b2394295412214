"""One repair pass: rebuild paragraphs block by block and plan every change.

The walk keeps one open paragraph (a chain of joined body blocks) and asks the
seam decision (:func:`.decision.decide`) about the next block.  When the next
block is an interloper (caption, heading, byline, furniture) and the paragraph
is still open, it looks ahead (:mod:`.lookahead`) for a continuation; if one is
found, the interlopers are moved, verbatim and in order, to right after the
repaired paragraph, each preceded by exactly one blank line.  The edits
themselves are built by :class:`.plan.Planner`.

Each paragraph the walk starts and leaves unchanged records the span of text
it read (its *window*), so that a later pass can skip it when nothing in that
span changed (see :mod:`.repair`).
"""

from __future__ import annotations

from collections.abc import Collection

from seedclean.edits import Replacement
from seedclean.linebreaks import labels as lab
from seedclean.linebreaks import lookahead, table
from seedclean.linebreaks.catalog import OVERLAP, RELOCATE, UNRESOLVED
from seedclean.linebreaks.config import BreaksConfig
from seedclean.linebreaks.decision import LEFT_OK, SENTENCE_END, decide, word_across
from seedclean.linebreaks.plan import Planner
from seedclean.linebreaks.segment import Block, segment
from seedclean.linebreaks.view import Memo, View

#: Interlopers marked as such (not only shaped like a headline, not a plain sentence).
_MARKED = lab.INTERLOPERS - {lab.HEADLINE}


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
        blocks: the blocks of ``text`` when already segmented.
    """

    def __init__(
        self,
        text: str,
        config: BreaksConfig,
        active: Collection[str],
        stable: dict[int, int] | None = None,
        memo: Memo | None = None,
        blocks: list[Block] | None = None,
    ) -> None:
        found = segment(text) if blocks is None else blocks
        max_overlap = config.max_overlap if OVERLAP in active else None
        shared = memo or Memo(config.headline_chars, config.max_overlap + 1)
        #: what this pass knows about its blocks (the walk asks, the view remembers)
        self.view = View(text, found, config, max_overlap, shared)
        self.blocks = found
        self.text = text
        self.can_relocate = RELOCATE in active
        self.stable = stable or {}
        self.plan = Planner(text, found, active)
        #: paragraph start offset -> (window end offset, blocks advanced), for
        #: paragraphs this walk read and left unchanged.
        self.windows: dict[int, tuple[int, int]] = {}
        self.notify = UNRESOLVED in active
        #: ``seam-unresolved`` notices: (end of A, start of B, message), this text's offsets.
        self.unresolved: list[tuple[int, int, str]] = []
        #: paragraphs walked by :meth:`paragraph` (their notices replace older ones).
        self.spans: list[tuple[int, int]] = []

    def run(self) -> list[Replacement]:
        """Walk every block; return the planned replacements (input offsets)."""
        view = self.view
        i, n = 0, len(self.blocks)
        blocks, stable, windows = self.blocks, self.stable, self.windows
        edge, quick, max_overlap = view.edge, table.quick_break, view.max_overlap
        out = self.plan.out
        while i < n:
            start = blocks[i].start
            skip = stable.get(start, 0)
            if skip:
                i += skip
                continue
            view.reach = i
            if i + 1 < n and quick(edge(i), edge(i + 1), max_overlap):
                # the commonest paragraph: one block that ends a sentence before
                # a block that cannot continue it (what paragraph() finds first)
                windows[start] = (blocks[i + 1].end if i + 2 < n else len(self.text), 1)
                i += 1
                continue
            before = len(out)
            view.refused = None
            nxt = self.paragraph(i)
            if self.notify:
                self.spans.append((start, blocks[min(nxt, n) - 1].end))
            if len(out) == before:
                last = min(max(view.reach, nxt - 1), n - 1)
                end = blocks[last].end if last + 1 < n else len(self.text)
                windows[start] = (end, nxt - i)
            i = nxt
        return out

    def paragraph(self, i: int) -> int:
        """Build the paragraph that starts at block ``i``; return the next block to start at.

        Relocation is transactional: if the repaired paragraph does not end a
        sentence, the moved blocks would follow an open paragraph and a second
        pass could treat them differently, so the edits from the first
        relocation on are withdrawn and the walk resumes at the first interloper.
        """
        view = self.view
        n = len(self.blocks)
        plan = self.plan
        tail, chain = i, 1
        members = [i]
        movers: list[int] = []
        checkpoint = (len(plan.out), -1)
        j = i + 1
        while j < n:
            decision = decide(view, tail, chain, members, j)
            if decision is SENTENCE_END:
                break  # the paragraph is closed: no lookahead, no fallback
            c, sentence, between = -1, False, False
            if self.can_relocate:
                if lookahead.may_interlope(view, tail, chain, j, decision):
                    c = lookahead.continuation(view, tail, chain, members, j)
                    if c >= 0 and lookahead.plausible(view, j, decision):
                        # an unmarked heading-like block that may be the continuation
                        settled = lookahead.nearest(view, tail, chain, members, j, decision, c)
                        if settled is not None:
                            c, decision = -1, settled
                else:
                    c = lookahead.past_sentence(view, tail, chain, members, j, decision)
                    sentence = c >= 0
                if c < 0:
                    c = lookahead.woven(view, tail, chain, members, j, decision)
                    between = c >= 0
                if c >= 0 and lookahead.cut_word_between(view, j, c):
                    c = -1
            if c >= 0:
                if not movers:
                    checkpoint = (len(plan.out), j)
                decision = decide(view, tail, chain, members, c)
                if decision.join and not decision.hard:
                    # name the language evidence when it backs a generic join
                    decision = word_across(view, tail, c, lookahead.ACROSS_TITLE_BITS) or decision
                if sentence:
                    decision = lookahead.over_sentence(view, tail, c, decision)
                elif between:
                    decision = lookahead.over_text(view, tail, c, decision)
                marked = any(view.label(m) in _MARKED for m in range(tail + 1, c))
                movers.extend(plan.relocate(tail, c, decision, marked))
                j = c
            elif decision.join:
                plan.join(tail, j, decision)
            elif (
                fallback := lookahead.island_fallback(view, tail, chain, members, j, decision)
            ).join:
                plan.join(tail, j, fallback)
            else:
                if self.notify:
                    self.report(tail, chain, j, decision)
                break
            members.append(j)
            tail, chain = j, chain + 1
            j += 1
        if movers:
            if view.edge(tail).end != "terminal":
                del plan.out[checkpoint[0] :]
                return checkpoint[1]
            plan.place(tail, movers)
        return j

    def report(self, tail: int, chain: int, j: int, decision: table.Decision) -> None:
        """Record a ``seam-unresolved`` notice when the break after ``tail`` looks like a cut.

        The paragraph is open (it ends in a character or continuing
        punctuation, and is not heading-like), the next block reads like body
        text that could continue it, and only weak evidence kept them apart (a
        soft row of the table, a caption or heading shape); or the continuation
        was found past a markdown heading that weak evidence may not cross.
        """
        view = self.view
        a = view.edge(tail)
        if a.end not in ("word", "open") or a.end_char in "：:；;":
            return
        if chain == 1 and (view.label(tail) not in LEFT_OK or view.fact(tail).headline == 2):
            return
        refused = view.refused
        if refused is not None and refused[0] >= j:
            b, reason = refused
        else:
            if decision.hard or view.label(j) != lab.BODY:
                return
            facts = view.fact(j)
            if facts.headline == 2 or facts.opener or facts.list_start:
                return
            if view.edge(j).start not in ("word", "quote"):
                return
            b, reason = j, decision.reason
        left, right = self.blocks[tail], self.blocks[b]
        shown = f"…{left.text[-8:]} ‖ {right.text.lstrip()[:8]}…"
        self.unresolved.append(
            (left.end, right.cstart, f"looks split but left apart ({reason}): {shown}")
        )
