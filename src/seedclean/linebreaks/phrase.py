"""Phrase evidence across a seam: A cannot end a phrase, or B cannot start a text.

A short first piece cut exactly at a word boundary (``记者来到上海这`` ‖
``家汽车零部件企业时，…``) has no dictionary word across the seam
(:mod:`.lexicon`), so its heading shape alone would keep it apart.  What
gives it away is grammar: a phrase cannot end in a demonstrative or a numeral
waiting for its measure word (``这``, ``两``), an adverb or auxiliary waiting
for its verb (``还``, ``全力``, ``正在``), a preposition or conjunction waiting
for its object or second term (``把``, ``为了``, ``并``), nor in ``兼``; and a
text cannot start with a reporting verb that needs its speaker
(``表示，…``, ``称，…``).  A headline ends in a complete phrase
(``习近平会见德国总理``, ``…开幕``, ``…取得新进展``), and an article opens with
its subject, so these words across a seam are evidence of a cut.

The word at A's end is the longest dictionary word (:mod:`.lexicon`) that ends
the Han run there, or its last character when none does: ``统一``, ``第一``,
``大会``, ``需要`` end in ``一``, ``会``, ``要`` but are complete words, so they
are no evidence.  The tables are hand-written (grammar, not counts); words
that also end names or jargon (``以`` in ``以军``, ``和`` in ``人和``, ``才``
in ``识才``, a numeral in ``二加一``) are left out.  A's need says nothing about
a heading-like B or a B that opens like a text (:func:`opens_text`: a time, a
date, a pronoun), and a list item's end is not read (see
:func:`.decision.phrase_across`).
"""

from __future__ import annotations

import re

from seedclean.chardata import CN_DIGITS
from seedclean.linebreaks.lexicon import left_window, lexicon


def _words(*groups: str) -> frozenset[str]:
    """The words of space-separated ``groups``."""
    return frozenset(word for group in groups for word in group.split())


#: Words after which a phrase cannot end: each needs what follows.
NEEDS_NEXT: frozenset[str] = _words(
    # demonstratives and quantifiers wait for a measure word or a noun
    "这 那 该 此 每 各 某 其 诸 两 几",
    # adverbs and auxiliaries wait for their verb
    "还 也 都 就 又 再 很 更 最 已 正 仍 却 亦 皆 曾 便",
    "已经 正在 全力 进一步 大力 切实 坚决 率先 即将 正式 首次 再次",
    # prepositions wait for their object (not 以, 向: 以军 and 变向 end in them)
    "把 被 由 为 给 往 朝 据 按 经 自 让 使",
    "为了 除了 关于 对于 围绕 根据 按照 依照 沿着 面向 针对 由于 成为",
    # conjunctions wait for their second term (not 和, 及: names and verbs end in them)
    "与 并 而 或 且 以及 并且 而且 或者 及其",
    # a structural word; "concurrently" (首相兼…)
    "之 兼",
)

#: A measure word after a numeral or demonstrative waits for its noun (``…这家``, ``…两个``).
_MEASURE_END = re.compile(
    f"(?<![0-9０-９万千百第前])[这那每各某几两{CN_DIGITS}]"
    "[个名位项家条种批座件场所只台辆架艘套张份篇部支队股颗块片类]\\Z"
)

#: A reporting verb, then its punctuation: a text cannot open with it (``表示，…``).
_REPORT_OPEN = re.compile(r"(?:表示|指出|强调|认为|介绍|透露|称|说)[，：:,]")


def needs_next(tail: str) -> str:
    """The word that ends ``tail`` when a phrase cannot end in it, or ``""``.

    >>> needs_next("记者来到上海这"), needs_next("天津还全力"), needs_next("推动两国关系全面统一")
    ('这', '全力', '')
    """
    window = left_window(tail)
    if not window:
        return ""
    measure = _MEASURE_END.search(window)
    if measure is not None:
        return measure.group()
    words = lexicon().words_for(window)
    last = window[-1]
    for k in range(len(window), 1, -1):
        if window[-k:] in words:
            last = window[-k:]
            break
    return last if last in NEEDS_NEXT else ""


def cannot_open(head: str) -> str:
    """The reporting verb that opens ``head`` and needs a speaker before it, or ``""``.

    >>> cannot_open("表示，美国为了自己的利益"), cannot_open("表示祝贺")
    ('表示', '')
    """
    found = _REPORT_OPEN.match(head)
    return found.group()[:-1] if found is not None else ""


#: How a text opens: a time, a date or a personal pronoun as its subject.
_OPENS_TEXT = re.compile(
    r"(?:北京时间|当地时间|今天|昨天|明天|今年|去年|近日|日前|目前|近年来"
    r"|我们|你们|他们|她们|它们|我|你|他|她|它"
    r"|[0-9０-９]{1,4}年|[0-9０-９]{1,2}月[0-9０-９]{1,2}日)"
)


def opens_text(head: str) -> bool:
    """Whether ``head`` opens like a text (a time, a date, a pronoun): no continuation.

    ``JR爆发了一场`` ‖ ``北京时间11月4日，…``: a teaser line, then the article.

    >>> opens_text("北京时间11月4日，骑士队"), opens_text("家汽车零部件企业时")
    (True, False)
    """
    return _OPENS_TEXT.match(head) is not None
