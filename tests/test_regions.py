"""Markdown protection and inline suppression: no step edits a protected region."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.dedup import remove_duplicates_and_explain
from seedclean.edits import apply_edits
from seedclean.linebreaks import repair_breaks
from seedclean.normalization import normalize, normalize_and_explain
from seedclean.pipeline import clean, clean_and_explain
from seedclean.regions import protected_regions

# (markdown, what clean must make of it): the syntax stays, the prose around it is cleaned.
CASES = [
    ('见[链接](http://x.com "标题,说明")的内容,好', '见[链接](http://x.com "标题,说明")的内容，好'),
    (
        "参见[维基](https://en.wikipedia.org/wiki/Foo_(bar))的说明,好",
        "参见[维基](https://en.wikipedia.org/wiki/Foo_(bar))的说明，好",
    ),
    (
        "正文:\n\n~~~\n代码,不动:x\n~~~\n\n后文,改\n",
        "正文：\n\n~~~\n代码,不动:x\n~~~\n\n后文，改\n",
    ),
    ("正文:\n\n```py\nx = f(a,b)\n```\n", "正文：\n\n```py\nx = f(a,b)\n```\n"),
    (
        '正文:\n\n    code, x: 1\n    print("a,b")\n\n后文,改\n',
        '正文：\n\n    code, x: 1\n    print("a,b")\n\n后文，改\n',
    ),
    (
        "---\ntitle: 标题,说明\ntags: [a, 测试, 标签]\n---\n\n正文,改\n",
        "---\ntitle: 标题,说明\ntags: [a, 测试, 标签]\n---\n\n正文，改\n",
    ),
    ('图<img alt="图片,说明" src="a.png">后,改', '图<img alt="图片,说明" src="a.png">后，改'),
    ('数据{"名称": "测试,值", "数量": 1}后,改', '数据{"名称": "测试,值", "数量": 1}后，改'),
    ("令$\\alpha , \\beta$为常数,则\n", "令$\\alpha , \\beta$为常数，则\n"),
    ("公式如下,\n$$\na,b:c\n$$\n后文,改\n", "公式如下，\n$$\na,b:c\n$$\n后文，改\n"),
    (
        "| 名称 | 数量,单位 |\n| :--- | ---: |\n| 甲,乙 | 1 |\n",
        "| 名称 | 数量，单位 |\n| :--- | ---: |\n| 甲，乙 | 1 |\n",
    ),
    # URLs ending in ")": balanced parentheses, nested once, Han inside a link target
    (
        "见[维基](https://zh.wikipedia.org/wiki/Foo_(北京)),很好",
        "见[维基](https://zh.wikipedia.org/wiki/Foo_(北京))，很好",
    ),
    (
        "见https://en.wikipedia.org/wiki/Foo_(bar_(baz)),很好",
        "见https://en.wikipedia.org/wiki/Foo_(bar_(baz))，很好",
    ),
    (
        '见[维基](https://en.wikipedia.org/wiki/Foo_(bar_(baz)) "标题,说明")和(注释),好',
        '见[维基](https://en.wikipedia.org/wiki/Foo_(bar_(baz)) "标题,说明")和（注释），好',
    ),
    # an autolink may hold Han (a bare URL ends at the first Han character)
    (
        "见<https://zh.wikipedia.org/wiki/北京_(城市)>,很好",
        "见<https://zh.wikipedia.org/wiki/北京_(城市)>，很好",
    ),
    # a URL in Chinese parentheses: the ")" that closes nothing in the URL is prose
    (
        "数据来自(https://en.wikipedia.org/wiki/Foo_(bar)),经过校正",
        "数据来自（https://en.wikipedia.org/wiki/Foo_(bar)），经过校正",
    ),
    # an image's "!" is markup, not an exclamation mark; a footnote definition's colon too
    ("如图所示![示意图](images/a.png)。好!\n", "如图所示![示意图](images/a.png)。好！\n"),
    ("正文[^1]。\n\n[^1]: 脚注内容,说明。\n", "正文[^1]。\n\n[^1]: 脚注内容，说明。\n"),
    # a link reference definition is markup as a whole; a prose line with a Han target is not
    (
        '正文,见[参考]。\n\n[参考]: http://example.com/ref "参考,标题"\n',
        '正文，见[参考]。\n\n[参考]: http://example.com/ref "参考,标题"\n',
    ),
    ("[注]:见上文,说明。\n", "[注]：见上文，说明。\n"),
    # TOML front matter (Hugo) as YAML front matter
    (
        '+++\ntitle = "标题,说明"\n+++\n\n正文,内容\n',
        '+++\ntitle = "标题,说明"\n+++\n\n正文，内容\n',
    ),
    (
        "# 标题,一\n\n- 列表,项\n\n> 引用,文字\n\n1. 第一,项\n",
        "# 标题，一\n\n- 列表，项\n\n> 引用，文字\n\n1. 第一，项\n",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_markdown_syntax_is_kept(text: str, expected: str) -> None:
    result = clean_and_explain(text)
    assert result.text == expected
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text) == result.text


def test_front_matter_and_fence_are_never_joined() -> None:
    text = "---\ntitle: 标题\n---\n\n支持滨海湾新区\n\n```\n建设等一系列措施\n```\n"
    assert repair_breaks(text) == text


def test_off_on_region_untouched_by_every_step() -> None:
    kept = (
        "<!-- seedclean: off -->\n原样,不动\n\n该院制定了支持滨海湾新区\n\n"
        "建设等一系列措施。\n<!-- seedclean: on -->\n"
    )
    assert clean(kept + "改,动\n") == kept + "改，动\n"


def test_off_to_the_end_of_the_text() -> None:
    assert (
        normalize("改,动\n<!-- seedclean: off -->\n原样,不动")
        == "改，动\n<!-- seedclean: off -->\n原样,不动"
    )


def test_ignore_alone_on_a_line_protects_the_next_line() -> None:
    text = "<!-- seedclean: ignore -->\n原样,不动\n改,动"
    assert normalize(text) == "<!-- seedclean: ignore -->\n原样,不动\n改，动"


def test_ignore_with_rules_switches_off_only_those() -> None:
    text = "原样,不动:好 <!-- seedclean: ignore punct-comma -->\n改,动:"
    assert normalize(text) == "原样,不动：好 <!-- seedclean: ignore punct-comma -->\n改，动："


def test_ignore_a_step_by_name() -> None:
    split = "营造法治化营商环境。该院制定了支持滨海湾新区\n\n建设等一系列措施,全力支持。\n"
    assert "\n\n" not in clean(split)
    marked = split.replace("\n\n", "\n\n<!-- seedclean: off linebreaks -->\n", 1)
    assert clean(marked) == marked.replace("措施,", "措施，")


def test_dedup_never_removes_inside_a_region() -> None:
    para = "近年来，广东省检察院第七检察部党支部始终坚持以政治建设为统领，不断探索。"
    text = f"{para}\n\n<!-- seedclean: ignore -->\n{para}\n\n{para}\n\n{para}\n"
    result = remove_duplicates_and_explain(text)
    # the copy in the region stays; the text after it is deduplicated on its own
    assert result.text == f"{para}\n\n<!-- seedclean: ignore -->\n{para}\n\n{para}\n"


def test_indented_chinese_prose_is_not_code() -> None:
    text = "    近年来,广东省检察院坚持以政治建设为统领。\n"
    assert protected_regions(text) == []
    assert normalize(text) == "    近年来，广东省检察院坚持以政治建设为统领。\n"


def test_unclosed_fence_protects_only_its_line() -> None:
    assert normalize("~~~~~~\n正文,改") == "~~~~~~\n正文，改"


def test_edit_origins_inside_pieces_point_into_the_input() -> None:
    text = "甲,乙\n```\nx,y\n```\n丙,丁\n"
    result = normalize_and_explain(text)
    assert [text[e.origin] for e in result.edits] == [",", ","]
    assert result.text == "甲，乙\n```\nx,y\n```\n丙，丁\n"


def test_a_repeated_marker_line_is_never_removed() -> None:
    # A marker that switches off one rule leaves duplicate removal on around it; its own
    # line is markup all the same: removing a repeated marker moved the place the next
    # run cut the text at, and a second ``clean`` removed another one (not idempotent).
    marker = "<!-- seedclean: ignore punct-comma -->"
    prose = "近年来,广东\n该院制定了支持滨海湾新区\n"
    text = f"{marker}\n---\n{marker}\n{marker}\n \n{marker}\n{prose}"
    result = clean_and_explain(text)
    assert result.text.count(marker) == 4
    assert not [e for e in result.edits if marker in e.old]
    assert clean(result.text) == result.text


_PIECES = st.sampled_from(
    ["近年来,广东", "```", "~~~", "$$", "---", "    code, x", "| a | b |", "|---|---|",
     "<!-- seedclean: off -->", "<!-- seedclean: on -->", "<!-- seedclean: ignore -->",
     "<!-- seedclean: ignore punct-comma -->", "", " ", "该院制定了支持滨海湾新区", "建设。"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14))
def test_markdown_property_idempotent_and_replayable(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = clean_and_explain(text)
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text) == result.text


def test_dedup_notes_count_lines_in_the_whole_text() -> None:
    para = "近年来，广东省检察院第七检察部党支部始终坚持以政治建设为统领，不断探索。"
    text = f"前言\n\n```\ncode\n```\n\n{para}\n\n{para}\n"
    (edit,) = remove_duplicates_and_explain(text).edits
    assert edit.note.startswith("same as line 7: ")
    assert text.count("\n", 0, edit.ref) == 6


# Tables in the shape MinerU writes them (pipes hugging the cells or padded, alignment
# colons, a caption line above, full-width digits and OCR spaces in cells): every rule runs
# on the cells, and no pipe or row is lost, joined or moved.
TABLES = [
    (
        "表2 各地区产量,单位:万吨\n\n|地区|小麦,玉米|增长率|\n|:--|:-:|--:|\n"
        "|华北|１，０００|３．５%|\n|华东|８００|２．１%|\n",
        "表2 各地区产量，单位：万吨\n\n|地区|小麦，玉米|增长率|\n|:--|:-:|--:|\n"
        "|华北|1,000|3.5%|\n|华东|800|2.1%|\n",
    ),
    (
        "| 指标 | 说明 |\n| --- | --- |\n| 设施建 设 | 包括道路,桥梁 |\n"
        "| 设施建 设 | 包括道路,桥梁 |\n| 人员 | 共计 |\n",
        "| 指标 | 说明 |\n| --- | --- |\n| 设施建设 | 包括道路，桥梁 |\n"
        "| 设施建设 | 包括道路，桥梁 |\n| 人员 | 共计 |\n",
    ),
    (  # a wrapped prose line before a table is not joined into its header row
        "该院制定了支持滨海湾新区\n| 名称 | 数量 |\n|---|---|\n| 小麦 | 3 |\n",
        "该院制定了支持滨海湾新区\n| 名称 | 数量 |\n|---|---|\n| 小麦 | 3 |\n",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TABLES, ids=["mineru", "repeated-rows", "join"])
def test_table_pipes_and_rows_survive_every_rule(text: str, expected: str) -> None:
    result = clean_and_explain(text)
    assert result.text == expected
    assert [line.count("|") for line in result.text.splitlines()] == [
        line.count("|") for line in text.splitlines()
    ]
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text) == result.text


def test_identical_long_rows_in_two_tables_are_not_removed() -> None:
    row = "| 说明 | 这是一段很长的说明文字，超过二十个字符，用来检验去重是否误删表格中的行。 |"
    text = f"表1\n\n| 项 | 内容 |\n|---|---|\n{row}\n\n表2\n\n| 项 | 内容 |\n|---|---|\n{row}\n"
    assert clean(text) == text


def test_a_display_formula_restated_in_a_longer_one_is_kept() -> None:
    # MinerU pages restate a formula with its value (``... = ln 3``): the shorter block is
    # the verbatim start of the longer one, but math is not prose; removing its body left
    # an empty ``$$ $$`` block (found on ChinaXiv preprints).
    formula = "D ( \\rho ) = - \\sum _ { i } \\lambda _ { i } \\ln \\frac { \\lambda } { 2 }"
    text = (
        f"定义新的熵如下：\n\n$$\n{formula}\n$$\n\n由式（4）得到：\n\n$$\n{formula} = l n 3\n$$\n"
    )
    assert clean_and_explain(text).edits == ()
