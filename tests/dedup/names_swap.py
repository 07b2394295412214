"""Template paragraphs for another person or place, built from real prose (tests and benchmarks).

A paragraph that names a place or a person is rewritten for another one: the
same sentence with a different name, as award lists, appointment notices,
county reports and captions repeat one template.  Such a pair must never be a
near duplicate.

Names come from the corpus itself: places from a gazetteer of provinces and
large cities (general knowledge, not tuned to any text), people from the
position a name takes after a title or a byline (``总理李强``, ``记者 张薇``),
kept when the span starts with a common surname.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from typing import Any

from tests.dedup.noise import ocr_noise

_GAZETTEER = (
    "北京 天津 河北 山西 辽宁 吉林 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东"
    " 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 黑龙江 内蒙古"
    " 深圳 广州 杭州 南京 武汉 成都 西安 郑州 长沙 沈阳 大连 青岛 厦门 苏州 无锡 宁波 合肥"
    " 福州 济南 昆明 贵阳 南宁 兰州 银川 拉萨 太原 石家庄 哈尔滨 长春 南昌 海口 西宁 张掖"
    " 雄安 温州 佛山 东莞 珠海 汕头 烟台 潍坊 洛阳 襄阳 宜昌 岳阳 遵义 绵阳 延安 喀什"
)
PLACES = tuple(_GAZETTEER.split())
# Common single-character surnames that are rarely the first character of a word.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜程苏魏吕丁"
    "沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵覃戴莫孔汤"
)
_TITLED = re.compile(
    "(?:主席|总理|总统|首相|部长|省长|市长|书记|主任|主教练|董事长|记者|通讯员|外长|大使)"
    "\\s*([\u4e00-\u9fff]{2,3})(?=[\\s，、。）)在表说会出指强])"
)


def corpus_people(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """Person names found after a title or a byline, starting with a common surname."""
    found = {m.group(1) for text in paragraphs for m in _TITLED.finditer(text)}
    names = {n for n in found if n[0] in SURNAMES}
    # ``李强在`` is ``李强`` followed by a word: keep the shorter name.
    return tuple(sorted(n for n in names if not (len(n) == 3 and n[:2] in names)))


def swap_name(text: str, names: tuple[str, ...], rng: random.Random) -> str | None:
    """``text`` rewritten for another name of ``names`` (every mention), or None if it names none.

    The new name has no character in common with the old one and a length
    within one of it: a one-character difference (``王晓明`` / ``王晓东``) looks
    like a misread and is a separate, documented limit.
    """
    present = [n for n in names if n in text]
    if not present:
        return None
    old = rng.choice(present)
    choices = [
        n for n in names if abs(len(n) - len(old)) <= 1 and not set(n) & set(old) and n not in text
    ]
    if not choices:
        return None
    return text.replace(old, rng.choice(choices))


def name_corpus(articles: list[dict[str, Any]], files: int, seed: int) -> dict[str, str]:
    """Files of real paragraphs with name-swapped, OCR-noisy and exact copies planted."""
    rng = random.Random(seed)
    paragraphs = [p for a in articles[:800] for p in a["paragraphs"] if len(p) >= 30]
    with_place = [p for p in paragraphs if any(n in p for n in PLACES)]
    docs: dict[str, str] = {}
    for i in range(files):
        out = []
        for para in rng.sample(with_place, 4) + rng.sample(paragraphs, 2):
            out.append(para)
            roll = rng.random()
            if roll < 0.5:
                out.append(swap_name(para, PLACES, rng) or para)
            elif roll < 0.8:
                out.append(ocr_noise(para, 0.03, rng))
        rng.shuffle(out)
        docs[f"p{i:03d}.txt"] = "\n\n".join(out) + "\n"
    return docs
