"""Invariants of the whole command line: ``clean --in-place`` then ``check`` finds nothing.

The pre-commit fix and check hooks rely on it: a file the fix hook cleaned must
pass the check hook, for every rule selection (opt-in rules included).  The
texts are short pages built from real seed paragraphs, with exact repeats,
near repeats (OCR-style punctuation), fragments, split lines and every kind
of ending, because the duplicate step's removals at the end of a text are
where idempotence broke.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedclean.rules import all_rules

from .helpers import SEEDS, run


def _pool() -> list[str]:
    """Paragraphs of a seed page, a near copy of one and a fragment of another."""
    text = sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if len(line) >= 25][:5]
    near = lines[1].replace("，", ",").replace("。", ".")
    fragment = lines[2][: len(lines[2]) // 2]
    split = lines[3][:30] + "\n" + lines[3][30:]
    return [*lines, near, fragment, split]


POOL = _pool()
RULE_IDS = sorted(r.id for r in all_rules())
SELECTIONS = st.one_of(
    st.just(""),  # the defaults
    st.sets(st.sampled_from(RULE_IDS), min_size=1).map(lambda s: ",".join(sorted(s))),
    st.sets(st.sampled_from(["normalize", "linebreaks", "dedup"]), min_size=1).map(",".join),
    st.just(",".join(RULE_IDS)),  # everything, opt-in rules included
)
PAGES = st.tuples(
    st.lists(
        st.tuples(st.integers(0, len(POOL) - 1), st.sampled_from(["\n\n", "\n", "\n\n\n"])),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["", "\n", "\n\n", " \n", "\r\n"]),
).map(lambda t: "".join(POOL[i] + sep for i, sep in t[0]).rstrip("\n") + t[1])


def _selection(select: str) -> list[str]:
    return ["--select", select] if select else []


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(page=PAGES, select=SELECTIONS)
def test_clean_in_place_then_check_finds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, select: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(page.encode("utf-8"))
    cleaned = run(capsys, "clean", "--isolated", "--in-place", str(path), *_selection(select))
    assert cleaned.code == 0, cleaned.err
    checked = run(capsys, "check", "--isolated", str(path), *_selection(select))
    assert checked.code == 0, (select, page, checked.out)


@pytest.mark.parametrize("ending", ["", "\n"])
def test_removing_the_last_paragraphs_leaves_no_blank_lines_at_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    paragraph = next(p for p in POOL if p.endswith("。"))  # a whole paragraph: not joined
    path = tmp_path / "page.txt"
    path.write_text(f"{paragraph}\n\n{paragraph}\n\n{paragraph}{ending}", encoding="utf-8")
    dedup_only = ("--isolated", "--select", "dedup")
    assert run(capsys, "clean", *dedup_only, "--in-place", str(path)).code == 0
    assert path.read_text(encoding="utf-8") == f"{paragraph}\n"
    assert run(capsys, "check", *dedup_only, str(path)).code == 0
