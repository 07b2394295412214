"""The edit model: splice, replay, offset maps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedclean.edits import (
    Edit,
    EditMismatchError,
    LineIndex,
    OffsetMap,
    Replacement,
    apply_edits,
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
