"""Clean news prose from ../shared/evaldata must come out unchanged."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from seedclean.normalization import normalize_and_explain
from seedclean.normalization.script import traditional_only_table

pytestmark = pytest.mark.evaldata

# Forms the articles themselves carry that our rules deliberately rewrite (legacy
# full-width symbols, U+3000 separators, invisible characters, odd dots, dash and
# ellipsis variants, traditional characters quoted from Weibo): a paragraph holding
# one cannot serve as "already clean" text.
LEGACY = re.compile(
    "[\u3000\u00a0\u200b\ufeff％－：•・⋯…]|--|[\u4e00-\u9fff] +[，。、；：？！]|[，。、；：？！] +"
    "|[\u4e00-\u9fff] [\u4e00-\u9fff]"  # OCR spaces inside words (比 赛) sit among separators
)
# Rules that may fire on the legacy forms above; everything else is damage.
LEGACY_RULES = {
    "space-unicode", "space-zero-width", "space-around-punct", "width-symbols",
    "punct-middle-dot", "punct-dash", "punct-ellipsis", "script-traditional-only", "punct-colon",
    "space-inside-word",
}  # fmt: skip
# Runs of traditional-only characters (the script-traditional-only rule rewrites them).
TRADITIONAL = re.compile("[" + re.escape("".join(sorted(traditional_only_table()))) + "]")


def _sample(articles: list[dict[str, Any]], count: int) -> list[str]:
    rng = random.Random(20240109)
    paragraphs = [p for a in articles for p in a["paragraphs"]]
    return rng.sample(paragraphs, count)


def test_clean_paragraphs_come_out_unchanged(articles: list[dict[str, Any]]) -> None:
    changed = []
    for para in _sample(articles, 3000):
        if LEGACY.search(para) or TRADITIONAL.search(para):
            continue
        result = normalize_and_explain(para)
        if result.text != para:
            changed.append((para, [(e.rule, e.old, e.new) for e in result.edits]))
    assert changed == []


def test_only_legacy_rules_fire_on_articles(articles: list[dict[str, Any]]) -> None:
    fired = set()
    for para in _sample(articles, 6000):
        fired |= {e.rule for e in normalize_and_explain(para).edits}
    assert fired <= LEGACY_RULES


def test_spaces_inside_words_go_separators_stay(articles: list[dict[str, Any]]) -> None:
    """Every space-inside-word edit on the articles joins a cut word (all 25 were read
    by hand: 非 常, 比 赛, 艾哈　迈多夫, …); headline and slogan separators stay."""
    removed: list[str] = []
    kept = 0
    for para in (p for a in articles for p in a["paragraphs"]):
        result = normalize_and_explain(para)
        edits = [e for e in result.edits if e.rule == "space-inside-word"]
        removed += [para[e.origin - 1 : e.origin + 2] for e in edits]
        kept += len(re.findall("[\u4e00-\u9fff] [\u4e00-\u9fff]", result.text))
    assert 20 <= len(removed) <= 30
    for word in ("非 常", "比 赛", "仅 仅", "排\u00a0名"):
        assert word in removed
    assert kept > 700  # the separators (党建引领 融合赋能, 奋斗有我 国聘行动) stay
