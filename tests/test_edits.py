"""The edit model: splice, replay, offset maps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedclean.edits import (
    NO_FIXED_POINT,
    Edit,
    EditLog,
    EditMismatchError,
    LineIndex,
    OffsetMap,
    Replacement,
    apply_edits,
    fixed_point,
    line_col,
    offset_maps,
    splice,
)


def test_splice_records_sequential_offsets() -> None:
    text = "近年来,广东省,坚持"
    reps = [Replacement(7, 8, "，", "punct-comma"), Replacement(3, 4, "，", "punct-comma")]
    out = splice(text, reps)
    assert out.text == "近年来，广东省，坚持"
    assert [e.start for e in out.edits] == [3, 7]
    assert [e.origin for e in out.edits] == [3, 7]
    assert apply_edits(text, out.edits) == out.text


def test_splice_with_length_changes_keeps_origin_in_input() -> None:
    text = "甲...乙...丙"
    reps = [Replacement(1, 4, "……", "punct-ellipsis"), Replacement(5, 8, "……", "punct-ellipsis")]
    out = splice(text, reps)
    assert out.text == "甲……乙……丙"
    assert out.edits[1].start == 4  # after the first edit shortened the text by one
    assert out.edits[1].origin == 5
    assert apply_edits(text, out.edits) == out.text


def test_splice_drops_no_op_and_rejects_overlap() -> None:
    assert splice("abc", [Replacement(0, 1, "a", "x")]).edits == ()
    with pytest.raises(ValueError, match="overlapping"):
        splice("abc", [Replacement(0, 2, "", "x"), Replacement(1, 3, "", "y")])


def test_apply_edits_refuses_mismatch() -> None:
    with pytest.raises(EditMismatchError):
        apply_edits("abc", [Edit("x", 0, 1, "z", "y")])


def test_offset_map_round_trip() -> None:
    text = "一...二,三"
    out = splice(text, [Replacement(1, 4, "……", "e"), Replacement(5, 6, "，", "c")])
    m = OffsetMap(out.edits)
    assert out.text.index("二") == 3
    assert m.to_input(3) == text.index("二")
    assert m.to_input(out.text.index("三")) == text.index("三")
    assert m.to_input(2) == 1  # inside the replacement maps to its start


def test_line_index_matches_line_col() -> None:
    text = "第一行\n\n第三行,有逗号\n"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert index.line_col(offset) == line_col(text, offset)


@st.composite
def _text_and_replacements(draw: st.DrawFn) -> tuple[str, list[Replacement]]:
    text = draw(st.text(alphabet="中文,。 \n.ab", max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    reps = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        reps.append(Replacement(a, b, draw(st.text(alphabet="，…x", max_size=3)), "r"))
    return text, reps


@given(_text_and_replacements())
def test_splice_replay_and_offset_map_properties(case: tuple[str, list[Replacement]]) -> None:
    text, reps = case
    out = splice(text, reps)
    assert apply_edits(text, out.edits) == out.text
    m = OffsetMap(out.edits)
    for e in out.edits:
        if e.new:  # an offset inside inserted text maps to where the insertion happened
            assert m.to_input(e.start) == e.origin
        assert text[e.origin : e.origin + len(e.old)] == e.old


def test_offset_maps_handle_edits_from_several_passes() -> None:
    text = "甲  乙,丙,丁"
    first = splice(text, [Replacement(1, 3, "", "space"), Replacement(4, 5, "，", "comma")])
    second = splice(first.text, [Replacement(0, 1, "[甲]", "wrap")])
    edits = first.edits + second.edits  # a step that made two internal passes
    final = apply_edits(text, edits)
    maps = offset_maps(edits)
    assert len(maps) == 2

    def to_source(offset: int) -> int:
        for m in reversed(maps):
            offset = m.to_input(offset)
        return offset

    for ch in "乙丙丁":
        assert text[to_source(final.index(ch))] == ch


@given(_text_and_replacements(), st.data())
def test_edit_log_places_every_pass_in_the_first_input(
    case: tuple[str, list[Replacement]], data: st.DataObject
) -> None:
    text, reps = case
    log = EditLog()
    first = log.splice(text, reps)
    current = text if first is None else first
    # a second pass that touches only characters the first pass left as they were
    untouched = [k for k, ch in enumerate(current) if ch in "中文" and text[log.to_input(k)] == ch]
    picks = (
        sorted(set(data.draw(st.lists(st.sampled_from(untouched), max_size=3))))
        if untouched
        else []
    )
    second = log.splice(current, [Replacement(k, k + 1, "X", "second") for k in picks])
    final = current if second is None else second
    assert apply_edits(text, log.edits) == final
    for edit in log.edits:
        if edit.rule == "second":
            assert text[edit.origin] == edit.old


def test_edit_log_maps_ref_and_keeps_a_missing_one() -> None:
    log = EditLog()
    text = log.splice("甲乙丙", [Replacement(0, 1, "甲甲", "a")])
    assert text == "甲甲乙丙"
    log.splice(text, [Replacement(3, 4, "", "b", ref=2), Replacement(0, 1, "", "c")])
    assert [(e.rule, e.origin, e.ref) for e in log.edits] == [
        ("a", 0, -1),
        ("c", 0, -1),
        ("b", 2, 1),
    ]


def test_fixed_point_says_when_it_ran_out() -> None:
    calls: list[int] = []

    def changes_twice() -> bool:
        calls.append(1)
        return len(calls) < 3

    assert fixed_point(changes_twice, 3, "x") is None
    assert len(calls) == 3
    notice = fixed_point(lambda: True, 4, "the loop")
    assert notice is not None
    assert notice.rule == NO_FIXED_POINT
    assert notice.message.startswith("the loop stopped after 4 rounds")
    assert fixed_point(lambda: True, 4, "the loop", settled=lambda: True) is None
    assert fixed_point(lambda: True, 4, "the loop", settled=lambda: False) is not None


def test_no_fixed_point_is_a_documented_rule_of_clean() -> None:
    from seedclean.rules import all_rules, ignored_rules

    (rule,) = [r for r in all_rules() if r.id == NO_FIXED_POINT]
    assert rule.step == "clean"
    assert NO_FIXED_POINT in ignored_rules([NO_FIXED_POINT])
