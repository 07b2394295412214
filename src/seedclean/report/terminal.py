"""Names and colour for what goes to a terminal or a CI log.

:func:`printable` turns a file name that came from undecodable bytes
(``surrogateescape``: ``\\udcff`` for byte ``0xff``) into ``\\xff``, so any
output stays valid UTF-8 and still says which bytes the name had.

:func:`colour_wanted` follows the usual conventions: ``NO_COLOR`` (any
non-empty value) switches colour off, ``FORCE_COLOR`` (non-empty, not ``0``)
switches it on, otherwise colour is used only when the stream is a terminal
(and ``TERM`` is not ``dumb``).

>>> printable("caf\\udce9.txt")
'caf\\\\xe9.txt'
>>> paint("x", "red", False), paint("x", "red", True)
('x', '\\x1b[31mx\\x1b[0m')
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TextIO

__all__ = ["colour_wanted", "paint", "printable"]

_SURROGATE = re.compile("[\udc80-\udcff]")

_CODES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
    "del": "9;31;48;5;224",  # struck out, red on pale red
    "ins": "32;48;5;194",  # green on pale green
}


def printable(name: str) -> str:
    """``name`` with each undecodable byte (a lone surrogate) written as ``\\xNN``."""
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)


def colour_wanted(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour output written to ``stream``."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    force = env.get("FORCE_COLOR")
    if force and force != "0":
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and env.get("TERM") != "dumb"


def paint(text: str, style: str, on: bool) -> str:
    """``text`` in ``style`` (see ``_CODES``) when ``on``, else as is."""
    if not on or not text:
        return text
    return f"\x1b[{_CODES[style]}m{text}\x1b[0m"
