"""Formulaic neighbours that differ in a number are not duplicates; OCR-noisy copies still are."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from seedclean.dedup import DedupConfig, find_duplicates
from seedclean.dedup.key import paragraph_key
from seedclean.dedup.numbers import numbers_agree, numeral_value
from tests.dedup.noise import ocr_noise

_ARABIC = re.compile(r"[0-9]+")
_CHINESE = re.compile(r"[一二三四五六七八九十]{2,}")


def _with_numbers(
    articles: list[dict[str, Any]], pattern: re.Pattern[str], count: int
) -> list[str]:
    pool = [
        p for a in articles for p in a["paragraphs"] if 60 <= len(p) <= 300 and pattern.search(p)
    ]
    return random.Random(11).sample(pool, count)


def _change_one_number(text: str, pattern: re.Pattern[str], rng: random.Random) -> str:
    """The same template with one number changed in one character (a new issue, a new date)."""
    match = rng.choice(list(pattern.finditer(text)))
    pos = rng.randrange(match.start(), match.end())
    digits = "0123456789" if text[pos].isascii() else "一二三四五六七八九"
    new = rng.choice([d for d in digits if d != text[pos]])
    return text[:pos] + new + text[pos + 1 :]


def _kinds(first: str, second: str, config: DedupConfig | None = None) -> list[str]:
    report = find_duplicates([("a.txt", first), ("b.txt", second)], config)
    return [c.kind for c in report.clusters]


@pytest.mark.evaldata
@pytest.mark.parametrize("pattern", [_ARABIC, _CHINESE], ids=["arabic", "chinese"])
def test_neighbours_with_a_different_number_are_not_duplicates(articles, pattern):
    rng = random.Random(3)
    paragraphs = _with_numbers(articles, pattern, 40)
    for text in paragraphs:
        neighbour = _change_one_number(text, pattern, rng)
        assert _kinds(text, neighbour) == [], (text, neighbour)
        # The check is what separates them: without it they score as near duplicates.
        assert _kinds(text, neighbour, DedupConfig(numbers_must_agree=False)) == ["near"]


@pytest.mark.evaldata
def test_ocr_noisy_copies_with_numbers_are_still_near_duplicates(articles):
    rng = random.Random(4)
    paragraphs = _with_numbers(articles, _ARABIC, 40) + _with_numbers(articles, _CHINESE, 40)
    missed = []
    for text in paragraphs:
        # digits are never dropped or doubled here: that makes another figure (1 / 11)
        noisy = ocr_noise(text, rng.uniform(0.01, 0.05), rng, keep="0123456789")
        # Only the numbers check here: random substitutions side by side would read as
        # a replaced name to the names check (measured in test_names.py).
        if _kinds(text, noisy, DedupConfig(names_must_agree=False)) not in (["near"], ["exact"]):
            missed.append((text, noisy))
    assert missed == []


@pytest.mark.evaldata
def test_fragment_of_a_neighbour_with_another_number_is_not_a_fragment(articles):
    rng = random.Random(5)
    for text in _with_numbers(articles, _ARABIC, 20):
        match = _ARABIC.search(text)
        assert match is not None
        neighbour = _change_one_number(text, _ARABIC, rng)
        piece = neighbour[max(0, match.start() - 30) : match.end() + 30]
        if len(piece) < 0.4 * len(text) or piece in text:
            continue
        assert _kinds(text, piece) == []


def test_numeral_values():
    runs = ("22", "二十二", "十二", "一百零五", "三万五千", "二〇二三", "3万", "两千")
    assert [numeral_value(r) for r in runs] == [22, 22, 12, 105, 35000, 2023, 30000, 2000]


def test_same_number_written_two_ways_agrees():
    assert numbers_agree("第二十二号主席令", "第22号主席令")
    assert numbers_agree("二〇二三年十月", "2023年十月")
    assert not numbers_agree("第二十二号主席令", "第二十三号主席令")
    assert not numbers_agree("2019年全国人大三次会议", "2020年全国人大三次会议")


def test_a_digit_one_copy_lacks_is_another_figure():
    """Session-6 tester (M2): 1 / 11 and 1.5 / 1 were removed as near copies."""
    assert not numbers_agree("截至2023年底全市共有", "截至20233年底全市共有")
    assert not numbers_agree("截至2023年底全市共有", "截至203年底全市共有")
    assert not numbers_agree("全年增长1%，高于预期", "全年增长11%，高于预期")
    # (compared as keys, which drop the "." of 1.5)
    assert not numbers_agree(paragraph_key("半径为1.5倍"), paragraph_key("半径为1倍"))


def test_a_dropped_chinese_numeral_is_still_noise():
    assert numbers_agree("坚持统一领导，协调推进", "坚持统领导，协调推进")


def test_switch_is_validated():
    with pytest.raises(ValueError, match="numbers_must_agree"):
        DedupConfig(numbers_must_agree="yes")  # type: ignore[arg-type]
