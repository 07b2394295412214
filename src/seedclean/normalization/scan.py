"""Find the tokens of a phase without trying every pattern at every position.

A phase tokenizer is an alternation: protected spans first (consumed whole),
then the phase's marks.  Run with ``finditer`` over a page, Python's regex
engine tries the whole alternation at every character, which made the pair and
mark phases the slowest part of the step by far.  :func:`scan` returns exactly
the tokens that ``finditer`` would, faster, because of how the tokens are built:

* a *wide* protected span (comment, code, link target, :data:`.protect.WIDE`)
  may hold anything, but begins with ```` ` ````, ``<``, ``](``, ``{"`` or ``$``, so one
  substring test says whether a pre-scan for them is needed at all;
* every other token is either made only of :data:`.protect.NARROW_CHARS`
  (printable ASCII and ``×÷``: narrow protected spans and half-width marks) or
  only of other characters (full-width marks), so no token crosses the edge of a
  maximal run of narrow characters;
* a run holding none of the phase's half-width marks, or holding only a plain
  number, yields no token the phase uses, so one regex (beginning with a plain
  character class, so the engine skips Chinese text at C speed) finds the runs
  worth tokenizing, and the full alternation runs only inside them (with
  one character of lookahead beyond, so lookaheads such as ``(?![-－])`` see
  what they saw before).

Full-width tokens are found by a plain ``finditer`` of their own pattern (one
that begins with a character class, for the same reason) and dropped inside
wide spans.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator

from seedclean.lazyre import LazyPattern
from seedclean.normalization.protect import NARROW, NARROW_CHARS, NARROW_PARTS, WIDE

__all__ = ["Scanner", "has_wide_trigger"]

# A run that is only a plain number (3.14, 10:30, 1,000, 2021-10-01, 50%) is one
# protected span whatever the phase: every earlier alternative needs a character
# it lacks (``://``, ``@``, ``\\``, ``/``, ``&``, an operator), and the number
# alternative takes it whole.  Recognizing it skips the tokenizer for the most
# common run in news text.
_TRIGGERS = tuple(LazyPattern(trigger) for _, trigger in NARROW_PARTS)
_PLAIN_NUMBER = LazyPattern(r"[0-9]+(?:[.,:\-][0-9]+)+%?")


@functools.cache
def _wide_scanner(keep: tuple[bool, ...]) -> re.Pattern[str]:
    """Wide spans, and the narrow parts ``keep`` says the text may hold.

    Narrow spans are tried too, in the same order as in a phase tokenizer, so a
    backtick or "](" inside a URL (or after a span that pre-empts one) starts no
    wide span.  Parts whose trigger the text lacks (see :data:`.protect.NARROW_PARTS`)
    are left out: they match nowhere, and each would rescan every long run of
    narrow characters from each of its positions (quadratic time).
    """
    parts = [part for (part, _), kept in zip(NARROW_PARTS, keep, strict=True) if kept]
    return re.compile(f"(?P<wide>{WIDE})" + "".join(f"|{part}" for part in parts))


# One search for all triggers, beginning with a plain class (C speed over Chinese text).
_WIDE_TRIGGER = LazyPattern(r'[`<${\]](?:(?<=[`<$])|(?<=\{)"|(?<=\])\()')


def has_wide_trigger(text: str) -> bool:
    """Whether ``text`` may hold a wide protected span (substring tests run at C speed)."""
    return _WIDE_TRIGGER.search(text) is not None


# Where a wide span may begin: its first character, or the indent before a fence.
_WIDE_FIRST = LazyPattern(r"[<`\]{$]")
_WIDE_FIRST_OR_FENCE = LazyPattern(r"[<`\]{$]|(?m:^)[ \t]+`")
_INDENTED_FENCE = LazyPattern(r"(?m)^[ \t]+`")


# A run of narrow characters (matched on the reversed text: the run that ends before a place).
_NARROW_RUN = LazyPattern(f"[{NARROW_CHARS}]*")

# The text :func:`_wide_spans_of` was last asked about, and its answer.  The pair and
# mark phases scan the same text object whenever the pair phase changed nothing (and a
# round that changes nothing is run again to check it settled): the wide spans of a
# page are found once.  One entry, compared by identity: no hashing of the text, and
# never more than one text kept alive.
_last: tuple[str, tuple[list[int], list[int]]] = ("", ([], []))


def _wide_spans_of(text: str) -> tuple[list[int], list[int]]:
    """:func:`_wide_spans`, remembered for the last text asked about (callers must not mutate)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    found = _wide_spans(text)
    _last = (text, found)
    return found


def _wide_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the wide protected spans of ``text`` (usually none).

    These are the ``wide`` matches of ``_wide_scanner(keep).finditer(text)``,
    found without running the scanner over every character: academic pages are
    mostly ASCII, where the alternation is retried at every position.  A wide
    span begins where :data:`_WIDE_FIRST` finds one of its first characters; a
    narrow span (made of narrow characters only) can hide that start only from
    inside the same run of narrow characters.  So from each such character the
    scanner is tried position by position from the start of its run (or from
    where the previous match ended), exactly as ``finditer`` would reach it.
    """
    starts: list[int] = []
    ends: list[int] = []
    if not has_wide_trigger(text):
        return starts, ends
    keep = tuple(trigger.search(text) is not None for trigger in _TRIGGERS)
    match_at = _wide_scanner(keep).match
    first = (_WIDE_FIRST_OR_FENCE if _INDENTED_FENCE.search(text) else _WIDE_FIRST).pattern
    narrow_run = _NARROW_RUN.pattern.match
    reverse = text[::-1]
    size = len(text)
    pos = 0
    while (found := first.search(text, pos)) is not None:
        trigger = found.start()
        # back to the start of the run of narrow characters, but not before ``pos``
        back = size - trigger
        at = trigger - (narrow_run(reverse, back, size - pos).end() - back)  # type: ignore[union-attr]
        while at <= trigger:
            match = match_at(text, at)
            if match is None:
                at += 1
                continue
            if match.lastgroup == "wide":
                starts.append(match.start())
                ends.append(match.end())
            at = match.end()
        pos = at
    return starts, ends


class Scanner:
    """Tokenizer equivalent to ``re.compile(f"(?P<prot>{PROTECTED})|{narrow}|{wide}")``.

    Args:
        narrow: alternation of named groups whose tokens are made only of
            narrow characters (half-width marks), tried after protected spans.
        hot: character-class body of the narrow characters that start or make
            up those tokens (a run without one of them yields no phase token).
        wide: pattern of the tokens that hold no narrow character (full-width
            marks), or ``""``; it should begin with a plain character class (the
            first character of every token, with the kind decided after it by
            lookbehinds and named groups) so the engine skips other text fast.
    """

    _tokens: re.Pattern[str]
    _single: re.Pattern[str]
    _run: re.Pattern[str]
    _run_at: re.Pattern[str]
    _wide: re.Pattern[str] | None
    _plain_number: re.Pattern[str]

    def __init__(self, narrow: str, hot: str, wide: str = "") -> None:
        self._narrow_pattern = narrow
        self._hot = hot
        self._wide_pattern = wide
        # Tokenizers of long runs with only the protected parts whose trigger the run
        # holds (see protect.NARROW_PARTS), by which parts are kept.
        self._pruned: dict[tuple[bool, ...], re.Pattern[str]] = {}
        self._compiled = False  # the patterns are compiled on the first scan, not at import

    def _compile(self) -> None:
        narrow = self._narrow_pattern
        self._tokens = re.compile(f"(?P<prot>{NARROW})|{narrow}")
        # No protected span is a single character (a test checks it), so in a run of
        # one narrow character the phase's own pattern finds the same token.
        self._single = re.compile(narrow)
        # A run of narrow characters holding a mark, found from its start.  The pattern
        # begins with a plain character class (the first character, then a lookbehind
        # that it starts the run), which lets the engine skip other text at C speed.
        w, hot = NARROW_CHARS, self._hot
        rest = f"(?:(?<=[{hot}])|[{w}]*?[{hot}])[{w}]*"
        self._run = re.compile(f"[{w}](?<![{w}][{w}]){rest}")
        self._run_at = re.compile(f"[{w}]{rest}")
        self._wide = re.compile(self._wide_pattern) if self._wide_pattern else None
        self._plain_number = _PLAIN_NUMBER.pattern
        self._compiled = True

    def scan(self, text: str) -> list[re.Match[str]]:
        """Tokens of ``text`` other than protected spans, in text order."""
        if not self._compiled:
            self._compile()
        starts, ends = _wide_spans_of(text)
        found: list[re.Match[str]] = []
        for gap_start, gap_end in _gaps(len(text), starts, ends):
            if gap_start < gap_end:  # (adjacent spans, as the tags of a table, leave none)
                self._narrow(text, gap_start, gap_end, found)
        if self._wide is not None:
            more = [m for m in self._wide.finditer(text) if not _inside(m.start(), starts, ends)]
            if more:
                found.extend(more)
                found.sort(key=re.Match.start)
        return found

    def _narrow(self, text: str, start: int, end: int, found: list[re.Match[str]]) -> None:
        first = self._run_at.match(text, start, end)  # a run right after a wide span
        runs = self._run.finditer(text, first.end() if first else start, end)
        for run in itertools.chain([first] if first else [], runs):
            run_start, run_end = run.span()
            limit = run_end + 1 if run_end < end else end
            if run_end - run_start == 1:  # a lone mark between Chinese characters: the common case
                token = self._single.match(text, run_start, limit)
                if token is not None:
                    found.append(token)
                continue
            if self._plain_number.fullmatch(text, run_start, run_end) is not None:
                continue
            tokens = self._tokens
            if run_end - run_start > LONG_RUN:
                tokens = self._tokenizer(text, run_start, limit)
            for token in tokens.finditer(text, run_start, limit):
                if token.start() >= run_end:
                    break
                if token.lastgroup != "prot":
                    found.append(token)

    def _tokenizer(self, text: str, start: int, end: int) -> re.Pattern[str]:
        """The tokenizer without the protected parts that cannot match in ``text[start:end]``.

        Leaving out an alternative that matches nowhere in the range changes no
        token; it keeps the scan of a long run linear (see :data:`LONG_RUN`).
        """
        keep = tuple(trigger.search(text, start, end) is not None for trigger in _TRIGGERS)
        found = self._pruned.get(keep)
        if found is None:
            parts = [part for (part, _), kept in zip(NARROW_PARTS, keep, strict=True) if kept]
            prot = f"(?P<prot>{'|'.join(parts)})|" if parts else ""
            found = self._pruned[keep] = re.compile(prot + self._narrow_pattern)
        return found


#: Runs of narrow characters longer than this are tokenized without the protected
#: parts they cannot hold.  Each part starting with a character run is otherwise
#: retried from every position of a run where it fails, which is quadratic in the
#: run's length (40,000 ``-`` took 18 s); short runs skip the trigger searches.
LONG_RUN = 64


def _gaps(length: int, starts: list[int], ends: list[int]) -> Iterator[tuple[int, int]]:
    cursor = 0
    for start, end in zip(starts, ends, strict=True):
        yield cursor, start
        cursor = end
    yield cursor, length


def _inside(pos: int, starts: list[int], ends: list[int]) -> bool:
    if not starts:
        return False
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]
