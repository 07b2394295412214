"""Character classes that decide a seam: what a block may end with and start with.

Both punctuation widths are listed, because ``repair_breaks`` must work on raw
OCR text (half-width ``,;:?!()``) as well as on normalized text.  The classes
follow the research study (``linebreaks.md`` §3): *terminal* ends a sentence,
*open* promises more text, *kinsoku* characters cannot start a line in Chinese
typesetting, so a block starting with one is a continuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.lazyre import LazyPattern

#: Sentence-final punctuation: a block ending in one of these is complete.
TERMINAL = frozenset("。！？!?…")
#: Closing quotes and brackets; they inherit the class of what they close.
CLOSERS = frozenset("”’」』）)》】〕\"']")
#: Punctuation that promises a continuation when it ends a block.
OPEN_END: frozenset[str] = frozenset("，、；：,;:—–-（(《“‘「『【〔")
#: Characters that cannot start a line (kinsoku shori): the block continues one.
KINSOKU = frozenset("，。、；：？！）》」』】〕”’…%,.;:?!)·")
#: Opening quotes and brackets: a block starting with one may continue a word.
OPENERS = frozenset("“‘「『《（(【〔")
#: Pairs counted to find a quote or bracket left open at the end of a block.
PAIRS: tuple[tuple[str, str], ...] = (
    ("“", "”"),
    ("‘", "’"),
    ("「", "」"),
    ("『", "』"),
    ("《", "》"),
    ("（", "）"),
    ("(", ")"),
    ("【", "】"),
    ("〔", "〕"),
)

#: Every quote and bracket of :data:`PAIRS`, but a ``‘`` or ``’`` right after a
#: digit is a minute or prime mark (``93‘李微``), not a quote.  The pattern starts
#: with a class (the check on the digit comes after it), so the regex engine skips
#: other text at C speed; a leading lookbehind would make it try every position.
_PAIR_CHARS = re.compile("[" + re.escape("".join(a + b for a, b in PAIRS)) + "](?<![0-9][‘’])")
#: Index of each character of :data:`PAIRS` in a count vector: opener ``2k``, closer ``2k + 1``.
_PAIR_SLOT = {c: i for i, c in enumerate("".join(a + b for a, b in PAIRS))}
#: Opener slots of the round brackets (see :func:`open_total`).
_ROUND_SLOTS = frozenset(_PAIR_SLOT[c] for c in "(（")
#: Full- and half-width round brackets are one family: OCR mixes them (``（双侧的)``).
_WIDE_ROUND, _NARROW_ROUND = _PAIR_SLOT["（"], _PAIR_SLOT["("]

#: Sentence punctuation inside a line; a line without any is heading-like.
SENTENCE_PUNCT = re.compile(r"[。！？；!?;…]|(?<=[A-Za-z])\.(?!\w)")
CLAUSE_PUNCT = re.compile(r"[，,：:]")

#: Han ideographs (URO, Ext A, compatibility, supplementary planes).
HAN_CHAR = LazyPattern(f"[{HAN_IDEOGRAPHS}]")
HYPHENATED_END = re.compile(r"(?<![A-Za-z-])[A-Za-z]{2,}-$")
LOWER_START = re.compile(r"[a-z]")
#: Markdown emphasis markers that must not hide the real last or first character.
EMPHASIS = "*_"


_CLOSER_CHARS = "".join(sorted(CLOSERS))
#: Class of a last character that settles it alone (closers and ``.`` need more).
_END_CLASS = dict.fromkeys(TERMINAL, "terminal") | dict.fromkeys(OPEN_END, "open")
#: Class of a first character.
_START_CLASS = dict.fromkeys(KINSOKU, "kinsoku") | dict.fromkeys(OPENERS, "quote")


def end_char(text: str) -> tuple[str, str]:
    """Return ``(class, char)`` of how ``text`` ends.

    Classes: ``terminal``, ``open``, ``word`` (a letter, digit, Han character or
    a closing quote that closes a non-terminal phrase such as ``“检察开放日”``)
    or ``empty``.
    """
    last = text[-1:]
    if not last or last in EMPHASIS or last.isspace():
        text = text.rstrip().rstrip(EMPHASIS).rstrip()
        if not text:
            return "empty", ""
        last = text[-1]
    if last in _TRAILER_ENDS and _closed_before_trailer(text):
        return "terminal", last
    if last in CLOSERS:
        core = text.rstrip(_CLOSER_CHARS)
        if core and core[-1] in TERMINAL:
            return "terminal", last
        if core[-1:] == "." and _LATIN_SENTENCE_END.search(core):
            return "terminal", last  # a reference's closing bracket (…426.])
        return "word", last
    if last == ".":
        return ("terminal" if _LATIN_SENTENCE_END.search(text) else "word"), last
    if last in _READ_STOP_LAST and _READ_STOP.search(text[-8:]):
        return "terminal", last  # a full stop misread (…$1 m$ ○, …[20-21] 0, …）°)
    return _END_CLASS.get(last, "word"), last


#: A full stop that OCR read as another mark: a circle after a formula or a
#: Han character (``…$1 m$ ○``), and ``°``, ``0``, ``>`` or ``人`` after a
#: closing bracket, a formula or a full stop (``…（P=0.98）°``, ``…[20-21] 0``,
#: ``…见表4。 人``), or ``人`` set apart after a Han character (``…差异显著 人``).
_READ_STOP = LazyPattern(
    r"(?:[。.)）\]］$][ \t]*[○°0人>]|["
    + HAN_IDEOGRAPHS
    + r"][ \t]+[○人]|["
    + HAN_IDEOGRAPHS
    + r"$][ \t]*○)$"
)
_READ_STOP_LAST = frozenset("○°0人>")


#: One bracketed label: ``[点击查看]``, ``【技术统计】`` (no nesting, no line break).
LABEL = r"(?:\[[^\[\]\n]{1,40}\]|【[^【】\n]{1,40}】)"
#: What may follow the end of a sentence and leave the block closed: bracketed
#: labels and short parentheticals (a credit ``（完）``, ``（记者 甲）``, an aside).
_TRAILER = re.compile(rf"(?:\s*(?:{LABEL}|[（(][^（）()\n]{{1,60}}[）)]))+\s*$")
#: Last characters after which a trailer is looked for.
_TRAILER_ENDS = frozenset("）)】]")
#: How far back a trailer is looked for (bounds the search on long blocks).
_TRAILER_WINDOW = 160
#: Opening quotes that, right after a sentence end at the end of a block, close it.
_MISTYPED_CLOSERS = frozenset("“‘")


def mistyped_closer(text: str) -> bool:
    """Whether a block ends a sentence and then an opening quote (``…层次。“``).

    An opening quote cannot end a line (kinsoku), so at the end of a block,
    right after a sentence end, it is a closing quote typed with the wrong
    character: the block is closed.  Only for whole blocks: a wrapped line of
    a badly typeset page may still end with an opening quote.
    """
    return len(text) > 1 and text[-1] in _MISTYPED_CLOSERS and text[-2] in TERMINAL


def _closed_before_trailer(text: str) -> bool:
    """Whether ``text`` ends a sentence and then only labels or parentheticals.

    ``…四连败。【技术统计】``, ``…72.7%！[查看全部专家]``, ``…放心消费。(完)``,
    ``…破产了。”(之前的只是紧急仲裁结果)``: the sentence is over and what
    follows is page furniture, a credit or an aside, so the block does not
    continue into the next one.  A block that is nothing but labels
    (``[送1188][下载APP]``) is closed too.
    """
    tail = text[-_TRAILER_WINDOW:]
    found = _TRAILER.search(tail)
    if found is None:
        return False
    core = tail[: found.start()].rstrip()
    if not core:
        return len(text) <= _TRAILER_WINDOW and text.lstrip()[:1] in "[【"
    return end_char(core)[0] == "terminal"


def start_char(text: str) -> tuple[str, str]:
    """Return ``(class, char)`` of how ``text`` starts: ``kinsoku``, ``quote``, ``word``."""
    first = text[:1]
    if not first or first.isspace():
        text = text.lstrip()
        if not text:
            return "empty", ""
        first = text[0]
    return _START_CLASS.get(first, "word"), first


#: Inline math (``$\\left( x \\right.$``): its brackets are formula, not prose.
_INLINE_MATH = re.compile(r"\$[^$\n]{1,400}\$")
#: Round brackets: a parenthetical is short, so one left open further back than
#: this was mistyped or its closer lost, and does not carry a sentence over a seam.
_ROUND_REACH = 80


def unclosed(text: str) -> int:
    """Count quotes and brackets opened in ``text`` and not closed in it.

    Brackets inside inline math (``$…$``) are not counted, and an unclosed
    round bracket only counts when it was opened in the last 80 characters.
    """
    return open_total(pair_counts(text), text)


def pair_counts(text: str) -> tuple[int, ...]:
    """How often ``text`` has each character of :data:`PAIRS` (opener ``2k``, closer ``2k + 1``).

    Counts add up over concatenated texts, except for a ``‘``/``’`` at the start
    of a text that follows a digit (see :func:`digit_quote_seam`).  Brackets
    inside inline math (``$…$``) are formula, not prose, and are not counted.
    """
    if "$" in text:
        text = _INLINE_MATH.sub("", text)
    found = _PAIR_CHARS.findall(text)
    counts = [0] * (2 * len(PAIRS))
    for char in found:
        counts[_PAIR_SLOT[char]] += 1
    return tuple(counts)


def digit_quote_seam(left: str, right: str) -> int:
    """Slot of the ``‘``/``’`` that starts ``right`` and is a prime mark after ``left``; else -1.

    Counted as a quote in ``right`` alone, it is not one in ``left + right``.
    """
    if right[:1] in ("‘", "’") and "0" <= left[-1:] <= "9":
        return _PAIR_SLOT[right[0]]
    return -1


def open_total(counts: Sequence[int], tail: str = "") -> int:
    """Quotes and brackets left open by a text with the :func:`pair_counts` ``counts``.

    ``tail``: the text's last block, when known.  A parenthetical is short, so
    a round bracket left open counts only when ``tail`` is shorter than 80
    characters or opens one in its last 80 (one opened further back was
    mistyped or lost its closer, and does not carry a sentence over a seam).
    """
    total = 0
    for k in range(0, len(counts), 2):
        if k == _NARROW_ROUND:
            continue  # counted with the full-width pair
        opened = counts[k] - counts[k + 1]
        if k == _WIDE_ROUND:
            opened += counts[_NARROW_ROUND] - counts[_NARROW_ROUND + 1]
        if opened > 0:
            if k in _ROUND_SLOTS and tail and not _round_recent(tail):
                continue
            total += opened
    return total


def _round_recent(tail: str) -> bool:
    """Whether ``tail`` is short or leaves a round bracket open in its last 80 characters."""
    if len(tail) <= _ROUND_REACH:
        return True
    end = tail[-_ROUND_REACH:]
    last = max(end.rfind("("), end.rfind("（"))
    return last >= 0 and ")" not in end[last:] and "）" not in end[last:]


def separator(left: str, right: str) -> str:
    """The text that replaces a joined gap: a space between two Latin words, else nothing.

    Follows CSS Text 3 segment-break transformation: a break next to an East
    Asian wide character disappears.  A break after a Latin letter before a
    letter or digit becomes a space (``walking down the`` ‖ ``lane``); digits
    join with nothing (``截至2023`` ‖ ``年底``, ``19.`` ‖ ``47万亿元``).
    """
    if not left or not right:
        return ""
    return " " if _LATIN_LEFT.search(left) and _LATIN_RIGHT.match(right) else ""


#: A Latin sentence end: a word, or a citation or parenthesis closing it (``…[33].``,
#: ``…(2019).``), or the page range ending a reference (``…12(3):253-267.``).
#: A Latin sentence end: a word, a closing bracket or a number of two digits or
#: more before the full stop (``…found 477.1833.``, ``…1999.``).
_LATIN_SENTENCE_END = re.compile(r"(?:[A-Za-z]{2,}|[A-Za-z0-9][\])]|\d[-–]\d+|\d{2,})\.$")
_LATIN_LEFT = re.compile(r"[A-Za-z][,;:!?)\"']?$")
_LATIN_RIGHT = re.compile(r"[A-Za-z0-9(\"']")


_OPENER_OF = {right: left for left, right in PAIRS}


def closes_unopened(head: str) -> bool:
    """Whether ``head`` closes a quote or bracket it never opened (``项行动”推动…``).

    Text that starts that way is the rest of a sentence begun elsewhere.
    """
    for k, char in enumerate(head):
        left = _OPENER_OF.get(char)
        if left is not None and left not in head[:k]:
            return True
    return False


_QUOTE_OPEN_OF = {"”": "“", "’": "‘", "」": "「", "』": "『"}
_STATEMENT_PUNCT = frozenset("，。！？!?；,")


def statement_end(text: str) -> bool:
    """Whether ``text`` ends with a closing quote after a quoted statement.

    ``…今晚我可能无法入睡，”``, ``…#相信过程。#加油”``: the quote holds clause
    or sentence punctuation, so it is what someone said, and its closing
    quote ends the sentence even without a full stop before it.  A quoted
    name or title (``“检察开放日”``) holds none and may run on.
    """
    stripped = text.rstrip()
    opener = _QUOTE_OPEN_OF.get(stripped[-1:])
    if opener is None:
        return False
    start = stripped.rfind(opener, max(0, len(stripped) - 300), len(stripped) - 1)
    if start < 0:  # opened in an earlier block: the characters before the closer tell
        return stripped[-2:-1] in _STATEMENT_PUNCT
    return any(c in _STATEMENT_PUNCT for c in stripped[start + 1 : -1])


#: A DOI ending a block (``…doi:10.1371/journal.pone.0203891``): a reference is over.
_DOI_END = re.compile(r"\b10\.\d{4,9}/[^\s/]+(?:/[^\s/]+)*$")


def doi_end(text: str) -> bool:
    """Whether ``text`` ends with a DOI (``…doi:10.1080/13825585.2015.1073218``)."""
    return _DOI_END.search(text[-80:]) is not None
