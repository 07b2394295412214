"""Language evidence across a seam: the word table, the cohesion score and its use."""

from __future__ import annotations

import pytest

from seedclean.linebreaks import BreaksConfig, repair_breaks, repair_breaks_and_explain
from seedclean.linebreaks.lexicon import cohesion, cost, left_window, page_echo, right_window, table


def test_table_is_the_compact_jieba_dictionary() -> None:
    words = table()
    assert 100_000 < len(words) < 200_000
    assert all(1 <= len(w) <= 4 for w in words)
    # a common word is cheaper than a rare one, and both have a cost in bits
    assert 0 < words["我们"] < words["党员"] < 30


def test_windows_stop_at_non_han_characters() -> None:
    assert left_window("以色列YNET媒") == "媒"
    assert left_window("某院党支部在党") == "支部在党"
    assert right_window("员队伍中倡导") == "员队伍中"
    assert right_window("1375亿元") == ""


def test_segmentation_prefers_words() -> None:
    words = table()
    assert cost("党员", words) < cost("党", words) + cost("员", words)


@pytest.mark.parametrize(
    ("left", "right", "word"),
    [
        ("该支部在党", "员队伍中开展", "党员"),
        ("值得一提的是，以色列媒", "体称", "媒体"),
        ("全国贫困人口建档立卡信", "息系统已经升级", "信息"),
        ("装备制造业为工业升级提供坚", "实支撑", "坚实"),
    ],
)
def test_a_cut_word_has_cohesion(left: str, right: str, word: str) -> None:
    bits, found = cohesion(left, right)
    assert found == word
    assert bits >= BreaksConfig().word_bits


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("党建引领 融合赋能", "近年来，某省检察院"),
        ("深化改革", "新闻发布会在京举行"),  # 革新 is a word, but 改革|新闻 reads cheaper
        ("两国元首共同见证", "2025年合作文件"),
        ("某市检察院", ""),
    ],
)
def test_a_word_boundary_has_none(left: str, right: str) -> None:
    assert cohesion(left, right) == (0, "")


def test_page_echo_finds_a_string_the_page_writes_elsewhere() -> None:
    text = "乌克兰7日对扎\n\n波罗热核电站实施袭击。扎波罗热核电站位于乌克兰。"
    left_end = text.index("\n")
    assert page_echo(text, left_end, left_end + 2) == "扎波罗"
    assert page_echo("甲乙丙\n\n丁戊己", 3, 5) == ""


def test_the_join_note_names_the_word() -> None:
    text = "某市检察院第三检察部党支部在党\n\n员队伍中开展岗位练兵活动。"
    edits = repair_breaks_and_explain(text).edits
    assert [(e.rule, e.note) for e in edits] == [
        ("join-seam", "a dictionary word runs across the seam (党员, 9 bits)")
    ]


def test_word_bits_zero_turns_the_evidence_off() -> None:
    text = "某市检察院第三检察部党支部在党\n\n员队伍中开展岗位练兵活动。"
    assert repair_breaks(text, BreaksConfig(word_bits=0)) == text
    assert "\n" not in repair_breaks(text)
