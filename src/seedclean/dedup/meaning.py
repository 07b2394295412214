"""Same meaning: whether the differences between two near-identical paragraphs are only OCR noise.

Character similarity cannot tell an OCR copy from a paragraph that says
something else in almost the same words: ``同意``/``不同意``, ``张某某``/``李某某``,
``全市``/``全省``, ``Table S3 Up-regulated``/``Table S4 Down-regulated`` all
score above 0.9.  Removing such a paragraph as a near duplicate deletes
content, so a near duplicate (or a fragment, against its window) must also
pass this verdict on the *aligned difference* of the two comparison keys
(Indel opcodes, adjacent differences merged into regions, see
:func:`seedclean.dedup.align.differing_spans`).

A region is **noise** (the pair may be removed) when it is:

* a dropped or inserted Han character or digit, or one Latin letter (a doubled
  negation such as ``不不`` counts as a doubling); a run of Han characters
  dropped or inserted together only when it doubles the character beside it
  (``大大大局``);
* a Han character read as a listed look-alike (``己``/``已``, ``未``/``末``,
  :data:`.confusables.HAN_LOOKALIKES`), also beside a dropped character
  (``围绕``/``国``), a glyph split in two or two merged
  into one (``明``/``日月``, :data:`.confusables.SPLIT_GLYPHS`), a Latin letter
  read as a look-alike digit (``o``/``0``, ``l``/``1``);
* a number on both sides: :mod:`.numbers` decides (``numbers_must_agree``).

It is **meaningful** (the pair is kept, and reported) when it:

* inserts or deletes a negation (``不 非 未 没 无 否 别 勿 莫 毋``): ``negation``;
* replaces a Han character by one that is not a listed look-alike (another
  surname, place, year or word): ``another character``;
* changes Latin letters (``up``/``down``, ``a``/``b``), or inserts or deletes
  two or more of them (``ten``/``fourteen``), or inserts or deletes two or
  more Han characters together (``饲粮代谢能和蛋白质`` / ``饲粮蛋白质``: a word,
  not a character OCR lost): ``another word``.

>>> meaning_agrees("会议同意将该项目列入计划", "会议不同意将该项目列入计划")
False
>>> meaning_agrees("被告人张某某的行为构成故意伤害罪", "被告人李某某的行为构成故意伤害罪")
False
>>> meaning_agrees("今年以来甘州区检察院围绕中心大局", "今年以来甘州区检察院围绕中心大大局")
True
>>> meaning_agrees("己未年修订的规章制度", "已末年修订的规章制度")
True
>>> meaning_agrees("饲粮代谢能和蛋白质水平对蛋鸡的影响", "饲粮蛋白质水平对蛋鸡的影响")
False
>>> [(d.first, d.second, d.reason) for d in meaningful_differences(
...     "tables3upregulatedgenes", "tables4downregulatedgenes")]
[('3up', '4down', 'another word')]
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.dedup.align import differing_spans
from seedclean.dedup.confusables import HAN_LOOKALIKES, LATIN_LOOKALIKES, NEGATIONS, SPLIT_GLYPHS
from seedclean.dedup.numbers import NUMERAL_CHARS

__all__ = ["Difference", "differences", "meaning_agrees", "meaningful_differences", "show"]

_HAN = re.compile(f"[{HAN_IDEOGRAPHS}]")
_LETTERS = re.compile("[a-z]")
_NUMERALS = frozenset(NUMERAL_CHARS)
_NEGATIONS = frozenset(NEGATIONS)


def _groups(table: str) -> dict[str, frozenset[int]]:
    groups: dict[str, frozenset[int]] = {}
    for number, group in enumerate(table.split()):
        for char in group:
            groups[char] = groups.get(char, frozenset()) | {number}
    return groups


_HAN_GROUPS = _groups(HAN_LOOKALIKES)
_LATIN_CANON = {c: group[-1] for group in LATIN_LOOKALIKES.split() for c in group}
_SPLITS = frozenset(tuple(entry.split(":")) for entry in SPLIT_GLYPHS.split())
_NONE: frozenset[int] = frozenset()


class Difference(NamedTuple):
    """One differing region of two aligned keys and its verdict.

    Attributes:
        first: the region's text in the first key.
        second: the region's text in the second key.
        reason: why it changes the meaning (``negation``, ``another character``,
            ``another word``), or ``""`` when it is noise.
    """

    first: str
    second: str
    reason: str


def _lookalike(a: str, b: str) -> bool:
    return a == b or bool(_HAN_GROUPS.get(a, _NONE) & _HAN_GROUPS.get(b, _NONE))


def _same_han(left: list[str], right: list[str]) -> bool:
    """The Han characters of two regions are one reading (look-alikes, split or merged glyphs)."""
    if len(left) == len(right):
        return all(_lookalike(a, b) for a, b in zip(left, right, strict=True))
    one, two = (left, right) if len(left) < len(right) else (right, left)
    if len(one) == 1 and len(two) == 2 and (one[0], "".join(two)) in _SPLITS:
        return True
    if len(two) > 4:
        return False
    # a misread next to a dropped character (围绕/国): the extra characters are drops
    return any(
        _NEGATIONS.isdisjoint(two[k] for k in range(len(two)) if k not in kept)
        and all(_lookalike(a, two[k]) for a, k in zip(one, kept, strict=True))
        for kept in itertools.combinations(range(len(two)), len(one))
    )


def _substitution(left: str, right: str) -> str:
    """The reason a region replacing ``left`` by ``right`` changes the meaning (or ``""``)."""
    if _NUMERALS.issuperset(left) and _NUMERALS.issuperset(right):
        return ""  # a number on both sides: numbers_agree decides
    canon_left = "".join(_LATIN_CANON.get(c, c) for c in left)
    canon_right = "".join(_LATIN_CANON.get(c, c) for c in right)
    if canon_left == canon_right:
        return ""
    if _LETTERS.findall(canon_left) != _LETTERS.findall(canon_right):
        return "another word"
    han_left, han_right = _HAN.findall(left), _HAN.findall(right)
    if han_left == han_right:
        return ""  # only digits differ: a number, numbers_agree decides
    if not han_left or not han_right:
        if _NUMERALS.issuperset(han_left) and _NUMERALS.issuperset(han_right):
            return ""  # 三 read against 3: a number
        return _indel("".join(han_left or han_right), "", "")
    if _same_han(han_left, han_right):
        return ""
    return "another character"


def _indel(inserted: str, before: str, after: str) -> str:
    """The reason inserting (or deleting) ``inserted`` between ``before`` and ``after`` matters."""
    if _NEGATIONS.intersection(inserted):
        doubled = len(inserted) == 1 and inserted in (before, after)
        return "" if doubled else "negation"
    if len(_LETTERS.findall(inserted)) >= 2:
        return "another word"
    han = _HAN.findall(inserted)
    if len(han) >= 2 and not _doubling(inserted, before, after):
        return _WORD
    return ""


def _doubling(inserted: str, before: str, after: str) -> bool:
    """Whether ``inserted`` only reads its neighbours again (``大大大局``, ``0一`` in ``0‖0一‖一``).

    ``before`` and ``after`` are the characters next to the region; every
    inserted character must be one of them.
    """
    return set(inserted) <= {c for c in (before[-1:], after[:1]) if c}


def differences(first: str, second: str, *, ends_free: bool = False) -> list[Difference]:
    """Every differing region of the two keys with its verdict.

    With ``ends_free``, text of ``second`` beyond either end of ``first`` is not a
    difference (``second`` is the window a fragment was found in, widened).  The
    window's edges are approximate, and an alignment may place its extra edge
    characters inside (``0丁`` against ``0‖0丁一‖丁``); when that makes a word,
    the window is trimmed at its ends and the alignment with the fewest
    characters differing inside is judged (:func:`_tightest`).
    """
    out = _judged(first, second, ends_free)
    if ends_free and any(d.reason == _WORD and not d.first for d in out):
        out = _judged(first, _tightest(first, second), ends_free)
    return out


_WORD = "another word"
#: How many characters :func:`_tightest` may trim from either end of a window.
_TRIM = 4


def _judged(first: str, second: str, ends_free: bool) -> list[Difference]:
    out = []
    for i1, i2, j1, j2 in differing_spans(first, second):
        left, right = first[i1:i2], second[j1:j2]
        if left and right:
            reason = _substitution(left, right)
        elif left:
            reason = _indel(left, first[i1 - 1 : i1], first[i2 : i2 + 1])
        elif ends_free and (i1 == 0 or i1 == len(first)):
            reason = ""
        else:
            reason = _indel(right, second[j1 - 1 : j1], second[j2 : j2 + 1])
        out.append(Difference(left, right, reason))
    return out


def _tightest(first: str, second: str) -> str:
    """``second`` trimmed by up to :data:`_TRIM` characters at each end, aligned most tightly.

    The trim that leaves the fewest characters differing inside ``first``'s
    span (insertions at its ends are free) wins; ties go to the least trimmed.
    """

    def inside(window: str) -> int:
        return sum(
            (i2 - i1) + (j2 - j1)
            for i1, i2, j1, j2 in differing_spans(first, window)
            if i1 != i2 or 0 < i1 < len(first)
        )

    best, best_cost = second, inside(second)
    for trimmed in range(1, 2 * _TRIM + 1):
        for head in range(max(0, trimmed - _TRIM), min(trimmed, _TRIM) + 1):
            window = second[head : len(second) - (trimmed - head)]
            if len(window) < len(first) // 2:
                continue
            cost = inside(window)
            if cost < best_cost:
                best, best_cost = window, cost
    return best


def meaningful_differences(first: str, second: str, *, ends_free: bool = False) -> list[Difference]:
    """The regions that change the meaning (empty when the two keys say the same)."""
    if first == second:
        return []
    return [d for d in differences(first, second, ends_free=ends_free) if d.reason]


def meaning_agrees(first: str, second: str, *, ends_free: bool = False) -> bool:
    """Whether every difference between the two keys is OCR noise."""
    return not meaningful_differences(first, second, ends_free=ends_free)


def show(found: list[Difference], limit: int = 3) -> str:
    """The differences as a reader sees them: ``不同意 → 同意``, ``张 → 李``.

    >>> show([Difference("张", "李", "another character"), Difference("", "不", "negation")])
    '张→李, +不'
    """
    parts = []
    for d in found[:limit]:
        if d.first and d.second:
            parts.append(f"{d.first}→{d.second}")
        else:
            parts.append(f"-{d.first}" if d.first else f"+{d.second}")
    if len(found) > limit:
        parts.append(f"… {len(found) - limit} more")
    return ", ".join(parts)
