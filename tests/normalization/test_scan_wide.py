"""The wide-span search equals a plain ``finditer`` of the scanner, found from fewer places."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
