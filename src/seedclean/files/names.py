"""File names as text: what messages and reports print for a path.

POSIX file names are bytes; Python hands names that are not UTF-8 over as
strings with lone surrogates (``surrogateescape``), which cannot be written to
a UTF-8 report or to standard output.  :func:`shown` prints such bytes as
``\\xNN`` so every name can be printed and reported.
"""

from __future__ import annotations

import os
from pathlib import PurePath

__all__ = ["is_text_name", "shown"]


def shown(path: str | PurePath) -> str:
    """``path`` printable as UTF-8: bytes that are not UTF-8 appear as ``\\xNN``.

    >>> shown(os.fsdecode(b"caf\\xe9.txt")), shown("报纸.txt")
    ('caf\\\\xe9.txt', '报纸.txt')
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_text_name(name: str) -> bool:
    """Whether ``name`` is valid UTF-8 text (no bytes smuggled in as surrogates).

    >>> is_text_name("a.txt"), is_text_name(os.fsdecode(b"caf\\xe9.txt"))
    (True, False)
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
