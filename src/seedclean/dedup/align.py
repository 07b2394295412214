"""Where two near-identical keys differ: an alignment merged into differing regions.

The duplicate search's meaning verdict (:mod:`.meaning`) reads each region of
the alignment of two comparison keys: Indel (LCS) opcodes, adjacent non-equal
opcodes merged, and a deleted or inserted run that repeats the equal text
beside it shifted to join its neighbour, so one replaced word is one region.
"""

from __future__ import annotations

__all__ = ["differing_regions", "differing_spans"]


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
