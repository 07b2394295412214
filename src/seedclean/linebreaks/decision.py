"""The seam decision: join the paragraph ending in one block to a later block, or keep the break.

:func:`decide` asks the :class:`~.view.View` about both sides, settles the
cheap cases (a sentence end before a block that cannot continue it, a barrier
label, the :mod:`.guards`), then reads the decision table (:mod:`.table`) and
checks what the table cannot see: a caption-like or heading-like side, a repeat
that is not between two adjacent fragments, and the language evidence of a
word across the seam (:func:`word_across`, :mod:`.lexicon`).
"""

from __future__ import annotations

from collections.abc import Sequence

from seedclean.linebreaks import chars, guards, lexicon, overlap, phrase, table
from seedclean.linebreaks import labels as lab
from seedclean.linebreaks.view import NO_ENDS, NO_STARTS, View

#: Labels that may end a paragraph that continues (a list item can be cut too) ...
LEFT_OK = frozenset({lab.BODY, lab.HEADLINE, lab.LIST})
#: ... and labels that may continue one.
RIGHT_OK = frozenset({lab.BODY, lab.HEADLINE})
#: Interlopers that are layout rather than text (a repeat may be read across them).
_LAYOUT = frozenset({lab.CAPTION, lab.BYLINE, lab.FURNITURE, lab.MARKER, lab.IMAGE})
#: How a block that is a formula or English text ends (a section may follow it).
_FORMULA_OR_LATIN = frozenset("$)abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
BARRIER = table.Decision(False, True, "a barrier block (heading, list, caption, …)")
SENTENCE_END = table.Decision(False, True, "A ends a sentence")
CAPTION = table.Decision(False, False, "B reads as a caption (one dated or set-apart sentence)")
HEADLINE = table.Decision(False, False, "heading-like block without hard evidence")
URL_END = table.Decision(False, True, "A ends in a URL or e-mail address: never joined to text")
LATIN_STOP = table.Decision(False, True, "A ends a sentence with '.' after Chinese text")
REPEATED_ITEM = table.Decision(
    False, True, "B opens with A's last item or heading (…；科尔沁沙地 ‖ 科尔沁沙地是…)"
)
MATH_STOP = table.Decision(False, True, "A ends with a full stop inside its formula (…\\circ$)")
ENGLISH_TAIL = table.Decision(False, True, "A ends with an English sentence (a note's translation)")
DEBRIS = table.Decision(False, True, "A or B is a figure's leftover text (axis ticks, legend)")
EQUATION_STUB = table.Decision(False, True, "A ends with a formula and its equation number")
SECTION = table.Decision(False, True, "B opens a numbered section after a formula or English")
FRONT_FIELD = table.Decision(False, True, "A is a paper's front-matter field (关键词：a；b)")
SECTION_NUMBER = table.Decision(
    False, True, "A ends with a number and a stop, B opens with a section number (Table 6. ‖ 2.2…)"
)
MATH_DELIMITERS = table.Decision(
    False, True, "A ends and B starts with a formula: joined, $…$$…$ would open display math"
)


def decide(
    view: View, tail: int, chain: int, members: Sequence[int], nxt: int, captions: bool = True
) -> table.Decision:
    """Decide the seam between the paragraph ending in block ``tail`` and block ``nxt``.

    A caption-like block (see :meth:`.View.caption_like`) is not a continuation
    (:data:`CAPTION`) unless it is only set apart by blank lines (not
    dated) and the table finds hard evidence that it continues ``tail``
    (``…、`` ‖ ``绿色发展、农业…。``); ``captions=False`` decides it as an
    ordinary block.  ``members``: the blocks joined into the paragraph so far
    (their open quotes and brackets only matter when ``tail`` does not end a
    sentence, so they are counted only then).
    """
    a, b = view.edge(tail), view.edge(nxt)
    if table.quick_break(a, b, view.max_overlap):
        return SENTENCE_END
    # a joined chain is body text: its last block's label and facts are not needed
    if chain == 1 and view.label(tail) not in LEFT_OK:
        return BARRIER
    if view.label(nxt) not in RIGHT_OK:
        return BARRIER
    a_text = view.blocks[tail].text
    if guards.latin_stop(a.tail):
        return LATIN_STOP
    if a.end_char == "$" and b.start_char == "$":
        return MATH_DELIMITERS
    if guards.number_stop(a.tail) and guards.opens_section_number(b.head):
        return SECTION_NUMBER
    if b.start_char > "\x7f" and guards.url_end(a_text):
        return URL_END
    if chain == 1 and a.end == "word" and lab.front_field(a_text):
        return FRONT_FIELD
    if b.start_char > "\x7f" and a.end == "word":
        if guards.math_stop(a.tail):
            return MATH_STOP
        if a_text[-1:].isascii() and guards.english_tail(a_text):
            return ENGLISH_TAIL
    if guards.equation_stub(a.tail):
        return EQUATION_STUB
    if a.end_char in _FORMULA_OR_LATIN and guards.section_start(b.head):
        return SECTION
    if a.end == "word" and (
        guards.debris(a_text[-60:]) or guards.debris(view.blocks[nxt].text[:60])
    ):
        return DEBRIS
    a_facts = view.fact(tail) if chain == 1 else None
    b_facts = view.fact(nxt)
    caption = captions and view.caption_like(nxt)
    if caption and b_facts.dated:
        return CAPTION
    unclosed = view.left_open(members) if a.end != "terminal" else 0
    headline = a_facts.headline if a_facts is not None else view.chain_headline(members)
    # a repeat is only dropped between two fragments of one sentence: a
    # heading-like A may be a headline whose last words open the body
    # (…加沙地带 ‖ 加沙地带媒体办公室…), so its repeat is no evidence unless
    # the layout marks a column break or B starts inside a quote (…推动 ‖ 项行动”推动…)
    a_last = a_facts if a_facts is not None else view.fact(tail)
    # the genuine-break guards only matter where A ends in a word (rows 11b-11f)
    word = a.end == "word"
    a_ends = view.ends(tail) if word else NO_ENDS
    b_starts = view.starts(nxt) if word else NO_STARTS
    feats = table.features(
        a, a_facts, headline, b, b_facts, unclosed, view.max_overlap, a_last, a_ends, b_starts
    )
    if feats.overlap and (
        a_ends.closed_tail
        or overlap.whole_item(a_text[: len(a_text) - feats.overlap])
        or not (
            overlap.has_clause_mark(a_text)  # (the repeat's own 。 counts: …作用。 ‖ 用。…)
            or chars.closes_unopened(b.head)  # B starts inside a quote: …推动 ‖ 项行动”推动
        )
    ):
        # B opens by naming A's last item or heading (…；科尔沁沙地 ‖
        # 科尔沁沙地是…, …。1.3 基础饲粮 ‖ 基础饲粮为…): two texts, not a
        # sentence read twice
        return REPEATED_ITEM
    if feats.overlap and (
        (headline == 2 and not chars.closes_unopened(b.head))
        or not adjacent(view, tail, nxt)
        or guards.starts_text(b.head)
    ):
        # a repeat is only dropped between two fragments adjacent in the
        # source, and never when B opens like a text (赵乐际 ‖ 赵乐际表示，…)
        feats = feats._replace(overlap=0)
    decision = table.decide(feats)
    if caption and not (decision.join and decision.hard):
        return CAPTION
    heading = decision.reason in table.HEADING_ROWS or (
        decision.join
        and not decision.hard
        and (
            (a_facts is not None and a_facts.label == lab.HEADLINE)
            or b_facts.label == lab.HEADLINE
            or (a_facts is not None and titled(view, tail, nxt))
        )
    )
    if not heading:
        return decision
    if a.end == "word" and b.start == "word":
        lexical = word_across(view, tail, nxt) or phrase_across(view, tail, nxt)
        if lexical is not None:
            return lexical
    return HEADLINE if decision.join else decision


def titled(view: View, tail: int, nxt: int) -> bool:
    """Whether block ``tail`` reads as a title before ``nxt`` (see :mod:`.guards`).

    A title-like block (short, no full stop, ending in a word) with a
    ``！``/``？`` inside (``巴萨创下18年最差防守纪录！11轮西甲已丢14球``), or
    followed by its byline (``踔厉前行，开启…新篇章`` ‖ ``中华人民共和国主席 习近平``),
    or a bare dateline with a headline after it: a generic join would glue
    the title to the body, so only evidence about the seam itself joins it.
    """
    text = view.blocks[tail].text
    across = nxt > tail + 1
    if across and guards.bare_dateline(text):
        return True
    if not guards.title_like(text):
        return False
    return guards.exclaims(text) or (across and view.label(tail + 1) == lab.BYLINE)


def adjacent(view: View, tail: int, nxt: int) -> bool:
    """Whether blocks ``tail`` and ``nxt`` are neighbours in the source.

    Only marked interlopers (a cue caption, byline, furniture, marker,
    image: layout, not text) may sit between them; a body or heading-like
    block between them is text the seam would skip.
    """
    return all(view.label(m) in _LAYOUT for m in range(tail + 1, nxt))


def word_across(view: View, tail: int, nxt: int, bits: int = 0) -> table.Decision | None:
    """A hard join when a dictionary word runs across the seam (see :mod:`.lexicon`).

    Asked only where the shape of a side (heading-like) would keep the
    break: ``…党支部在党`` ‖ ``员队伍中…`` is a cut word, not a heading.
    ``bits``: a lower threshold than ``config.word_bits`` (0: the config's).
    """
    threshold = view.config.word_bits
    if threshold <= 0:
        return None
    if bits > 0:
        threshold = min(threshold, bits)
    key = (view.edge(tail).tail[-lexicon.WINDOW :], view.edge(nxt).head[: lexicon.WINDOW])
    found = view.memo.words.get(key)
    if found is None:
        found = view.memo.words[key] = lexicon.cohesion(*key)
    bits, word = found
    if bits < threshold or not word:
        return None
    return table.Decision(True, True, f"{table.WORD_ACROSS} ({word}, {bits} bits)")


#: Note of a join on grammar across the seam (see :mod:`.phrase`) ...
PHRASE_ACROSS = "the phrase runs across the seam"
#: ... when the evidence is B's opening word, which needs a subject from any block.
PHRASE_OPEN = f"{PHRASE_ACROSS} (B opens with"


def phrase_across(view: View, tail: int, nxt: int) -> table.Decision | None:
    """A hard join when A ends in a word a phrase cannot end in, or B opens with one a text cannot.

    Asked, like :func:`word_across`, only where the shape of a side would
    keep the break: ``…记者来到上海这`` ‖ ``家汽车零部件企业时，…`` (``这``
    waits for its measure word), ``国际人士`` ‖ ``表示，…`` (``表示`` needs
    its speaker).  See :mod:`.phrase`.
    """
    if view.config.word_bits <= 0:
        return None
    a, b = view.edge(tail), view.edge(nxt)
    # A's need says nothing about a heading-like B or one that opens a text
    word = ""
    if (
        view.label(nxt) == lab.BODY
        and view.label(tail) != lab.LIST
        and not phrase.opens_text(b.head)
    ):
        word = phrase.needs_next(a.tail)
    if word:
        return table.Decision(
            True, True, f"{PHRASE_ACROSS} (A ends in {word!r}, which needs what follows)"
        )
    word = phrase.cannot_open(b.head)
    if word:
        return table.Decision(
            True, True, f"{PHRASE_OPEN} {word!r}, which needs a subject before it)"
        )
    return None
