"""Shapes of blocks that are never part of a cut paragraph, found in real web text.

Web pages saved as text keep things an OCR'd newspaper page rarely has, and
each of them looked like a cut sentence to the seam table (measured on
``neardup_pool.jsonl``, whose paragraph breaks are genuine, see
``bench/bench_linebreaks_precision.py``):

* page code: inline JavaScript and CSS (``(function(){`` ‖ ``var ad = …``,
  ``.tech-con p{margin:0}``, ``url: "//…/a.js"``, ``});``);
* bracketed labels and promo lines: ``【技术统计】``, ``[点击查看]``,
  ``[送1188][下载APP]``; a block that is nothing else is a label, and a block
  that ends a sentence and then only such labels (or a credit such as
  ``（完）``, ``（记者 甲）``) is closed;
* subtitles and speaker or section labels marked by a dash: ``——某某综述``
  (a subtitle under a headline), ``■谈意义——`` (a label its paragraph follows);
* numbered section titles: ``1、准确识才``, ``2.布局产业生态``.

Each is a general layout shape, not a string from the data.
"""

from __future__ import annotations

import re

from seedclean.linebreaks import chars

#: Inline script or style: a line that opens like a statement, a rule or an
#: object property, or is nothing but closing braces.  Keys are ASCII
#: identifiers, so Chinese ``标签：值`` lines never match.
_CODE = re.compile(
    r"[ \t]*(?:"
    r"\(?\s*function\s*[\w$]*\s*\("  # (function(){ / function f(
    r"|(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*[=;,]"  # var x =
    r"|new\s+[A-Z][\w$.]*\s*\("  # new SinaPage.Widget({
    r"|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\s*\("  # SinaPage.loadWidget(
    r"|[}\])]+\s*[;,)\]}]*\s*$"  # }); / }], / }
    r"|[.#]?[A-Za-z][\w-]*(?:[ \t.#:>+~,]+[A-Za-z][\w-]*)*\s*\{"  # .tech-con p{ / a:visited{
    r"|[A-Za-z_$][\w$]*(?:\[[^\]\n]*\])*\s*=\s*[\[{'\"\w]"  # INFO['x'] = [
    r"|[A-Za-z_$][\w$]*\s*:\s*(?:'[^'\n]*'|\"[^\"\n]*\"|-?\d[\d.]*|true|false|null"
    r"|[A-Za-z_$][\w$.]*(?:\[[^\]\n]*\]|\([^)\n]*\))+|[\[{])"
    r"\s*,?\s*(?://.*)?$"  # url: "//a.js",  /  video_id: 26877,	//vid
    r")",
    re.ASCII,
)
#: A line of nothing but ASCII that ends like code (``…;}`` ``…{`` ``…(``).
_CODE_END = re.compile(r"[\x20-\x7e\t]*[;{}(\[]\s*$")
_ASCII_LINE = re.compile(r"[\x20-\x7e\t]+")


def is_code(text: str) -> bool:
    """Whether a block is inline script or style (see :data:`_CODE`)."""
    if _CODE.match(text):
        return True
    if "{" not in text and "}" not in text:
        return False
    return _ASCII_LINE.fullmatch(text) is not None and _CODE_END.fullmatch(text) is not None


#: A block that is nothing but bracketed labels (``[送1188][下载APP]``).
_LABELS_ONLY = re.compile(rf"(?:{chars.LABEL}\s*)+$")


def labels_only(text: str) -> bool:
    """A block that is wholly bracketed labels: a label or promo line, never a fragment."""
    return text[:1] in "[【" and _LABELS_ONLY.match(text) is not None


#: A subtitle under a headline opens with a dash (``——某某重要论述综述``).
_DASH_SUBTITLE = re.compile(r"[ \t\u3000]*(?:——|—|--|－－)(?!\s*$)[^。！？!?；;\n]{1,60}$")
#: A label its paragraph follows, ending in a dash (``■谈意义——``, ``中超第28轮各项最佳——``).
_DASH_LABEL = re.compile(r"[ \t\u3000]*[□■◆◇●○•▪▲►]?\s*([^\n—]{1,24}?)\s*(?:——|—|--|－－)$")
#: A numbered section title: ``1、准确识才``, ``2.布局MR产业生态，华捷艾米蓄势待发``,
#: ``1.3神经递质指标的检测``, ``2.1.2 林下产品价值`` (not ``1.5亿元…``: a number and its unit).
_NUMBERED_TITLE = re.compile(
    r"[ \t\u3000]*(?:\d{1,2}[、.．](?!\d)"
    r"|\d{1,2}(?:[.．]\d{1,2}){1,3}(?![\d年月日号时分秒亿万千百元%％岁个]))"
    r"\s*([^。！？!?；;\n]{1,30})$"
)


def dash_subtitle(text: str) -> bool:
    """A line that opens with a dash and has no sentence punctuation: a subtitle."""
    return _DASH_SUBTITLE.match(text) is not None


def dash_label_head(text: str) -> str | None:
    """The words of a short label ending in a dash (``■谈意义——`` -> ``谈意义``), else ``None``.

    Whether those words read as a heading is :func:`.labels.dash_label`'s test.
    """
    found = _DASH_LABEL.match(text)
    return None if found is None else found.group(1)


def numbered_title(text: str) -> bool:
    """A numbered line short enough and unpunctuated enough to be a section title."""
    found = _NUMBERED_TITLE.match(text)
    if found is None:
        return False
    return len(chars.CLAUSE_PUNCT.findall(found.group(1))) <= 1
