"""A per-file CPU budget: a file whose cleaning takes longer is skipped, untouched (#11 item 6).

Every step is near-linear (``tests/test_complexity.py``), so the budget is a
backstop: an input nobody has thought of must not hang a pre-commit hook or a
batch run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seedclean.process import _budget, _OverBudget

from .helpers import run, seed_text


def test_budget_interrupts_a_slow_regex() -> None:
    slow = re.compile(r"(a+)+b")  # exponential backtracking: never returns in practice
    with pytest.raises(_OverBudget), _budget(0.05):
        slow.match("a" * 60)


def test_no_budget_means_no_timer() -> None:
    with _budget(0):
        assert re.match(r"(a+)+b", "a" * 12) is None


def test_file_over_budget_is_skipped_and_left_as_is(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(seed_text("001") * 4, encoding="utf-8")
    before = page.read_bytes()
    result = run(capsys, "clean", "-j", "1", "--time-budget", "0.001", "--in-place", str(page))
    assert result.code == 2
    assert "needs more than 0.001 s of CPU time" in result.err
    assert page.read_bytes() == before
    assert run(capsys, "clean", "-j", "1", "--in-place", str(page)).code == 0
    assert page.read_bytes() != before


def test_bad_budget_is_a_usage_error(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("正文。\n", encoding="utf-8")
    result = run(capsys, "check", "--time-budget", "-1", str(page))
    assert result.code == 2
    assert "time-budget" in result.err
