"""Phase 3: single half-width marks, ellipses, dashes and middle dots.

Runs after the pair phase, so ``(试行),`` already reads ``（试行）,`` and the
comma sees a closing CJK bracket.  One tokenizer (:mod:`.scan`) finds protected
spans first (consumed whole) and then every candidate mark; each candidate is judged by
its nearest non-space neighbours on the same line (:mod:`.context`).
Per-mark policy lives in :data:`MARKS`: ``,`` converts if either side is
Chinese; ``; : ? !`` if the left side is Chinese, or the right side is and the
left is not a Latin letter (``Yahoo!的`` and ``Tags:中文`` stay).  A period
converts only as a sentence end after Han (never after a digit: ``1.`` list
markers are correct per GB/T 15834); ``H.H`` is ambiguous (``约翰.史密斯``) and
only reported.
"""

from __future__ import annotations

from seedclean.edits import Notice, Replacement
from seedclean.lazyre import LazyPattern
from seedclean.normalization import context as ctx
from seedclean.normalization.scan import Scanner

__all__ = ["MARKS", "MARK_HOT", "MARK_RULES", "MARK_WIDE_FIRST", "mark_replacements"]

#: One row per single half-width mark: mark -> (rule id, full-width form).  The
#: scanner's pattern, :data:`MARK_HOT` and the second-round candidates
#: (:mod:`.recheck`) are built from these rows.
MARKS: dict[str, tuple[str, str]] = {
    ",": ("punct-comma", "，"),
    ";": ("punct-semicolon", "；"),
    ":": ("punct-colon", "："),
    "?": ("punct-question", "？"),
    "!": ("punct-exclamation", "！"),
}
MARK_RULES = frozenset(
    {rule for rule, _ in MARKS.values()}
    | {"punct-period", "punct-ellipsis", "punct-dash", "punct-middle-dot"}
)

#: The half-width marks this phase converts (every narrow token holds one).
MARK_HOT = "".join(MARKS) + ".\\-"
#: The first character of every full-width token of this phase (ellipses, dashes, dots).
MARK_WIDE_FIRST = "。…⋯．－―─•‧・･⋅∙"

_SCANNER = Scanner(
    narrow=(
        r"(?P<ellipsis>\.{3,})"
        r"|(?P<dash>(?<![-－―─])--(?![-－―─]))"
        r"|(?P<period>(?<!\.)\.(?!\.))"
        f"|(?P<mark>[{''.join(MARKS)}])"
    ),
    hot=MARK_HOT,
    # The first character is matched by one class, then the kind is decided:
    # 。{3,} …+ ⋯+ ．{3,} | －－ ―― ── not touching another dash | one odd middle dot.
    wide=(
        f"[{MARK_WIDE_FIRST}]"
        r"(?:(?P<ellipsis>(?<=。)。{2,}|(?<=…)…*|(?<=⋯)⋯*|(?<=．)．{2,})"
        r"|(?P<dash>(?<![-－―─].)(?:(?<=－)－|(?<=―)―|(?<=─)─)(?![-－―─]))"
        r"|(?P<dot>(?<=[•‧・･⋅∙])))"
    ),
)
_LATIN = LazyPattern(r"[A-Za-z]")
_HSPACES = LazyPattern(r"[ \t]*")
_NUMBER_CHARS = "0123456789.,:/-%"
_NUMBER_AFTER = LazyPattern(r"[ \t]*[0-9][0-9.,:/%\-]*")
_ALNUM = LazyPattern(r"[A-Za-z0-9]")
_NUMBER_REACH = 24
_DIGIT = LazyPattern(r"[0-9]")
#: An English sentence going on after a period: a space and a capitalised word.
_LATIN_SENTENCE_NEXT = LazyPattern(r"[ \t]+[A-Z][a-z]")
_SENTENCE_FOLLOW = LazyPattern(r"[ \t\n]|$|[”’）》〉】〕」』“‘（《〈【〔「『，。；：？！]")


def mark_replacements(text: str, active: frozenset[str]) -> tuple[list[Replacement], list[Notice]]:
    """Replacements and notices of the single-mark and multi-character-mark rules."""
    if not active & MARK_RULES:
        return [], []
    out: list[Replacement] = []
    notices: list[Notice] = []
    converted_end = -1  # end of the last converted mark: Chinese context for the next one
    for match in _SCANNER.scan(text):
        kind = match.lastgroup
        start, end = match.span()
        after_converted = _follows(text, start, converted_end)
        if kind == "mark":
            rule, full = MARKS[match.group()]
            if rule in active and (after_converted or _mark_is_chinese(text, start, match.group())):
                if _doubled(text, end, match.group()):
                    notices.append(Notice(rule, start, end, _DOUBLED))
                    continue
                out.append(Replacement(start, end, full, rule))
                converted_end = end
        elif kind == "ellipsis":
            # 。。。 is Chinese whatever stands around it (judging it by its neighbours made
            # ``。。。,`` change only in a second run, once the comma had become ``，``)
            chinese = match.group().startswith("。") or _either_side(text, start, end)
            if _cut_ellipsis(text, start, end):
                continue
            if "punct-ellipsis" in active and (after_converted or chinese):
                out.append(Replacement(start, end, _ellipsis(match.group()), "punct-ellipsis"))
                converted_end = end
        elif kind == "dash":
            if "punct-dash" in active and (after_converted or _either_side(text, start, end)):
                out.append(Replacement(start, end, "——", "punct-dash"))
                converted_end = end
        elif kind == "dot":
            if "punct-middle-dot" in active and _between_han(text, start):
                out.append(Replacement(start, end, "·", "punct-middle-dot"))
        elif kind == "period" and "punct-period" in active:
            _period(text, start, out, notices)
    return out, notices


#: Full-width marks that a converted mark must not be put right before (``，，``, ``。，``).
_STOPS = "，。、；：？！"
_DOUBLED = "a half-width mark right before a full-width one: stray mark? left as is"


def _doubled(text: str, end: int, mark: str) -> bool:
    """Whether converting the mark ending at ``end`` would double a full-width mark.

    ``很好.，然后`` would become ``很好。，``: the stray half-width mark (an OCR
    speck or a typing slip) is reported instead.  ``?`` and ``!`` may still be
    followed by ``？！`` (``?！`` → ``？！``).
    """
    right = ctx.right_char(text, end)
    if not right or right not in _STOPS:
        return False
    return not (mark in "?!" and right in "？！")


def _follows(text: str, start: int, converted_end: int) -> bool:
    """Whether the nearest non-space character before ``start`` ends a mark just converted.

    A run such as ``,--, ,`` after Chinese is Chinese throughout; judging each
    mark by the *converted* form of the one before settles it in one pass
    instead of one round per mark.
    """
    if converted_end < 0 or converted_end > start:
        return False
    return _HSPACES.match(text, converted_end, start).end() == start  # type: ignore[union-attr]


def _mark_is_chinese(text: str, start: int, mark: str) -> bool:
    left = ctx.left_char(text, start)
    if ctx.left_is_chinese(left):
        return True
    right = ctx.right_char(text, start + 1)
    if left == "%" and mark in ",;" and _DIGIT.match(right):
        # ``占30.3%,5G基站``: a percentage ends a clause of Chinese text; a number follows.
        return _number_follows_chinese(text, start)
    if mark in "?!" and _DIGIT.match(left) and _number_follows_chinese(text, start):
        # ``比分是3-3，4-5!``: a question or exclamation ends the Chinese sentence the
        # number stands in, when nothing Latin follows.
        return not right or ctx.is_han_or_cp(right)
    if not ctx.right_is_chinese(right):
        return False
    if mark == ",":
        return not (_DIGIT.match(text, start - 1) and _DIGIT.match(text, start + 1))
    return not _LATIN.match(left)


def _number_follows_chinese(text: str, start: int) -> bool:
    """Whether the number just before ``start`` follows Chinese on the same line."""
    before = text[max(0, start - _NUMBER_REACH) : start].rstrip(" \t").rstrip(_NUMBER_CHARS)
    if not before:
        return False  # at the start of the text, or a number too long to be prose
    return ctx.left_is_chinese(before.rstrip(" \t")[-1:])


#: Dashes and ellipsis dots: a run of them is judged by what stands after the whole run.
_RUN_CHARS = frozenset("-.－―─—…⋯")


def _either_side(text: str, start: int, end: int) -> bool:
    left = ctx.left_char(text, start)
    # look past the dashes and dots right after the mark (``--...近年来``): each would be
    # converted only once the one after it was, one round at a time, right to left
    if ctx.is_han_or_cp(left):
        return True
    while end < len(text) and text[end] in _RUN_CHARS and not ctx.is_han_or_cp(text[end]):
        end += 1
    if ctx.is_han_or_cp(ctx.right_char(text, end)):
        return True
    # ``--5年前在棋圣战上``: a dash or ellipsis opening a line looks past the number after it.
    return not _ALNUM.match(left) and _number_then_chinese(text, end)


def _number_then_chinese(text: str, end: int) -> bool:
    """Whether a number starts at ``end`` (after spaces) and Han or CJK punct follows it."""
    number = _NUMBER_AFTER.match(text, end)
    return number is not None and ctx.is_han_or_cp(text[number.end() : number.end() + 1])


def _between_han(text: str, pos: int) -> bool:
    return pos > 0 and bool(ctx.IS_HAN(text, pos - 1)) and bool(ctx.IS_HAN(text, pos + 1))


#: One ``…`` ending a line, a break, one ``…`` opening the next block (and the other way round).
_HALF_BEFORE_BREAK = LazyPattern(r"[ \t]*\n[ \t\n]*[…⋯](?![…⋯])")
_HALF_AFTER_BREAK = LazyPattern(r"(?<![…⋯])[…⋯][ \t]*\n[ \t\n]*\Z")


def _cut_ellipsis(text: str, start: int, end: int) -> bool:
    """Whether a single ``…`` is half of a ``……`` that a page or column break cut in two.

    ``…被子…`` ‖ ``…“六一”儿童节…``: completing each half would give ``…………``
    once line-break repair joins the two blocks, so both halves stay as they are
    (joined, they are the ``……`` they were; left apart, they are what the page had).
    """
    if end - start != 1:
        return False
    return (
        _HALF_BEFORE_BREAK.match(text, end) is not None
        or _HALF_AFTER_BREAK.search(text, max(0, start - 64), start) is not None
    )


def _ellipsis(run: str) -> str:
    """Six dots (two …) for a short run, twelve for a long one (GB/T 15834 §4.11)."""
    per_char = 3 if run[0] == "…" or run[0] == "⋯" else 1
    dots = len(run) * per_char
    return "……" if dots <= 6 else "…………"


def _period(text: str, start: int, out: list[Replacement], notices: list[Notice]) -> None:
    if not (start > 0 and ctx.IS_LEFT_CTX(text, start - 1)):
        return
    if _LATIN_SENTENCE_NEXT.match(text, start + 1) and not ctx.HAS_HAN_OR_CP(
        text, max(0, start - 30), start - 1
    ):
        return  # ``(…sunlight）. The …``: an English sentence after a stray full-width mark
    if _doubled(text, start + 1, "."):
        notices.append(Notice("punct-period", start, start + 1, _DOUBLED))
    elif _SENTENCE_FOLLOW.match(text, start + 1):
        out.append(Replacement(start, start + 1, "。", "punct-period"))
    elif ctx.IS_HAN(text, start + 1):
        notices.append(
            Notice("punct-period", start, start + 1, "'.' between Han: sentence end or name dot?")
        )
