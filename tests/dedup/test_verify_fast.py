"""The shortcuts of fragment verification give exactly what plain ``partial_ratio`` gives.

Fragment verification skips pairs whose LCS bound rules them out, scores a
needle found verbatim as 1.0 without a search, aligns the rest with a cutoff
and reuses that alignment for the numbers/names checks.  Each shortcut must be
exact: these tests compare with the plain definitions, on real prose and on
random text, including paragraphs thousands of characters long.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from seedclean.dedup.key import paragraph_key
from seedclean.dedup.verify import _aligned_agree, _partial_scores

from .noise import ocr_noise

THRESHOLDS = (0.8, 0.85, 0.9, 0.95)


def _plain(needles: list[str], stacks: list[str], threshold: float) -> list[float]:
    """The definition: partial_ratio / 100 where it reaches the threshold, else 0."""
    out = []
    for needle, stack in zip(needles, stacks, strict=True):
        score = fuzz.partial_ratio(needle, stack) / 100.0
        out.append(score if score >= threshold else 0.0)
    return out


def _check(needles: list[str], stacks: list[str], threshold: float) -> None:
    scores, windows = _partial_scores(needles, stacks, threshold)
    assert [s if s >= threshold else 0.0 for s in scores.tolist()] == _plain(
        needles, stacks, threshold
    )
    for k, window in windows.items():
        assert window.score / 100.0 == scores[k]


def test_shortcuts_are_exact_on_real_prose(articles) -> None:
    rng = random.Random(7)
    keys = [paragraph_key(p) for a in articles[:300] for p in a["paragraphs"]]
    keys = [k for k in keys if len(k) >= 30]
    needles: list[str] = []
    stacks: list[str] = []
    for _ in range(400):
        stack = rng.choice(keys)
        if rng.random() < 0.3:  # a long merged paragraph, as web pages have
            stack = "".join(rng.sample(keys, 12))
        start = rng.randrange(len(stack) // 2)
        piece = stack[start : start + rng.randint(len(stack) // 3, len(stack))]
        kind = rng.random()
        if kind < 0.4:
            needle = ocr_noise(piece, rng.choice((0.0, 0.02, 0.05, 0.1)), rng)
        elif kind < 0.7:
            needle = rng.choice(keys)  # unrelated
        else:
            needle = piece
        if len(needle) > len(stack):
            needle, stack = stack, needle
        needles.append(needle)
        stacks.append(stack)
    for threshold in THRESHOLDS:
        _check(needles, stacks, threshold)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="甲乙丙丁戊己庚辛12", min_size=1, max_size=40),
    st.text(alphabet="甲乙丙丁戊己庚辛12", max_size=80),
    st.sampled_from(THRESHOLDS),
)
def test_shortcuts_are_exact_on_random_text(needle: str, stack: str, threshold: float) -> None:
    if len(needle) > len(stack):
        needle, stack = stack, needle
    _check([needle], [stack], threshold)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="甲乙丙丁戊己庚辛壬癸一二三0123456789", min_size=1, max_size=40),
    st.text(alphabet="甲乙丙丁戊己庚辛壬癸一二三0123456789", max_size=6),
    st.text(alphabet="甲乙丙丁戊己庚辛壬癸一二三0123456789", max_size=6),
)
def test_a_verbatim_fragment_always_agrees(needle: str, before: str, after: str) -> None:
    """Why a needle found verbatim skips the check: the general path always accepts it."""
    stack = before + needle + after
    assert _aligned_agree(needle, stack, numbers=True, names=True)
