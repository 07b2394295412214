"""Pathological input shapes: each built at a given size, for the linear-time checks.

Every step of ``clean`` must take time near-linear in its input, whatever the
input looks like.  These are the shapes that once made a step quadratic (issue
#11, item 6) or could: long runs of one character, one very long line, nests,
and very many tiny lines or paragraphs.  ``bench/bench_shapes.py`` times them at
100 KB; ``tests/test_complexity.py`` compares 1x with 4x of each.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode()))


def _nest(opener: str, closer: str, size: int) -> str:
    half = _repeat(opener, size // 2)
    return half + closer * len(half)


#: name -> function of a size in bytes giving a text of about that size.
SHAPES: dict[str, Callable[[int], str]] = {
    "blank lines": lambda n: "\n" * n,
    "blank lines inside": lambda n: "第一段。\n" + "\n" * n + "第二段。\n",
    "spaces inside": lambda n: "中" + " " * n + "中\n",
    "one long line": lambda n: _repeat("新华社记者从会上获悉，", n),
    "one long word": lambda n: "a" * n + ".中\n",
    "dash run": lambda n: "-" * n,
    "dash run and @": lambda n: "-" * n + "@\n",
    "dash run and /": lambda n: "/" + "-" * n + "/a/b\n",
    "dash run and $": lambda n: "-" * n + "$\n",
    "one long word and <": lambda n: "a" * n + "<\n",
    "em dash run": lambda n: _repeat("—", n),
    "dot run": lambda n: "." * n,
    "hyphen seams": lambda n: _repeat("co-\n\n", n),
    "bracket nest": lambda n: _nest("（", "）", n),
    "paren nest": lambda n: _nest("(", ")", n),
    "quote nest": lambda n: _nest("“‘", "’”", n),
    "straight quotes": lambda n: _repeat('"中', n),
    "open quotes across blocks": lambda n: _repeat("“他说\n\n", n),
    "commas": lambda n: _repeat(",中", n),
    "tiny lines": lambda n: _repeat("a\n", n),
    "tiny paragraphs": lambda n: _repeat("字\n\n", n),
    "repeated paragraph": lambda n: _repeat("同一段落重复出现了很多次。\n\n", n),
    # one long line of ASCII with a single trigger of the width/spacing rules
    "ascii words and one han": lambda n: _repeat("word ", n) + "中\n",
    "ascii words around one han": lambda n: (
        _repeat("word ", n // 2) + "中" + _repeat(" word", n // 2)
    ),
    "ascii words and one comma": lambda n: (
        _repeat("word ", n // 2) + "中," + _repeat(" word", n // 2)
    ),
    "ascii words and han commas": lambda n: _repeat("word，", n),
    "ascii commas": lambda n: _repeat("word, ", n) + "中。\n",
    "url run": lambda n: _repeat("http://example.com/a/b?c=d&e=f ", n) + "中。\n",
    "one long url": lambda n: "见https://example.com/" + _repeat("a/", n) + " 中。\n",
    "digit run": lambda n: "1" * n + "中\n",
    "digit run and commas": lambda n: _repeat("1,234,", n) + "中。\n",
    "decimal run": lambda n: _repeat("3.14.", n) + "中\n",
    "mixed line": lambda n: _repeat("中文abc 123，http://x.y/z “引号” (括号) —— 1.5% ", n),
}
