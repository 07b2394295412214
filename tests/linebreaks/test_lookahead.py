"""Evidence for stepping over a block (lookahead): connectives and section numbers."""

from __future__ import annotations

import pytest

from seedclean.linebreaks.lookahead import connective, numbered_heading, section_heading


@pytest.mark.parametrize(
    "head", ["但还是要", "就要接待", "而且还有", "还在努力", "也将继续", "并于当天"]
)
def test_a_connective_read_as_its_own_word_continues_a_clause(head: str) -> None:
    assert connective(head)


@pytest.mark.parametrize(
    "head", ["就业形势", "也门胡塞", "还原历史", "并购重组", "都市报道", "我们一定"]
)
def test_a_word_that_only_starts_like_a_connective_does_not(head: str) -> None:
    assert not connective(head)


@pytest.mark.parametrize(
    "text",
    [
        "# 3.4生物多样性",
        "## 2.1.3 Methods",
        "# 第三章 结果",
        "# 一、引言",
        "# （二）方法",
        "# 3.Results",
    ],
)
def test_numbered_markdown_headings(text: str) -> None:
    assert numbered_heading(text)
    assert section_heading(text)


@pytest.mark.parametrize("text", ["# 5G时代的网络", "# 结对共建促提升", "# 2023年工作回顾"])
def test_unnumbered_markdown_headings(text: str) -> None:
    assert not numbered_heading(text)


@pytest.mark.parametrize("text", ["3.2.1草本群落丰富度的响应", "2.1 Methods", "4.3 讨论"])
def test_section_numbers_in_body_type(text: str) -> None:
    assert section_heading(text)


@pytest.mark.parametrize(
    "text", ["3.5亿元投资项目落地", "1.5%的增长", "3.5 倍于去年", "2.1米高的围墙"]
)
def test_decimals_with_their_unit_are_not_section_numbers(text: str) -> None:
    assert not section_heading(text)
