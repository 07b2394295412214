"""Rule ids of the normalization step (pure data, cheap to import).

Each rule is switched on or off by its id (``rules=`` / ``select`` / ``ignore``);
``docs/normalization.md`` explains every one with runnable examples.
"""

from __future__ import annotations

from seedclean.rule import Rule

_S = "normalize"

RULES: tuple[Rule, ...] = (
    Rule("newline-crlf", _S, "CR LF, lone CR and Unicode line separators become LF"),
    Rule("space-zero-width", _S, "zero-width spaces, word joiners, soft hyphens and BOMs go"),
    Rule("space-indent", _S, "leading ideographic-space paragraph indents go"),
    Rule("space-unicode", _S, "NBSP, U+3000 and other Unicode spaces become a plain space"),
    Rule("width-alnum", _S, "full-width Latin letters and digits become ASCII"),
    Rule(
        "ideograph-radicals", _S, "Kangxi radicals and CJK radical forms become unified ideographs"
    ),
    Rule("ideograph-compat", _S, "CJK compatibility ideographs become unified ideographs"),
    Rule(
        "script-traditional-only",
        _S,
        "characters that exist only in traditional script become simplified",
    ),
    Rule(
        "script-preposition-yu",
        _S,
        "於 as a preposition (由於, 处於, 善於, 於是) becomes 于; the surname 於 stays",
    ),
    Rule(
        "script-t2s", _S, "full OpenCC traditional-to-simplified conversion (opt-in)", default=False
    ),
    Rule(
        "width-symbols",
        _S,
        "full-width ％．－／＋＠＃＆＿ between ASCII letters or digits become ASCII",
    ),
    Rule("punct-brackets", _S, "balanced ( ) pairs in Chinese context become （ ）"),
    Rule("punct-double-quotes", _S, 'balanced straight " pairs in Chinese context become “ ”'),
    Rule("punct-single-quotes", _S, "balanced straight ' pairs touching Chinese become ‘ ’"),
    Rule(
        "punct-corner-quotes", _S, "「」『』 become “”‘’ by nesting level (opt-in)", default=False
    ),
    Rule("punct-comma", _S, "half-width , in Chinese context becomes ，"),
    Rule("punct-semicolon", _S, "half-width ; in Chinese context becomes ；"),
    Rule("punct-colon", _S, "half-width : after Chinese becomes ："),
    Rule("punct-question", _S, "half-width ? (and ?! runs) after Chinese become ？"),
    Rule("punct-exclamation", _S, "half-width ! (and !? runs) after Chinese become ！"),
    Rule("punct-period", _S, "half-width . ending a Chinese sentence becomes 。"),
    Rule("punct-ellipsis", _S, "..., 。。。, a single … and similar next to Chinese become ……"),
    Rule(
        "punct-dash", _S, "two-character dash variants (--, ――, －－, ──) next to Chinese become ——"
    ),
    Rule("punct-middle-dot", _S, "odd middle dots (•‧・･⋅∙) between Han become ·"),
    Rule("space-around-punct", _S, "spaces between full-width punctuation and Chinese go"),
    Rule(
        "space-inside-word",
        _S,
        "a single space between two Han characters of one word (设施建 设) goes",
    ),
    Rule("space-trailing", _S, "spaces and tabs at the end of a line go"),
    Rule("newline-final", _S, "a text ending in line breaks ends in exactly one LF"),
)
