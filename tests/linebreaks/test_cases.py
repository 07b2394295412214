"""Data-driven cases from ``tests/data/linebreaks/cases.txt`` (input, expected, label)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedclean.edits import apply_edits
from seedclean.linebreaks import repair_breaks, repair_breaks_and_explain

CASES = Path(__file__).resolve().parents[1] / "data" / "linebreaks" / "cases.txt"


def load_cases(path: Path = CASES) -> list[tuple[str, str, str]]:
    """Parse a case file into ``(label, input, expected)`` triples."""
    cases: list[tuple[str, str, str]] = []
    label, given = "", None
    lines: list[str] = []
    for line in [*path.read_text(encoding="utf-8").split("\n"), "=== end"]:
        if line.startswith("=== "):
            if label and given is not None:
                cases.append((label, given, "\n".join(lines).strip("\n")))
            label, lines, given = line[4:], [], None
        elif line == "---" and label:
            given, lines = "\n".join(lines).strip("\n"), []
        elif label:
            lines.append(line)
    return cases


CASE_LIST = load_cases()


def test_case_file_parses() -> None:
    assert len(CASE_LIST) >= 12
    assert all(given and expected for _, given, expected in CASE_LIST)


@pytest.mark.parametrize(("label", "given", "expected"), CASE_LIST, ids=[c[0] for c in CASE_LIST])
def test_case(label: str, given: str, expected: str) -> None:
    result = repair_breaks_and_explain(given)
    assert result.text == expected, label
    assert apply_edits(given, result.edits) == result.text
    assert repair_breaks(result.text) == result.text
