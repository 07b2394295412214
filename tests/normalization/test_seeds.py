"""Behaviour on the five real OCR'd seed pages."""

from __future__ import annotations

import re

import pytest

from seedclean.edits import apply_edits
from seedclean.normalization import normalize, normalize_and_explain
from seedclean.pipeline import clean

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HALF_TOUCHING_HAN = re.compile(f"[{HAN}][,;:?!()]|[,;:?!()][{HAN}]")
PROTECTED = ("010-86423591", "jrcb60@126.com", "1+N", "1+5+4", "55.27", "2021—2023", "47%")


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_no_half_width_mark_touches_han(seeds: dict[str, str], name: str) -> None:
    out = normalize(seeds[name])
    assert HALF_TOUCHING_HAN.findall(out) == []


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_is_idempotent_and_replayable(seeds: dict[str, str], name: str) -> None:
    result = normalize_and_explain(seeds[name])
    assert apply_edits(seeds[name], result.edits) == result.text
    assert normalize(result.text) == result.text


def test_protected_items_survive(seeds: dict[str, str]) -> None:
    for text in seeds.values():
        out = normalize(text)
        for item in PROTECTED:
            assert text.count(item) == out.count(item), item


def test_name_wang_liqian_survives(seeds: dict[str, str]) -> None:
    assert "王立乾" in seeds["001"]
    assert "王立乾" in normalize(seeds["001"])
    assert "王立乾" in clean(seeds["001"])


def test_headline_and_byline_spaces_stay(seeds: dict[str, str]) -> None:
    out = normalize(seeds["001"])
    assert "党建引领 融合赋能" in out
    assert "□本报记者 韦磊 通讯员 王磊" in out


def test_han_count_is_preserved(seeds: dict[str, str]) -> None:
    han = re.compile(f"[{HAN}]")
    for text in seeds.values():
        assert len(han.findall(normalize(text))) == len(han.findall(text))


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_clean_leaves_no_half_width_mark_touching_han(seeds: dict[str, str], name: str) -> None:
    out = clean(seeds[name])
    assert HALF_TOUCHING_HAN.findall(out) == []
    assert clean(out) == out
