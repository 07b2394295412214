"""``join-wrap``: hard-wrapped paragraphs (single newlines inside a block) are joined.

Data-driven cases (``tests/data/linebreaks/wrap_cases.txt``), the seed pages
(never touched by the rule), properties, and a round trip on real prose from
evaldata set in columns the way a PDF page sets it.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.edits import apply_edits
from seedclean.linebreaks import repair_breaks, repair_breaks_and_explain
from seedclean.linebreaks.catalog import DEFAULTS, WRAP, WRAPPED
from seedclean.normalization import normalize
from tests.linebreaks.test_cases import load_cases

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from corrupt_linebreaks import has_broken_lines, typeset

WRAP_CASES = load_cases(
    Path(__file__).resolve().parents[1] / "data" / "linebreaks" / "wrap_cases.txt"
)


def test_wrap_is_opt_in() -> None:
    assert WRAP not in DEFAULTS
    text = (
        "该院坚持以案释法，组织干警深入社区、学校开\n展法治宣传活动，受教育群众三千余人。\n\n"
        "下一步，该院将继续加强与相关部门的协作配合\n，推动形成工作合力。"
    )
    assert repair_breaks(text) == text
    assert repair_breaks(text, rules=WRAPPED) != text


@pytest.mark.parametrize(("label", "given", "expected"), WRAP_CASES, ids=[c[0] for c in WRAP_CASES])
def test_wrap_case(label: str, given: str, expected: str) -> None:
    result = repair_breaks_and_explain(given, rules=WRAPPED)
    assert result.text == expected, label
    assert apply_edits(given, result.edits) == result.text
    assert repair_breaks(result.text, rules=WRAPPED) == result.text
    for edit in result.edits:
        if edit.rule == WRAP:
            assert edit.old.strip() in ("", "-"), edit  # only the line end (and a hyphen)
            assert "\n" in edit.old


def test_wrap_cases_cover_kept_and_joined() -> None:
    kept = [c for c in WRAP_CASES if c[1] == c[2]]
    assert len(kept) >= 8
    assert len(WRAP_CASES) - len(kept) >= 4


def test_no_wrap_join_on_any_seed(seeds: dict[str, str]) -> None:
    for name, text in seeds.items():
        for variant in (text, normalize(text)):
            result = repair_breaks_and_explain(variant, rules=WRAPPED)
            assert not [e for e in result.edits if e.rule == WRAP], name
            assert result.text == repair_breaks(variant), name


PIECES = [
    "该院坚持以案释法，组织干警深入社区、学校开",
    "展法治宣传活动二十余场，受教育群众三千余人",
    "。",
    "本刊策划 李娜  ",
    "编辑 李君瑞",
    "一是加强组织领导；",
    "联系电话：010-12345678",
    "两个黄鹂鸣翠柳，",
    "## 做实履职举措",
    "| a | b |",
    "The delegates agreed that the new rules would help",
    "small firms trade across the region, and inter-",
    "national cooperation.",
    "　　下一步，该院将继续加强与相关部门的协作配",
    "合，推动形成工作合力。",
    "..........3",
]
SEPARATORS = ["\n", "\n", "\n", "\n\n", " \n", "\n  "]
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=16).map(
    lambda parts: "".join(p + s for p, s in parts)
)
_VISIBLE = re.compile(r"\S")


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts, st.text(alphabet=st.sampled_from("该院以检察，。、“”\n -a1"), max_size=80)))
def test_wrap_properties(text: str) -> None:
    result = repair_breaks_and_explain(text, rules=WRAPPED)
    assert apply_edits(text, result.edits) == result.text
    assert repair_breaks(result.text, rules=WRAPPED) == result.text
    assert repair_breaks(text, rules=WRAPPED) == result.text
    dropped: Counter[str] = Counter()
    for edit in result.edits:
        if edit.rule in ("seam-overlap", "seam-overlap-single", "join-hyphen", WRAP):
            dropped += Counter(_VISIBLE.findall(edit.old))
            dropped -= Counter(_VISIBLE.findall(edit.new))
    moved = sum(1 for e in result.edits if e.rule == "relocate-interloper")
    if not moved:
        got = Counter(_VISIBLE.findall(result.text))
        assert got == Counter(_VISIBLE.findall(text)) - dropped


@pytest.mark.evaldata
def test_evaldata_round_trip(articles: list[dict[str, Any]]) -> None:
    """Real paragraphs set in a column of 10-40 characters come back as they were.

    Half the articles are set at one width with blank lines between paragraphs,
    the other half at a random width per article with paragraphs separated by
    nothing but a new line (each ends in a short last line).  The truth is what
    the step makes of the unwrapped text.
    """
    rng = random.Random(3)
    usable = [a for a in articles if not has_broken_lines(a)]
    same = total = wanted = recovered = merged = boundaries = 0
    for n, article in enumerate(rng.sample(usable, 80)):
        paras = article["paragraphs"]
        sep = "\n\n" if n % 2 else "\n"
        truth = repair_breaks(sep.join(paras))
        width = rng.randint(10, 40)
        text = sep.join("\n".join(typeset(p, width, rng)) for p in paras)
        out = repair_breaks(text, rules=WRAPPED)
        total += 1
        same += out == truth
        got, gold = Counter(_lines(out)), Counter(_lines(truth))
        wanted += sum(gold.values())
        recovered += sum((got & gold).values())
        # a paragraph of the truth is (almost) never merged with the next one
        joined = "\n".join(_lines(out))
        for a, b in itertools.pairwise(_lines(truth)):
            boundaries += 1
            merged += a + b in joined
    assert merged / boundaries < 0.01
    assert recovered / wanted > 0.9
    assert same / total > 0.5


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.mark.evaldata
def test_evaldata_one_paragraph_per_line_is_left_alone(articles: list[dict[str, Any]]) -> None:
    """Real articles laid out one paragraph a line have no column width: nothing is joined."""
    for article in random.Random(4).sample(articles, 300):
        text = "\n".join(article["paragraphs"])
        edits = repair_breaks_and_explain(text, rules=WRAPPED).edits
        assert not [e for e in edits if e.rule == WRAP], article["id"]
