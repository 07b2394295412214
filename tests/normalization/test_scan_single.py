"""The scanner fast path for one-character runs: no protected span is a single character."""

from __future__ import annotations

import re

from seedclean.normalization.protect import NARROW, NARROW_CHARS


def test_no_protected_span_is_a_single_narrow_character() -> None:
    protected = re.compile(NARROW)
    narrow = re.compile(f"[{NARROW_CHARS}]")
    candidates = [chr(c) for c in range(0x20, 0x7F)] + ["×", "÷"]
    singles = [c for c in candidates if narrow.fullmatch(c)]
    assert len(singles) > 60  # the narrow class is printable ASCII and ×÷
    assert [c for c in singles if protected.fullmatch(c)] == []
