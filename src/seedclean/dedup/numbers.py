"""Numbers must agree: formulaic paragraphs that differ only in a number are different news.

Decrees, notices, weather and market reports repeat one template with a new
number (``第二十二号主席令`` / ``第二十三号主席令``): a few characters apart, so
a character similarity scores them as near duplicates although they are
different documents.  A near (or fragment) match therefore also needs its
numbers to agree: the two keys are aligned (Levenshtein opcodes) and every
place where one number was *substituted* by another must still read the same
number: in one script, the same characters; across scripts, the same value
(``二十二`` = ``22``, ``二〇二三`` = ``2023``), so a number written either way agrees.

A digit (``0``-``9``) that lengthens or shortens a number of the other copy
separates them too: ``增长1%`` / ``增长11%``, ``1人死亡`` / ``11人死亡``, ``3.4`` /
``3.4.2`` (the key drops the ``.``) are different figures, and which copy OCR got
right cannot be told.  A Chinese numeral dropped or doubled is still noise: ``一`` is part of
countless words (``统一``, ``一些``), and only a substituted one is a number.

>>> numbers_agree("国家主席令第二十二号公布施行", "国家主席令第二十三号公布施行")
False
>>> numbers_agree("国家主席令第二十二号公布施行", "国家主席令第22号公布施行")
True
>>> numbers_agree("今年以来甘州区检察院围绕中心大局", "今年以来甘州区检察院国绕中心大局")
True
>>> numbers_agree("事故造成1人死亡，3人受伤", "事故造成11人死亡，3人受伤")
False
"""

from __future__ import annotations

import re

__all__ = ["numbers_agree", "numeral_value"]

_DIGITS = "0123456789"
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CHINESE_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = _DIGITS + "".join(_CHINESE_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
_HAS_NUMERAL = re.compile(f"[{NUMERAL_CHARS}]")


def numeral_value(run: str) -> int | str:
    """The value of a run of numeral characters (the run itself when it does not parse).

    >>> [numeral_value(r) for r in ("22", "二十二", "一百零五", "三万五千", "二〇二三", "3万")]
    [22, 22, 105, 35000, 2023, 30000]
    """
    if run.isascii():
        return int(run)
    if not any(c in _SMALL_UNITS or c in _BIG_UNITS for c in run):
        digits = [int(c) if c in _DIGITS else _CHINESE_DIGITS.get(c, -1) for c in run]
        return run if -1 in digits else int("".join(map(str, digits)))
    total = section = 0
    digit: int | None = None
    pending = ""
    for char in run + " ":
        if char in _DIGITS:
            pending += char
            continue
        if pending:
            digit, pending = int(pending), ""
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        elif char in _BIG_UNITS:
            total = (total + section + (digit or 0)) * _BIG_UNITS[char]
            section, digit = 0, None
    return total + section + (digit or 0)


def _run(text: str, start: int, end: int) -> str:
    """The whole run of numeral characters around ``text[start:end]``."""
    while start > 0 and text[start - 1] in NUMERAL_CHARS:
        start -= 1
    while end < len(text) and text[end] in NUMERAL_CHARS:
        end += 1
    return "".join(c for c in text[start:end] if c in NUMERAL_CHARS)


def numbers_agree(first: str, second: str, *, ends_free: bool = False) -> bool:
    """False when aligning the two keys substitutes a number by one of another value,
    or a digit lengthens or shortens one.

    ``ends_free``: the pair is a fragment and the window around it, where only a
    substituted number counts: a fragment cut inside a number (``…共有20`` in
    ``…共有2023名…``) is still that number's piece, and an alignment may place the
    window's extra characters inside the fragment's edge (``10`` in ``110``).
    """
    if not (_HAS_NUMERAL.search(first) and _HAS_NUMERAL.search(second)):
        return True
    from rapidfuzz.distance import Levenshtein  # loads on first use

    for op in Levenshtein.opcodes(first, second):
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if not ends_free and op.tag in ("delete", "insert"):
            longer, shorter = (first, second) if op.tag == "delete" else (second, first)
            start, end, at = (i1, i2, j1) if op.tag == "delete" else (j1, j2, i1)
            if _extra_digit(longer, start, end, shorter, at):
                return False  # a digit one copy lacks: another figure (1 / 11)
        if op.tag != "replace":
            continue
        if not (_HAS_NUMERAL.search(first, i1, i2) and _HAS_NUMERAL.search(second, j1, j2)):
            continue
        if not _same_number(_run(first, i1, i2), _run(second, j1, j2)):
            return False
    return True


def _extra_digit(longer: str, start: int, end: int, shorter: str, at: int) -> bool:
    """Whether ``longer[start:end]``, missing from ``shorter`` at ``at``, changes a figure.

    It does when it lengthens or shortens a run of digits the other copy has
    (``1`` / ``11``, ``15`` / ``1`` for ``1.5`` / ``1``).  A whole number one copy
    lacks is left to the other checks: where an alignment puts extra text is not
    always where a reader would (``一0一1`` against ``一1``), and the text around a
    fragment holds numbers of its own.
    """
    extends_before = at > 0 and shorter[at - 1] in _DIGITS and longer[start] in _DIGITS
    extends_after = at < len(shorter) and shorter[at] in _DIGITS and longer[end - 1] in _DIGITS
    return extends_before or extends_after


def _same_number(first: str, second: str) -> bool:
    """Runs in one script must be equal; across scripts (``22``/``二十二``) their values."""
    if first.isascii() == second.isascii():
        return first == second
    return numeral_value(first) == numeral_value(second)
