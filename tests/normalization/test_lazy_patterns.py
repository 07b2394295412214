"""Normalization compiles its regular expressions on first use, not when imported.

``seedclean check`` on a small file imports the step; every pattern compiled at
import is paid for by every run, used or not (the Han class alone is thousands
of ranges).  A module-level pattern in ``seedclean/normalization`` is a
:class:`seedclean.lazyre.LazyPattern`.
"""

from __future__ import annotations

import subprocess
import sys

from seedclean.lazyre import LazyPattern

_COUNT = """
import re, sys
compiled = []
original = re._compile
def counting(pattern, flags):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.endswith(("re/__init__.py", "re.py")):
        frame = frame.f_back
    where = frame.f_code.co_filename.replace("\\\\", "/") if frame is not None else ""
    if "seedclean/normalization" in where:
        compiled.append((frame.f_code.co_filename, frame.f_lineno))
    return original(pattern, flags)
re._compile = counting
import seedclean.normalization
print(compiled)
"""


def test_importing_normalization_compiles_none_of_its_patterns() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _COUNT], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]", out


def test_a_lazy_pattern_is_the_compiled_one() -> None:
    lazy = LazyPattern(r"(?<=[甲乙])[0-9]+")
    assert not lazy.compiled_yet
    text = "甲12乙345丙6"
    assert [m.group() for m in lazy.finditer(text)] == ["12", "345"]
    assert lazy.compiled_yet
    assert lazy.findall(text) == ["12", "345"]
    found = lazy.search(text, 4)
    assert found is not None
    assert found.group() == "345"
    assert lazy.match(text, 1) is not None
    assert lazy.fullmatch(text, 1, 3) is not None
    assert lazy.match(text) is None
