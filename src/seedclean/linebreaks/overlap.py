"""Seam overlap: characters an OCR engine read twice, once on each side of a seam.

``…社会主义思想`` ‖ ``主义思想主题教育`` comes from a column whose last line was
scanned again at the top of the next column.  Chinese also repeats on purpose
(``一天一天``, ``研究研究``, ``看看``), so an overlap is only accepted when it
cannot be a reduplication (research study §5.6):

* at least 3 characters, or exactly 2 when one of them is punctuation (``用。``);
* never a single character, never only ASCII (URLs), never a digit (``60亿立方米``
  ‖ ``60亿立方米的产量…`` repeats a number on purpose: a figure is never dropped);
* never one character repeated (``哈哈哈``);
* never a repeat opening with a numeral (``一个村`` ‖ ``一个村调研``: the
  distributive ``一个X一个X`` doubles on purpose);
* the later block must keep some text after the repeat is dropped.

>>> seam_overlap("扎实推进学习贯彻习近平新时代中国特色社会主义思想", "主义思想主题教育，持续汲取")
4
>>> seam_overlap("发挥了积极作用。", "用。先锋队的党员干警")
2
>>> seam_overlap("日子一天", "一天地好起来"), seam_overlap("走访了一个村", "一个村调研")
(0, 0)
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.datafiles import data_path
from seedclean.lazyre import LazyPattern

_ASCII_ONLY = re.compile(r"[\x00-\x7f]+$")
_PUNCT = re.compile(r"[^\w\s]")
_HAS_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")


#: A repeat opening with one of these is a numeral and what it counts, which
#: doubles on purpose (``一天一天地好起来``, ``一个村一个村``, ``两个两个``).
_NUMERALS = frozenset("一二两三四五六七八九十几每")


def acceptable(repeat: str) -> bool:
    """Whether ``repeat`` is safe to drop as an OCR double read (see module doc)."""
    k = len(repeat)
    if k < 2 or len(set(repeat)) == 1 or not _HAS_WORD.search(repeat):
        return False
    if repeat[0] in _NUMERALS:
        return False
    if _ASCII_ONLY.match(repeat) or _DIGIT.search(repeat):
        return False
    if any(c.isspace() for c in repeat):
        return False
    return k >= 3 or bool(_PUNCT.search(repeat))


def seam_overlap(left: str, right: str, max_k: int = 20) -> int:
    """Length of the longest safe repeat: a suffix of ``left`` that ``right`` starts with."""
    # the left side keeps some text before the repeat: a block that is nothing
    # but the opening words of the next one is a heading (盈亏指数 ‖ 盈亏指数：…)
    upper = min(max_k, len(left) - 1, len(right) - 1)
    if upper < 2:
        return 0
    last = left[-1]
    # a repeat of length k ends with left's last character at right[k - 1]
    k = right.rfind(last, 1, upper)
    while k > 0:
        repeat = right[: k + 1]
        if left.endswith(repeat) and acceptable(repeat):
            return k + 1
        k = right.rfind(last, 1, k)
    return 0


_HAN = LazyPattern(f"[{HAN_IDEOGRAPHS}]")


#: Separators after which a repeat is a whole item of A (a keyword, a list
#: item, a legend entry, a heading's words), not a fragment of a sentence.
#: (Not ``、`` nor ``，``: they separate items inside a sentence.)
_ITEM_BEFORE = frozenset("；;：:■□●◆▲►|/ \t\u3000")
#: Where the last piece of A starts: a line break or a sentence end.
_PIECE_END = re.compile(r"[\n。！？!?][^\n。！？!?]*\Z")
#: What a marker before a heading's words never holds (``（2）``, ``1.3 ``).
_WORDY = LazyPattern(f"[{HAN_IDEOGRAPHS}A-Za-z]")


def whole_item(before: str) -> bool:
    """Whether a repeat is a whole item of A, written twice on purpose.

    ``before`` is A's text before the repeat.  The repeat follows a list
    separator (``关键词：遥感；…；科尔沁沙地`` ‖ ``科尔沁沙地是中国…``: the last
    keyword, then the paragraph that names it), or nothing but a marker
    precedes it on its line or after the last sentence end (``（2）大学生社交焦虑``
    ‖ ``大学生社交焦虑…是近年来研究的热点``, ``…。1.3 基础饲粮`` ‖ ``基础饲粮为…``:
    a heading, then its first sentence).  Both sides are then no fragments of
    one sentence, and dropping the repeat would delete words of the source.

    >>> whole_item("关键词：遥感；多时相；"), whole_item("（2）"), whole_item("结果如下。1.3 ")
    (True, True, True)
    >>> whole_item("扎实推进中国特色社会"), whole_item("被拉开。"), whole_item("积极作")
    (False, False, False)
    """
    if not before or before[-1] in _ITEM_BEFORE:
        return True
    window = before[-60:]
    cut = _PIECE_END.search(window)
    piece = window[cut.start() + 1 :] if cut is not None else window
    if cut is not None and window[cut.start()] != "\n" and not piece.strip():
        return False  # right after a full stop: a column's last words read twice
    return _WORDY.search(piece) is None


#: Marks inside a sentence of Chinese prose; a running header, a heading or a
#: caption has none (a URL's ``:`` and ``.`` are ASCII).
_CLAUSE_MARK = re.compile("[，、；：。！？]")


def has_clause_mark(before: str) -> bool:
    """Whether A's block holds a Chinese clause or sentence mark.

    A column's last words read twice are the end of a sentence that runs on
    (``…武装头脑，扎实推进…主义思想`` ‖ ``主义思想主题教育…``); a block with no such
    mark is a heading, a caption or a running header with a heading
    (``http://www.ecologica.cn （2）土壤保持价值 … 保持土壤肥力价值`` ‖
    ``土壤肥力价值 …包括养分价值…``), whose last words open the next text.

    >>> has_clause_mark("党的创新理论武装头脑，扎实推进"), has_clause_mark("效力于都灵时期的")
    (True, False)
    """
    return _CLAUSE_MARK.search(before) is not None


@cache
def reduplicable() -> frozenset[str]:
    """Han characters that legitimately occur twice in a row (``data/reduplicable.txt``)."""
    raw = data_path("seedclean.linebreaks", "data", "reduplicable.txt")
    found: set[str] = set()
    for line in raw.read_text(encoding="utf-8").splitlines():
        found.update(_HAN.findall(line.split("#", 1)[0]))
    return frozenset(found)


def single_repeat(left: str, right: str) -> bool:
    """Whether ``right`` starts with ``left``'s last character read a second time.

    Only the character test of ``seam-overlap-single``; the caller supplies the
    layout evidence (an interloper or a wide gap at a seam being joined).  The
    character must be a Han character that does not legitimately double
    (:func:`reduplicable`), must not already be doubled inside ``left``
    (``…层层`` ‖ ``层…``), and ``right`` must go on after it.

    >>> single_repeat("牵头开展结对共建仪式，由四对基", "基层院分别签订")
    True
    >>> single_repeat("日子一天", "天天好起来"), single_repeat("重重", "层层")
    (False, False)
    """
    if len(left) < 2 or len(right) < 2:
        return False
    char = left[-1]
    return (
        right[0] == char
        and left[-2] != char
        and right[1] != char
        and _HAN.match(char) is not None
        and _HAN.match(right[1]) is not None
        and char not in reduplicable()
    )


@cache
def reduplicable_words() -> frozenset[str]:
    """Two-character words that legitimately double (``data/reduplicable_words.txt``)."""
    raw = data_path("seedclean.linebreaks", "data", "reduplicable_words.txt")
    found: set[str] = set()
    for line in raw.read_text(encoding="utf-8").splitlines():
        found.update(w for w in line.split("#", 1)[0].split() if len(w) == 2)
    return frozenset(found)


def double_read(left: str, right: str, words: Collection[str]) -> bool:
    """Whether ``right`` starts with ``left``'s last two characters read a second time.

    Only the character test of the two-character ``seam-overlap``; the caller
    asks it only for a seam it joins anyway (one sentence cut in two, neither
    side heading-like).  The pair must be a dictionary word of two Han
    characters (``words``), not one that legitimately doubles (ABAB:
    ``研究研究``, :func:`reduplicable_words`) nor a numeral and a measure
    word (``一天一天``, ``一步一步``), not already doubled inside
    ``left``, and ``right`` must go on with a Han character after it.

    >>> words = {"改善", "研究"}
    >>> double_read("推动两国进一步改善", "改善两国关系", words)
    True
    >>> double_read("大家再研究", "研究这个方案", words), double_read("改善改善", "改善关系", words)
    (False, False)
    """
    if len(left) < 3 or len(right) < 3:
        return False
    pair = left[-2:]
    return (
        right.startswith(pair)
        and pair[0] != pair[1]
        and pair[0] not in _NUMERALS
        and left[-4:-2] != pair
        and right[2:4] != pair
        and _HAN.match(pair[0]) is not None
        and _HAN.match(pair[1]) is not None
        and _HAN.match(right[2]) is not None
        and pair in words
        and pair not in reduplicable_words()
    )
