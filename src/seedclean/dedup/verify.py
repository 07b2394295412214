"""Verification of candidate pairs with rapidfuzz: which pairs are really duplicates.

Scores are computed on comparison keys (so punctuation and width never count):

* **near**: ``fuzz.ratio / 100`` (normalized Indel similarity, ``2·LCS/(|a|+|b|)``)
  at least ``threshold``.  1-5 % OCR substitutions, drops or doublings score
  0.95-0.99; unrelated prose scores under 0.3.
* **fragment**: the shorter key is at least ``fragment_min_share`` of the longer
  and ``fuzz.partial_ratio / 100`` (best window of the longer one) is at least
  ``threshold``.  Jaccard cannot see fragments; containment can.

Both must also agree on their numbers (:mod:`.numbers`) and differ only by OCR
noise (:mod:`.meaning`: no other name, negation, word or letter) unless those
checks are switched off.

Only candidate pairs are scored (``process.cpdist``, element-wise, all cores),
never all pairs.

>>> kinds, scores = verify_pairs(["甲乙丙丁戊己庚辛壬癸子丑", "甲乙丙丁戊己庚辛壬癸子"],
...     [0], [1], threshold=0.9, fragment_min_share=0.4, min_chars=4)
>>> kinds.tolist(), [round(s, 2) for s in scores.tolist()]
([1], [0.96])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from rapidfuzz.distance import ScoreAlignment

from seedclean.dedup.kind import Kind
from seedclean.dedup.meaning import meaning_agrees
from seedclean.dedup.numbers import numbers_agree

__all__ = ["EXACT", "FRAGMENT", "KIND_NAMES", "NEAR", "NONE", "verify_pairs"]

NONE, NEAR, FRAGMENT, EXACT = 0, 1, 2, 3
KIND_NAMES = {EXACT: Kind.EXACT, NEAR: Kind.NEAR, FRAGMENT: Kind.FRAGMENT}


def verify_pairs(
    keys: Sequence[str],
    first: Sequence[int] | npt.NDArray[np.int64],
    second: Sequence[int] | npt.NDArray[np.int64],
    *,
    threshold: float,
    fragment_min_share: float,
    min_chars: int,
    other_keys: Sequence[str] | None = None,
    lengths: Sequence[int] | None = None,
    other_lengths: Sequence[int] | None = None,
    numbers_must_agree: bool = True,
    names_must_agree: bool = True,
    differing: list[int] | None = None,
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float64]]:
    """Classify each pair ``(keys[first[k]], other[second[k]])``.

    Args:
        keys: comparison keys indexed by ``first``.
        first: indices into ``keys``.
        second: indices into ``other_keys`` (or ``keys`` when it is ``None``).
        threshold: minimum score for near duplicates and fragments.
        fragment_min_share: minimum length share of a fragment.
        min_chars: keys shorter than this never match.
        other_keys: the keys ``second`` points into, when not ``keys``.
        lengths: text lengths behind ``keys`` (the fragment share is measured on
            the text, as a reader counts it; key lengths when omitted).
        other_lengths: text lengths behind ``other_keys``.
        numbers_must_agree: reject near pairs and fragments whose aligned
            numbers differ (see :mod:`.numbers`).
        names_must_agree: reject near pairs and fragments whose differences are
            not OCR noise: another name or word, an inserted or deleted
            negation, other Latin letters (see :mod:`.meaning`).
        differing: when given, the pair numbers that score as near duplicates
            and agree on their numbers but differ in meaning are appended (so
            a caller can report them).

    Returns:
        ``(kinds, scores)``: kind codes (``NONE``, ``NEAR``, ``FRAGMENT``,
        ``EXACT``) and the score of that kind (0.0 for ``NONE``).
    """
    others = keys if other_keys is None else other_keys
    left = [keys[int(i)] for i in first]
    right = [others[int(j)] for j in second]
    count = len(left)
    kinds = np.zeros(count, dtype=np.int8)
    scores = np.zeros(count, dtype=np.float64)
    if count == 0:
        return kinds, scores
    len_left = np.fromiter(map(len, left), dtype=np.int64, count=count)
    len_right = np.fromiter(map(len, right), dtype=np.int64, count=count)
    short = np.minimum(len_left, len_right)
    long = np.maximum(len_left, len_right)
    usable = short >= min_chars
    exact = usable & np.fromiter((a == b for a, b in zip(left, right, strict=True)), bool, count)
    kinds[exact] = EXACT
    scores[exact] = 1.0
    # ratio >= t needs 2*short/(short+long) >= t: skip pairs whose lengths forbid it.
    maybe_near = usable & ~exact & (2 * short >= threshold * (short + long))
    picked = np.flatnonzero(maybe_near)
    if picked.size:
        # rapidfuzz loads on first use: a run with no candidate pair (one small
        # file) does not pay for its import (see docs/performance.md)
        from rapidfuzz import fuzz

        ratio = _scores(left, right, picked, fuzz.ratio)
        near = ratio >= threshold
        if numbers_must_agree or names_must_agree:
            for n in np.flatnonzero(near).tolist():
                k = int(picked[n])
                near[n] = _agree(left[k], right[k], numbers_must_agree, names_must_agree)
                if (
                    not near[n]
                    and differing is not None
                    and names_must_agree
                    and _agree(left[k], right[k], numbers_must_agree, False)
                ):
                    differing.append(k)
        kinds[picked[near]] = NEAR
        scores[picked[near]] = ratio[near]
    if lengths is not None:
        text_left = np.asarray(lengths, dtype=np.int64)[np.asarray(first, dtype=np.int64)]
        right_lengths = lengths if other_lengths is None else other_lengths
        text_right = np.asarray(right_lengths, dtype=np.int64)[np.asarray(second, dtype=np.int64)]
        share_ok = np.minimum(text_left, text_right) >= fragment_min_share * np.maximum(
            text_left, text_right
        )
    else:
        share_ok = short >= fragment_min_share * long
    maybe_fragment = usable & (kinds == NONE) & share_ok
    picked = np.flatnonzero(maybe_fragment)
    if picked.size:
        swap = len_left[picked] > len_right[picked]
        needles = [right[k] if s else left[k] for k, s in zip(picked, swap, strict=True)]
        stacks = [left[k] if s else right[k] for k, s in zip(picked, swap, strict=True)]
        partial, windows = _partial_scores(needles, stacks, threshold)
        hit = partial >= threshold
        if numbers_must_agree or names_must_agree:
            for n in np.flatnonzero(hit).tolist():
                hit[n] = _fragment_agrees(
                    needles[n], stacks[n], numbers_must_agree, names_must_agree, windows.get(n)
                )
        kinds[picked[hit]] = FRAGMENT
        scores[picked[hit]] = partial[hit]
    return kinds, scores


def _partial_scores(
    needles: list[str], stacks: list[str], threshold: float
) -> tuple[npt.NDArray[np.float64], dict[int, ScoreAlignment]]:
    """``fuzz.partial_ratio / 100`` of each pair where it can reach ``threshold``, else 0.

    Also returns the best window of each pair that reaches it (but for needles
    found verbatim), so the agreement checks need no second search.

    ``partial_ratio`` tries every window of the stack, which costs seconds for
    paragraphs thousands of characters long (merged web paragraphs), so two
    exact shortcuts come first.  A window ``w`` scores ``2·LCS(needle, w) /
    (len(needle) + len(w))`` with ``LCS(needle, w) <= len(w)``, so a score of at
    least ``t`` needs ``LCS(needle, w) >= t·len(needle) / (2 - t)``; and
    ``LCS(needle, w) <= LCS(needle, stack)``, which bit-parallel LCS computes
    in microseconds.  Pairs under that bound cannot score ``t`` and are not
    scored; a needle found verbatim in its stack scores 1.0 without a search;
    the rest are aligned with a cutoff, which lets rapidfuzz skip windows that
    cannot reach it (``partial_ratio`` is the score of that alignment).  Scores
    at or above ``threshold`` are exact.
    """
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import LCSseq

    count = len(needles)
    workers = _workers(count)
    scores = np.zeros(count, dtype=np.float64)
    windows: dict[int, ScoreAlignment] = {}
    common = np.asarray(
        process.cpdist(needles, stacks, scorer=LCSseq.similarity, workers=workers),
        dtype=np.float64,
    )
    lengths = np.fromiter(map(len, needles), dtype=np.float64, count=count)
    possible = np.flatnonzero(common >= threshold * lengths / (2.0 - threshold) - 1e-9)
    verbatim = [k for k in possible.tolist() if needles[k] and needles[k] in stacks[k]]
    scores[verbatim] = 1.0  # a window equals the needle: partial_ratio is 100
    cutoff = threshold * 100.0 - 1e-6
    for k in np.setdiff1d(possible, np.asarray(verbatim, dtype=np.int64)).tolist():
        window = fuzz.partial_ratio_alignment(needles[k], stacks[k], score_cutoff=cutoff)
        if window is not None and window.score >= cutoff:
            scores[k] = window.score / 100.0
            windows[k] = window
    return scores, windows


def _agree(first: str, second: str, numbers: bool, names: bool, *, ends_free: bool = False) -> bool:
    """The pair passes the selected agreement checks (numbers, meaning)."""
    if numbers and not numbers_agree(first, second, ends_free=ends_free):
        return False
    return not names or meaning_agrees(first, second, ends_free=ends_free)


def _fragment_agrees(
    needle: str, stack: str, numbers: bool, names: bool, window: ScoreAlignment | None = None
) -> bool:
    """Numbers and names agree between a fragment and the window of ``stack`` it aligns with.

    A fragment found verbatim in ``stack`` agrees: its window is the fragment plus
    a few characters on each side, which align as insertions only, and neither
    check rejects an insertion (tests check this on the general path).  The
    shortcut matters for long paragraphs, whose alignment costs seconds.
    """
    if needle and needle in stack:
        return True
    return _aligned_agree(needle, stack, numbers, names, window)


def _aligned_agree(
    needle: str, stack: str, numbers: bool, names: bool, window: ScoreAlignment | None = None
) -> bool:
    """:func:`_fragment_agrees` through the best window (searched for when not given)."""
    from rapidfuzz import fuzz

    if window is None:
        window = fuzz.partial_ratio_alignment(needle, stack)
    if window is None:
        return True
    # The best window may leave the needle's ends unaligned (a number or a name at
    # its very start or end): widen it by what was left out, plus a margin, so
    # that a differing number or name shows up as a substitution.
    start = max(0, window.dest_start - window.src_start - 2)
    end = min(len(stack), window.dest_end + (len(needle) - window.src_end) + 2)
    return _agree(needle, stack[start:end], numbers, names, ends_free=True)


def _scores(
    left: Sequence[str], right: Sequence[str], picked: npt.NDArray[np.int64], scorer: Any
) -> npt.NDArray[np.float64]:
    from rapidfuzz import process

    chosen_left = [left[k] for k in picked]
    chosen_right = [right[k] for k in picked]
    raw = process.cpdist(chosen_left, chosen_right, scorer=scorer, workers=_workers(len(picked)))
    return np.asarray(raw, dtype=np.float64) / 100.0


def _workers(pairs: int) -> int:
    """All cores for big batches; one thread for small ones (thread start-up costs ~1 ms)."""
    return -1 if pairs >= 2048 else 1
