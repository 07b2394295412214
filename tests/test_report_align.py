"""Rows and character spans behind --diff and the review page: nothing lost, nothing invented."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedclean.pipeline import clean_and_explain
from seedclean.report.align import char_ops, forward_offsets, rows
from seedclean.report.diff import char_diff

from .test_pipeline import cjk_text

LINES = [
    "近年来,广东省检察院坚持以政治建设为统领,不断探索。",
    "坚持机制融通,推动办案机制与实践要求相适应",
    "支持滨海湾新区",
    "建设等一系列措施。",
    "图1:广东省检察院第七检察部组织公开听证。",
    "",
]
# pages of real-looking lines with blank-line seams and repeated paragraphs
pages = st.lists(st.sampled_from(LINES), max_size=30).map(lambda lines: "\n\n".join(lines) + "\n")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages | cjk_text)
def test_rows_tile_both_texts_and_hold_every_edit_once(text: str) -> None:
    out = clean_and_explain(text)
    found = rows(text, out.text, out.edits)
    assert "".join(r.before for r in found) == text
    assert "".join(r.after for r in found) == out.text
    held = [k for r in found for k in r.edits]
    assert sorted(held) == list(range(len(out.edits)))
    assert [r.line for r in found] == sorted({r.line for r in found})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_char_ops_spell_both_texts(before: str, after: str) -> None:
    ops = char_ops(before, after)
    assert "".join(old for _, old, _ in ops) == before
    assert "".join(new for _, _, new in ops) == after
    assert all(tag != "equal" or old == new for tag, old, new in ops)
    # no two changes in a row: each change is one marked span
    assert all(a[0] == "equal" or b[0] == "equal" for a, b in itertools.pairwise(ops))


def test_one_fixed_comma_is_one_marked_character() -> None:
    long = "广东省检察院坚持党建机制与办案机制相融相通的实践要求" * 20
    ops = char_ops(long + ",主动向党委报告", long + "，主动向党委报告")
    assert [op for op in ops if op[0] != "equal"] == [("replace", ",", "，")]


def test_huge_rows_fall_back_to_one_span() -> None:
    before = "甲" * 10_000 + "," + "乙" * 10_000
    after = "甲" * 10_000 + "，" + "乙" * 10_000
    ops = char_ops(before, after)  # 4e8 cells: not aligned, trimmed
    assert [op for op in ops if op[0] != "equal"] == [("replace", ",", "，")]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_forward_offsets_are_monotone(text: str) -> None:
    out = clean_and_explain(text)
    offsets = list(range(0, len(text) + 1, 7))
    mapped = forward_offsets(offsets, out.edits)
    assert mapped == sorted(mapped)
    assert all(0 <= m <= len(out.text) for m in mapped)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_char_diff_is_empty_exactly_when_nothing_changed(text: str) -> None:
    out = clean_and_explain(text)
    diff = char_diff("a.txt", text, out.text, out.edits)
    assert bool(diff) == (text != out.text)
    assert all(line.endswith("\n") for line in diff)


def test_rows_tile_even_for_edits_that_do_not_replay() -> None:
    """Record files (formats) place edits approximately; the rows still hold every character."""
    from seedclean.edits import Edit

    before = "甲,乙\n丙,丁\n"
    after = "前甲，乙\n丙，丁\n"
    edits = (Edit("x", 0, 0, "", "前"), Edit("y", 9, 10, ",", "，"), Edit("z", 2, 3, ",", "，"))
    found = rows(before, after, edits)
    assert "".join(r.before for r in found) == before
    assert "".join(r.after for r in found) == after
