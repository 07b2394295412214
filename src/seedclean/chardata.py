"""Character classes and shared pattern pieces, each written once.

Everything here is data: regex character-class bodies (strings to splice into
``[...]``) and pattern sources (strings to splice into a larger pattern).
Nothing is compiled here and nothing is imported, so importing this module costs
nothing; each user compiles the pattern it needs once, where it uses it.

>>> import re
>>> bool(re.fullmatch(f"[{HAN}]+", "二〇二三年"))
True
>>> bool(re.match(LIST_ITEM, "（三）加强领导")), bool(re.match(LIST_ITEM, "3.14倍"))
(True, False)
"""

from __future__ import annotations

#: Han ideographs: Ext A, the unified block (URO), the compatibility block and
#: the supplementary planes (Ext B onwards).  Not ``〇`` (see :data:`HAN`).
HAN_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Han characters as the normalization rules read them: the ideographs and
#: ``〇`` (U+3007, the ideographic zero of ``二〇二三``, which Unicode puts in the
#: Han script but in the CJK Symbols block).
HAN = "\u3007" + HAN_IDEOGRAPHS

#: Chinese numerals one to ten: how list items and sections are numbered
#: (``三是``, ``（五）``, ``第十``).
CN_DIGITS = "一二三四五六七八九十"
#: Chinese numerals of chapter and article numbers (``第十二章``, ``第一百零五条``).
CN_NUMERALS = CN_DIGITS + "百零"
#: The digits of a year written out (``二〇二三``, ``二○二三``, ``二零二三``).
CN_YEAR_DIGITS = "〇○零一二三四五六七八九"
#: Circled numbers ① to ⑳ (a class range).
CIRCLED_NUMBERS = "①-⑳"

#: Bullets that open a list item (``● 坚持…``, ``■ 加强…``).
LIST_BULLETS = "●•▪■◆◇○"
#: Other marks that set a line apart: section, caption and decoration marks
#: (``□``, ``▲``, ``►``, ``★``).  A line opening with a list bullet or one of these
#: is structure, not wrapped prose.
SET_APART_MARKS = "□▲►◀▶◄★☆"

#: A list item's opening, for ``re.match`` at the start of the item's text:
#: ``一是``, ``（三）``, ``(12)``, ``3.``/``3、`` (not ``3.14``), ``①``, a bullet,
#: a markdown ``- ``/``* ``/``+ ``.
LIST_ITEM = (
    f"[{CN_DIGITS}]+是|[（(][{CN_DIGITS}\\d]{{1,3}}[）)]|\\d{{1,2}}[.、．](?!\\d)"
    f"|[{CIRCLED_NUMBERS}]|[{LIST_BULLETS}]|[-*+]\\s"
)
#: A bracketed reference number opening a line (``[12]``, ``［3］``).
REFERENCE_NUMBER = "[\\[［]\\d{1,3}[\\]］]"
#: A chapter, section or article number (``第三章``, ``第十二条``, ``第2节``).
CHAPTER_NUMBER = f"第[{CN_NUMERALS}\\d]+[章节部分篇编条讲]"
