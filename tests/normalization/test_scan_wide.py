"""The wide-span search equals a plain ``finditer`` of the scanner, found from fewer places."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from seedclean.normalization.protect import NARROW_PARTS
from seedclean.normalization.scan import _TRIGGERS, _wide_scanner, _wide_spans, has_wide_trigger


def _reference(text: str) -> tuple[list[int], list[int]]:
    if not has_wide_trigger(text):
        return [], []
    keep = tuple(trigger.search(text) is not None for trigger in _TRIGGERS)
    found = [m.span() for m in _wide_scanner(keep).finditer(text) if m.lastgroup == "wide"]
    return [s for s, _ in found], [e for _, e in found]


# The characters wide and narrow spans are made of, and Chinese around them.
_ALPHABET = "`<>$](){}\"' \t\n!-_./:@&;#=+*^%~\\aZ09中文，×"
_TEXT = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_wide_spans_match_the_scanner(text: str) -> None:
    assert _wide_spans(text) == _reference(text)


def test_wide_spans_in_markdown_pages() -> None:
    page = (
        '见[图1](fig/a_(1).png "图")和 `code` 以及 $\\alpha , \\beta$。\n'
        "   ```python\nx = 1\n   ```\n"
        '<!-- 注释，保留 --> 网址 https://e.org/`a`b，邮箱 a`b@c.org 与 {"键": "值,1"}。\n'
        '<img alt="图片,说明" src="a.png"> 2021-10-01 $x$y$z$\n'
    )
    starts, ends = _wide_spans(page)
    assert (starts, ends) == _reference(page)
    assert len(starts) >= 8


_NARROW_TEXT = st.text(alphabet=st.sampled_from("abZ09@.:/\\-_%+*=<>^&#;!()[]x×÷ 中"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_NARROW_TEXT)
@example("见 http://e.org/a 与 ab.c@d-e.org 和 c:\\dir\\f 及 ./a/b/c")
@example("&amp; 1+N=2 C++ a×b 3.14 10:30 :) ;-P ^_^ ![图] [^1]: 注")
def test_every_match_of_a_narrow_part_holds_its_trigger(text: str) -> None:
    # the scanner leaves a part out where its trigger is absent: that must change nothing
    for (part, _), trigger in zip(NARROW_PARTS, _TRIGGERS, strict=True):
        for match in re.finditer(part, text):
            assert trigger.search(text, match.start(), match.end()) is not None, (part, text)
