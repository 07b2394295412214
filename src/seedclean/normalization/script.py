"""Traditional-to-simplified conversion, guarded (default) or full (opt-in).

OpenCC's character table alone turns the name 王立乾 into 王立干 and the
surname 於 into 于, because it always picks the first simplified candidate.
The default rule ``script-traditional-only`` therefore converts only characters
that exist *only* in traditional script: those the t2s table changes minus a
guard set of characters that are also valid simplified Chinese
(``data/t2s_guard.txt``, see ``data/make_guard.py`` for its sources).  The
table and the character class are built once, on first use; OpenCC itself is
never imported for the default rule (its dictionary file is read directly),
and the full converter (``script-t2s``) is built only when that rule is asked
for, because the pure-Python OpenCC runs at about 1 MB/s.

The default rule fixes stray traditional characters in simplified text (OCR
and conversion leftovers).  A line that *is* traditional-script text (a quoted
Weibo post, a Taiwan or Hong Kong page) is left as it is, with a notice:
:func:`traditional_lines` drops the rule's replacements on a line holding at
least :data:`TRADITIONAL_LINE_MIN` of them making up at least
:data:`TRADITIONAL_LINE_SHARE` of its Han characters, and hardly a character
that exists only in simplified script (``动``, ``说``: at most one per four
traditional ones; simplified text with stray traditional characters holds
many).  ``script-t2s`` converts such lines when asked for by id.
"""

from __future__ import annotations

import functools
from typing import Any

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.datafiles import data_path
from seedclean.edits import Notice, Replacement
from seedclean.lazyre import LazyPattern

__all__ = [
    "SCRIPT_RULES",
    "TRADITIONAL_LINE_MIN",
    "TRADITIONAL_LINE_SHARE",
    "full_t2s_replacements",
    "preposition_yu_replacements",
    "traditional_lines",
    "traditional_only_table",
]

#: Rules of this module run as their own passes (``script-traditional-only`` is a fold rule).
SCRIPT_RULES = frozenset({"script-t2s", "script-preposition-yu"})
#: A line with at least this many traditional-only characters …
TRADITIONAL_LINE_MIN = 3
#: … making up at least this share of its Han characters is traditional-script text.
TRADITIONAL_LINE_SHARE = 0.15
_RULE = "script-traditional-only"
_HAN = LazyPattern(f"[{HAN_IDEOGRAPHS}]")


@functools.cache
def guard_set() -> frozenset[str]:
    """Characters OpenCC would change that are valid simplified Chinese."""
    text = data_path("seedclean.normalization", "data", "t2s_guard.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset("".join(lines))


@functools.cache
def traditional_only_table() -> dict[str, str]:
    """Traditional-only character -> its first simplified candidate in OpenCC's table."""
    source = data_path("opencc", "dictionary", "TSCharacters.txt")
    guard = guard_set()
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        trad, _, simplified = line.partition("\t")
        first = simplified.split(" ", 1)[0]
        if len(trad) == 1 and len(first) == 1 and first != trad and trad not in guard:
            table[trad] = first
    return table


# ``於`` is a valid simplified character only as a surname (於先生); after these
# characters it is the preposition 于 of a word (由於, 处於, 善於, 在於, 对於, 位於…),
# and before a digit it is the preposition of a date or amount (於2020年).
_YU_WORDS = "由处善在至对关属等终位基鉴出用易急敢勇乐限过高低大小多少源归免利甚忠致决适见趋濒寓"
_YU = LazyPattern(f"於(?:(?<=[{_YU_WORDS}]於)|(?=[0-9０-９]|是))")


def preposition_yu_replacements(text: str) -> list[Replacement]:
    """``於`` as a preposition (``由於``, ``处於``, ``於是``) becomes ``于``; the surname stays."""
    if "於" not in text:
        return []
    return [
        Replacement(m.start(), m.end(), "于", "script-preposition-yu") for m in _YU.finditer(text)
    ]


@functools.cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


_LINE = LazyPattern(r"[^\n]+")


def full_t2s_replacements(text: str) -> list[Replacement]:
    """OpenCC's full (phrase-aware, unguarded) t2s, one replacement per changed run.

    Lines whose length OpenCC changes are replaced whole, so offsets stay exact.
    """
    convert = _converter().convert
    out: list[Replacement] = []
    for line in _LINE.finditer(text):
        old = line.group()
        new = convert(old)
        if new == old:
            continue
        base = line.start()
        if len(new) != len(old):
            out.append(Replacement(base, line.end(), new, "script-t2s"))
            continue
        start = -1
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b and start < 0:
                start = i
            elif a == b and start >= 0:
                out.append(Replacement(base + start, base + i, new[start:i], "script-t2s"))
                start = -1
        if start >= 0:
            out.append(Replacement(base + start, base + len(old), new[start:], "script-t2s"))
    return out


@functools.cache
def simplified_only() -> frozenset[str]:
    """Characters that exist only in simplified script (OpenCC's s2t maps them to others only)."""
    source = data_path("opencc", "dictionary", "STCharacters.txt")
    found = []
    for line in source.read_text(encoding="utf-8").splitlines():
        simplified, _, traditional = line.partition("\t")
        if len(simplified) == 1 and simplified not in traditional.split():
            found.append(simplified)
    return frozenset(found)


def traditional_lines(
    text: str, replacements: list[Replacement]
) -> tuple[list[Replacement], list[Notice]]:
    """Drop ``script-traditional-only`` replacements on traditional-script lines; notice each line.

    The decision looks at one line only, so cleaning a line alone or inside its
    page gives the same result.
    """
    by_line: dict[int, list[Replacement]] = {}
    for rep in replacements:
        if rep.rule == _RULE:
            by_line.setdefault(text.rfind("\n", 0, rep.start) + 1, []).append(rep)
    dropped: set[int] = set()
    notices: list[Notice] = []
    for start, reps in by_line.items():
        count = sum(rep.end - rep.start for rep in reps)
        if count < TRADITIONAL_LINE_MIN:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        han = len(_HAN.findall(text, start, end))
        if count < TRADITIONAL_LINE_SHARE * han:
            continue
        simplified = simplified_only()
        if sum(char in simplified for char in text[start:end]) * 4 > count:
            continue  # simplified text with stray traditional characters
        dropped.update(id(rep) for rep in reps)
        notices.append(
            Notice(
                _RULE,
                start,
                end,
                f"traditional-script line ({count} of {han} Han characters exist only in "
                "traditional script): left as is; --extend-select script-t2s converts it",
            )
        )
    if not dropped:
        return replacements, []
    return [rep for rep in replacements if id(rep) not in dropped], notices
