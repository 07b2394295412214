"""``LazyPattern``: a regular expression compiled on first use, not at import.

A module-level ``re.compile`` runs when the module is imported, whether or not
the pattern is ever used; the normalization step holds dozens, some with
character classes thousands of ranges long, and ``seedclean check`` on a small
file paid for all of them at startup.  A :class:`LazyPattern` keeps the
source and compiles it the first time one of its methods is called; after
that each call costs one attribute test more than the compiled pattern's.

>>> DIGITS = LazyPattern(r"[0-9]+")
>>> DIGITS.compiled_yet
False
>>> DIGITS.search("第12版").group(), DIGITS.compiled_yet
('12', True)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

__all__ = ["LazyPattern"]

_END = sys.maxsize


class LazyPattern:
    """A pattern source and flags; the methods of ``re.Pattern`` compile it on first use."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled

    @property
    def compiled_yet(self) -> bool:
        """Whether the pattern has been compiled."""
        return self._compiled is not None

    @property
    def source(self) -> str:
        """The pattern source."""
        return self._source

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """:meth:`re.Pattern.match`."""
        compiled = self._compiled
        if compiled is None:
            compiled = self.pattern
        return compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """:meth:`re.Pattern.fullmatch`."""
        compiled = self._compiled
        if compiled is None:
            compiled = self.pattern
        return compiled.fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """:meth:`re.Pattern.search`."""
        compiled = self._compiled
        if compiled is None:
            compiled = self.pattern
        return compiled.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        """:meth:`re.Pattern.finditer`."""
        compiled = self._compiled
        if compiled is None:
            compiled = self.pattern
        return compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = _END) -> list[str]:
        """:meth:`re.Pattern.findall` (for a pattern without groups)."""
        found: list[str] = self.pattern.findall(string, pos, endpos)
        return found

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[:40]!r}{'…' if len(self._source) > 40 else ''})"
