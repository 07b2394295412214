"""Protected spans: text that punctuation rules must never touch.

A URL (with balanced parentheses: ``wiki/Foo_(bar)``), an e-mail address, a
number with separators (``1,000``, ``3.14``, ``10:30``, ``010-86423591``,
``2011-02-15``), a formula (``1+N``, ``1+1=2``),
an HTML entity, a Markdown code span or link target (with its title), an
HTML tag with its attributes, an inline JSON object, inline math (``$…$``), a dotted Latin token
(domains, ``e.g``, ``v2.0.1``) or an emoticon is correct as ASCII even inside
Chinese prose.  The step tokenizers put :data:`PROTECTED` first in their
alternation, so a protected span is consumed whole before any rule can match
inside it; rules then look at its neighbours as ordinary context (the comma in
``www.gov.cn,欢迎`` is converted, the dots are not).

The alternatives fall in two groups, which :mod:`.scan` uses to avoid trying the
whole alternation at every position: :data:`WIDE` spans (comments, code, link
targets, tags, JSON, math) may hold any character, while a :data:`NARROW` span is made only of
:data:`NARROW_CHARS` (printable ASCII and ``×÷``).
"""

from __future__ import annotations

from seedclean.chardata import HAN_IDEOGRAPHS

_ALNUM = "A-Za-z0-9"
#: Characters a narrow protected span (and any half-width mark) is made of.
NARROW_CHARS = "\\x21-\\x7e×÷"
_WIDE_PARTS = (
    # HTML comment, fenced code block (``` ... ```), inline code `...`
    r"(?s:<!--.*?-->)",
    r"(?ms:^[ \t]*```.*?^[ \t]*```[^\n]*$)",
    r"`[^`\n]+`",
    # Markdown link target with an optional title: ](url "title"); balanced () in the url,
    # nested once: wiki/Foo_(bar_(baz))
    r"\]\((?:[^()\s]|\((?:[^()\s]|\([^()\s]*\))*\))*"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)",
    # autolink: <https://zh.wikipedia.org/wiki/北京_(城市)> (any character but space and <>)
    r"<[A-Za-z][A-Za-z0-9+.\-]*://[^<>\s]*>",
    # HTML tag with its attributes: <img alt="图片,说明" src="a.png">, </p>
    r"</?[A-Za-z][A-Za-z0-9\-]*(?:[ \t][^<>\n]*)?/?>",
    # inline JSON object: {"名称": "测试,值", "数量": 1}
    r'\{[ \t]*"[^"\n]*"[ \t]*:[^{}\n]*\}',
    # inline math without Han: $\alpha , \beta$ (MinerU output)
    f"\\$(?!\\$)[^$\\n{HAN_IDEOGRAPHS}]+\\$",
)
# Each narrow part comes with a *trigger*: a short pattern that every match of the
# part contains (written to begin with its rarest character, a lookbehind checking
# what stands before it, so a search of a page for it runs at C speed).  A long run
# of narrow characters without the trigger cannot hold the part, so :mod:`.scan`
# leaves the part out of the alternation there: most parts start with a character
# run (``[A-Za-z0-9._%+\-]+@``), which the regex engine rescans from every position
# of a long run that fails at its end (``-`` x 40,000, a long word and ``.``):
# quadratic time without the trigger.
_ASCII_PARTS = (
    # URL: scheme://... without trailing sentence punctuation; balanced () nested once
    (
        r"[A-Za-z][A-Za-z0-9+.\-]*://(?:[\x21-\x27\x2a-\x7e]"
        r"|\((?:[\x21-\x27\x2a-\x7e]|\([\x21-\x27\x2a-\x7e]*\))*\))*"
        r"(?<=[A-Za-z0-9/#=&_%~+\-)])",
        "://",
    ),
    # e-mail
    (
        r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
        r"@(?<=[A-Za-z0-9._%+\-]@)[A-Za-z0-9\-]+\.[A-Za-z0-9\-]",
    ),
    # Windows path
    (r"[A-Za-z]:\\[\x21-\x7e]*[A-Za-z0-9_]", r":(?<=[A-Za-z]:)\\"),
)
_MORE_ASCII_PARTS = (
    # POSIX-like path
    (
        rf"(?<![{_ALNUM}])(?:\.{{0,2}}/)?[{_ALNUM}_.\-]+(?:/[{_ALNUM}_.\-]+){{2,}}",
        rf"/[{_ALNUM}_.\-]+/[{_ALNUM}_.\-]",
    ),
    # HTML entity
    (r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);", "&"),
    # formula: 1+N, 1+1=2, C++, a*b/c
    (
        rf"[{_ALNUM}]+(?:[+*/=×÷^<>][{_ALNUM}]+)+[+]*|[A-Za-z]\+\+",
        rf"[+*/=×÷^<>](?:(?<=[{_ALNUM}].)[{_ALNUM}]|(?<=[A-Za-z]\+)\+)",
    ),
    # numbers and dotted tokens with internal separators: 1,000 3.14 10:30 010-86423591 v2.0.1
    (rf"[{_ALNUM}]+(?:[.,:/\-][{_ALNUM}]+)+%?", rf"[{_ALNUM}][.,:/\-][{_ALNUM}]"),
    # emoticons
    (r"[:;]-?[)DPp](?![A-Za-z0-9])|\^_\^", r"[:;^]"),
    # Markdown: an image's opening ![ (the ! is not an exclamation mark), a footnote
    # definition's label [^1]: at a line start (its colon is markup)
    (r"!\[", r"!\["),
    (r"(?<![^\n ])\[\^[A-Za-z0-9_\-]+\]:", r"\[\^"),
)

#: Spans that may hold any character: HTML comments, code, Markdown link targets.
WIDE = "|".join(_WIDE_PARTS)
#: The parts of :data:`NARROW`, in the order they are tried, each with its trigger.
NARROW_PARTS: tuple[tuple[str, str], ...] = _ASCII_PARTS + _MORE_ASCII_PARTS
#: Spans made only of :data:`NARROW_CHARS`, in the order they are tried.
NARROW = "|".join(part for part, _ in NARROW_PARTS)
#: Regex alternation (no outer group) matching one protected span.
PROTECTED = "|".join(_WIDE_PARTS) + "|" + NARROW
