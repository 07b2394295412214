"""Names must agree: template paragraphs that differ in a person's or place's name are two news.

Award lists, appointment notices, county reports and photo captions repeat one
sentence for several people or places (``图为张三在…`` / ``图为李四在…``,
``高台县检察院开展…`` / ``临泽县检察院开展…``).  Two such paragraphs are
a few characters apart, so a character similarity scores them as near
duplicates, and removing one deletes real content.

OCR noise and a different name leave different traces in an alignment of the
two keys (Levenshtein opcodes):

* OCR noise is *scattered*: single look-alike characters read as one another,
  dropped or doubled characters; a split or merged glyph (``明`` / ``日月``)
  replaces one character by two or two by one.
* A different name is a *contiguous* run of at least two Han characters
  replaced by another run of at least two (``张三`` / ``李四``).

So a near (or fragment) match also needs no *differing region* (adjacent
non-equal opcodes merged) with at least two Han characters on each side.
Latin letters and digits do not count, and a region of Chinese numerals on both
sides is a number, :mod:`.numbers`' business (names may hold numerals:
``张三``, ``万州``).  One exception keeps the rarer OCR case of two
adjacent misreads: a region of exactly two characters on each side whose
aligned characters are both known look-alikes (``己未`` / ``已末``) is noise.

A dropped, doubled or misread single character is still noise, so a name
differing in one character (``王晓明`` / ``王晓东``) is *not* caught: from the
text alone it cannot be told from a misread.

>>> names_agree("图为张三在田间查看小麦长势", "图为李四在田间查看小麦长势")
False
>>> names_agree("今年以来甘州区检察院围绕中心大局", "今年以来甘州区检察院国绕中心大局")
True
>>> names_agree("今年以来甘州区检察院围绕中心大局", "今年以来甘洲区检查院围绕中心大局")
True
>>> names_agree("己未年修订的规章制度", "已末年修订的规章制度")
True
"""

from __future__ import annotations

import re

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.dedup.confusables import HAN_LOOKALIKES
from seedclean.dedup.numbers import NUMERAL_CHARS

__all__ = ["LOOKALIKES", "differing_regions", "differing_spans", "is_name_change", "names_agree"]

# Groups of Han characters that OCR reads as one another (shape look-alikes).
# Only used to forgive a two-character region whose both characters are misreads.
LOOKALIKES = HAN_LOOKALIKES
_GROUPS: dict[str, frozenset[int]] = {}
for _n, _group in enumerate(LOOKALIKES.split()):
    for _char in _group:
        _GROUPS[_char] = _GROUPS.get(_char, frozenset()) | {_n}
# Han ideographs: the CJK unified blocks (A-I extensions) and compatibility ideographs.
_HAN = re.compile(f"[{HAN_IDEOGRAPHS}]")
_NUMERALS = frozenset(NUMERAL_CHARS)
_NONE: frozenset[int] = frozenset()


def differing_regions(first: str, second: str) -> list[tuple[str, str]]:
    """The maximal non-equal regions of an alignment of the two strings, as pairs of slices.

    Indel (LCS) opcodes; where the alignment is ambiguous because a deleted or
    inserted run repeats the equal text beside it (``李强强调`` / ``王东明强调``
    aligns either ``强``), the run is shifted to join its neighbouring region,
    so one replaced name is one region.

    >>> differing_regions("图为张三在田间", "图为李四在田边")
    [('张三', '李四'), ('间', '边')]
    >>> differing_regions("李强强调要", "王东明强调要")
    [('李强', '王东明')]
    """
    return [(first[i1:i2], second[j1:j2]) for i1, i2, j1, j2 in differing_spans(first, second)]


def differing_spans(first: str, second: str) -> list[tuple[int, int, int, int]]:
    """:func:`differing_regions` as offsets ``(i1, i2, j1, j2)`` into the two strings.

    >>> differing_spans("图为张三在田间", "图为李四在田边")
    [(2, 4, 2, 4), (6, 7, 6, 7)]
    """
    regions: list[list[int]] = []
    from rapidfuzz.distance import Indel  # loads on first use

    for op in Indel.opcodes(first, second):
        if op.tag == "equal":
            continue
        if regions and regions[-1][1] == op.src_start and regions[-1][3] == op.dest_start:
            regions[-1][1], regions[-1][3] = op.src_end, op.dest_end
        else:
            regions.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    merged: list[list[int]] = []
    for region in regions:
        if merged and _shiftable(first, second, merged[-1], region):
            merged[-1][1], merged[-1][3] = region[1], region[3]
        else:
            merged.append(region)
    return _spans(first, second, merged)


def _spans(first: str, second: str, merged: list[list[int]]) -> list[tuple[int, int, int, int]]:
    """Joined regions without the equal text they span at their ends."""
    out = []
    for i1, i2, j1, j2 in merged:
        head = 0
        while head < min(i2 - i1, j2 - j1) and first[i1 + head] == second[j1 + head]:
            head += 1
        tail = 0
        while tail < min(i2 - i1, j2 - j1) - head and first[i2 - 1 - tail] == second[j2 - 1 - tail]:
            tail += 1
        out.append((i1 + head, i2 - tail, j1 + head, j2 - tail))
    return out


def _shiftable(first: str, second: str, before: list[int], after: list[int]) -> bool:
    """Whether an equivalent alignment joins two regions across the equal text between them.

    A pure deletion (or insertion) ``d`` after equal text ``e`` can move left
    over ``e`` when ``d`` ends with ``e``; one before ``e`` can move right when
    it starts with ``e``.  Either way the regions meet.
    """
    gap = after[0] - before[1]
    for lo, hi, text in ((after[0], after[1], first), (after[2], after[3], second)):
        other = (after[2], after[3]) if text is first else (after[0], after[1])
        if other[0] == other[1] and hi - lo >= gap and text[lo - gap : lo] == text[hi - gap : hi]:
            return True
    for lo, hi, text in ((before[0], before[1], first), (before[2], before[3], second)):
        other = (before[2], before[3]) if text is first else (before[0], before[1])
        if other[0] == other[1] and hi - lo >= gap and text[lo : lo + gap] == text[hi : hi + gap]:
            return True
    return False


def _han_chars(span: str) -> list[str]:
    """The Han characters of ``span``."""
    return _HAN.findall(span)


def _lookalike_misreads(left: str, right: str) -> bool:
    """Two characters each side, each read as a known look-alike of the other's."""
    if len(left) != 2 or len(right) != 2:
        return False
    return all(
        a != b and bool(_GROUPS.get(a, _NONE) & _GROUPS.get(b, _NONE))
        for a, b in zip(left, right, strict=True)
    )


def is_name_change(left: str, right: str) -> bool:
    """Whether one differing region replaces a run of names (two or more Han characters each side).

    >>> is_name_change("张三", "李四"), is_name_change("明", "日月"), is_name_change("己未", "已末")
    (True, False, False)
    """
    han_left, han_right = _han_chars(left), _han_chars(right)
    if len(han_left) < 2 or len(han_right) < 2:
        return False
    if _NUMERALS.issuperset(han_left) and _NUMERALS.issuperset(han_right):
        return False  # a number read differently: numbers_agree decides
    return not _lookalike_misreads(left, right)


def names_agree(first: str, second: str) -> bool:
    """False when aligning the two keys replaces a run of two or more Han characters by another."""
    if first == second:
        return True
    return not any(is_name_change(left, right) for left, right in differing_regions(first, second))
