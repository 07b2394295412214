"""Language evidence across a seam: does a word run across it?

A short first piece without punctuation (``…第七检察部党支部在党`` ‖
``员队伍中倡导…``) reads like a heading by its shape alone; what gives the cut
away is the language: ``党员`` is a word, so the two sides read as one phrase.

:func:`cohesion` measures that with a unigram word model (jieba's MIT-licensed
frequency dictionary, compacted by ``tools/make_lexicon.py`` into
``data/lexicon.txt``: words of one to four Han characters with a cost in
bits): it is the cost of the two seam windows segmented apart (the seam is a
word boundary) minus the cost of their concatenation segmented as one text.
It is never negative; it is large when the cheapest reading of the joined
window has a word across the seam (``党员``, ``积分``, ``信息``).

:func:`page_echo` is the page's own vocabulary: a string that straddles the
seam and occurs elsewhere on the page (``扎`` ‖ ``波罗热核电站`` when
``扎波罗热`` is written out a few paragraphs later) is a word the dictionary
may not know.

The table is read on first use, and only in part: the file holds one line per
first character, and a word's line is parsed when a window first holds that
character (:class:`Lexicon`).  A small file reads a few dozen of its 9,894
lines instead of building all 133k entries (~60 ms), so ``seedclean check``
on one page starts fast; a page whose seams are all settled by punctuation
reads nothing.
"""

from __future__ import annotations

import re
from functools import cache

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.datafiles import data_path
from seedclean.lazyre import LazyPattern

#: Characters of each side a seam window reads (the table's longest word).
WINDOW = 4
#: Cost, in bits, of a character the table does not know (rarer than any entry).
UNKNOWN = 26
#: How far (characters) either side of a seam :func:`page_echo` looks for a repeat.
PAGE_SPAN = 20_000


_LEFT = re.compile(f"[{HAN_IDEOGRAPHS}]{{1,{WINDOW}}}\\Z")
_RIGHT = re.compile(f"[{HAN_IDEOGRAPHS}]{{1,{WINDOW}}}")
_HAN_RUN = LazyPattern(f"[{HAN_IDEOGRAPHS}]+")


class Lexicon:
    """The word table, parsed one first character at a time.

    ``lines`` maps a first character to its line of ``data/lexicon.txt``
    (``中9 中国9 中心12 …``: each word followed by its cost).  :meth:`words_for`
    returns :attr:`words` holding every word that starts with a character of
    its argument, which is all that :func:`cost` and :func:`cohesion` look up
    for substrings of it.  Parsing twice is harmless (the same entries), so
    threads may share one instance.
    """

    def __init__(self, lines: dict[str, str]) -> None:
        self.lines = lines
        self.words: dict[str, int] = {}
        self.seen: set[str] = set()

    def words_for(self, text: str) -> dict[str, int]:
        """The table, complete for every word starting with a character of ``text``."""
        for char in text:
            if char not in self.seen:
                line = self.lines.get(char)
                if line is not None:
                    self._parse(line)
                self.seen.add(char)
        return self.words

    def all_words(self) -> dict[str, int]:
        """The whole table (every line parsed)."""
        return self.words_for("".join(self.lines))

    def _parse(self, line: str) -> None:
        words = self.words
        for token in line.split(" "):
            word = token.rstrip("0123456789")
            words[word] = int(token[len(word) :])


@cache
def lexicon() -> Lexicon:
    """The word table of ``data/lexicon.txt``, split into lines (nothing parsed yet)."""
    raw = data_path("seedclean.linebreaks", "data", "lexicon.txt").read_bytes()
    lines = raw.decode("utf-8").split("\n")
    return Lexicon({line[0]: line for line in lines if line})


def table() -> dict[str, int]:
    """Word -> cost in bits (``round(log2(total / freq))``): the whole table."""
    return lexicon().all_words()


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
    joined, cut = a + b, len(a)
    words = lexicon().words_for(joined)
    # the cheapest word across the seam; without one the seam is a boundary
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
        if _HAN_RUN.fullmatch(probe) and text.count(probe, lo, hi):
            return probe
    return ""
