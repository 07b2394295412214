"""Traditional-script lines are left alone by the default script rule; stray characters are fixed.

The default ``script-traditional-only`` rule is for OCR and conversion leftovers
in simplified text. It converted whole traditional posts (a quoted Weibo post,
a Taiwan page) although docs/cli.md says traditional text is converted only by
the opt-in ``script-t2s``.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.config import CleanConfig
from seedclean.pipeline import clean, clean_and_explain

TRADITIONAL = "近年來，廣東省檢察院堅持以政治建設為統領，不斷探索和推動黨建與業務深度融合。"
SIMPLIFIED_WITH_STRAYS = "营造法治化营商环境，全力支持科创制造强市建設，服务保障措施不断完善。"


def test_a_traditional_line_is_left_with_a_notice() -> None:
    result = clean_and_explain(TRADITIONAL + "\n")
    assert result.text == TRADITIONAL + "\n"
    notice = next(n for n in result.notices if n.rule == "script-traditional-only")
    assert "traditional-script line" in notice.message
    assert "script-t2s" in notice.message


def test_stray_traditional_characters_in_simplified_text_are_still_fixed() -> None:
    assert clean(SIMPLIFIED_WITH_STRAYS + "\n") == SIMPLIFIED_WITH_STRAYS.replace("設", "设") + "\n"


def test_the_decision_is_per_line() -> None:
    page = TRADITIONAL + "\n\n" + SIMPLIFIED_WITH_STRAYS + "\n"
    out = clean(page).split("\n\n")
    assert out[0] == TRADITIONAL
    assert out[1] == SIMPLIFIED_WITH_STRAYS.replace("設", "设") + "\n"


def test_script_t2s_still_converts_a_traditional_line() -> None:
    config = CleanConfig(extend_select=frozenset({"script-t2s"}))
    assert "黨建與業務" not in clean(TRADITIONAL + "\n", config)
    assert "党建与业务" in clean(TRADITIONAL + "\n", config)


def test_valid_simplified_names_survive_in_both_kinds_of_line() -> None:
    assert "王立乾" in clean("王立乾說，這裡的風景很美麗，我們都很喜歡。\n")
    assert "王立乾" in clean("王立乾说，这里的风景很美丽，我们都很喜欢。\n")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from([TRADITIONAL, SIMPLIFIED_WITH_STRAYS, "台灣的朋友們說", "好"]),
        min_size=1,
        max_size=5,
    )
)
def test_idempotent_and_line_local(lines: list[str]) -> None:
    normalize_only = CleanConfig(select=frozenset({"normalize"}))
    page = "\n".join(lines) + "\n"
    once = clean(page, normalize_only)
    assert clean(once, normalize_only) == once
    assert once == "".join(clean(line + "\n", normalize_only) for line in lines)


@pytest.mark.parametrize("line", [TRADITIONAL])
def test_check_reports_the_notice_and_passes(line: str, tmp_path, capsys) -> None:
    from seedclean.cli import main

    (tmp_path / "t.txt").write_text(line + "\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "t.txt")]) == 0
    assert "traditional-script line" in capsys.readouterr().out
