"""Guards against wrong joins that real pages showed (precision first).

Each function is a pure test on the text of one side of a seam; the seam
decision (:func:`.decision.decide`) and the lookahead (:mod:`.lookahead`) consult
them before a join or a seam-overlap deletion.  A wrong join or a deleted word
is damage, an unrepaired seam only an annoyance, so each guard keeps a break
that shape rules alone would join.

>>> url_end("永远爱你 @吴青峰: http://t.cn/EwhKVKS"), url_end("见附件。")
(True, False)
>>> latin_stop("电离层暴的研究一直是电离层领域研究的热点之一."), latin_stop("见图 3.")
(True, False)
>>> starts_text("赵乐际表示，今年是中匈建交75周年。"), starts_text("主义思想主题教育，持续")
(True, False)
>>> title_like("踔厉前行，开启中俄友好合作、共同发展新篇章")
True
>>> title_like("央视网消息（新闻联播）：委员长赵乐际")
False
>>> bare_dateline("央视网消息（新闻联播）"), exclaims("巴萨创下18年最差防守纪录！11轮西甲已丢14球")
(True, True)
"""

from __future__ import annotations

import re

from seedclean.chardata import CN_DIGITS, HAN_IDEOGRAPHS
from seedclean.lazyre import LazyPattern
from seedclean.linebreaks import chars, shapes
from seedclean.linebreaks import labels as lab

#: A URL or an e-mail address at the end of a block (``… http://t.cn/EwhKVKS``).
_URL_END = LazyPattern(
    rf"(?:(?:https?|ftp)://|www\.)[^\s\u3000-\u303f{HAN_IDEOGRAPHS}\uff00-\uffef]+/?\Z"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+\Z",
    re.ASCII,
)
#: A full stop written as ASCII ``.`` right after Chinese text or a closing
#: bracket or quote (``…热点之一.``, ``…双相暴).``): academic Chinese ends
#: sentences this way.  After a digit or a Latin letter it may be a number or
#: an abbreviation, so it is not read as an end there.
_LATIN_STOP = LazyPattern(rf"[{HAN_IDEOGRAPHS}）)”’」』》][.．]\Z")
#: An attributed statement opening a text: a short subject and a verb of saying,
#: then a comma (``赵乐际表示，``, ``王毅指出，``): a sentence starts here.
_STARTS_TEXT = re.compile(
    r"[^，,。：:；;！？!?\s]{1,12}?(?:表示|指出|强调|说|称|介绍|透露|认为|宣布|提出|希望|回应|坦言)[，,：:]"
)
#: How a sentence (not a title) opens: a dateline, or a date and a comma.
_SENTENCE_OPENING = re.compile(
    r"[^，,。：:\n]{0,12}(?:消息|讯)(?:[（(][^）)\n]{1,12}[）)])?[：:\s]"
    r"|(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日[^，,。\n]{0,6}[，,]"
)
#: How long a title-like block may be (characters).
TITLE_CHARS = 40


def url_end(text: str) -> bool:
    """Whether ``text`` ends in a URL or an e-mail address.

    Such a block is never joined to Han text: the joined text would run the
    address into the words (``http://t.cn/EwhKVKS十多年前``), which linkifiers
    and URL extractors then read as part of the address.
    """
    return _URL_END.search(text[-300:]) is not None


def latin_stop(text: str) -> bool:
    """Whether ``text`` ends a sentence with an ASCII (or fullwidth) ``.`` after Chinese text."""
    return _LATIN_STOP.search(text[-2:]) is not None


#: A full stop written inside the formula that ends a block, as MinerU renders
#: it: ``\circ`` (not a degree sign ``^ { \circ }``) or a ``.`` right before
#: the closing ``$`` (``…\right\} \circ$``, ``…{ } ^ { i } \ .$``).
_MATH_STOP = re.compile(r"(?:(?<![\^{\s])\s*\\circ|\\?\s*[.。])\s*\}?\s*\$\Z")


_NUMBER_STOP = re.compile(r"[0-9][.．]\Z")
_SECTION_NUMBER = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2})+(?![0-9])")


def number_stop(text: str) -> bool:
    """Whether ``text`` ends with a number and a full stop (``…and Table 6.``)."""
    return _NUMBER_STOP.search(text[-2:]) is not None


def opens_section_number(text: str) -> bool:
    """Whether ``text`` opens with a section number (``2.2``, ``3.1.4``).

    Joined after a number and a stop, the two would read as one new number
    (``Table 6.`` ‖ ``2.2不同饲粮…`` → ``Table 6.2.2…``).

    >>> opens_section_number("2.2不同饲粮模式"), opens_section_number("2.25亿元")
    (True, True)
    >>> opens_section_number("25亿元"), opens_section_number("2020年")
    (False, False)
    """
    return _SECTION_NUMBER.match(text) is not None


#: An equation number cut after its formula, or MinerU's placeholder for one
#: (``…{ 2 ^ { 3 2 } D }$ （204号``, ``…$ （20``): the formula is over.
_EQUATION_STUB = re.compile(r"\$[ \t]*[（(]\d{1,4}号?\Z")


def equation_stub(text: str) -> bool:
    """Whether ``text`` ends with a formula and an unclosed equation number (see above)."""
    return _EQUATION_STUB.search(text[-10:]) is not None


#: A numbered section heading run into its text (``2.3饲粮中…``, ``2.2. Details for…``):
#: the number is not followed by a unit or a measure word (``2.5倍``, ``1.3亿``)
#: and is not a version (``9.0软件``).
_SECTION_START = re.compile(
    r"\d{1,2}[.．][1-9]\d?(?:[.．]\s*[A-Z][a-z]"
    rf"|\s*(?![倍亿万千百十元米个年月日时分秒次人家户名只头克吨升度公亩里])[{HAN_IDEOGRAPHS}]{{2}})"
)


def section_start(head: str) -> bool:
    """Whether a block opens with a one-dot section number and its title (see above)."""
    return _SECTION_START.match(head) is not None


def math_stop(text: str) -> bool:
    """Whether ``text`` ends with a formula whose last token is a full stop.

    >>> math_stop(r"…{ \\delta } \\right\\} \\circ$"), math_stop(r"…{ } ^ { i } \\ .$")
    (True, True)
    >>> math_stop(r"水温保持在 $2 5 ^ { \\circ }$"), math_stop(r"其中 $k$")
    (False, False)
    """
    return text[-1:] == "$" and _MATH_STOP.search(text[-16:]) is not None


#: The last piece of a block (after its last line break or sentence end).
_LAST_PIECE = re.compile(r"[^\n。！？!?]*\Z")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def english_tail(text: str) -> bool:
    """Whether a block ends with an English sentence after its Chinese text.

    ``…基于3次重复。 Note: Data are mean of $n = 3$``: a table note's
    translation (or an English abstract's last line) ends the block; the
    Chinese text after it is not its continuation.  The last piece holds no
    Han character and four or more Latin words, and opens with a capital.
    """
    found = _LAST_PIECE.search(text[-160:])
    piece = found.group().strip() if found is not None else ""
    return (
        piece[:1].isupper()
        and piece[:1].isascii()
        and _HAN_ANY.search(piece) is None
        and len(_LATIN_WORD.findall(piece)) >= 4
    )


_HAN_ANY = re.compile(f"[{HAN_IDEOGRAPHS}]")


def starts_text(head: str) -> bool:
    """Whether a block opens with an attributed statement (``赵乐际表示，…``).

    Such a block reads as the start of a text: when the paragraph before it
    ends in the same name, the name is written twice on purpose (a headline or
    a sentence naming the speaker, then the speaker's statement), not read
    twice by an OCR engine, so the repeat is no evidence of one sentence.
    """
    return _STARTS_TEXT.match(head.lstrip()) is not None


_BARE_DATELINE = re.compile(r"[^，,。：:\n]{0,12}(?:消息|讯)(?:[（(][^）)\n]{1,12}[）)])?[：:]?\Z")


def bare_dateline(text: str) -> bool:
    """Whether a block is nothing but a dateline (``央视网消息（新闻联播）``, ``本报讯``).

    It opens the article's first paragraph, so it never reaches past a
    headline or a byline to join a paragraph further on.
    """
    return _BARE_DATELINE.match(text.strip()) is not None


def exclaims(text: str) -> bool:
    """Whether a block holds a ``！`` or ``？`` before its end (a title with two parts)."""
    body = text.strip()[:-1]
    return any(c in body for c in "！？!?")


def title_like(text: str, max_chars: int = TITLE_CHARS) -> bool:
    """Whether a block reads like a title: short, one line, no full stop, ending in a word.

    Wider than :func:`.labels.headline_strength` (which refuses commas, ``、``
    and internal ``！？`` to stay safe for joins across interlopers): a news
    title often has them (``踔厉前行，开启中俄友好合作、共同发展新篇章``,
    ``巴萨创下18年最差防守纪录！11轮西甲已丢14球``).  A title-like first block
    is only joined on evidence about the seam itself (a dictionary word across
    it, a repeat, a kinsoku character), never on the generic "a word runs
    across the seam".
    """
    stripped = text.strip()
    if not stripped or len(stripped) > max_chars or "\n" in stripped:
        return False
    if "。" in stripped or stripped[-1] in "！？!?。":
        return False
    if chars.unclosed(stripped) or _SENTENCE_OPENING.match(stripped):
        return False
    return stripped[-1] not in chars.OPEN_END


#: Where the last piece of a block starts: after its last line break or its
#: last sentence end (and the closing quotes and brackets after it).
_PIECE_BREAKS = ("\n", "。", "！", "？", "!", "?")
_CLOSERS = "”’」』）)"
#: A short piece of noise after a sentence end: no Han character, no word of
#: two letters, not a bare number (which may open the next sentence: ``2019`` ‖
#: ``赛季…``): ``…一致。 O``, ``…意义。 (775``, a stray symbol or page mark.
_NOISE = LazyPattern(rf"(?![^\n]*[{HAN_IDEOGRAPHS}]|[^\n]*[A-Za-z]{{2}}|[\d.．]+\Z)[^\n]{{1,6}}\Z")
#: An end-of-proof or end-of-item mark (``…$12-x$ □``).
_END_MARKS = frozenset("□∎")
#: A section heading numbered with a Chinese numeral (``十、做主力办公设备靠谱么``).
_CN_SECTION = re.compile(rf"[{CN_DIGITS}]{{1,3}}、[^，,。；;：:！？!?]{{2,30}}$")


def closed_tail(text: str) -> bool:
    """Whether a block ends with a numbered heading or a byline after its text.

    The last line of a block, or what follows its last sentence end, is a
    section heading (``…计算活性。⏎1.5计算公式``, ``…都方便。十、做主力办公设备靠谱么``)
    or a byline (``…会更好。”信息时报记者 白云``): the extractor ran it into the
    paragraph before it, and the block is over.  A cut sentence's first piece
    ends in words that are neither.  So does a short piece of noise after the
    last sentence end (``…一致。 O``, ``…意义。 (775``) or an end-of-proof mark,
    and so does a paper's author line (``…, Aijun Pan5, Haiming Wei34*``).
    (A block that is nothing but a heading or
    a byline is labelled as one, see :mod:`.labels`.)
    """
    if text[-1:] in _END_MARKS or authors_end(text):
        return True
    window = text[-(TITLE_CHARS + 4) :]  # a longer last piece is no title
    cut = max(map(window.rfind, _PIECE_BREAKS))
    if cut < 0:
        return False
    piece = window[cut + 1 :].lstrip(_CLOSERS).strip()
    if not piece or len(piece) > TITLE_CHARS:
        return False
    if shapes.numbered_title(piece) or _CN_SECTION.match(piece):
        return True
    return _NOISE.match(piece) is not None or lab.byline(piece)


#: An affiliation closing with a Chinese postal code (``（…大学，成都，610066）``,
#: ``(…有限责任公司，石家庄050015)``).
_ADDRESS_END = re.compile(r"(?<!\d)\d{6}\s*[）)]\Z")


def address_end(text: str) -> bool:
    """Whether a block ends with an address and its postal code in brackets (an affiliation)."""
    return _ADDRESS_END.search(text[-12:]) is not None


#: A bracketed field label and a short value ending a block (``…[产品售价] 3299元``),
#: or a paper's classification or article code (``…中图分类号：S831``).
_FIELD_END = LazyPattern(
    rf"[\[【][{HAN_IDEOGRAPHS}]{{2,8}}[\]】][ \t\u3000]*[^\s，,。；;：:、\[\]【】]{{1,15}}\Z"
    r"|(?:中图分类号|文献标识码|文献标志码|文章编号)\s*[:：]\s*[A-Za-z0-9.\-–—/:;；()（）\s]{1,40}\Z"
)


def field_end(text: str) -> bool:
    """Whether a block ends with a ``[label] value`` field or a paper's code field."""
    return _FIELD_END.search(text[-60:]) is not None


#: A significance test in brackets ending a block (``…差异显著( $P <$ 0.05)``,
#: ``（ $P { > } 0 . 0 5 )$ ）``): a table note or a sentence whose full stop is missing.
_STAT_END = re.compile(
    r"[（(][^（）()\n]{0,20}?[Pp]\s*(?:\{\s*)?[<>=≤≥][^（）\n]{0,30}[）)][\s$]*\Z"
)


def stat_end(text: str) -> bool:
    """Whether a block ends with a bracketed significance test (``(P<0.05)``)."""
    return text[-1:] in ")）$ " and _STAT_END.search(text[-60:]) is not None


#: An English sentence opening a block: a capitalised word, then a lower-case
#: word (``Let us first consider…``, ``These features are…``).
_ENGLISH_START = re.compile(r"[ \t\u3000]*[A-Z][a-z]+ [a-z]+ [A-Za-z$(]")


def english_start(text: str) -> bool:
    """Whether a block opens with an English sentence."""
    return _ENGLISH_START.match(text) is not None


#: Two or more reference authors in a row: a surname and initials, then a
#: comma (``Zhang K，Halitschke R，``, ``ZHAO YY, ZHOU HK,``, ``Muffato, V., Menegheti, C.,``).
_AUTHORS = re.compile(r"(?:[A-Z][A-Za-z'\-]+,?[ \t]+(?:[A-Z]{1,3}\.?[ \t]*){1,3}[,，][ \t]*){2}")


def authors_start(text: str) -> bool:
    """Whether a block opens with a list of reference authors (a reference entry starts)."""
    return text[:1] in _CAPITAL_START and _AUTHORS.match(text.lstrip()[:80]) is not None


_CAPITAL_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ \t\u3000")


#: A space between two cells of a table row: after a Han character and
#: before a Han character or a digit, or after a digit and before a Han
#: character (Chinese prose has no spaces there; a space between two digits
#: may be a formula's, ``$2 0 \mathrm{mV}$``).
_CELL_GAP = LazyPattern(
    rf"[{HAN_IDEOGRAPHS}][ \t\u3000]+[{HAN_IDEOGRAPHS}\d]|\d[ \t\u3000]+[{HAN_IDEOGRAPHS}]"
)


def cells_end(text: str) -> bool:
    """Whether the last line of a block reads as a table row (see :func:`cells`)."""
    tail = text[-(CELLS_CHARS + 1) :]
    return cells(tail[tail.rfind("\n") + 1 :])


def cells_start(text: str) -> bool:
    """Whether the first line of a block reads as a table row (see :func:`cells`)."""
    head = text[: CELLS_CHARS + 8].lstrip()
    return cells(head.partition("\n")[0])


def cells(line: str) -> bool:
    """Whether a line reads as a table row: short, unpunctuated, two or more cell gaps.

    ``沈沛然 10/8 22局、平均70分、升为五段 胜 廖行文``: results, schedules and
    price lists written as rows, one a block.  Two such rows are two blocks
    of a table, never one sentence.
    """
    if len(line) > CELLS_CHARS or _ROW_PUNCT.search(line) is not None:
        return False
    return len(_CELL_GAP.findall(line)) >= 2


#: Longest line read as a table row (characters).
CELLS_CHARS = 60
#: Sentence and clause punctuation a table row does not hold.
_ROW_PUNCT = re.compile(r"[。，！？；,;!?]")


#: A news dateline with its date (``新浪娱乐讯 11月6日，``), possibly after an
#: embedded post's leftovers (``@某某 ​新浪娱乐讯 11月6日，…``).
_DATELINE = LazyPattern(
    rf"[{HAN_IDEOGRAPHS}]{{2,10}}讯[\s\u200b\u3000\xa0]*(?:[（(][^）)\n]{{1,12}}[）)])?"
    r"[\s\u200b\u3000\xa0]*\d{1,2}月\d{1,2}日"
)


def dateline_near_start(text: str) -> bool:
    """Whether a block holds a news dateline in its first line's first 40 characters.

    ``@福原愛 ​新浪娱乐讯 11月6日，…``: an article starts there (the text before
    the dateline is what is left of an embedded post), so the block does not
    continue the paragraph before it.
    """
    return "讯" in text[:40] and _DATELINE.search(text[:40].partition("\n")[0]) is not None


#: Two or more author names, each with its affiliation mark, ending a block
#: (``…, Aijun Pan5, Haiming Wei34\\*``, ``BI Rutian1,2\\*, YANG Wude³``).
_AUTHORS_END = re.compile(
    r"(?:[A-Z][A-Za-z\-]+[ \t]+[A-Z][A-Za-z\-]+[ \t]?"
    r"[\d¹²³⁴⁵⁶⁷⁸⁹][\d¹²³⁴⁵⁶⁷⁸⁹,.\\*' ]*[，,]?[ \t]*){2,}\Z"
)


def authors_end(text: str) -> bool:
    """Whether a block ends with a line of authors marked with their affiliations."""
    return text[-1:] not in "。.，,；;" and _AUTHORS_END.search(text[-120:]) is not None


#: What a figure's or table's leftover text never holds: sentence punctuation,
#: a formula, an image link, a URL, two Latin words.
_NOT_DEBRIS = re.compile(r"[，。；！？、,:：;$\\]|!\[|http")
#: Words of English prose (lower-case, three letters or more).
_PROSE_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")


def debris(window: str) -> bool:
    """Whether a block's edge (``window``: its first or last 60 characters) is figure debris.

    MinerU writes the text it reads inside a figure as a paragraph: axis
    ticks and labels, legend words (``0 100 200 300 400 500 房间距离Y``,
    ``较重 严 轻微 中等 较 严 轻微 …``, ``28292 (a)地闪次数 100807605040302010``).
    Six or more tokens of at most three characters on average, or four or more
    tokens with digits for half the characters, and no punctuation of a
    sentence or a reference (``,`` ``:``), formula or two lower-case English
    words (``NDVI WET BSI SI RSEI`` is a legend, ``is a way to`` prose): no
    sentence runs into or out of it.

    >>> debris("0 300 400 500 100 200 300 400 房间距离Y"), debris("较重 严 轻微 中等 较 严 轻微")
    (True, True)
    >>> debris("生态用水总计增加了31亿立方米，这相当于"), debris("2019 赛季")
    (False, False)
    """
    if _NOT_DEBRIS.search(window) is not None or len(_PROSE_WORD.findall(window)) >= 2:
        return False
    tokens = window.split()
    if len(tokens) >= 6 and sum(map(len, tokens)) <= 3 * len(tokens):
        return True
    dense = "".join(tokens)
    return (
        len(tokens) >= 4 and len(dense) >= 12 and sum(c.isdigit() for c in dense) * 2 >= len(dense)
    )
