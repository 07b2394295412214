"""Regression cases for wrong line-break edits found on real text (issue #10).

Each case is in the shape of a finding of the hostile test report: a name
deleted by a seam repeat across a sentence block, a cut inside a name joined
to the wrong paragraph, a title glued to its body, a URL run into Chinese text,
a paragraph ending in an ASCII full stop joined to the next.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seedclean.edits import apply_edits
from seedclean.linebreaks import repair_breaks, repair_breaks_and_explain
from seedclean.linebreaks.overlap import acceptable
from tests.linebreaks.test_cases import load_cases

CASES = load_cases(Path(__file__).resolve().parents[1] / "data" / "linebreaks" / "wrong_edits.txt")


def test_case_file_parses() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize(("label", "given", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case(label: str, given: str, expected: str) -> None:
    result = repair_breaks_and_explain(given)
    assert result.text == expected, label
    assert apply_edits(given, result.edits) == result.text
    assert repair_breaks(result.text) == result.text


@pytest.mark.parametrize(("label", "given", "expected"), CASES, ids=[c[0] for c in CASES])
def test_no_text_lost(label: str, given: str, expected: str) -> None:
    """No case here may lose a character: every removed one is whitespace."""
    result = repair_breaks(given)
    assert sorted(result.replace("\n", "")) == sorted(given.replace("\n", "")), label


@pytest.mark.parametrize("repeat", ["60亿立方米", "8.1万多场", "2023年"])
def test_a_number_is_never_a_seam_repeat(repeat: str) -> None:
    """A figure written twice across a seam is kept (the report's deleted ``60亿立方米``)."""
    assert not acceptable(repeat)
