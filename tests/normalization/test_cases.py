"""Data-driven cases: tests/data/normalization/cases.json and unchanged.txt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seedclean.edits import apply_edits
from seedclean.normalization import normalize, normalize_and_explain

DATA = Path(__file__).resolve().parents[1] / "data" / "normalization"
CASES = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case(case: dict[str, str]) -> None:
    result = normalize_and_explain(case["input"])
    assert result.text == case["expected"]
    assert apply_edits(case["input"], result.edits) == result.text
    assert normalize(result.text) == result.text


def test_unchanged_text_is_byte_identical() -> None:
    text = (DATA / "unchanged.txt").read_text(encoding="utf-8")
    result = normalize_and_explain(text)
    assert result.edits == ()
    assert result.text == text


def test_unbalanced_marks_are_reported_not_changed() -> None:
    result = normalize_and_explain('本报(记者张吟丰 通讯员陈泓彬\n他说"我们要努力')
    assert {n.rule for n in result.notices} == {"punct-brackets", "punct-double-quotes"}
    assert result.edits == ()


def test_notice_origin_points_into_input() -> None:
    text = "\ufeff\u3000\u3000本报(记者"
    result = normalize_and_explain(text)
    (notice,) = result.notices
    assert text[notice.origin] == "("


def test_edit_origins_point_into_input() -> None:
    text = "\u3000\u3000近年来,广东省(试行),不断"
    for edit in normalize_and_explain(text).edits:
        assert text[edit.origin : edit.origin + len(edit.old)] == edit.old
