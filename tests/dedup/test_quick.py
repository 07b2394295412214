"""The cheap no-duplicates proof never hides a pair the full search reports."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedclean.dedup import DedupConfig, find_duplicates
from seedclean.dedup.quick import _common, surely_unique
from seedclean.dedup.table import ParagraphTable
from tests.dedup.noise import ocr_noise


def _keys(text: str, config: DedupConfig) -> tuple[list[str], list[int]]:
    table = ParagraphTable(config.min_chars)
    table.add("t", text)
    return table.keys, [m.chars for m in table.members]


def _pages(articles: list[dict[str, Any]], seed: int) -> list[str]:
    """Small pages of real prose; one in three repeats a paragraph with OCR noise or cut."""
    rng = random.Random(seed)
    pages = []
    for article in rng.sample(articles, 240):
        paras = [p for p in article["paragraphs"] if len(p) >= 20][:8]
        if len(paras) < 2:
            continue
        pick = rng.choice(paras)
        kind = rng.randrange(3)
        if kind == 1:
            paras.append(ocr_noise(pick, 0.03, rng))
        elif kind == 2:
            paras.append(pick[: max(20, len(pick) * rng.randrange(40, 95) // 100)])
        pages.append("\n\n".join(paras) + "\n")
    return pages


@pytest.mark.evaldata
@pytest.mark.parametrize("threshold", [0.9, 0.8])
def test_cleared_pages_have_no_clusters(articles: list[dict[str, Any]], threshold: float) -> None:
    config = DedupConfig(threshold=threshold)
    cleared = kept = 0
    for text in _pages(articles, seed=int(threshold * 10)):
        keys, lengths = _keys(text, config)
        found = find_duplicates([("t", text)], config).clusters
        if len(set(keys)) == len(keys) and surely_unique(keys, lengths, config):
            assert found == (), text
            cleared += 1
        elif found:
            kept += 1
    # both sides occur: the proof clears most unrelated pages, and pages with repeats exist
    assert cleared > 50, (cleared, kept)
    assert kept > 30, (cleared, kept)


def test_a_near_repeat_is_never_cleared() -> None:
    config = DedupConfig()
    para = "今年以来，甘肃省张掖市甘州区检察院围绕中心大局，持续深化检察为民办实事活动。"
    noisy = para.replace("持续", "持绩").replace("中心", "中必")
    keys, lengths = _keys(f"{para}\n\n别的段落说的是完全不同的事情。\n\n{noisy}\n", config)
    assert not surely_unique(keys, lengths, config)


def test_a_small_clean_imports_no_numpy() -> None:
    text = "党建引领 融合赋能\\n\\n近年来,广东省检察院党支部在党\\n员队伍中倡导开展活动。\\n"
    code = f"import sys; import seedclean; seedclean.clean('{text}'); print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(st.text(alphabet="甲乙丙丁戊己庚辛壬癸ab1", max_size=60), st.text(max_size=60))
def test_common_counts_the_multiset_intersection(a: str, b: str) -> None:
    assert _common(Counter(a), Counter(b)) == (Counter(a) & Counter(b)).total()
    assert _common(Counter(b), Counter(a)) == (Counter(a) & Counter(b)).total()
