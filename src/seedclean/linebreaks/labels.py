"""Label each block (see :mod:`.segment` for how the text is split into blocks).

A seam can only be repaired between two *body* blocks; every other label is a
barrier (never joined into or out of) and some labels are also *interlopers*
(captions, headings, bylines, furniture, continuation markers, images) that
the lookahead may step over when they sit inside a split sentence.  Labels
come from compiled patterns checked in a fixed order (first match wins), as
recommended by the research study (``linebreaks.md`` §5.3).
"""

from __future__ import annotations

import re
from typing import Final

from seedclean.chardata import (
    CHAPTER_NUMBER,
    CIRCLED_NUMBERS,
    CN_DIGITS,
    CN_NUMERALS,
    CN_YEAR_DIGITS,
    HAN_IDEOGRAPHS,
    LIST_BULLETS,
    LIST_ITEM,
    REFERENCE_NUMBER,
    SET_APART_MARKS,
)
from seedclean.lazyre import LazyPattern
from seedclean.linebreaks import chars, shapes

BODY: Final = "body"
HEADING: Final = "heading"  # markdown heading, bold-only line, numbered section title
HEADLINE: Final = "headline"  # a short line without sentence punctuation
CAPTION: Final = "caption"  # cue-based photo caption (图1：, ►, …摄)
BYLINE: Final = "byline"  # author, credit and contact lines
LIST: Final = "list"
TABLE: Final = "table"
VERBATIM: Final = "verbatim"  # code fences, HTML, math, block quotes
IMAGE: Final = "image"
FURNITURE: Final = "furniture"  # page numbers, dates, issue numbers, running heads
MARKER: Final = "marker"  # continuation markers such as （上接第五版）
SEPARATOR: Final = "separator"  # a line of nothing but dots, dashes or stars (…………, * * *)
ASIDE: Final = "aside"  # a block wholly in brackets: a closing credit or a lead (（作者为…）)

#: Labels the lookahead may step over to find a sentence's continuation.
INTERLOPERS: Final = frozenset({HEADING, HEADLINE, CAPTION, BYLINE, FURNITURE, MARKER, IMAGE})

_SPECIAL_START = re.compile(
    rf"[ \t\u3000]*(?:[#|>!<$`~\-*+_{LIST_BULLETS}{SET_APART_MARKS}◎{CIRCLED_NUMBERS}（(\[【—－↑↓]"
    rf"|\d|图|第|原标题|[{CN_DIGITS}]+[是、]|·|[a-z][)）])"
)
_HEADING = re.compile(
    r"#{1,6}\s|(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)$"
    rf"|(?:{CHAPTER_NUMBER}|[{CN_DIGITS}]+、|[（(][{CN_DIGITS}]+[）)])"
    r"[^。！？!?；;\n]{0,30}$"
)
_VERBATIM = re.compile(r"[ \t]*(?:```|~~~|\$\$|<[A-Za-z!/]|>)")
_TABLE = re.compile(r"[ \t]*\|")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)$")
#: A section separator: nothing but dots, dashes, stars, circles or tildes (``…………``, ``* * *``).
_SEPARATOR = re.compile(r"[ \t\u3000]*(?:[.…·•*＊\-—－=_~～○◎●◇◆□■☆★#＃][ \t\u3000]*){3,}$")
#: A block wholly inside one pair of round brackets: an aside that closes itself
#: (``（作者为某研究所研究员）``, ``（附图片1张）``, ``（本文系某基金资助项目成果）``).
_PARENTHETICAL = re.compile(r"[ \t\u3000]*[（(][^（）()\n]{2,100}[）)][。.]?$")
#: A letter's signature: a role ending in 人/者 and a name (``举报人：王某某``, ``申请人：某公司``).
_SIGNATURE = LazyPattern(
    rf"[{HAN_IDEOGRAPHS}]{{1,6}}[人者][：:][ \t\u3000]*[{HAN_IDEOGRAPHS}·]{{2,16}}$"
)
_MARKER = re.compile(
    rf"[（(]\s*(?:上接|下转|转|紧接|接|续)第?\s*[\d{CN_DIGITS}]*\s*[版页面]?\s*[）)]$"
)
_FURNITURE = re.compile(
    r"(?:[-—－\s]*(?:第\s*)?\d{1,4}\s*(?:版|页)?[-—－\s]*"
    r"|\d{4}年\d{1,2}月\d{1,2}日(?:\s*星期[一二三四五六日天])?"
    rf"|[{CN_YEAR_DIGITS}]{{4}}年[{CN_DIGITS}]{{1,2}}月[{CN_DIGITS}]{{1,3}}日"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|第\s*\d{1,5}\s*期"
    r"|(?:责任编辑|版式设计|美术编辑|责任校对|本版编辑|值班编辑|联系电话|电子信箱|电话|邮箱|传真|网址)[：:\s].{0,40}"
    r"|(?:联系电话|电子信箱|电话|邮箱|传真)"
    r"|[（(][^，。！？,.!?（）()\n]{1,12}[）)]"
    r"|[\w.+-]+@[\w-]+\.[\w.]+|[\d\-—－\s()（）]{7,}"
    r")$"
)
_BYLINE = re.compile(
    r"[□■◆●▲\s]*(?:本报|本刊|本台|新华社|央视|本版)?(?:特派记者|记者|通讯员|特约记者|实习记者|实习生"
    r"|特约评论员|编辑|校对|策划|摄影|美编|撰稿|主持|文/|图/|文·图|文图)"
    rf"[\s:：/]*[{HAN_IDEOGRAPHS}·]{{2,4}}(?:$|[\s、])"
    r"|.{0,30}(?:书记|检察长|院长|主任|局长|部长|主席|会长|厅长|处长|庭长|组长|委员|记者|通讯员|编辑|总编)"
    rf"[ \t\u3000]*[{HAN_IDEOGRAPHS}·]{{2,4}}$"
    r"|.{0,20}(?:文章来源|来源|作者)(?:[：:]|[ \t\u3000\xa0]+(?=\S))"
)
_SOURCE_LINE = re.compile(r".{0,20}(?:文章来源|来源|作者)(?:[：:]|[ \t\u3000\xa0]+(?=\S))")
#: The original headline of a reposted article (``原标题：…``): page furniture.
_ORIGINAL_TITLE = re.compile(r"[ \t\u3000]*原标题\s*[：:\s][^\n]{1,100}$")
_CAPTION_CUE = re.compile(
    rf"[ \t\u3000]*(?:[►◀▶◄▲▼△▽]|图\s*[\d①-⑩{CN_DIGITS}]+\s*[：:．.、\s]"
    r"|图为|上图|下图|左图|右图|组图|资料图|图\s*[：:]|[↑↓]|(?:左|右|上|下)(?:侧|方|起)\s*[：:]"
    rf"|表\s*\d{{1,2}}(?:[.．-]\d{{1,2}})?(?:\s+|[：:．.、]\s*|(?=[{HAN_IDEOGRAPHS}])(?![显列示明中]))\S)"
    r"|.*(?:摄|供图|图片来源\S*|图片来自\s*\S+|新华社发|资料图片?|视觉中国)\s*[）)]?[。.]?$"
    r"|.*[（(](?:图|组图|资料图|网络图片?|AFP|AP|EPA|Reuters|Getty\s*Images?|CFP|IC)[）)][。.]?$"
    r"|[ \t\u3000]*(?:Fig(?:ure)?|Table|Tab|Photo|Chart|Plate)\.?\s*[\dIVX]+(?:[.:：\s]|$)"
    # a numbered table or figure title with its English twin on the same line
    # (``表42011年…特征Table 4 …``: the title itself may open with a digit)
    r"|[ \t\u3000]*(?:表\s*\d[^\n]{2,160}?(?:Table|Tab\.)|图\s*\d[^\n]{2,160}?Fig(?:ure|\.)?)\s*\d"
)
#: A list item: a list marker, a reference number, a middle dot used as a
#: bullet (``·A virtual community…``) or a letter item (``b)召回率:``).
_LIST = re.compile(
    f"[ \t\u3000]*(?:{LIST_ITEM}|{REFERENCE_NUMBER}|·[ \\t]?(?=\\S)"
    f"|[a-z][)）](?=[{HAN_IDEOGRAPHS}]))"
)


_PROSE_END = frozenset("。！？!?")


#: A heading is a complete phrase: it never ends in continuing punctuation or in a
#: function character that needs what follows (``…的``, ``…把``, ``…仅``).  Only
#: characters that do not also end common words are listed (not 和/地/在/对/于,
#: which end 共和, 基地, 存在, 面对, 在于).
_NEVER_ENDS_HEADING = chars.OPEN_END | frozenset("的或把被而且但也很太最更再又不未仅")


#: Sentence openers a heading never has: a closing bracket or quote (the line
#: is a fragment), a date or a discourse lead followed by a comma (``5月6日，``,
#: ``截至目前，``) or a dateline (``央视网消息``, ``本报讯``).
#: How a sentence opens (a date, a discourse lead or an attributed statement and
#: a comma, a dateline).
_OPENS_SENTENCE = LazyPattern(
    r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日[^，,]{0,4}[，,]|\d{4}年[，,]"
    r"|(?:近日|近年来|今年以来|日前|目前|截至目前|据了解|据悉|与此同时|此外|同时"
    r"|随后|此前|当前|首先|其次|对此|为此|然而|下一步|前不久|次日|另据)[，,]"
    r"|(?:今天|昨天|明天|今晚|昨晚|今年|去年|当天|当日|本周|上周)[（(][^）)\n]{1,12}[）)][，,]"
    r"|[^，,。：:\n]{0,10}(?:以来|月份)[，,]|从[^，,。：:\n]{1,8}看[，,]"
    r"|[^，,。：:\n]{1,16}(?:称|说|表示|指出|介绍|透露|强调|显示|报道|提出|获悉|了解到|宣布)[，,]"
    r"|央视网消息|本报讯|本刊讯|新华社"
)
_NOT_A_HEADING = LazyPattern(r"[）)》」』”’，、。]|" + _OPENS_SENTENCE.source)


def headline_strength(text: str, max_chars: int = 40) -> int:
    """How much a line looks like an unmarked heading: 2 (heading-like) or 0 (not).

    A short single line with no sentence punctuation and at most one comma or
    colon is heading-like (``我国最大超深油田生产油气突破千万吨``, ``检论``,
    ``浙江：推动创新链产业链资金链人才链深度融合``,
    ``坚持理念融合,推动案件办理与政治要求相一致``).  Such a line might also be a
    one-line fragment of a sentence, but a wrong join is worse than a miss, so
    it is only joined on hard evidence.  A line
    opening with the anaphoric ``该`` (“the said …”) is never a heading: a
    heading has no antecedent to point back to; a line ending in ``的``, with an
    open bracket, with ``、`` (enumerations are cut, headings use spaces) or
    opening like a sentence (``5月6日，``) is not a heading either.
    """
    if len(text) > max_chars or "\n" in text or chars.SENTENCE_PUNCT.search(text):
        return 0
    if shapes.numbered_title(text):
        return 2
    stripped = text.strip()
    if not stripped or stripped.startswith("该") or stripped[-1] in _NEVER_ENDS_HEADING:
        return 0
    if chars.unclosed(stripped) or _NOT_A_HEADING.match(stripped) or "、" in stripped:
        return 0
    if open_end(stripped):
        return 0
    return 2 if len(chars.CLAUSE_PUNCT.findall(stripped)) <= 1 else 0


#: An ordinal and its measure word (``…举行的第六届``, ``…第三次``): the noun
#: it counts follows.
_ORDINAL_END = re.compile(f"第[\\d{CN_NUMERALS}]{{1,3}}[届次期批轮]\\Z")
#: Prepositions that need what follows (``…我国西部地区在``, ``…一些在``) unless
#: they end a word (``存在``, ``面对``, ``由于``, ``何去何从``, ``无言以对``).
_JOINING = frozenset("在从对于与及同跟")


def open_end(text: str) -> bool:
    """Whether a short line ends where a phrase cannot (it is not a heading).

    It ends with an ordinal and its measure word (``…举行的第六届``), or with
    a preposition that is not the end of a dictionary word (``…我国西部地区在``,
    but not ``…的关键在于``, ``…如何应对``, ``…何去何从``).
    """
    last = text[-1:]
    if last in _JOINING:
        from seedclean.linebreaks.lexicon import WINDOW, lexicon

        words = lexicon().words_for(text[-WINDOW:])
        return not any(text[-k:] in words for k in range(2, min(WINDOW, len(text)) + 1))
    return last in "届次期批轮" and _ORDINAL_END.search(text[-6:]) is not None


_MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:\s|$)")


def markdown_heading(text: str) -> bool:
    """Whether a block is a markdown ATX heading (``# …`` to ``###### …``)."""
    return _MARKDOWN_HEADING.match(text) is not None


def list_headline(text: str, max_chars: int = 40) -> int:
    """Heading strength of a list block's last item, without its marker.

    ``1.加强组织领导\n2.完善制度建设``: the list ends in a short item without
    sentence punctuation, a complete point; the block after it is not its
    continuation on weak evidence (a list item cut inside a sentence still ends
    open: ``…建立健全工作机`` has no heading shape only when it is long).
    """
    last = text.rsplit("\n", 1)[-1]
    found = _LIST.match(last)
    item = last[found.end() :] if found is not None else last
    return headline_strength(item.strip(), max_chars) if item.strip() else 0


def label_text(text: str, max_headline: int = 40, *, block: bool = True) -> str:
    """Return the label of a block's ``text`` (first matching pattern wins).

    ``block=False``: ``text`` is one visual line of a wrapped block, where a
    line may open with a dash that only marks a subtitle when it opens a block.
    """
    text = text.lstrip()
    if text[:1] < "\x80" and shapes.is_code(text):
        return VERBATIM
    # fast path: long prose, or prose that ends a sentence (no heading, byline,
    # furniture or list pattern can match it; cue captions start specially)
    if (
        "\n" not in text
        and not _SPECIAL_START.match(text)
        and (len(text) > 160 or (text[-1] in _PROSE_END and not _CAPTION_CUE.match(text)))
    ):
        return BODY
    if _VERBATIM.match(text):
        return VERBATIM
    if _TABLE.match(text):
        return TABLE
    if _IMAGE.match(text):
        return IMAGE
    if "\n" in text:
        return _label_lines(text, max_headline)
    return _label_line(text, max_headline, block)


def byline(text: str) -> bool:
    """Whether one line is a byline, a signature or an original-title credit."""
    if len(text) <= 30 and _SIGNATURE.match(text):
        return True
    if (
        len(text) <= 40
        and _BYLINE.match(text)
        and not chars.SENTENCE_PUNCT.search(text)
        and (_SOURCE_LINE.match(text) or not chars.CLAUSE_PUNCT.search(text))
    ):
        return True
    return _ORIGINAL_TITLE.match(text) is not None


def _label_line(text: str, max_headline: int, block: bool = True) -> str:
    if _HEADING.match(text) or shapes.labels_only(text) or (block and shapes.dash_subtitle(text)):
        return HEADING
    short = len(text) <= 60
    if short and _SEPARATOR.match(text):
        return SEPARATOR
    if short and _MARKER.match(text):
        return MARKER
    if short and _FURNITURE.match(text):
        return FURNITURE
    if _PARENTHETICAL.match(text):
        return ASIDE
    if byline(text):
        return BYLINE
    if len(text) <= 160 and _CAPTION_CUE.match(text):
        return CAPTION
    if shapes.numbered_title(text):
        return HEADLINE
    if _LIST.match(text):
        return LIST
    if headline_strength(text, max_headline) == 2:
        return HEADLINE
    return BODY


def _label_lines(text: str, max_headline: int) -> str:
    """A block of several lines: a list, a credit box, or wrapped prose."""
    lines = text.split("\n")
    first = lines[0].strip()
    if _HEADING.match(first):
        return HEADING
    if _IMAGE.match(first):
        return IMAGE  # an image with its caption lines
    if len(first) <= 160 and _CAPTION_CUE.match(first) and all(map(_twin_line, lines[1:])):
        return CAPTION  # a caption with its English twin (表4…⏎Table 4…)
    if all(_LIST.match(line) for line in lines):
        return LIST
    if all(len(line.strip()) <= 40 and not chars.SENTENCE_PUNCT.search(line) for line in lines):
        if any(_BYLINE.match(line.strip()) for line in lines):
            return BYLINE
        return FURNITURE if any(_FURNITURE.match(line.strip()) for line in lines) else HEADLINE
    if _LIST.match(first):
        return LIST
    return BODY


def _twin_line(line: str) -> bool:
    """Whether a line under a caption is its translation (no Han character)."""
    return len(line) <= 300 and _HAN.search(line) is None


_HAN = LazyPattern(f"[{HAN_IDEOGRAPHS}]")

DATE_LEAD = re.compile(r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日)[，,]")
_SENTENCE_END = re.compile(r"[。！？!?]")


def caption_like(text: str) -> bool:
    """A self-contained one-sentence body block that reads like a photo caption.

    Dated (``2023年6月27日，…巡河活动。``) or a single sentence of 12–60
    characters without a comma (``某院开展法治宣传进社区活动。``); shorter blocks
    such as ``生动力。`` are the last line of a paragraph, not a caption.  Only
    the lookahead uses this, where the paragraph before the block is open and its
    continuation follows the block.
    """
    stripped = text.strip()
    if len(stripped) > 160 or "\n" in stripped or stripped[-1] not in "。！!":
        return False
    if len(_SENTENCE_END.findall(stripped)) != 1:
        return False
    if DATE_LEAD.match(stripped):
        return True
    return 12 <= len(stripped) <= 60 and not chars.CLAUSE_PUNCT.search(stripped)


#: A ``label：value`` line: a short label (maybe numbered, ``浅盘场次（1）``), a
#: colon, then the value.
_FIELD = re.compile(
    rf"(?!\d+[：:])[^\s，,。：:、；;！？!?（）()“”]{{1,8}}(?:[（(][\d{CN_DIGITS}]{{1,2}}[）)])?[：:]"
    r"([^。！？!?；;\n]*)$"
)
_ITEM_SEP = re.compile(r"[、，,]")


def dash_label(text: str, max_chars: int = 40) -> bool:
    """A short label ending in a dash, after which its paragraph follows.

    ``■谈意义——``, ``中超第28轮各项最佳——``, ``赛后更衣室，佩雷拉——``: the
    words before the dash read as a heading (:func:`headline_strength`), so the
    dash introduces the next block rather than continuing a cut sentence.
    """
    head = shapes.dash_label_head(text)
    return head is not None and headline_strength(head, max_chars) == 2


#: A label of a ``label：value`` pair (no digits: ``4:00`` is a time, not a label).
_LABEL_KEY = re.compile(r"(?:^|\s)[^\s\d，,。：:、；;！？!?（）()“”]{1,8}[：:]")


#: A paper's front-matter field (keywords, classification and article numbers,
#: DOI): a line of its own that no sentence runs out of.
_FRONT_FIELD = re.compile(
    r"[ \t\u3000]*(?:关\s?键\s?[词字]|主题词|Key\s*words?|KEY\s*WORDS?|中图分类号|中图法分类号"
    r"|文献标识码|文献标志码|文章编号|DOI|doi)\s*[:：][^\n]{0,300}$"
)


def front_field(text: str) -> bool:
    """Whether a block is a paper's front-matter field (``关键词：遥感；…``, ``DOI: …``).

    A line of its own: its last item is complete, whatever follows it.
    """
    return _FRONT_FIELD.match(text) is not None


def field_line(text: str) -> bool:
    """A ``label：value`` line listing short items, as in a data box or line-up.

    ``前锋：迪奥普（北京人和）、里卡多（河南建业）``, ``本周场均数据：28分、8.1个篮板``:
    a short label (not a bare number: ``1：看面积，…`` is a numbered point whose
    text runs on), a colon and at least two short items, no sentence
    punctuation.  Such lines come in runs (the issue's "list-like runs of
    标签：值 lines") and end without a full stop, so a block ending in one is
    not a cut sentence and a block starting with one is not a continuation.
    """
    if _FRONT_FIELD.match(text) is not None:
        return True  # 关键词：湖羊羔羊；早期断奶；发育
    if len(text) > 80:
        return False
    if len(_LABEL_KEY.findall(text)) >= 2 and not chars.SENTENCE_PUNCT.search(text):
        return True  # 比赛时间：2018-11-06 4:00 场地：某体育场
    found = _FIELD.match(text)
    if found is None:
        return False
    items = _ITEM_SEP.split(found.group(1))
    return len(items) >= 2 and all(0 < len(item) <= 16 for item in items)


#: How a title of a paper, table or figure ends (``…对肉兔生长性能的影响``,
#: ``…在活动期肠道黏膜中的分布``, ``…研究``): a noun phrase that names a study.
_TITLE_END = re.compile(
    r"(?:的(?:影响|研究|分析|探讨|比较|评价|特征|分布|作用|关系|效应|机制|变化|应用|构建|设计)"
    r"|研究|初探|综述|进展)$"
)
_NOT_IN_TITLE = re.compile(r"[，,。；;！？!?：:]")


def title_line(text: str) -> bool:
    """A one-line title of a paper, table or figure: its text follows in the next block.

    ``饲粮铁添加水平对0~90日龄新西兰肉兔血液指标的影响`` ‖ ``由表5可知，…``:
    it ends like a title, has no comma, colon or sentence punctuation and is
    at most 120 characters, where a sentence cut by a page break would be
    longer or hold a comma.
    """
    stripped = text.strip()
    return (
        0 < len(stripped) <= 120
        and "\n" not in stripped
        and _TITLE_END.search(stripped) is not None
        and _NOT_IN_TITLE.search(stripped) is None
    )


#: A short label and a colon opening a block (``上海队首发：``, ``中场：``,
#: ``亚泰出场阵容（4231）：``, ``Q队长：``): two to ten characters, no
#: punctuation, maybe a short bracket; not a time (``4:00``).
_LABEL_START = re.compile(
    r"(?!\d)[^\s，,。：:、；;！？!?“”‘’（）()《》]{2,10}(?:[（(][^（）()\n]{1,8}[）)])?[：:]"
)


def label_start(head: str) -> bool:
    """Whether a block opens with a short label and a colon (a line of its own)."""
    return _LABEL_START.match(head) is not None


# -- how a block opens -----------------------------------------------------------
#: A paragraph opener: indentation, a run-in bold head, a dateline or news-agency lead.
_OPENER = LazyPattern(
    r"(?:[ \t]{2,}|\u3000|\*\*|__|本报讯|本报[（(]|本刊讯|本台讯|新华社|据新华社|央视网消息"
    r"|中新网|人民网|[" + HAN_IDEOGRAPHS + r"]{2,10}讯(?:[ \t\u3000\xa0：:（(]|$)"
    r"|摘\s*要|注\s*[：:]|关\s?键\s?[词字]"
    r"|致\s?谢\s*[:：]|致谢(?=[ \t\u3000A-Z]|文中|本文|本研究|作者|感谢)"
    # a bracketed front-matter label (``[Abstract]``, ``[作者简介]``, ``【基金项目】``)
    r"|[\[［【]\s*(?:[" + HAN_IDEOGRAPHS + r"]{2,6}|Abstract|Key\s*words|Keywords)\s*[\]］】」]"
    r"|(?:中图分类号|文献标识码|文章编号|DOI|Abstract|Key\s*words|Keywords)\s*[:：\s]"
    r"|【|[□■◆●▲►◀]"
    # an affiliation line under a paper's authors: ``（1 北京科技大学 …``, ``(1.School of …``,
    # ``1Institute for …``, ``(College of …``
    r"|[（(]\s*(?:\d{1,2}\s*[.．、,，]?\s*)?[^（）()\n。；;]{0,30}?"
    r"(?:大学|学院|研究所|研究院|研究中心|实验室|University|College|School|Institute|Department"
    r"|Laborator|Academy)"
    r"|(?:\d{1,2}\s*|[a-z](?=[A-Z]))(?:[A-Z][a-z]+\s*){0,3}"
    r"(?:University|College|School|Institute|Department"
    r"|Laborator|Academy|Key\s*Lab)"
    # an affiliation after its bare number (``1河北农业大学林学院，…``, ``2中国科学院…``)
    r"|\d{1,2}\s*[.．、]?\s*(?![多余所家个位名年月日号万千百亿])"
    r"[" + HAN_IDEOGRAPHS + r"]{2,30}?(?:大学|学院|研究所|研究院|研究中心|实验室)"
    # a paper's author line: three or more names set apart by spaces (``魏朝青 周慧慧 王旋 …``)
    r"|\d?\s*(?:[" + HAN_IDEOGRAPHS + r"]{1,3}\s*(?:\d(?:\s*,\s*\d)*|\\?\*)*[ \u3000]+){3,}"
    # an affiliation after a superscript mark (``$^{1}$ State Key Laboratory …``)
    r"|\$\s*\^\s*\{\s*\d[\d,\s]*\}\s*\$\s*(?:State|Key|College|School|Department|Institute"
    r"|University|Laborator|[" + HAN_IDEOGRAPHS + r"]{2,20}?(?:大学|学院|研究所|研究院))"
    # a panel legend or an interview turn: ``A：…；B：…``, ``Q：…``
    r"|[A-Z][：:])"
)
#: Discourse openers that start a new paragraph far more often than they continue one.
_PARAGRAPH_LEAD = re.compile(
    r"(?:近日|近年来|今年以来|去年以来|日前|此前|目前|当前|据了解|据悉|据介绍|据统计|与此同时|此外|另外"
    r"|首先|其次|最后|总之|综上|对此|为此|然而|下一步|前几日|前不久|日前|昨天|昨日|当天|当日|次日|随后"
    r"|另据|据[^，,。：:\n]{1,15}(?:报道|消息|介绍|透露|统计|显示))[，,]"
    # how a paragraph of a paper opens (``由表5可知``, ``本研究中``, ``为进一步探讨``)
    r"|(?:由|从)[表图]\s*\d{1,2}(?:[.．-]\d{1,2})?\s*(?:可知|可见|可以看出|所示|中可以看出)"
    r"|本研究|本文[中将采通在以]|为了?进一步|综上所述|通过本研究"
)
#: A date that opens a news paragraph (``北京时间11月5日，``, ``11月4—6日，``, ``2012年，``).
_NEWS_DATE_LEAD = re.compile(
    r"(?:北京时间|当地时间|时间回到)?(?:\d{4}年)?(?:\d{1,2}月\d{1,2}[日号](?:[-—–至]\d{1,2}[日号]?)?"
    r"|\d{1,2}月(?:\d{1,2}[日号]?)?[-—–至]\d{1,2}[日号]|\d{4}年(?:\d{1,2}月)?)[^，,。：:\n]{0,6}[，,]"
)
#: List and section markers: a block starting with one never continues the previous block.
_LIST_START = LazyPattern(
    f"(?:{LIST_ITEM}|第[{CN_DIGITS}]+[，,、]|{REFERENCE_NUMBER}(?!$)"
    # a numbered section title (``2.4.1层次分析法``) or item (``2)畜牧生产子系统``)
    # a step numbered with a circled number written in LaTeX (``$\\textcircled{2}$ 扫描…``)
    r"|\$?\s*\\textcircled\s*\{"
    r"|\d{1,2}(?:[.．]\d{1,2}){2,3}(?![\d.．%％])\s*["
    + HAN_IDEOGRAPHS
    + r"A-Za-z]|\d{1,2}[)）](?!\d))"
)


#: Characters that attach to what precedes them and practically never open a
#: paragraph.  Kept short on purpose: 地, 了, 着, 过, 之, 于, 与, 所 also start
#: common paragraph openers (地方, 了解, 着力, 过去, 之前, 于是, 与此同时, 所以).
_PARTICLES = frozenset("的们")
#: Words that start with one of :data:`_PARTICLES` and do open paragraphs (``的确，…``).
_PARTICLE_WORDS = ("的确", "的士", "的哥")


def opening(text: str, head: str) -> tuple[bool, bool, bool, bool]:
    """How a block opens: ``(opener, list_start, lead, particle)``.

    ``text`` is the block as it stands (indentation counts as an opener),
    ``head`` the same without leading whitespace.
    """
    return (
        bool(_OPENER.match(text)),
        bool(_LIST_START.match(head)),
        bool(_PARAGRAPH_LEAD.match(head) or _NEWS_DATE_LEAD.match(head)),
        bool(head) and head[0] in _PARTICLES and not head.startswith(_PARTICLE_WORDS),
    )
