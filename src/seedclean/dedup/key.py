"""Canonical comparison keys: what two paragraphs must share to count as the same.

The key folds what OCR and typesetting vary without changing the content:
character width and compatibility forms (NFKC), letter case, traditional vs
simplified characters (OpenCC's character table), and it drops whitespace,
punctuation and symbols (a comma read as ``,`` or ``，`` or lost altogether is
the commonest OCR difference).  Digits are kept: dates and figures carry news.
The original text is never changed; keys are only compared.

>>> paragraph_key("今年以来, 甘肃省 張掖市「检察院」…")
'今年以来甘肃省张掖市检察院'
>>> paragraph_key("ＡＢＣ１２３") == paragraph_key("abc 123")
True
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from pathlib import Path

import regex

__all__ = ["key_hash", "paragraph_key"]

_DROP = regex.compile(r"[\p{P}\p{S}\p{Z}\p{C}\s]+")


@functools.cache
def _script_table() -> dict[int, int]:
    """Traditional -> simplified, single characters only (loaded on first use)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, int] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            source, _, targets = line.rstrip("\n").partition("\t")
            target = targets.split(" ")[0] if targets else ""
            if len(source) == 1 and len(target) == 1 and source != target:
                table[ord(source)] = ord(target)
    return table


def paragraph_key(text: str) -> str:
    """Return the comparison key of one paragraph (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _DROP.sub("", folded).translate(_script_table())


def key_hash(key: str) -> int:
    """A stable 64-bit hash of a key (independent of Python's salted ``hash``)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
