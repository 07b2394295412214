"""Hypothesis properties: never raises, idempotent, replayable, no Han lost, rules switchable."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.edits import apply_edits
from seedclean.normalization import normalize, normalize_and_explain
from seedclean.normalization.catalog import RULES

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Han-only rules map one Han character to one Han character.
ONE_TO_ONE = {"ideograph-compat", "script-traditional-only"}

PIECES = [
    "近年来",
    "广东省",
    "王立乾",
    "共贏",
    "⼯作",
    "\uf900",
    "ＡＢＣ",
    "１２３",
    "％",
    "．",
    "：",
    ",",
    ";",
    ":",
    "?",
    "!",
    ".",
    "(",
    ")",
    "（",
    "）",
    '"',
    "'",
    "“",
    "”",
    "「",
    "」",
    "『",
    "』",
    "...",
    "。。。",
    "…",
    "--",
    "――",
    "—",
    "•",
    "・",
    " ",
    "  ",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "1",
    "10:30",
    "1,000",
    "3.14",
    "010-86423591",
    "a@b.cn",
    "www.gov.cn",
    "https://x.cn/a?b=1",
    "1+N",
    "f(x)",
    "Hello",
    "e.g.",
    "&nbsp;",
    "`a;b`",
    "，",
    "。",
    "、",
    "《",
    "》",
    ":)",
    "근면",
    "—",
    "a",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.text(max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_idempotent_and_replayable(text: str) -> None:
    result = normalize_and_explain(text)
    assert apply_edits(text, result.edits) == result.text
    assert normalize(result.text) == result.text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_no_han_character_is_dropped(text: str) -> None:
    result = normalize_and_explain(text)
    assert len(HAN.findall(result.text)) >= len(HAN.findall(text))
    for edit in result.edits:
        if edit.rule in ONE_TO_ONE:
            assert len(edit.old) == len(edit.new)
        elif edit.rule != "ideograph-radicals":
            assert HAN.findall(edit.old) == HAN.findall(edit.new)


@settings(max_examples=100, deadline=None)
@given(texts, st.sampled_from([r.id for r in RULES]))
def test_disabled_rule_makes_no_edits(text: str, rule: str) -> None:
    active = {r.id for r in RULES} - {rule}
    result = normalize_and_explain(text, rules=active)
    assert rule not in {e.rule for e in result.edits}
    assert apply_edits(text, result.edits) == result.text


ALL_RULES = frozenset(r.id for r in RULES)  # opt-in rules (script-t2s, corner quotes) included
# Pieces the opt-in rules act on, and tilde ranges (``3~5`` stays: see docs/normalization.md).
OPT_IN_PIECES = ["「", "」", "『", "』", "這個", "發展", "於是", "3~5", "~", "～", "1～2", "年~"]
every_rule_texts = st.one_of(
    st.lists(st.sampled_from(PIECES + OPT_IN_PIECES), max_size=25).map("".join),
    st.text(max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(every_rule_texts)
def test_idempotent_and_replayable_with_every_rule_on(text: str) -> None:
    result = normalize_and_explain(text, rules=ALL_RULES)
    assert apply_edits(text, result.edits) == result.text
    assert normalize(result.text, rules=ALL_RULES) == result.text
    assert not [n for n in result.notices if n.rule == "no-fixed-point"]
