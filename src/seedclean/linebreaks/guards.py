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

from seedclean.chardata import HAN_IDEOGRAPHS
from seedclean.linebreaks import chars

#: A URL or an e-mail address at the end of a block (``… http://t.cn/EwhKVKS``).
_URL_END = re.compile(
    rf"(?:(?:https?|ftp)://|www\.)[^\s\u3000-\u303f{HAN_IDEOGRAPHS}\uff00-\uffef]+/?\Z"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+\Z",
    re.ASCII,
)
#: A full stop written as ASCII ``.`` right after Chinese text or a closing
#: bracket or quote (``…热点之一.``, ``…双相暴).``): academic Chinese ends
#: sentences this way.  After a digit or a Latin letter it may be a number or
#: an abbreviation, so it is not read as an end there.
_LATIN_STOP = re.compile(rf"[{HAN_IDEOGRAPHS}）)”’」』》][.．]\Z")
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
