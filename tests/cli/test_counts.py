"""Workers send counts per rule, not every edit, when nothing prints the edits (issue #13).

``clean --out`` / ``--in-place`` / ``--check`` without a report only print how
many edits each file got and the totals per rule: a file's result carries
``(rule, count)`` pairs instead of its edits.  What is printed must be exactly
what the full edits give.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from seedclean.config import CleanConfig
from seedclean.process import Plan, clean_bytes
from seedclean.report.records import FileResult
from seedclean.report.summary import Summary

from .helpers import SEEDS, copy_seeds, run


def _summary_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if not line.startswith(("would clean", "cleaned"))]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_counted_result_says_what_the_edits_say(seed: Path) -> None:
    data = seed.read_bytes()
    full, new = clean_bytes(Plan(CleanConfig(), keep_texts=True), data, seed.name)
    counted, new2 = clean_bytes(Plan(CleanConfig()), data, seed.name)
    assert new == new2
    assert full.edits
    assert not counted.edits
    assert not counted.notices
    assert counted.edits_per_rule() == full.edits_per_rule()
    assert list(counted.edits_per_rule()) == list(full.edits_per_rule())  # first-seen order
    assert counted.notices_per_rule() == full.notices_per_rule()
    assert counted.edit_total() == len(full.edits)
    assert len(pickle.dumps(counted)) < len(pickle.dumps(full)) / 4
    by_edits, by_counts = Summary(), Summary()
    by_edits.add(full)
    by_counts.add(counted)
    assert by_counts == by_edits


def test_counted_is_idempotent_and_keeps_an_unchanged_result() -> None:
    result = FileResult("a.txt", "unchanged")
    assert result.counted() == result
    assert result.counted().counted() == result.counted()


def test_clean_prints_the_same_counts_as_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    looked = run(capsys, "check", str(seeds), "--isolated", "--jobs", "1")
    cleaned = run(capsys, "clean", str(seeds), "--isolated", "--out", str(tmp_path / "o"))
    assert looked.code == 1
    assert cleaned.code == 0
    lines = looked.err.splitlines()
    per_file = sorted(x.split(" ", 2)[2] for x in lines if x.startswith("would clean"))
    written = sorted(
        x.split(" ", 1)[1] for x in cleaned.err.splitlines() if x.startswith("cleaned")
    )
    assert len(per_file) == 5
    assert per_file == written  # "NAME (N edits)"
    said = _summary_lines(looked.err)[1:]  # edits and notices per rule, duplicates removed
    assert said == [
        x.replace(" removed", " would be removed") for x in _summary_lines(cleaned.err)[1:]
    ]
