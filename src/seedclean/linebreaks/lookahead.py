"""The interloper lookahead: find an open sentence's continuation past captions and headings.

When the paragraph so far is still open (it ends in a character or a comma,
not in ``。！？``) and the next block is an interloper (caption, heading,
byline, furniture, continuation marker, image) or a caption-like body block,
the continuation may sit a few blocks further on.  These functions decide
whether to look, look (at most ``config.lookahead`` blocks), and fall back to
a caption-like block that turns out to be the continuation itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from seedclean.chardata import CHAPTER_NUMBER, CN_DIGITS, HAN_IDEOGRAPHS
from seedclean.lazyre import LazyPattern
from seedclean.linebreaks import chars, lexicon, table
from seedclean.linebreaks import labels as lab
from seedclean.linebreaks.decision import CAPTION, LEFT_OK, PHRASE_OPEN, decide, word_across
from seedclean.linebreaks.decision import HEADLINE as HEADLINE_KEEP
from seedclean.linebreaks.overlap import single_repeat
from seedclean.linebreaks.view import View

_CANDIDATES = lab.INTERLOPERS | {lab.BODY}


def is_open(view: View, tail: int, chain: int) -> bool:
    """Whether the paragraph ending in ``tail`` may continue past an interloper."""
    a = view.edge(tail)
    if not (a.end == "word" or (a.end == "open" and a.end_char not in "：:；;")):
        return False
    if chain > 1:
        return True
    kind = view.label(tail)
    # a numbered section heading in body type (3.2胡杨群落…的响应) ends its line
    return kind in LEFT_OK and not (
        kind == lab.HEADLINE and section_heading(view.blocks[tail].text)
    )


def may_interlope(view: View, tail: int, chain: int, j: int, decision: table.Decision) -> bool:
    """Whether block ``j`` may be an interloper inside the open paragraph ending in ``tail``.

    A block that cannot continue the paragraph (a heading, caption, byline,
    furniture) is always looked past.  A block that could continue it is
    looked past only when it is a heading-like line that does not itself
    run on into the block after it.  (Caption-like body blocks never join
    an open paragraph, see :func:`.decision.decide`, so they are always looked past.)
    """
    if not is_open(view, tail, chain) or view.label(j) not in _CANDIDATES:
        return False
    if not decision.join:
        return not (view.label(j) == lab.HEADLINE and section_heading(view.blocks[j].text))
    if view.label(j) != lab.HEADLINE or j + 1 >= len(view.blocks):
        return False
    onward = decide(view, j, 1, (), j + 1)
    if onward.join:
        return False
    # a clause ended by a comma, then a heading-shaped line kept from the next
    # block only by its shape, then one clause (自打上场比赛开始， ‖
    # 这两位顶级中锋之间便结下了 ‖ “不解之缘”，): a chain of one-phrase lines,
    # not a heading inside a cut
    return not (
        view.edge(tail).end_char in _CLAUSE_END
        and _shape_only(onward)
        and _one_clause(view.blocks[j + 1].text)
    )


def plausible(view: View, j: int, decision: table.Decision) -> bool:
    """Whether the heading-like block ``j`` right after the open paragraph may continue it.

    Either the table joins it (only shape made it a candidate interloper),
    or only its shape keeps it apart and it is a word or two
    (:data:`SHORT_TAIL_CHARS`): the paragraph's last words after a column
    break (``…生长性能的`` ‖ ``影响``), not a heading.
    """
    if view.label(j) != lab.HEADLINE:
        return False
    if decision.join:
        return True
    return _shape_only(decision) and len(view.blocks[j].text.strip()) <= SHORT_TAIL_CHARS


#: Longest heading-like line that may be the last words of a cut paragraph.
SHORT_TAIL_CHARS = 4


def nearest(
    view: View,
    tail: int,
    chain: int,
    members: Sequence[int],
    j: int,
    decision: table.Decision,
    c: int,
) -> table.Decision | None:
    """Settle a heading-like block ``j`` that ``tail`` joins against the later candidate ``c``.

    The open paragraph has one continuation, and the nearest that fits wins:
    an unmarked heading-like line right after it (``只要有机会，`` ‖
    ``我一定把球往门里踢`` ‖ ``这场比赛打完，…``) is stepped over only when the
    evidence says it cannot be the continuation and ``c`` is: ``c`` continues
    the paragraph on evidence about that very seam (:func:`outweighs`), and
    nothing ties ``j`` to it (:func:`ties`).  Returns ``None`` when ``c``
    stands (``j`` is an interloper), the join of ``j`` when the evidence
    says ``j`` continues the paragraph, or a kept break when neither side
    has evidence: an ambiguous seam is left for a reviewer (a
    ``seam-unresolved`` notice), never woven or moved.
    """
    if ties(view, tail, j, decision) and not _wordier(view, tail, j, c):
        return decision if decision.join else AMBIGUOUS
    if outweighs(view, tail, chain, members, c):
        return None
    view.refused = (j, f"{decision.reason}, but B is heading-like and a later block may continue A")
    return AMBIGUOUS


AMBIGUOUS = table.Decision(
    False, False, "B is heading-like and a later block may continue A: left apart"
)


def ties(view: View, tail: int, j: int, decision: table.Decision) -> bool:
    """Whether evidence about the seam itself says block ``j`` continues ``tail``.

    Evidence about this seam (:func:`.table.specific`: a repeat, a character
    that cannot start a line, a particle), a dictionary word or a string the
    page writes elsewhere across it, or, after a clause-ending comma, a block
    that opens with a connective continuing the clause (``…减脂确实很困难，`` ‖
    ``但还是要好好努力…``: 但, 而, 并, 还, 也, 就, …).
    """
    if table.specific(decision) or word_across(view, tail, j, ACROSS_TITLE_BITS) is not None:
        return True
    left, right = view.blocks[tail], view.blocks[j]
    if lexicon.page_echo(view.text, left.end, right.cstart):
        return True
    return view.edge(tail).end_char in _CLAUSE_END and connective(view.edge(j).head)


def outweighs(view: View, tail: int, chain: int, members: Sequence[int], c: int) -> bool:
    """Whether block ``c`` continues ``tail`` on evidence about that very seam.

    The evidence :func:`ties` reads (not a comma or a character at A's end,
    which any continuation would give), or a character read twice across it.
    """
    after = decide(view, tail, chain, members, c)
    if not after.join:
        return False
    if ties(view, tail, c, after):
        return True
    a, b = view.edge(tail), view.edge(c)
    if single_repeat(a.tail, b.head):
        return True
    # a bracket or quote left open at A's end closed at C's start (…9个市（ ‖ 州）、…)
    return a.end_char in chars.OPENERS and chars.closes_unopened(b.head)


#: Bits by which a word across the later seam must outweigh one across the
#: nearer seam: ``…精心组织实施，促`` ‖ ``织密农村物流网…`` ‖ ``进有效市场…``
#: reads 促织 (a rare word) against 促进.
WORDIER_BITS = 2


def _wordier(view: View, tail: int, j: int, c: int) -> bool:
    """Whether the word across ``tail`` ‖ ``c`` clearly outweighs the one across ``tail`` ‖ ``j``.

    Only when the nearer seam's evidence is a word alone (no connective, no
    repeat, no character that cannot start a line).
    """
    near, far = _cohesion(view, tail, j), _cohesion(view, tail, c)
    return near > 0 and far >= near + WORDIER_BITS and word_across(view, tail, c) is not None


def _cohesion(view: View, tail: int, j: int) -> int:
    key = (view.edge(tail).tail[-lexicon.WINDOW :], view.edge(j).head[: lexicon.WINDOW])
    found = view.memo.words.get(key)
    if found is None:
        found = view.memo.words[key] = lexicon.cohesion(*key)
    return found[0] if found[1] else 0


#: Connectives and adverbs that continue a clause after a comma (longest first).
_CONNECTIVES = re.compile(
    r"(?:但是|可是|而且|并且|而是|还是|也是|就是|却是|都是|又是|才是|便是|还要|也要|就要"
    r"|还有|也有|才能|就会|也会|还会|并不|也不|还不|就不|都不|甚至|从而|进而|因此|所以"
    r"|然后|于是|因而|否则|不过|只是|仍然|依然|但|而|并|还|也|就|却|则|才|又|便|且|都|仍)"
)


def connective(head: str) -> bool:
    """Whether ``head`` opens with a connective read as its own word.

    The cheapest segmentation of the first Han characters must not join the
    connective to what follows: ``但还是要`` opens with 但, but ``就业形势``
    opens with the word 就业 and ``也门胡塞`` with 也门.
    """
    found = _CONNECTIVES.match(head)
    if found is None:
        return False
    window = lexicon.right_window(head)
    words = lexicon.lexicon().words_for(window)
    k = found.end()
    return lexicon.cost(window[:k], words) + lexicon.cost(window[k:], words) <= (
        lexicon.cost(window, words) + _CONNECTIVE_SLACK
    )


#: Bits the split after a connective may cost over the cheapest reading.
_CONNECTIVE_SLACK = 0


def _one_clause(text: str) -> bool:
    """Whether ``text`` holds no sentence end before its last characters (one clause)."""
    return _SENTENCE_INSIDE.search(text.rstrip()[:-2]) is None


_SENTENCE_INSIDE = re.compile(r"[。！？!?]")


#: Clause punctuation after which the next clause starts on a new line.
_CLAUSE_END = frozenset("，,、")


def _shape_only(decision: table.Decision) -> bool:
    """Whether a seam was kept only because a side is shaped like a heading."""
    return decision is HEADLINE_KEEP or decision.reason in table.HEADING_ROWS


def cut_word_between(view: View, first: int, c: int) -> bool:
    """Whether a block in ``[first, c)`` ends with a word cut by its hyphen (``inter-``).

    Such a block is a piece of running text, no heading or caption: moved after
    the paragraph, it would be rejoined to whatever Latin text follows there
    (``inter-`` ‖ ``walking down`` → ``interwalking``), so it is never stepped over.
    """
    return any(chars.HYPHENATED_END.search(view.blocks[m].text) for m in range(first, c))


def island_fallback(
    view: View, tail: int, chain: int, members: Sequence[int], j: int, decision: table.Decision
) -> table.Decision:
    """Join an undated caption-like block after all when nothing else continues ``tail``.

    A one-sentence block set apart by blank lines may be a photo caption or
    the short last fragment of the paragraph after a column break
    (``…可以`` ‖ ``说她把亚洲主场优势发挥到了淋漓尽致。``).  When the lookahead
    found no continuation past it and the table, deciding it as an
    ordinary block, joins, it is the continuation.
    """
    if decision is not CAPTION or view.fact(j).dated or not is_open(view, tail, chain):
        return decision
    return decide(view, tail, chain, members, j, captions=False)


def continuation(view: View, tail: int, chain: int, members: Sequence[int], first: int) -> int:
    """Index of the continuation past interlopers starting at ``first``, or -1.

    A block that cannot start a paragraph has one predecessor: when the block
    just before the candidate is itself an open fragment that the candidate
    continues on hard evidence (``…发布最新数据显示`` ‖ ``，8月，…``), the
    candidate belongs to it, not to ``tail`` further up.

    A markdown heading (``# …``) opens a section, so the text after it belongs
    to that section: the lookahead steps over one only on hard evidence
    (:func:`crosses_heading`), and never over two.
    """
    limit = min(len(view.blocks), first + view.config.lookahead + 1)
    reach = view.blocks[first].start + view.config.relocate_chars
    heading = -1
    titled = False
    for c in range(first, limit):
        if view.blocks[c].start > reach:
            return -1  # a column break moves a caption a short way, never a page
        kind = view.label(c)
        if kind == lab.BODY:
            decision = decide(view, tail, chain, members, c)
            if decision is CAPTION:
                if whole_paragraph(view.blocks[c].text):
                    return -1
                continue
            if decision.join and heading >= 0 and not crosses_heading(view, heading, decision):
                view.refused = (c, f"{decision.reason}, but across a markdown heading")
                return -1
            if decision.join and titled and not _lexical(view, tail, chain, c, decision):
                view.refused = (c, f"{decision.reason}, but across a heading or byline")
                return -1
            return c if decision.join and not _nearer(view, first, c) else -1
        if kind == lab.HEADING and lab.markdown_heading(view.blocks[c].text):
            if heading >= 0:
                return -1  # a heading never moves across another heading
            heading = c
        if kind == lab.HEADLINE and c > first:
            # a heading-like line after a caption may be the continuation itself
            decision = decide(view, tail, chain, members, c)
            if decision.join and decision.hard and not _nearer(view, first, c):
                return c
        if kind not in lab.INTERLOPERS or whole_paragraph(view.blocks[c].text):
            return -1
        if kind == lab.HEADLINE and section_heading(view.blocks[c].text):
            return -1  # a numbered section heading opens the text after it
        titled = titled or kind in _TITLED
    return -1


def whole_paragraph(text: str) -> bool:
    """Whether a block is a paragraph of its own: it ends a sentence and is long.

    A caption or heading inside a cut is a line or two; a block of more than
    :data:`SENTENCE_CAPTION_CHARS` characters that ends a sentence is text
    (a page of references, a paragraph the extractor already merged), and a
    continuation past it would move it.
    """
    body = text.rstrip()
    return len(body) > SENTENCE_CAPTION_CHARS and body[-1:] in _TERMINAL


_TERMINAL = frozenset("。！？!?.…”」』")


#: A markdown heading that opens a numbered section (``# 3.4生物…``,
#: ``## 2.1.3 Methods``, ``# 第三章 …``, ``# 一、…``, ``# （二）…``).
_NUMBERED_HEADING = LazyPattern(
    r"[ \t]{0,3}#{1,6}[ \t]*(?:"
    rf"\d{{1,2}}(?:[.．]\d{{1,2}})*(?:[.．、][ \t]*|[ \t]+|(?=[{HAN_IDEOGRAPHS}]))"
    rf"|{CHAPTER_NUMBER}"
    rf"|[{CN_DIGITS}]{{1,3}}[、.．]"
    rf"|[（(][{CN_DIGITS}\d]{{1,3}}[）)]"
    r")"
)


def numbered_heading(text: str) -> bool:
    """Whether ``text`` is a markdown heading that starts with a section number."""
    return _NUMBERED_HEADING.match(text) is not None


#: A section number of two or more levels opening a line in body type
#: (``3.2.1胡杨群落…``, ``2.1 Methods``), not a decimal with its unit (``3.5亿元``,
#: ``2.1米``).
_SECTION_NUMBER = re.compile(
    r"[ \t]*\d{1,2}(?:[.．]\d{1,2}){1,3}[.．]?[ \t]*"
    r"(?![\d%％亿万千百元倍个年月日号时分秒岁米厘毫公吨克斤亩度次人家名户辆架只件座天周位项种])\S"
)


def section_heading(text: str) -> bool:
    """Whether ``text`` opens a numbered section: markdown (:func:`numbered_heading`) or not."""
    return numbered_heading(text) or _SECTION_NUMBER.match(text) is not None


#: Word evidence (bits, see :mod:`.lexicon`) enough to carry a join past a
#: heading or byline: any dictionary word that runs across the seam and reads
#: cheaper joined; a headline followed by the next article rarely has one.
ACROSS_TITLE_BITS = 1

#: Interlopers that head or sign an article: stepping over one on generic
#: evidence would join the end of one article to the start of the next.
_TITLED = frozenset({lab.HEADING, lab.HEADLINE, lab.BYLINE})


def _lexical(view: View, tail: int, chain: int, c: int, decision: table.Decision) -> bool:
    """Whether a join past a heading or byline rests on more than a character at A's end.

    ``…共同发展新篇章`` ‖ ``中华人民共和国主席 某某`` ‖ ``应普京总统邀请，…``:
    a headline, its byline, then the article.  A headline ends in a word too,
    so "a word runs across the seam" (any character at A's end) says nothing
    here; hard evidence does (continuing punctuation, a repeat, a character
    that cannot start a line), and so does a dictionary word that runs across
    the seam (``…干警参`` ‖ ``加业务竞赛``), a character read twice across it,
    or a string across it that the page writes elsewhere (:func:`.lexicon.page_echo`).
    A paragraph that already ended a sentence (``…有了盼头，日子一天``) is body
    text cut at its end, not a headline: the generic evidence stands there.
    """
    if chain > 1 or chars.SENTENCE_PUNCT.search(view.blocks[tail].text) is not None:
        return True
    if decision.hard or word_across(view, tail, c, ACROSS_TITLE_BITS) is not None:
        return True
    a, b = view.edge(tail), view.edge(c)
    if single_repeat(a.tail, b.head):
        return True  # …由四对基 ‖ ## 结对共建促提升 ‖ byline ‖ 基层院分别…
    left, right = view.blocks[tail], view.blocks[c]
    return lexicon.page_echo(view.text, left.end, right.cstart) != ""


def _nearer(view: View, first: int, c: int) -> bool:
    """Whether block ``c - 1`` (an interloper candidate) is open and ``c`` continues it."""
    p = c - 1
    if p < first or view.label(p) not in (lab.HEADLINE, lab.BODY) or not is_open(view, p, 1):
        return False
    decision = decide(view, p, 1, (p,), c)
    # a tail that needs a subject (``说，…``) needs one from any block: no evidence for ``p``
    return decision.join and decision.hard and not decision.reason.startswith(PHRASE_OPEN)


#: Longest block that may be a caption written as an ordinary sentence.
SENTENCE_CAPTION_CHARS = 100


def past_sentence(
    view: View, tail: int, chain: int, members: Sequence[int], j: int, decision: table.Decision
) -> int:
    """The continuation past a one-sentence block that ``tail`` would join only generically.

    A photo caption is often an ordinary sentence, with a comma and no date
    or cue (``本站赛事，叶诗文参加了…三个项目。``).  Inside a cut, the open
    paragraph then joins it on evidence that any continuation would give (a
    character or comma at the paragraph's end, an open quote), the caption
    closes the sentence, and the real tail is left as a stray fragment.  The
    page holds one continuation for the open paragraph: when the block after
    the sentence continues it on evidence about that very seam (a word runs
    across it, it starts with ``，`` or a particle, a repeat, a number's
    unit: :func:`.table.specific`), and the sentence block itself does not,
    the later block is the continuation and the sentence an interloper.
    Returns its index, or -1.
    """
    if table.specific(decision) or not decision.join or not is_open(view, tail, chain):
        return -1
    if j + 1 >= len(view.blocks) or view.label(j) != lab.BODY:
        return -1
    text = view.blocks[j].text
    if len(text) > SENTENCE_CAPTION_CHARS or view.edge(j).end != "terminal":
        return -1
    if sum(map(text.count, "。！？!?")) != 1 or _cut_into(view, tail, j):
        return -1
    c = continuation(view, tail, chain, members, j + 1)
    if c < 0 or view.label(c) != lab.BODY:
        return -1
    after = decide(view, tail, chain, members, c)
    if _repeats(view, tail, c):
        return -1  # 习 ‖ 习近平…: a repeat of the seam's character, not a cut word
    if table.specific(after) or (after.join and word_across(view, tail, c) is not None):
        return c
    return -1


def _cut_into(view: View, tail: int, j: int) -> bool:
    """Whether a word runs from ``tail`` into block ``j``: in the dictionary or on the page.

    ``…国家主席习`` ‖ ``近平在北京…会晤。``: when ``习近平`` is written elsewhere on
    the page, the one-sentence block is the cut sentence's tail, not a caption.
    """
    if word_across(view, tail, j) is not None:
        return True
    left, right = view.blocks[tail], view.blocks[j]
    return bool(lexicon.page_echo(view.text, left.end, right.cstart))


def _repeats(view: View, tail: int, c: int) -> bool:
    """Whether block ``c`` starts with the last character of ``tail`` (``习`` ‖ ``习近平``)."""
    a, b = view.edge(tail), view.edge(c)
    return a.end_char != "" and a.end_char == b.start_char


def over_sentence(view: View, tail: int, c: int, decision: table.Decision) -> table.Decision:
    """The join of ``tail`` to ``c`` past a sentence block, its note naming the evidence."""
    if not table.specific(decision):
        decision = word_across(view, tail, c) or decision
    return decision._replace(
        reason=f"{decision.reason}, where the one-sentence block before it had none (a caption)"
    )


def crosses_heading(view: View, heading: int, decision: table.Decision) -> bool:
    """Whether a join may step over the markdown heading at block ``heading``.

    On hard evidence (a repeat, a character that cannot start a line, a comma
    at the paragraph's end: :data:`.table.TABLE`), or when a byline follows the
    heading: a
    headline and its byline in the middle of a cut sentence are another
    article's head placed in the column (``…由四对基`` ‖ ``## 结对共建促提升`` ‖
    ``某市检察院政治部主任 张虹`` ‖ ``层院分别签订…``).  A section heading of
    the same text is followed by its section: a word that merely seems to run
    across (``…数据尚缺`` ‖ ``# 2.1.2 林下产品价值`` ‖ ``根据…``) is not enough, nor
    is a bracket the paragraph leaves open (``…干涸(21]`` ‖ ``# 2.3沙俄时期的咸海`` ‖
    ``1839一1889年，…``: a mistyped closer, and the section's first paragraph).
    """
    if numbered_heading(view.blocks[heading].text):
        return False  # a numbered section heading opens the section after it
    if decision.hard and decision.reason != table.UNCLOSED_ROW:
        return True
    after = heading + 1
    return after < len(view.blocks) and view.label(after) == lab.BYLINE


def woven(
    view: View, tail: int, chain: int, members: Sequence[int], j: int, decision: table.Decision
) -> int:
    """The continuation right past block ``j`` when ``j`` is another text inside the cut, or -1.

    A headline, a title or a short sentence of another article placed inside
    a cut (``…而此时港口的风越`` ‖ ``中共中央政治局常务委员会召开会议…`` ‖
    ``来越大，…``) would be woven into the repaired sentence: the open
    paragraph joins it on evidence any block gives (a character at A's end),
    and it joins the tail on evidence the tail gives any predecessor (``，``,
    ``的``).  The tail has one predecessor and the open paragraph one
    continuation: when the block after ``j`` continues ``tail`` on strong
    evidence about that very seam (a character that cannot start a line, a
    particle, a number's unit, a repeat: :func:`.table.specific`; or a
    dictionary word across it of at least ``config.word_bits``), nothing ties
    ``j`` to ``tail`` (:func:`ties`), and no word runs from ``j`` into the tail
    as cheaply, ``j`` is an interloper and moves after the repaired paragraph.
    A comma at A's end or a connective is not enough: pages written one clause
    a line (``…尽管，`` ‖ ``德拉蒙德又早早陷入犯规`` ‖ ``…``) give them everywhere.
    A short heading-like paragraph so far (``赵乐际表``) takes a later block
    only on a dictionary word, since a headline followed by its open first
    line (``…发布最新数据显示`` ‖ ``，8月，…``) gives the tail its own
    predecessor.  ``decision``: the seam ``tail`` ‖ ``j``.
    """
    c = j + 1
    if c >= len(view.blocks) or not is_open(view, tail, chain):
        return -1
    if view.label(j) not in (lab.HEADLINE, lab.BODY) or view.label(c) != lab.BODY:
        return -1
    text = view.blocks[j].text.strip()
    if len(text) > SENTENCE_CAPTION_CHARS or "\n" in text:
        return -1
    inside = chars.SENTENCE_PUNCT.findall(text)
    if len(inside) > 1 or (inside and text[-1:] not in _TERMINAL):
        return -1
    if ties(view, tail, j, decision) or _cut_into(view, tail, j):
        return -1
    after = decide(view, tail, chain, members, c)
    if not after.join or _repeats(view, tail, c):
        return -1
    # a heading-like paragraph so far may be a headline over an open first line
    body = chain > 1 or view.label(tail) == lab.BODY
    if not (
        (body and table.specific(after))
        or word_across(view, tail, c) is not None
        or _reads_on(view, tail, j, c)
    ):
        return -1
    near = _cohesion(view, j, c)
    if near and near >= _cohesion(view, tail, c):
        return -1  # the block before the tail reads on into it as well: ambiguous
    if view.label(j) == lab.BODY and is_open(view, j, 1) and decide(view, j, 1, (j,), c).overlap:
        return -1  # the tail repeats the end of ``j``: ``j`` is its predecessor, read twice
    return c


#: Bits a word across ``tail`` ‖ ``c`` needs, below ``config.word_bits``, when
#: nothing runs across ``tail`` ‖ ``j`` (``…爆发以`` ‖ title ‖ ``来，…``: 以来).
READS_ON_BITS = 4


def _reads_on(view: View, tail: int, j: int, c: int) -> bool:
    """Whether a word runs from ``tail`` into ``c`` and clearly none into ``j``."""
    far = _cohesion(view, tail, c)
    return far >= READS_ON_BITS and far >= _cohesion(view, tail, j) + WORDIER_BITS


def over_text(view: View, tail: int, c: int, decision: table.Decision) -> table.Decision:
    """The join of ``tail`` to ``c`` past another text (:func:`woven`), naming the evidence."""
    if not table.specific(decision):
        decision = word_across(view, tail, c, ACROSS_TITLE_BITS) or decision
    return decision._replace(
        reason=f"{decision.reason}, where the block before it had none (another text in the cut)"
    )
