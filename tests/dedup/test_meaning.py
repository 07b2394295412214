"""A near duplicate that differs in meaning is never removed (hostile report F1).

Each shape below was removed as ``dedup-near`` before :mod:`seedclean.dedup.meaning`:
another defendant, a negation, another place, another year, another adjective,
and figure/table legends of one template.  The strings are written here in the
shape of the report; none is special-cased by the rule.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedclean.dedup import DedupConfig, find_duplicates
from seedclean.dedup.confusables import HAN_LOOKALIKES, NEGATIONS
from seedclean.dedup.key import paragraph_key
from seedclean.dedup.meaning import differences, meaning_agrees, meaningful_differences
from seedclean.dedup.remove import remove_duplicates_and_explain
from seedclean.pipeline import clean_and_explain
from tests.cli.helpers import run

VERDICT = "法院经审理认为，被告人张某某的行为构成故意伤害罪，依法判处有期徒刑三年，缓刑四年。"
MEETING = "会议强调，要坚决贯彻落实党中央决策部署，同意将该项目列入年度重点工程计划，加快推进实施。"
ECONOMY = "今年以来，全市高技术制造业增加值保持较快增长，对规模以上工业增长的贡献持续提升。"
LEGEND = (
    "Table S3 Up-regulated genes in the vector control rice seedlings under salt stress conditions"
)
ANCESTOR = (
    "Reconstructed states of the ten ancestor nodes inferred from the maximum likelihood tree"
)

# (label, first, second): two paragraphs that say different things.
DIFFERENT = [
    ("another defendant", VERDICT, VERDICT.replace("张某某", "李某某")),
    ("negation inserted", MEETING, MEETING.replace("同意", "不同意")),
    ("negation in a verdict", VERDICT, VERDICT.replace("构成", "不构成")),
    ("negation deleted", MEETING.replace("同意", "不同意"), MEETING),
    ("another place", ECONOMY, ECONOMY.replace("全市", "全省")),
    ("another year", ECONOMY, ECONOMY.replace("今年", "去年")),
    ("another adjective", ECONOMY, ECONOMY.replace("高技术", "低技术")),
    ("another legend", LEGEND, LEGEND.replace("S3 Up", "S4 Down")),
    ("another panel letter", LEGEND + " (A)", LEGEND + " (B)"),
    ("another Latin word", ANCESTOR, ANCESTOR.replace("ten", "fourteen")),
    ("another tissue code", LEGEND + " (BFR)", LEGEND + " (BFL)"),
    ("a word deleted", ECONOMY, ECONOMY.replace("高技术制造业", "制造业")),
    ("two words deleted", MEETING, MEETING.replace("坚决贯彻落实", "落实")),
]
# (label, first, second): one paragraph read twice, with OCR or typesetting noise.
SAME = [
    (
        "listed look-alike, split glyph",
        MEETING,
        MEETING.replace("列入", "列人").replace("加快", "力口快"),
    ),
    ("width and punctuation", VERDICT, VERDICT.replace("，", ",").replace("。", ".")),
    ("doubled negation", MEETING.replace("同意", "不同意"), MEETING.replace("同意", "不不同意")),
    ("dropped character", ECONOMY, ECONOMY.replace("较快", "快")),
    ("a character read three times", ECONOMY, ECONOMY.replace("较快", "较快快快")),
    ("letter read as digit", LEGEND, LEGEND.replace("control", "contr0l")),
    ("misread beside a drop", ECONOMY, ECONOMY.replace("持续", "特")),
]


def _near(first: str, second: str) -> list[str]:
    out = remove_duplicates_and_explain(f"{first}\n\n{second}\n")
    return [e.rule for e in out.edits]


@pytest.mark.parametrize(
    ("first", "second"), [c[1:] for c in DIFFERENT], ids=[c[0] for c in DIFFERENT]
)
def test_a_difference_in_meaning_blocks_removal(first: str, second: str) -> None:
    assert _near(first, second) == []
    assert not meaning_agrees(paragraph_key(first), paragraph_key(second))
    # the pair scores as a near duplicate: only the verdict keeps it
    loose = DedupConfig(names_must_agree=False, numbers_must_agree=False)
    out = remove_duplicates_and_explain(f"{first}\n\n{second}\n", loose)
    assert [e.rule for e in out.edits] == ["dedup-near"]


@pytest.mark.parametrize(
    ("first", "second"), [c[1:] for c in DIFFERENT], ids=[c[0] for c in DIFFERENT]
)
def test_every_path_keeps_them_apart(first: str, second: str) -> None:
    assert find_duplicates([("a.txt", first + "\n"), ("b.txt", second + "\n")]).clusters == ()
    assert [
        e.rule for e in clean_and_explain(f"{first}\n\n{second}\n").edits if "dedup" in e.rule
    ] == []


def test_ocr_noise_is_still_removed() -> None:
    noisy = MEETING.replace("，", ",").replace("重点", "重点点")
    assert _near(MEETING, noisy) == ["dedup-near"]
    noisy = "己未年" + MEETING.replace("年度", "年庋")[3:]
    assert _near("已末年" + MEETING[3:], noisy.replace("年庋", "年度")) == ["dedup-near"]


@pytest.mark.parametrize(("first", "second"), [c[1:] for c in SAME], ids=[c[0] for c in SAME])
def test_noise_verdicts(first: str, second: str) -> None:
    assert meaningful_differences(paragraph_key(first), paragraph_key(second)) == []
    assert len(_near(first, second)) == 1  # removed (exact or near)


def test_reasons() -> None:
    def reasons(a: str, b: str) -> list[str]:
        return [d.reason for d in differences(a, b)]

    assert reasons("同意计划", "不同意计划") == ["negation"]
    assert reasons("张某某", "李某某") == ["another character"]
    assert reasons("tenancestor", "fourteenancestor") == ["another word", ""]
    assert reasons("已末年", "己未年") == [""]
    assert reasons("明确", "日月确") == [""]
    assert reasons("围绕中心", "国中心") == [""]
    assert reasons("controlrice", "contr0lrice") == [""]


def test_a_kept_pair_is_reported_with_its_differing_spans() -> None:
    out = remove_duplicates_and_explain(f"{VERDICT}\n\n{VERDICT.replace('张某某', '李某某')}\n")
    assert [(n.rule, n.message) for n in out.notices] == [
        ("dedup-near", "kept: like line 1 but for 张→李")
    ]
    negated = MEETING.replace("同意", "不同意")
    out = remove_duplicates_and_explain(f"{MEETING}\n\n{negated}\n")
    assert [n.message for n in out.notices] == ["kept: like line 1 but for +不"]
    quiet = remove_duplicates_and_explain(f"{MEETING}\n\n{negated}\n", rules={"dedup-exact"})
    assert quiet.notices == ()


def test_a_removal_note_shows_the_noise_it_forgave() -> None:
    scanned = VERDICT.replace("有期", "有有期").replace("人张", "入张")
    (edit,) = remove_duplicates_and_explain(f"{VERDICT}\n\n{scanned}\n").edits
    assert edit.note.startswith("same as line 1, but for 人→入, +有: ")


def test_the_cli_keeps_both_and_shows_the_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "name.txt"
    text = f"{VERDICT}\n\n{VERDICT.replace('张某某', '李某某')}\n"
    page.write_text(text, encoding="utf-8")
    checked = run(capsys, "check", str(page))
    assert "dedup-near (notice, left unchanged) kept: like line 1 but for 张→李" in checked.out
    assert checked.code == 0
    scanned = tmp_path / "scanned.txt"
    scanned.write_text(f"{VERDICT}\n\n{VERDICT.replace('有期', '有有期')}\n", encoding="utf-8")
    checked = run(capsys, "check", str(scanned))
    assert "(same as line 1, but for +有)" in checked.out, checked.out
    assert run(capsys, "dedup", str(page), "--remove").code == 0
    assert page.read_text(encoding="utf-8") == text
    assert run(capsys, "clean", str(page), "--in-place").code == 0
    assert page.read_text(encoding="utf-8") == text


_HAN = [chr(c) for c in range(0x4E00, 0x9FA6)]
_LISTED = frozenset(HAN_LOOKALIKES.replace(" ", ""))


def _prose() -> list[str]:
    return [VERDICT, MEETING, ECONOMY, VERDICT + MEETING]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(_prose()),
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from(_HAN),
    st.booleans(),
)
def test_one_unlisted_substitution_or_negation_is_never_removed(
    text: str, where: int, replacement: str, negate: bool
) -> None:
    """A paragraph with one Han character replaced by a non-look-alike, or 不 inserted, stays."""
    han = [i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"]
    pos = han[where % len(han)]
    if negate:
        other = text[:pos] + random.Random(where).choice(NEGATIONS) + text[pos:]
        if other[pos] in (text[pos - 1 : pos] + text[pos : pos + 1]):
            return  # a doubled negation is a doubling
    else:
        original = text[pos]
        if replacement == original or (replacement in _LISTED and original in _LISTED):
            return
        if paragraph_key(replacement) != replacement or paragraph_key(original) != original:
            return  # folded by the key (traditional/simplified, compatibility forms)
        other = text[:pos] + replacement + text[pos + 1 :]
    if paragraph_key(other) == paragraph_key(text):
        return
    out = remove_duplicates_and_explain(f"{text}\n\n{other}\n")
    assert out.edits == (), json.dumps([other, [e.note for e in out.edits]], ensure_ascii=False)
