"""The in-clean step: repeats inside one text removed (first kept), fragments only noticed."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.config import CleanConfig, DedupConfig
from seedclean.dedup import remove_duplicates, remove_duplicates_and_explain
from seedclean.dedup.key import paragraph_key
from seedclean.dedup.paragraphs import split_paragraphs
from seedclean.edits import apply_edits
from seedclean.pipeline import clean_and_explain


def _repeated_keys(text: str, min_chars: int) -> Counter[str]:
    keys = [paragraph_key(text[p.start : p.end]) for p in split_paragraphs(text)]
    return Counter(k for k in keys if len(k) >= min_chars)


def test_seed_001_every_repeat_removed_first_kept_nothing_else(seeds):
    # What reaches the dedup step: the page after normalization and line-break repair.
    before = clean_and_explain(seeds["001"], CleanConfig(ignore=frozenset({"dedup"}))).text
    counts = _repeated_keys(before, DedupConfig().min_chars)
    assert max(counts.values()) >= 8  # the page repeats a paragraph eight times
    out = clean_and_explain(seeds["001"])
    after = _repeated_keys(out.text, DedupConfig().min_chars)
    # every paragraph survives once, or inside a longer one: a repeated block that
    # line-break repair joined in one place is removed where it stayed apart
    inside = {k for k in counts if k not in after and any(k in a for a in after)}
    assert set(after) | inside == set(counts)
    assert set(after.values()) == {1}  # ... and only once
    removed = [e for e in out.edits if e.rule.startswith("dedup-")]
    assert len(removed) == sum(n - 1 for n in counts.values()) + sum(counts[k] for k in inside)
    for edit in removed:
        assert edit.new == ""
        assert 0 <= edit.ref < edit.origin  # points back at the earlier, kept copy
    assert apply_edits(seeds["001"], out.edits) == out.text


def test_seeds_without_repeats_are_left_alone(seeds):
    for name, text in seeds.items():
        if max(_repeated_keys(text, DedupConfig().min_chars).values(), default=1) == 1:
            assert remove_duplicates(text) == text, name


def test_removal_keeps_layout_tidy():
    para = "今年以来，甘州区检察院围绕中心大局，积极探索优化营商环境新路径。"
    text = f"{para}\n\n别的内容完全不同的一段文字，长度也足够长了。\n\n{para}\n\n结尾。\n"
    out = remove_duplicates_and_explain(text)
    assert out.text == f"{para}\n\n别的内容完全不同的一段文字，长度也足够长了。\n\n结尾。\n"
    (edit,) = out.edits
    assert edit.rule == "dedup-exact"
    assert edit.note.startswith("same as line 1: 今年以来")
    assert edit.ref == 0


def test_near_duplicate_removed_fragment_only_noticed():
    para = "强化制度保障，搭建检企平台。不断加强知识产权综合保护，联合公安、法院等部门印发意见。"
    near = para.replace("平台", "平合").replace("，", ",")
    piece = para[: len(para) // 2 + 2]
    text = "\n".join([para, near, piece])
    out = remove_duplicates_and_explain(text)
    assert [e.rule for e in out.edits] == ["dedup-near"]
    assert [n.rule for n in out.notices] == ["dedup-fragment"]
    both = remove_duplicates_and_explain(
        text, rules={"dedup-exact", "dedup-near", "dedup-fragment"}
    )
    assert both.text == para + "\n"
    assert remove_duplicates_and_explain(text, rules={"punct-comma"}).text == text


def test_a_removal_keeps_the_blank_line_that_opens_indented_code() -> None:
    # Taking the blank line after a removed repeat made the indented line after it prose
    # again: the text around the (former) code region became one piece, and a second run
    # found a repeat across it that the first could not (not idempotent).
    para = "强化制度保障，搭建检企平台。不断加强知识产权综合保护。"
    text = f"{para}\n{para.replace('，', ',')}\n\n\t0\n{para}\n"
    out = remove_duplicates_and_explain(text)
    assert "\n\n\t0\n" in out.text
    assert remove_duplicates_and_explain(out.text).edits == ()


_CHUNKS = st.sampled_from(
    [
        "今年以来，甘州区检察院围绕中心大局，积极探索优化营商环境新路径。",
        "强化制度保障，搭建检企平台。不断加强知识产权综合保护。",
        "强化制度保障,搭建检企平台.不断加强知识产权综合保护.",
        "本报记者 韦磊",
        "",
        "  ",
        "图1:广东省检察院第七检察部组织公开听证推进行政争议实质性化解。",
    ]
)
_TEXTS = st.lists(st.one_of(_CHUNKS, st.text(max_size=30)), max_size=12).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_properties_replay_idempotent_no_loss(text):
    out = remove_duplicates_and_explain(text)
    assert apply_edits(text, out.edits) == out.text
    assert remove_duplicates_and_explain(out.text).edits == ()
    kept = _repeated_keys(out.text, 20)
    assert set(kept) == set(_repeated_keys(text, 20))  # nothing long is lost entirely
    for edit in out.edits:
        assert edit.new == ""


_A = "今年秋天，北方平原上的玉米陆续成熟，农机手们从早到晚在田里忙着收割和晾晒。"
_B = "小镇的图书馆每逢周末都会举办读书会，附近的孩子们带着自己喜欢的书前来分享。"
_C = "河边新修的步道两旁种满了柳树，傍晚时分常有居民在这里散步、跑步和聊天。"
_D = "山区学校的操场换上了新的塑胶跑道，体育老师说学生们上课的热情明显更高了。"


def _one_changed(s: str) -> str:
    return s[:10] + s[10] + s[10:]  # one doubled character: OCR noise


def _named_lines(note: str) -> list[int]:
    head = note.partition(": ")[0]
    return [int(n) for n in re.findall(r"\bline (\d+)", head)]


def _assert_notes_name_input_lines(text: str, rules: set[str] | None) -> None:
    out = remove_duplicates_and_explain(text, rules=rules)
    for edit in out.edits:
        if edit.ref >= 0:
            # the last line named is the kept copy's, counted in the input
            assert _named_lines(edit.note)[-1] == text.count("\n", 0, edit.ref) + 1, edit.note


def test_notes_of_a_later_round_name_the_kept_copys_input_line():
    # round 1 removes the fragments of B+C and A+D; B (line 7) is found a fragment of
    # B+C only in round 2, when B+C has become line 1 of the shortened text
    text = "\n\n".join([_one_changed(_A), _B + _C, _one_changed(_B), _B, _one_changed(_A), _A + _D])
    out = remove_duplicates_and_explain(text, rules={"dedup-fragment"})
    assert len(out.edits) == 4
    _assert_notes_name_input_lines(text, {"dedup-fragment"})


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [_A, _B, _C, _one_changed(_A), _one_changed(_B), _A + _D, _B + _C, _C + _A, _D]
        ),
        min_size=2,
        max_size=8,
    ),
    st.sampled_from(
        [
            None,
            {"dedup-near"},
            {"dedup-fragment"},
            {"dedup-near", "dedup-fragment"},
            {"dedup-exact", "dedup-near", "dedup-fragment"},
        ]
    ),
)
def test_notes_always_name_input_lines(paragraphs: list[str], rules: set[str] | None):
    _assert_notes_name_input_lines("\n\n".join(paragraphs), rules)
