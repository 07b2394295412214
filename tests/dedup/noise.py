"""OCR-like noise for building duplicate cases from real prose (tests and benchmarks)."""

from __future__ import annotations

import random

# Pairs OCR confuses in Chinese newspaper scans (shape look-alikes).
LOOKALIKES = (
    "己已巳 未末 土士 日曰 人入 大太犬 天夭 千干于 刀力 田由甲申 王玉主 贝见 木本术 今令 戊戌戍"
)
_SWAP = {c: [o for o in group if o != c] for group in LOOKALIKES.split() for c in group}
_PUNCT = {"，": ",", "。": ".", "：": ":", "；": ";", "、": ",", "“": '"', "”": '"'}


def ocr_noise(text: str, rate: float, rng: random.Random, keep: str = "") -> str:
    """Apply about ``rate * len(text)`` edits: look-alike swaps, drops, doublings, punctuation.

    ``keep``: characters never dropped or doubled (digits: a digit one copy lacks
    makes another figure, see ``seedclean.dedup.numbers``).
    """
    chars = list(text)
    edits = max(1, round(len(chars) * rate))
    for _ in range(edits):
        pos = rng.randrange(len(chars))
        op = rng.random()
        char = chars[pos]
        if char in keep and op >= 0.5:
            continue
        if op < 0.5:
            if char in _SWAP:
                chars[pos] = rng.choice(_SWAP[char])
            elif char in _PUNCT:
                chars[pos] = _PUNCT[char]
            else:
                # OCR misreads a character as one of the same shape, never as an
                # unrelated one: a different character is a different word (see
                # seedclean.dedup.meaning).  Misread the nearest look-alike, if any.
                near = [p for p in range(len(chars)) if chars[p] in _SWAP]
                if near:
                    pos = min(near, key=lambda p: abs(p - pos))
                    chars[pos] = rng.choice(_SWAP[chars[pos]])
                else:
                    chars.insert(pos, char)
        elif op < 0.7 and len(chars) > 2:
            del chars[pos]
        elif op < 0.9:
            chars.insert(pos, char)
        else:
            chars.insert(pos, rng.choice("，。、"))
    return "".join(chars)
