"""Character classes and one-to-one translation tables shared by the rules.

Everything here is data: regex character-class bodies (strings to splice into
patterns) and ``str.translate`` tables built once, lazily, from Unicode data.
"""

from __future__ import annotations

import functools
import unicodedata

from seedclean import chardata

#: Han ideographs and 〇 (see :data:`seedclean.chardata.HAN`).
HAN = chardata.HAN
#: Opening full-width CJK punctuation.
CP_OPEN = "“‘（《〈【〔「『〖"
#: Closing full-width CJK punctuation, sentence marks and multi-em marks.
CP_CLOSE = "”’）》〉】〕」』〗，。、；：？！…—～·"
#: Any full-width CJK punctuation (the research's "CP").
CP = CP_OPEN + CP_CLOSE
#: Characters that make the left side of a mark "Chinese": Han or closing/sentence CJK punct.
LEFT_CTX = HAN + CP_CLOSE
#: Characters that make the right side of a mark "Chinese": Han or opening CJK punct.
RIGHT_CTX = HAN + CP_OPEN
#: Horizontal spaces skipped when looking for the nearest neighbour of a mark.
HSPACE = " \t"
#: Invisible characters that are always deleted.
ZERO_WIDTH = "\u200b\u2060\ufeff\u00ad"
#: Joiners deleted only next to Han or ASCII (elsewhere they build emoji or Indic clusters).
JOINERS = "\u200c\u200d"

# Radicals of the CJK Radicals Supplement block that are simplified-character forms
# identical to a standalone ideograph; NFKC maps only two of the block.  PDF text
# layers pick these glyphs when a font stores the radical and the character once.
_SUPPLEMENT_FORMS = {
    "⺠": "民", "⻁": "虎", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车",
    "⻓": "长", "⻔": "门", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风",
    "⻜": "飞", "⻝": "食", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟",
    "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
    "⺟": "母", "⻊": "足",
}  # fmt: skip


def _is_han(char: str) -> bool:
    return len(char) == 1 and unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


@functools.cache
def width_alnum_table() -> dict[int, int]:
    """Full-width ０-９ Ａ-Ｚ ａ-ｚ -> ASCII (no punctuation: Chinese marks stay)."""
    table: dict[int, int] = {}
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        for code in range(first, last + 1):
            table[code] = code - 0xFEE0
    return table


@functools.cache
def radicals_table() -> dict[int, str]:
    """Kangxi radicals (U+2F00-2FD5) and supplement forms -> the unified ideograph."""
    table = {ord(k): v for k, v in _SUPPLEMENT_FORMS.items()}
    for code in range(0x2F00, 0x2FE0):
        folded = unicodedata.normalize("NFKC", chr(code))
        if folded != chr(code) and _is_han(folded):
            table[code] = folded
    return table


@functools.cache
def compat_table() -> dict[int, str]:
    """CJK compatibility ideographs -> their canonical unified ideograph (NFC singletons)."""
    table: dict[int, str] = {}
    for first, last in ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFC", chr(code))
            if folded != chr(code) and len(folded) == 1:
                table[code] = folded
    return table
