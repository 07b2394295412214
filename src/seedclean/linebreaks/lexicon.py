"""Language evidence across a seam: does a word run across it?

A short first piece without punctuation (``…第七检察部党支部在党`` ‖
``员队伍中倡导…``) reads like a heading by its shape alone; what gives the cut
away is the language: ``党员`` is a word, so the two sides read as one phrase.

:func:`cohesion` measures that with a unigram word model (jieba's MIT-licensed
frequency dictionary, compacted by ``tools/make_lexicon.py`` into
``data/lexicon.txt.gz``: words of one to four Han characters with a cost in
bits): it is the cost of the two seam windows segmented apart (the seam is a
word boundary) minus the cost of their concatenation segmented as one text.
It is never negative; it is large when the cheapest reading of the joined
window has a word across the seam (``党员``, ``积分``, ``信息``).

:func:`page_echo` is the page's own vocabulary: a string that straddles the
seam and occurs elsewhere on the page (``扎`` ‖ ``波罗热核电站`` when
``扎波罗热`` is written out a few paragraphs later) is a word the dictionary
may not know.

The table is loaded on first use (one ``dict.fromkeys`` per cost class), so
``import seedclean`` stays light and a page whose seams are all settled by
punctuation never loads it.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources

#: Characters of each side a seam window reads (the table's longest word).
WINDOW = 4
#: Cost, in bits, of a character the table does not know (rarer than any entry).
UNKNOWN = 26
#: How far (characters) either side of a seam :func:`page_echo` looks for a repeat.
PAGE_SPAN = 20_000


_LEFT = re.compile(f"[\u3400-\u4dbf\u4e00-\u9fff]{{1,{WINDOW}}}\\Z")
_RIGHT = re.compile(f"[\u3400-\u4dbf\u4e00-\u9fff]{{1,{WINDOW}}}")


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@cache
def table() -> dict[str, int]:
    """Word -> cost in bits (``round(log2(total / freq))``) from ``data/lexicon.txt.gz``."""
    raw = resources.files("seedclean.linebreaks").joinpath("data/lexicon.txt.gz").read_bytes()
    words: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        cost, _, entries = line.partition(" ")
        words.update(dict.fromkeys(entries.split(" "), int(cost)))
    return words


def left_window(text: str) -> str:
    """The run of Han characters that ends ``text`` (at most :data:`WINDOW`)."""
    found = _LEFT.search(text)
    return found.group() if found else ""


def right_window(text: str) -> str:
    """The run of Han characters that starts ``text`` (at most :data:`WINDOW`)."""
    found = _RIGHT.match(text)
    return found.group() if found else ""


def cost(text: str, words: dict[str, int]) -> int:
    """Cost in bits of the cheapest segmentation of ``text`` into words of ``words``."""
    n = len(text)
    best = [0] * (n + 1)
    for end in range(1, n + 1):
        found = best[end - 1] + words.get(text[end - 1], UNKNOWN)
        for start in range(max(0, end - WINDOW), end - 1):
            c = words.get(text[start:end])
            if c is not None and best[start] + c < found:
                found = best[start] + c
        best[end] = found
    return best[n]


def cohesion(left: str, right: str) -> tuple[int, str]:
    """How much cheaper ``left + right`` reads as one phrase than as two texts.

    Returns ``(bits, word)``: the cost of the two seam windows segmented apart
    minus the cost of their concatenation (0 when the seam is a word boundary
    in the cheapest reading), and the cheapest word that runs across the seam
    (``""`` when none does).

    >>> cohesion("广东省检察院第七检察部党支部在党", "员队伍中倡导开展")[1]
    '党员'
    >>> cohesion("党建引领 融合赋能", "近年来，广东省检察院")
    (0, '')
    """
    a, b = left_window(left), right_window(right)
    if not a or not b:
        return 0, ""
    words = table()
    # the cheapest word across the seam; without one the seam is a boundary
    joined, cut = a + b, len(a)
    word, word_cost = "", UNKNOWN + 1
    for start in range(cut):
        for end in range(cut + 1, min(len(joined), start + WINDOW) + 1):
            c = words.get(joined[start:end])
            if c is not None and c < word_cost:
                word, word_cost = joined[start:end], c
    if not word:
        return 0, ""
    bits = cost(a, words) + cost(b, words) - cost(joined, words)
    return (bits, word) if bits > 0 else (0, "")


def page_echo(text: str, left_end: int, right_start: int) -> str:
    """A string across the seam that the page writes elsewhere, or ``""``.

    ``left_end`` is where the left side ends in ``text``, ``right_start``
    where the right side starts.  The seam's last character and the right
    side's first two (or the left side's last two and the right side's
    first) must occur together within :data:`PAGE_SPAN` characters of the
    seam; all of them Han characters.
    """
    if left_end < 2 or right_start + 2 > len(text):
        return ""
    lo, hi = max(0, left_end - PAGE_SPAN), min(len(text), right_start + PAGE_SPAN)
    for probe in (
        text[left_end - 1] + text[right_start : right_start + 2],
        text[left_end - 2 : left_end] + text[right_start],
    ):
        if all(map(_is_han, probe)) and text.count(probe, lo, hi):
            return probe
    return ""
