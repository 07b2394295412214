"""The whole ``clean`` pipeline: idempotent, replayable, origins in the input, no silent loss."""

from __future__ import annotations

from collections import Counter

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from seedclean.config import CleanConfig
from seedclean.edits import apply_edits
from seedclean.normalization import normalize
from seedclean.pipeline import PIPELINE, clean, clean_and_explain
from seedclean.rules import all_rules

HAN = regex.compile(r"\p{Han}")
# Rules allowed to remove Han characters outright (each removal is an edit with its text).
REMOVING_RULES = {
    "seam-overlap",
    "seam-overlap-single",
    "dedup-exact",
    "dedup-near",
    "dedup-fragment",
}
# Rules that map one Han character to another one (count-preserving, identity-changing).
MAPPING_RULES = {"script-traditional-only", "script-t2s", "ideograph-radicals", "ideograph-compat"}

FRAGMENTS = [
    "近年来,广东省检察院坚持以政治建设为统领",
    "，不断探索。",
    "支持滨海湾新区",
    "建设等一系列措施",
    "## 结对共建促提升 聚力发展谋新篇",
    "□本报记者 韦磊 通讯员 王磊",
    "联系电话 010-86423591",
    "(试行)",
    "“1+N”",
    "共贏",
    "ＡＢＣ１２３",
    "\u3000\u3000",
    "\u00a0",
    "...",
    "--",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "Hello, world!",
    "2023年6月27日，",
    "主义思想主题教育。",
]


def _han_counts(edits: object, rule_filter: set[str], keep: bool) -> tuple[int, int]:
    removed = added = 0
    for e in edits:  # type: ignore[attr-defined]
        if (e.rule in rule_filter) == keep:
            removed += len(HAN.findall(e.old))
            added += len(HAN.findall(e.new))
    return removed, added


cjk_text = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join) | st.text(max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cjk_text)
# found by Hypothesis (session 6): each dash was converted only once the ellipsis after it
# was, one normalization round at a time, and the rounds ran out before the first one
@example("--...--...近年来,")
def test_clean_is_idempotent_replayable_and_never_raises(text: str) -> None:
    result = clean_and_explain(text)
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text) == result.text
    for edit in result.edits:
        assert 0 <= edit.origin <= len(text)
    # Han characters only disappear through the rules whose job is to remove text.
    removed, added = _han_counts(result.edits, REMOVING_RULES | MAPPING_RULES, keep=False)
    assert removed == added


EVERYTHING = CleanConfig(select=frozenset({"ALL"}))  # every rule of every step, opt-in included


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cjk_text)
def test_clean_with_every_rule_on_is_idempotent_and_replayable(text: str) -> None:
    result = clean_and_explain(text, EVERYTHING)
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text, EVERYTHING) == result.text
    assert not [n for n in result.notices if n.rule == "no-fixed-point"]


def test_seeds_are_cleaned_idempotently_with_replayable_edits(seeds: dict[str, str]) -> None:
    for name, text in seeds.items():
        result = clean_and_explain(text)
        assert result.edits, f"seed {name} should need cleaning"
        assert apply_edits(text, result.edits) == result.text, name
        assert clean(result.text) == result.text, name


def test_first_step_edits_point_at_their_text_in_the_input(seeds: dict[str, str]) -> None:
    text = seeds["001"]
    result = clean_and_explain(text)
    normalize_ids = {r.id for r in all_rules() if r.step == "normalize"}
    checked = 0
    for edit in result.edits:
        if edit.rule in normalize_ids and edit.old and "\n" not in edit.old:
            assert text[edit.origin : edit.origin + len(edit.old)] == edit.old
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("step", ["normalize", "linebreaks", "dedup"])
def test_ignoring_a_step_leaves_no_edit_of_its_rules(seeds: dict[str, str], step: str) -> None:
    ids = {r.id for r in all_rules() if r.step == step}
    result = clean_and_explain(seeds["001"], CleanConfig(ignore=frozenset({step})))
    assert not [e for e in result.edits if e.rule in ids]


def test_relocations_and_joins_preserve_every_han_character(seeds: dict[str, str]) -> None:
    for text in seeds.values():
        result = clean_and_explain(text)
        per_rule: Counter[str] = Counter()
        for e in result.edits:
            if e.rule not in REMOVING_RULES | MAPPING_RULES:
                per_rule[e.rule] += len(HAN.findall(e.old)) - len(HAN.findall(e.new))
        assert all(v == 0 for v in per_rule.values()), per_rule


def _naive_fixed_point(text: str, config: CleanConfig) -> str:
    """Every step, every round, until nothing changes: the definition ``clean`` optimizes."""
    rules = config.active_rules()
    for _ in range(8):
        before = text
        for step in PIPELINE:
            text = step.run(text, config, rules).text
        if text == before:
            return text
    raise AssertionError("no fixed point")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cjk_text)
def test_optimized_loop_equals_the_naive_fixed_point(text: str) -> None:
    assert clean(text) == _naive_fixed_point(text, CleanConfig())


def test_optimized_loop_equals_the_naive_fixed_point_on_seeds(seeds: dict[str, str]) -> None:
    for name, text in seeds.items():
        assert clean(text) == _naive_fixed_point(text, CleanConfig()), name


def test_a_rule_line_is_protected_alone_as_inside_a_text() -> None:
    # ``---- `` opening a text was prose (its trailing space removed) but protected after
    # a line break: normalizing line by line disagreed with normalizing the whole text.
    text = "\n---- "
    whole = normalize(text)
    by_line = "\n".join(normalize(line) for line in text.split("\n"))
    assert whole.rstrip("\n") == by_line.rstrip("\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cjk_text)
def test_normalization_is_line_local(text: str) -> None:
    """The contract that lets clean re-normalize only the lines later steps created."""
    text = text.replace("\r", "")
    whole = normalize(text)
    by_line = "\n".join(normalize(line) for line in text.split("\n"))
    assert whole.rstrip("\n") == by_line.rstrip("\n")


def test_a_duplicate_note_names_the_kept_copy_line_in_the_input(articles) -> None:
    # A paragraph cut by a blank line (joined by the repair step) comes before the
    # kept copy: the note must count the input's lines, not the lines after the join.
    paras = next(
        a["paragraphs"][:4]
        for a in articles
        if len(a["paragraphs"]) >= 4 and all(len(p) > 60 for p in a["paragraphs"][:4])
    )
    cut = len(paras[0]) // 2
    text = "\n\n".join([paras[0][:cut], paras[0][cut:], *paras[1:], paras[2]]) + "\n"
    result = clean_and_explain(text)
    assert "join-seam" in {e.rule for e in result.edits}
    (removal,) = [e for e in result.edits if e.rule == "dedup-exact"]
    kept_line = text.count("\n", 0, removal.ref) + 1
    assert text.split("\n")[kept_line - 1] == paras[2]
    assert removal.note.startswith(f"same as line {kept_line}: ")
