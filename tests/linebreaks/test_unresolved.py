"""``seam-unresolved``: seams that look split but were left apart are reported, never edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedclean.cli import main
from seedclean.config import CleanConfig
from seedclean.edits import line_col
from seedclean.linebreaks import repair_breaks_and_explain
from seedclean.pipeline import clean_and_explain

#: An open paragraph (no full stop) before one that opens with a paragraph lead:
#: the lead row keeps them apart on weak evidence.
LEAD = (
    "该市持续推进城乡融合发展，完善基础设施建设，各项工作取得积极进展\n\n"
    "近年来，该市编制了乡村振兴总体规划，统筹推进产业发展。\n"
)
#: A sentence cut around a markdown section heading, with only a word running across.
SECTION = (
    "# 引言\n\n"
    "近年来，深度学习方法在图像识别领域的应用日益广泛，相关数据集尚缺，研究工作受到一定\n\n"
    "# 1.1 研究现状\n\n"
    "限制，现有方法主要依赖大规模标注数据。\n"
)


def test_a_weak_break_after_an_open_paragraph_is_a_notice() -> None:
    result = repair_breaks_and_explain(LEAD)
    assert result.text == LEAD
    assert not result.edits
    (notice,) = result.notices
    assert notice.rule == "seam-unresolved"
    assert LEAD[: notice.origin].endswith("取得积极进展")
    assert "paragraph lead" in notice.message


def test_a_continuation_refused_across_a_markdown_heading_is_a_notice() -> None:
    result = repair_breaks_and_explain(SECTION)
    assert result.text == SECTION
    (notice,) = result.notices
    assert SECTION[: notice.origin].endswith("研究工作受到一定")
    assert "markdown heading" in notice.message
    assert line_col(SECTION, notice.origin) == (3, 42)  # just after 一定


@pytest.mark.parametrize(
    "text",
    [
        "该院召开会议，部署下一阶段工作。\n\n会议要求，各部门要抓好落实。",  # a sentence end
        "坚持规划引领\n\n该市编制了乡村振兴总体规划。",  # a heading-like block
        "营造法治化营商环境。东莞市检察机关制定了支持滨海湾新区\n\n建设等一系列措施。",  # joined
        "会议要求，各地要重点抓好以下几项工作：\n\n1.加强组织领导",  # a list after a colon
    ],
)
def test_no_notice_where_nothing_looks_split(text: str) -> None:
    assert repair_breaks_and_explain(text).notices == ()


def test_clean_reports_it_and_ignore_silences_it() -> None:
    assert [n.rule for n in clean_and_explain(LEAD).notices] == ["seam-unresolved"]
    quiet = clean_and_explain(LEAD, CleanConfig(ignore=frozenset({"seam-unresolved"})))
    assert quiet.notices == ()
    assert quiet.text == clean_and_explain(LEAD).text


def test_statistics_and_html_report_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_text(LEAD, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "page.txt", "--statistics"]) == 0  # a notice changes nothing
    assert "seam-unresolved 1" in capsys.readouterr().err
    main(["check", "page.txt"])
    out = capsys.readouterr().out
    assert "page.txt:1:33: seam-unresolved (notice, left unchanged)" in out
    main(["check", "page.txt", "--html-report", "r.html", "-q"])
    assert "seam-unresolved" in Path("r.html").read_text(encoding="utf-8")
