"""Synthetic OCR line-break corruption of real news prose, with exact gold.

Real paragraphs (``../shared/evaldata/articles.jsonl``) are cut into column
fragments separated by blank lines, the way a newspaper page comes out of OCR
(a paragraph crosses one column or page break at a line end, a long one maybe two):
cuts fall mid-word, after ``、``/``，``, before ``“`` and sometimes right after
``。``.  Some cuts get interlopers (date-led and ``图N：``/``►`` captions, a
heading with its byline, page numbers and continuation markers) or a seam
repeat (the last 2–12 characters of the left fragment read again at the top of
the right one).  Standalone headings with bylines are also put between complete
paragraphs, as negatives.  The true paragraphs (including the short headline
paragraphs of the CCTV digests) stay separate.

The gold output is what a perfect repair gives: every true paragraph whole,
without repeats, and the interlopers of a split paragraph right after it, in
order, each as its own paragraph.  Captions are written from sentences of
*other* articles, so no caption text is tuned to the paragraph it interrupts.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVALDATA = Path(__file__).resolve().parents[1].parent / "shared" / "evaldata"
_SENTENCE = re.compile(r"(?:^|(?<=[。！？]))[^。！？“”‘’（）()]{8,48}。")
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞斌辉宁建文俊峰宇浩凯"
    "欣怡晨睿佳琪雪梅琳婷慧晓东海波云龙"
)
_ROLES = ("党组书记、检察长", "政治部主任", "党组成员、副检察长", "副院长", "局长")
_UNITS = ("某市检察院", "某县人民法院", "某区司法局", "某省检察院第三检察部")
_CN_NUM = "一二三四五六七八九"


#: How a paragraph that ends a sentence ends (a headline paragraph does not).
_ENDS = frozenset("。！？!?…”’」』）)")


@dataclass
class Seam:
    """One cut inside a true paragraph (a seam that should be joined)."""

    left: str  # last characters of the left fragment (no repeat)
    right: str  # first characters of the right fragment (after the repeat)
    repeat: str = ""  # the injected repeat ("" when none)
    interlopers: list[str] = field(default_factory=list)
    offset: int = -1  # where the right fragment (with its repeat) starts in the corrupted text


@dataclass
class Doc:
    """A corrupted article and its gold."""

    text: str
    gold: list[str]
    seams: list[Seam]
    breaks: list[tuple[str, str]]  # (left, right) contexts of true paragraph breaks
    groups: list[list[str]]  # [paragraph, *its interlopers] for split paragraphs with interlopers


def load_articles(limit: int | None = None) -> list[dict[str, Any]]:
    """Articles of ``articles.jsonl`` (raises FileNotFoundError when evaldata is absent)."""
    out: list[dict[str, Any]] = []
    with (EVALDATA / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


def has_broken_lines(article: dict[str, Any]) -> bool:
    """Whether an article's "paragraphs" are already broken lines (verse, chat, scraped junk).

    A paragraph ending in ``，`` or ``、`` is a line, not a paragraph; such an
    article has no trustworthy paragraph truth, so the benchmark leaves it out
    (a few dozen of the Sina pages).
    """
    return any(p.rstrip().endswith(("，", "、", ",")) for p in article["paragraphs"])


@dataclass
class _Layout:
    """The pieces of a corrupted article as they are laid out, and its gold."""

    pieces: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)  # the gap after each piece
    starts: dict[int, Seam] = field(default_factory=dict)  # piece index -> its seam
    gold: list[str] = field(default_factory=list)
    seams: list[Seam] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)

    def add(self, piece: str, gold: bool = False) -> None:
        self.pieces.append(piece)
        self.gaps.append("\n\n")
        if gold:
            self.gold.append(piece)

    def doc(self, breaks: list[tuple[str, str]]) -> Doc:
        text = ""
        for n, piece in enumerate(self.pieces):
            if n in self.starts:
                self.starts[n].offset = len(text)
            text += piece + self.gaps[n]
        return Doc(text, self.gold, self.seams, breaks, self.groups)


class Corruptor:
    """Deterministic corruption of articles (one ``random.Random`` per generator)."""

    def __init__(self, articles: list[dict[str, Any]], seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.sentences: list[str] = [
            s for a in articles for p in a["paragraphs"] for s in _SENTENCE.findall(p)
        ]
        self.titles: list[str] = [
            t
            for a in articles
            if 6 <= len(t := a["title"].strip()) <= 30 and not re.search(r"[。！？!?；，,：:]", t)
        ]

    # -- pieces -----------------------------------------------------------------
    def name(self) -> str:
        rng = self.rng
        return rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.randint(1, 2)))

    def caption(self) -> str:
        rng = self.rng
        sentence = rng.choice(self.sentences).lstrip("，、“”（）")
        kind = rng.random()
        if kind < 0.45:
            year, month, day = rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)
            return f"{year}年{month}月{day}日，{sentence}"
        if kind < 0.7:
            return f"图{rng.randint(1, 6)}：{sentence}"
        if kind < 0.85:
            return rng.choice("►◀") + sentence
        return f"{sentence[:-1]}（新华社记者 {self.name()} 摄）"

    def heading(self) -> list[str]:
        rng = self.rng
        title = rng.choice(self.titles)
        head = ("## " + title) if rng.random() < 0.5 else title
        if rng.random() < 0.5:
            byline = f"{rng.choice(_UNITS)}{rng.choice(_ROLES)} {self.name()}"
        else:
            byline = f"□本报记者 {self.name()} 通讯员 {self.name()}"
        return [head, byline]

    def furniture(self) -> str:
        rng = self.rng
        choices: list[str] = [
            str(rng.randint(1, 24)),
            f"（上接第{rng.choice(_CN_NUM)}版）",
            f"（下转第{rng.choice(_CN_NUM)}版）",
            f"第{rng.randint(100, 999)}期",
        ]
        return rng.choice(choices)

    # -- cutting ----------------------------------------------------------------
    def cuts(self, para: str, width: int) -> list[int]:
        """Column-break positions inside ``para``: at a line end, then snapped.

        A paragraph crosses one column or page break at a uniformly chosen line
        end; a paragraph longer than ten lines may cross a second one at least
        ten lines later (a column holds far more than ten lines).
        """
        rng = self.rng
        line_ends = list(range(width, len(para) - 1, width))
        if not line_ends:
            return []
        first = rng.choice(line_ends)
        out = [first]
        later = [p for p in line_ends if p >= first + 10 * width]
        if later and rng.random() < 0.3:
            out.append(rng.choice(later))
        snapped: list[int] = []
        for pos in out:
            cut = self._snap(para, pos)
            if snapped and cut <= snapped[-1] + 1:
                continue
            if 0 < cut < len(para) and not para[cut].isspace() and not para[cut - 1].isspace():
                snapped.append(cut)
        return snapped

    def _snap(self, para: str, pos: int) -> int:
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            targets, shift = "，、", 1
        elif roll < 0.30:
            targets, shift = "。", 1
        elif roll < 0.35:
            targets, shift = "“", 0
        else:
            return pos
        lo, hi = max(1, pos - 8), min(len(para) - 1, pos + 8)
        hits = [i + shift for i in range(lo, hi) if para[i] in targets]
        return rng.choice(hits) if hits else pos

    # -- column flow (the main scenario) ----------------------------------------
    def flow(self, paragraphs: list[str]) -> Doc:
        """Lay the article out in columns and cut it where the columns end.

        Paragraphs (and the occasional standalone heading with its byline) are
        typeset as a stream of lines ``width`` (10–16) characters wide, each
        paragraph starting on a new line; every ``height`` lines (40–80, drawn
        again at each new page) the column ends, wherever that falls in the
        text.  The article starts at a random line of its first column.  A
        column break inside a paragraph cuts it at that line end; a break
        between paragraphs cuts nothing.  At a column break the page may carry
        captions, a heading with its byline or furniture between the columns,
        and the OCR may read the end of the column again at the top of the next
        (a seam repeat of 1–12 characters); the gap is one to three blank lines.
        """
        rng = self.rng
        width = rng.randint(10, 16)
        state = {"height": rng.randint(40, 80), "line": 0}
        state["line"] = rng.randrange(state["height"])
        out = _Layout()
        breaks = [(a[-6:], b[:6]) for a, b in itertools.pairwise(paragraphs)]

        def column_break() -> list[str]:
            """Start a new column; return what the page puts between the columns."""
            state["line"] = 0
            if rng.random() < 0.3:
                state["height"] = rng.randint(40, 80)  # a new page
            out.gaps[-1] = "\n" * rng.choice((2, 2, 2, 3, 4))
            roll = rng.random()
            if roll < 0.15:
                return [self.caption(), *([self.caption()] if rng.random() < 0.3 else [])]
            if roll < 0.22:
                return self.heading()
            if roll < 0.3:
                return [self.furniture()]
            return []

        for index, para in enumerate(paragraphs):
            if index and rng.random() < 0.04:
                for piece in self.heading():
                    out.add(piece, gold=True)
                    state["line"] += 1
                    if state["line"] >= state["height"]:
                        for extra in column_break():
                            out.add(extra, gold=True)
            n_lines = -(-len(para) // width)
            cuts: list[int] = []
            used = 0  # lines of this paragraph already set
            while state["line"] + (n_lines - used) > state["height"]:
                used += state["height"] - state["line"]
                cuts.append(used * width)  # < len(para): the loop test leaves a line
                state["line"] = 0
                if rng.random() < 0.3:
                    state["height"] = rng.randint(40, 80)
            state["line"] += n_lines - used
            bounds = [0, *cuts, len(para)]
            movers: list[str] = []
            for n in range(len(bounds) - 1):
                fragment = para[bounds[n] : bounds[n + 1]]
                if n == 0:
                    out.add(fragment)
                    continue
                seam = Seam(para[max(0, bounds[n] - 6) : bounds[n]], fragment[:6])
                saved = state["line"], state["height"]
                seam.interlopers = column_break()
                state["line"], state["height"] = saved
                if rng.random() < 0.12:
                    k = min(rng.randint(1, 12), bounds[n])
                    seam.repeat = para[bounds[n] - k : bounds[n]]
                    seam.left = para[max(0, bounds[n] - k - 6) : bounds[n]]
                for extra in seam.interlopers:
                    out.add(extra)
                movers.extend(seam.interlopers)
                out.starts[len(out.pieces)] = seam
                out.add(seam.repeat + fragment)
                out.seams.append(seam)
            out.gold.append(para)
            out.gold.extend(movers)
            if movers:
                out.groups.append([para, *movers])
            if state["line"] >= state["height"]:  # the column ends right after the paragraph
                for extra in column_break():
                    out.add(extra, gold=True)
        return out.doc(breaks)

    # -- one article (stress: uniform cuts) -------------------------------------
    def corrupt(self, paragraphs: list[str]) -> Doc:
        rng = self.rng
        width = rng.randint(12, 16)
        pieces: list[str] = []
        starts: dict[int, Seam] = {}  # piece index -> the seam it is the right side of
        gold: list[str] = []
        seams: list[Seam] = []
        breaks: list[tuple[str, str]] = []
        groups: list[list[str]] = []
        for index, para in enumerate(paragraphs):
            if index:
                breaks.append((paragraphs[index - 1][-6:], para[:6]))
                if rng.random() < 0.04:
                    standalone = self.heading()
                    pieces.extend(standalone)
                    gold.extend(standalone)
            cuts = self.cuts(para, width) if len(para) > 20 and rng.random() < 0.5 else []
            movers: list[str] = []
            bounds = [0, *cuts, len(para)]
            for n in range(len(bounds) - 1):
                fragment = para[bounds[n] : bounds[n + 1]]
                if n == 0:
                    pieces.append(fragment)
                    continue
                seam = Seam(para[max(0, bounds[n] - 6) : bounds[n]], fragment[:6])
                roll = rng.random()
                if roll < 0.12:
                    seam.interlopers = [self.caption()]
                    if rng.random() < 0.3:
                        seam.interlopers.append(self.caption())
                elif roll < 0.18:
                    seam.interlopers = self.heading()
                elif roll < 0.24:
                    seam.interlopers = [self.furniture()]
                if rng.random() < 0.15:
                    k = min(rng.randint(2, 12), bounds[n])
                    seam.repeat = para[bounds[n] - k : bounds[n]]
                    # a left context longer than the repeat, so it cannot be read
                    # back from the repeat itself at the top of the right fragment
                    seam.left = para[max(0, bounds[n] - k - 6) : bounds[n]]
                pieces.extend(seam.interlopers)
                movers.extend(seam.interlopers)
                starts[len(pieces)] = seam
                pieces.append(seam.repeat + fragment)
                seams.append(seam)
            gold.append(para)
            gold.extend(movers)
            if movers:
                groups.append([para, *movers])
        text = ""
        for n, piece in enumerate(pieces):
            if n in starts:
                starts[n].offset = len(text)
            text += piece + ("\n\n\n\n" if rng.random() < 0.15 else "\n\n")
        return Doc(text, gold, seams, breaks, groups)

    # -- seed-like: cut as often as the seed pages are ---------------------------
    def plain_caption(self) -> str:
        """A caption that is an ordinary sentence: no date, no 图/►/摄 cue, often a comma."""
        rng = self.rng
        with_comma = [s for s in rng.sample(self.sentences, 20) if "，" in s]
        return (with_comma or [rng.choice(self.sentences)])[0].lstrip("，、“”（）")

    def seedlike(self, paragraphs: list[str]) -> Doc:
        """Cut the article the way the seed pages are cut.

        Measured on the five seeds: about one seam in four paragraphs, and
        8–9 % of the seams with a caption or heading inside.  So each
        paragraph of 16 or more characters is cut once with probability 0.25,
        at a uniformly chosen character (nearly always inside a word, as on
        the seeds), and in two cuts of five the first piece is short (4–40
        characters, the heading-like pieces shape rules cannot tell from a
        headline).  A seam holds, with probability 0.09, a caption (half of
        them ordinary sentences without a date or cue, like the seeds'
        captions, the rest date-led or cued) or a heading with its byline; one
        seam in twenty repeats 2–8 characters.  A paragraph that does not end
        a sentence (the CCTV digests' headline paragraphs) is not cut: a page
        sets a headline above its columns.  Standalone headings with
        bylines sit between paragraphs (4 %), as negatives, and the gap is a
        blank line, two or three before and after a seam's interlopers one
        time in two.
        """
        rng = self.rng
        out = _Layout()
        breaks = [(a[-6:], b[:6]) for a, b in itertools.pairwise(paragraphs)]
        for index, para in enumerate(paragraphs):
            if index and rng.random() < 0.04:
                for piece in self.heading():
                    out.add(piece, gold=True)
            if len(para) < 16 or para[-1] not in _ENDS or rng.random() >= 0.25:
                out.add(para, gold=True)
                continue
            if rng.random() < 0.4:
                cut = rng.randint(4, min(40, len(para) - 4))
            else:
                cut = rng.randint(4, len(para) - 4)
            if para[cut].isspace() or para[cut - 1].isspace():
                out.add(para, gold=True)
                continue
            out.add(para[:cut])
            seam = Seam(para[max(0, cut - 6) : cut], para[cut : cut + 6])
            roll = rng.random()
            if roll < 0.045:
                seam.interlopers = [self.plain_caption()]
            elif roll < 0.07:
                seam.interlopers = [self.caption()]
            elif roll < 0.09:
                seam.interlopers = self.heading()
            if seam.interlopers and rng.random() < 0.5:
                out.gaps[-1] = "\n" * rng.choice((3, 4))
            if rng.random() < 0.05:
                k = min(rng.randint(2, 8), cut)
                seam.repeat = para[cut - k : cut]
                seam.left = para[max(0, cut - k - 6) : cut]
            for extra in seam.interlopers:
                out.add(extra)
            if seam.interlopers and rng.random() < 0.5:
                out.gaps[-1] = "\n" * rng.choice((3, 4))
            out.starts[len(out.pieces)] = seam
            out.add(seam.repeat + para[cut:])
            out.seams.append(seam)
            out.gold.append(para)
            out.gold.extend(seam.interlopers)
            if seam.interlopers:
                out.groups.append([para, *seam.interlopers])
        return out.doc(breaks)


# -- hard wrapping (PDF-like text: join-wrap) -----------------------------------
#: A piece that is never broken across lines: a Latin word or number, a space, one character.
_PIECE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%'’\-]*| +|.", re.S)
#: Characters that may not start a line (kinsoku): they hang at the end of the previous one.
_NO_START = frozenset("，。、；：？！）》」』】〕”’…%,.;:?!)·")
#: Ways a PDF export separates paragraphs (see ``Corruptor.wrapped``).
WRAP_MODES = ("blank", "indent", "tight", "columns")


def _width(text: str) -> int:
    """Display width in half columns (ASCII 1, everything else 2)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def typeset(para: str, width: int, rng: random.Random, indent: str = "") -> list[str]:
    """Set ``para`` in lines of a column ``width`` characters wide, as a PDF page does.

    A line holds ``width`` wide characters (a half-width digit or letter takes
    half a column); punctuation that may not start a line hangs at the end of
    the previous one; a Latin word or number is never broken; a line may hold
    up to one more column when its punctuation is squeezed (random, as
    justification does).  ``indent`` opens the first line (``　　``).
    """
    cap = 2 * width
    lines: list[str] = []
    current, used = indent, _width(indent)
    slack = rng.choice((0, 0, 0, 1, 2))
    for piece in _PIECE.findall(para):
        size = _width(piece)
        if piece[0] in _NO_START or (piece.isspace() and used + size > cap):
            current += piece
            used += size
            continue
        if used + size > cap + slack and current.strip():
            lines.append(current.rstrip())
            current, used = "", 0
            slack = rng.choice((0, 0, 0, 1, 2))
            if piece.isspace():
                continue
        current += piece
        used += size
    if current.strip():
        lines.append(current.rstrip())
    return lines


def wrapped(corruptor: Corruptor, paragraphs: list[str], mode: str) -> Doc:
    """An article as a PDF export gives it: every paragraph hard-wrapped at one column width.

    The width is drawn per article from 10–40 characters.  ``mode`` says how
    paragraphs are separated, as extractors do: ``blank`` a blank line (OCR
    and markdown exports, MinerU); ``indent`` a new line opened by a two-space
    ideographic indent (``　　``, kept by layout-preserving exports); ``tight``
    nothing but the new line after a short last line (pdftotext); ``columns``
    blank lines, and the page's columns (20–60 lines) cut the text where they
    end, with captions, a heading and byline or furniture between columns as
    in :meth:`Corruptor.flow`.  Gold: one line per paragraph (and per moved
    caption, heading or byline after its paragraph).  ``seams`` hold every
    wrapped line end (the right context starts after the joined gap) and
    ``breaks`` every paragraph end.
    """
    rng = corruptor.rng
    width = rng.randint(10, 40)
    indent = "\u3000\u3000" if mode == "indent" else ""
    set_paras = [typeset(p, width, rng, indent) for p in paragraphs]
    breaks = [(a[-6:], b[:6]) for a, b in itertools.pairwise(paragraphs)]
    seams = [
        Seam(a[-6:], b.lstrip()[:6]) for lines in set_paras for a, b in itertools.pairwise(lines)
    ]
    if mode != "columns":
        sep = "\n\n" if mode == "blank" else "\n"
        text = sep.join("\n".join(lines) for lines in set_paras) + "\n"
        return Doc(text, list(paragraphs), seams, breaks, [])
    height, line = rng.randint(20, 60), 0
    line = rng.randrange(height)
    chunks: list[str] = []
    gold: list[str] = []
    groups: list[list[str]] = []
    for para, lines in zip(paragraphs, set_paras, strict=True):
        current: list[str] = []
        movers: list[str] = []
        for n, text_line in enumerate(lines):
            if line == height:
                line = 0
                gap = "\n" * rng.choice((2, 2, 3, 4))
                roll = rng.random()
                extra = (
                    [corruptor.caption()]
                    if roll < 0.15
                    else corruptor.heading()
                    if roll < 0.22
                    else [corruptor.furniture()]
                    if roll < 0.3
                    else []
                )
                if n:  # a cut inside the paragraph: the page's blocks move after it
                    movers.extend(extra)
                else:
                    gold.extend(extra)
                chunks.append("\n".join(current) + gap + "".join(e + "\n\n" for e in extra))
                current = []
            current.append(text_line)
            line += 1
        chunks.append("\n".join(current) + "\n\n")
        gold.append(para)
        gold.extend(movers)
        if movers:
            groups.append([para, *movers])
    text = "".join(c for c in chunks if c.strip() or c == chunks[-1])
    return Doc(text, gold, seams, breaks, groups)
