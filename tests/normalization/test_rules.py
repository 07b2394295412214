"""Per-rule table: each rule alone, with rows that must convert and rows that must stay."""

from __future__ import annotations

import pytest

from seedclean.normalization import normalize, normalize_and_explain
from seedclean.normalization.catalog import RULES
from seedclean.rules import resolve_rules

# (rule, input, expected) with only that rule active.
TABLE: list[tuple[str, str, str]] = [
    ("punct-comma", "近年来,广东省", "近年来，广东省"),
    ("punct-comma", "《规定》,实现", "《规定》，实现"),
    ("punct-comma", "增长12.3%,环比", "增长12.3%，环比"),
    ("punct-comma", "共计1,000元", "共计1,000元"),
    ("punct-comma", "Hello, world", "Hello, world"),
    ("punct-comma", "근면, 검소", "근면, 검소"),
    ("punct-semicolon", "依据;建立", "依据；建立"),
    ("punct-semicolon", "中文&amp;中文", "中文&amp;中文"),
    ("punct-semicolon", "a;b", "a;b"),
    ("punct-colon", "东胜:“1+5+4”模式", "东胜：“1+5+4”模式"),
    ("punct-colon", "上午10:30召开", "上午10:30召开"),
    ("punct-colon", "Tags:中文", "Tags:中文"),
    ("punct-colon", "访问http://a.cn了解", "访问http://a.cn了解"),
    ("punct-question", "达到目的?如何", "达到目的？如何"),
    ("punct-question", "访问a.cn/?q=1了解", "访问a.cn/?q=1了解"),
    ("punct-exclamation", "太好了!我们", "太好了！我们"),
    ("punct-exclamation", "是Yahoo!的文档", "是Yahoo!的文档"),
    ("punct-period", "取得成效.", "取得成效。"),
    ("punct-period", "1.加强", "1.加强"),
    ("punct-period", "约3.14元", "约3.14元"),
    ("punct-period", "约翰.史密斯", "约翰.史密斯"),
    ("punct-brackets", "规定(试行)》", "规定（试行）》"),
    ("punct-brackets", "f(x)的极值", "f(x)的极值"),
    ("punct-brackets", "minute(s)", "minute(s)"),
    ("punct-brackets", "石油(APA.US)上涨", "石油（APA.US）上涨"),
    ("punct-brackets", "(试行", "(试行"),
    ("punct-double-quotes", '他说"好"然后', "他说“好”然后"),
    ("punct-double-quotes", 'x = "a"', 'x = "a"'),
    ("punct-single-quotes", "所谓'放管服'改革", "所谓‘放管服’改革"),
    ("punct-single-quotes", "users' guide", "users' guide"),
    ("punct-corner-quotes", "构建『大管理』格局", "构建“大管理”格局"),
    (
        "punct-corner-quotes",
        "「你們要記住『青年要立志』這句話。」",
        "“你們要記住‘青年要立志’這句話。”",
    ),
    ("punct-corner-quotes", "「不成对", "「不成对"),
    # one stray full-width mark in an English sentence: the pair and the period stay
    (
        "punct-brackets",
        "grown under shade (20% of natural sunlight）. The leaves",
        "grown under shade (20% of natural sunlight）. The leaves",
    ),
    ("punct-brackets", "采用X射线衍射(XRD）分析", "采用X射线衍射（XRD）分析"),
    (
        "punct-period",
        "under shade (20% of natural sunlight）. The leaves",
        "under shade (20% of natural sunlight）. The leaves",
    ),
    ("punct-period", "研究结果（见表1）. The results", "研究结果（见表1）。 The results"),
    ("punct-ellipsis", "申请...三大", "申请……三大"),
    ("punct-ellipsis", "wait...", "wait..."),
    ("punct-ellipsis", "申请……三大", "申请……三大"),
    ("punct-ellipsis", "他说…\n\n大家笑了", "他说……\n\n大家笑了"),
    # one … cut from the other by a page break: both halves stay, so a join gives ……
    ("punct-ellipsis", "叠被子…\n\n…“六一”到来", "叠被子…\n\n…“六一”到来"),
    ("punct-dash", "成绩--4金", "成绩——4金"),
    ("punct-dash", "2021—2023年", "2021—2023年"),
    ("punct-dash", "a--b", "a--b"),
    ("punct-middle-dot", "新党建・新业务", "新党建·新业务"),
    ("punct-middle-dot", "• 要点", "• 要点"),
    ("width-alnum", "ＶＩＰ客户１２３", "VIP客户123"),
    ("width-alnum", "，：（）！？；", "，：（）！？；"),
    ("width-symbols", "50％", "50%"),
    ("width-symbols", "10：30", "10：30"),
    ("width-symbols", "以37：28领先", "以37：28领先"),
    ("width-symbols", "附件2：3个", "附件2：3个"),
    ("width-symbols", "中文：中文", "中文：中文"),
    ("ideograph-radicals", "⼀⾏⽣⻢", "一行生马"),
    ("ideograph-compat", "\uf900", "\u8c48"),
    ("ideograph-compat", "\ufa0e", "\ufa0e"),
    ("script-traditional-only", "共贏", "共赢"),
    ("script-traditional-only", "王立乾", "王立乾"),
    ("script-traditional-only", "宫商角徵羽,於先生,慰藉", "宫商角徵羽,於先生,慰藉"),
    ("script-preposition-yu", "由於天气,处於困境,於是", "由于天气,处于困境,于是"),
    ("script-preposition-yu", "於先生说,於立乾", "於先生说,於立乾"),
    ("script-traditional-only", "啓动,眞正", "启动,真正"),
    ("script-t2s", "王立乾說", "王立干说"),
    ("space-unicode", "中文\u00a0\u2003中文", "中文  中文"),
    ("space-unicode", "记者\u3000\u3000张三", "记者 张三"),
    ("space-zero-width", "中\u200b文\u00ad字\ufeff", "中文字"),
    ("space-zero-width", "👨\u200d👩", "👨\u200d👩"),
    ("space-indent", "\u3000\u3000近年来", "近年来"),
    ("space-indent", "    code", "    code"),
    ("space-trailing", "中文  \n下一行\t", "中文\n下一行"),
    ("space-trailing", "中文 中文\n", "中文 中文\n"),
    ("space-around-punct", "中文 ， 中文", "中文，中文"),
    ("space-around-punct", "“三个务必” 坚定历史自信", "“三个务必” 坚定历史自信"),
    ("space-around-punct", "党建引领 融合赋能", "党建引领 融合赋能"),
    ("space-inside-word", "基础设施建 设，也非 常的放松", "基础设施建设，也非常的放松"),
    (
        "space-inside-word",
        "党建引领 融合赋能，“奋斗有我 国聘行动”",
        "党建引领 融合赋能，“奋斗有我 国聘行动”",
    ),
    ("space-inside-word", "记者 王 芳", "记者 王 芳"),
    ("punct-period", "很好.，然后", "很好.，然后"),
    ("punct-comma", "很好,，然后", "很好,，然后"),
    ("punct-comma", "占30.3%,5G基站", "占30.3%，5G基站"),
    ("width-symbols", "G．A．史密斯", "G.A.史密斯"),
    ("width-symbols", "１，０００元和３．５吨，１，２两项", "１,０００元和３．５吨，１，２两项"),
    ("newline-crlf", "a\r\nb\rc", "a\nb\nc"),
    ("newline-final", "a\n\n\n", "a\n"),
    ("newline-final", "a", "a"),
    ("ideograph-radicals", "一行生马", "一行生马"),
    ("script-t2s", "王立干说", "王立干说"),
    ("space-unicode", "中文 中文", "中文 中文"),
    ("newline-crlf", "a\nb", "a\nb"),
]


@pytest.mark.parametrize(("rule", "text", "expected"), TABLE)
def test_rule_alone(rule: str, text: str, expected: str) -> None:
    result = normalize_and_explain(text, rules={rule})
    assert result.text == expected
    assert {e.rule for e in result.edits} <= {rule}


def test_every_rule_has_a_converting_row_and_a_staying_row() -> None:
    for rule in RULES:
        rows = [(t, e) for r, t, e in TABLE if r == rule.id]
        assert any(t != e for t, e in rows), rule.id
        assert any(t == e for t, e in rows), rule.id


@pytest.mark.parametrize("rule", [r.id for r in RULES if r.default])
def test_ignoring_a_rule_removes_its_edits(rule: str) -> None:
    # The rule's own converting rows, so the input really triggers it with every default on.
    text = "\n".join(t for r, t, e in TABLE if r == rule and t != e)
    assert rule in {e.rule for e in normalize_and_explain(text, rules=resolve_rules()).edits}
    rules = resolve_rules(ignore=[rule])
    assert rule not in {e.rule for e in normalize_and_explain(text, rules=rules).edits}


def test_every_rule_of_the_table_is_run_by_exactly_one_phase() -> None:
    """A rule row without a phase would be accepted and never run; one in two would run twice."""
    from seedclean.normalization.fold import FOLD_RULES
    from seedclean.normalization.marks import MARK_RULES
    from seedclean.normalization.pairs import PAIR_RULES
    from seedclean.normalization.script import SCRIPT_RULES
    from seedclean.normalization.spaces import SPACE_RULES

    phases = [FOLD_RULES, SCRIPT_RULES, PAIR_RULES, MARK_RULES, SPACE_RULES]
    for rule in RULES:
        assert sum(rule.id in phase for phase in phases) == 1, rule.id
    assert set().union(*phases) == {r.id for r in RULES}


def test_other_steps_rule_ids_are_ignored() -> None:
    assert normalize("近年来,广东", rules={"dedup-exact"}) == "近年来,广东"
