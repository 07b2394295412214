"""Plant the errors the seed pages show into clean Chinese prose, remembering each one.

A :class:`Planted` error records the span of the *clean* text it replaced, so a
benchmark can check, after a normalizer ran, whether that span came back and
whether anything outside the planted spans changed (new damage).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from seedclean.normalization.chars import compat_table, radicals_table
from seedclean.normalization.script import traditional_only_table


class Planted(NamedTuple):
    """One planted error: clean[start:end] was replaced by ``bad``."""

    kind: str
    start: int
    end: int
    bad: str


HAN = "\u4e00-\u9fff"
# Common simplified characters and the traditional-only forms OCR of Hong Kong or
# Taiwan pages (and quoted Weibo posts) bring in.
COMMON_TRAD = "們這個說對會為與發國學經開關時後來動現進過還實體長問題應東讓從沒兩業務"
# Protected items appended to some paragraphs: all must survive untouched.
PROTECTED_CLAUSE = (
    "（联系电话010-86423591，邮箱jrcb60@126.com，上午10:30开会，增长3.14%，"
    "共计1,000元，详见https://www.spp.gov.cn/xwfb/t2021_1.shtml，构建“1+N”格局，"
    "比分1:2，v2.0.1版，Hello, world）"
)


def _inverse(table: dict[int, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, target in sorted(table.items()):
        out.setdefault(target, chr(code))
    return out


_RADICAL_OF = {k: v for k, v in _inverse(radicals_table()).items() if 0x2F00 <= ord(v) < 0x2FE0}
_COMPAT_OF = {k: v for k, v in _inverse(compat_table()).items() if k not in "豈"}
_TRAD_OF = {s: t for t, s in traditional_only_table().items() if t in COMMON_TRAD}

Finder = Callable[[str], list[tuple[int, int, str]]]


def _each(pattern: str, make: Callable[[re.Match[str]], str]) -> Finder:
    compiled = re.compile(pattern)

    def find(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), make(m)) for m in compiled.finditer(text)]

    return find


def _choice(options: list[str]) -> Callable[[re.Match[str]], str]:
    # By position, not hash(): str hashes change from run to run, and a matched
    # text such as "……" is always the same, so hash() picked one variant per run.
    return lambda m: options[m.start() % len(options)]


def _fullwidth(m: re.Match[str]) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in m.group())


def _pair(left: str, right: str) -> Callable[[re.Match[str]], str]:
    return lambda m: left + m.group()[1:-1] + right


KINDS: dict[str, Finder] = {
    "comma": _each(f"(?<=[{HAN}])，(?=[{HAN}])", lambda m: ","),
    "semicolon": _each("；", lambda m: ";"),
    "colon": _each(f"(?<=[{HAN}])：", lambda m: ":"),
    "question": _each("？", lambda m: "?"),
    "exclamation": _each("！", lambda m: "!"),
    "brackets": _each(r"（[^（）\n]{1,40}）", _pair("(", ")")),
    "double-quotes": _each(r"“[^“”\"\n]{1,60}”", _pair('"', '"')),
    "width-alnum": _each(r"(?<![A-Za-z0-9.:/@-])[A-Za-z0-9]{1,6}(?![A-Za-z0-9.:/@-])", _fullwidth),
    "width-percent": _each(r"(?<=[0-9])%", lambda m: "％"),
    "ellipsis": _each("……", _choice(["...", "。。。", "…", "......"])),
    "dash": _each("——", _choice(["--", "――", "－－"])),
    "middle-dot": _each(f"(?<=[{HAN}])·(?=[{HAN}])", _choice(["・", "•"])),
    "radicals": _each("[" + "".join(_RADICAL_OF) + "]", lambda m: _RADICAL_OF[m.group()]),
    "compat": _each("[" + "".join(_COMPAT_OF) + "]", lambda m: _COMPAT_OF[m.group()]),
    "traditional": _each("[" + "".join(_TRAD_OF) + "]", lambda m: _TRAD_OF[m.group()]),
    "nbsp": _each(r"(?<=\S) (?=\S)", lambda m: "\u00a0"),
    "zero-width": _each(f"(?<=[{HAN}])(?=[{HAN}])", _choice(["\u200b", "\ufeff"])),
    "indent": _each(r"^(?=\S)", lambda m: "\u3000\u3000"),
    "trailing-space": _each(r"$", _choice([" ", "  ", "\u3000"])),
}


def corrupt(clean: str, rng: random.Random, rate: float = 0.03) -> tuple[str, list[Planted]]:
    """Return ``clean`` with errors planted (about ``rate`` per character) and their list."""
    # Kinds are drawn uniformly first (then a place of that kind), so frequent
    # places such as Han-Han boundaries do not crowd out rare marks.
    by_kind = {kind: find(clean) for kind, find in KINDS.items()}
    for places in by_kind.values():
        rng.shuffle(places)
    candidates: list[Planted] = []
    while any(by_kind.values()):
        kind = rng.choice([k for k, v in by_kind.items() if v])
        start, end, bad = by_kind[kind].pop()
        candidates.append(Planted(kind, start, end, bad))
    budget = max(1, int(len(clean) * rate))
    chosen: list[Planted] = []
    taken: list[tuple[int, int]] = []
    for cand in candidates:
        if len(chosen) >= budget:
            break
        if any(cand.start <= e and s <= cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    chosen.sort(key=lambda p: p.start)
    pieces: list[str] = []
    cursor = 0
    for p in chosen:
        pieces.append(clean[cursor : p.start])
        pieces.append(p.bad)
        cursor = p.end
    pieces.append(clean[cursor:])
    return "".join(pieces), chosen


# A space next to a full-width sentence mark, or inside a quote or bracket, is itself
# an error (GB/T 15834 §5: these marks carry their own spacing); evaldata has a few
# (``回来的！ ”``, ``老大， 但``).  Such a paragraph cannot be the truth: the normalizer
# rightly removes the space, which would count as damage or hide a planted error.
_SPACED_MARK = re.compile(
    "[ \u3000](?=[，。、；：？！…”’）》〉】〕」』])|(?<=[，。、；：？！…“‘（《〈【〔「『])[ \u3000]"
)


def is_clean_truth(text: str) -> bool:
    """Whether ``text`` holds none of the error kinds we plant (so it can serve as truth).

    A correct ``……`` (GB/T 15834: two ellipsis characters) is allowed, so that
    ellipsis errors can be planted into it; a lone ``…`` or a longer odd run is not.
    """
    if re.search("[\u3000\u00a0\u200b\ufeff％－•・⋯]|--| $", text):
        return False
    if "…" in re.sub("(?<!…)(?:……)+(?!…)", "", text) or _SPACED_MARK.search(text):
        return False
    if any(c in traditional_only_table() for c in text):
        return False
    if any(ord(c) in compat_table() or ord(c) in radicals_table() for c in text):
        return False
    if re.search(f"[{HAN}][,;:?!()]|[,;:?!()][{HAN}]", text):
        return False
    return unicodedata.is_normalized("NFC", text)
