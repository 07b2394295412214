"""The shared character classes: what they hold, and that nobody keeps a copy."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from seedclean import chardata

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "seedclean"


def test_han_ideographs_are_exactly_the_unified_and_compatibility_ideographs() -> None:
    han = re.compile(f"[{chardata.HAN_IDEOGRAPHS}]")
    for code in range(0x3000, 0x31350):  # through Ext G (Ext H, Unicode 15, is not in yet)
        char = chr(code)
        name = unicodedata.name(char, "")
        ideograph = name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))
        if name:  # unassigned code points may fall either way
            assert (han.match(char) is not None) == ideograph, f"U+{code:04X} {name}"


def test_han_adds_the_ideographic_zero() -> None:
    assert re.fullmatch(f"[{chardata.HAN}]+", "二〇二三")
    assert not re.fullmatch(f"[{chardata.HAN_IDEOGRAPHS}]+", "二〇二三")


def test_list_item_opens_items_and_not_decimals() -> None:
    item = re.compile(chardata.LIST_ITEM)
    for opener in ("一是加强", "（三）完善", "(12)其他", "3.加强", "3、加强", "①", "● 坚持", "- a"):
        assert item.match(opener), opener
    for prose in ("3.14倍", "十分重要", "-5度", "（注）"):
        assert not item.match(prose), prose


# Literal pieces that belong to chardata only: a module writing one of them again
# is a second copy that can drift from the first (as seven Han ranges once did).
_COPIES = re.compile(
    "|".join(
        re.escape(piece)
        for piece in (
            "\\u4e00-\\u9fff",
            "\\u3400-\\u9fff",
            "\u4e00-\u9fff",
            "一二三四五六七八九十",
            "〇○零一二三四五六七八九",
            "●•▪■◆◇○",
        )
    )
)


def test_no_module_keeps_its_own_copy_of_a_shared_class() -> None:
    copies = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "chardata.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _COPIES.search(line)
    ]
    assert copies == []


def test_importing_chardata_imports_nothing_else_of_the_package() -> None:
    import subprocess

    code = (
        "import sys, seedclean.chardata; "
        "print(sorted(m for m in sys.modules if m.startswith('seedclean.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['seedclean._lazy', 'seedclean.chardata']"
