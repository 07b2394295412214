"""``seedclean check`` on one small file loads only what that file needs (issue #13).

A pre-commit hook or an editor runs the CLI once per file: every module it
imports is paid on every call.  What a small prose file in a folder without
``.gitignore`` or settings never needs must stay unloaded; a test fails when an
import creeps back to the top of a module on that path.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# each is needed only by something this run does not ask for
NOT_NEEDED = (
    "numpy",  # sketches of many paragraphs
    "rapidfuzz",  # diffs and duplicate verification
    "pathspec",  # .gitignore files in a walked folder
    "tomllib",  # reading a settings file
    "concurrent.futures",  # the process pool (one file runs in-process)
    "seedclean.report.html",  # --html-report
    "seedclean.report.diff",  # --diff
    "seedclean.report.ci",  # --output-format github/sarif/json-lines
    "seedclean.report.jsonreport",  # --report
    "seedclean.formats.jsonrec",  # record files
    "seedclean.distributed",  # --engine dask
    "hashlib",  # key hashes of the duplicate index
    "seedclean._build",  # --version
    "tempfile",  # writing a file (check writes none)
)

_PROGRAM = (
    "import sys\n"
    "from seedclean.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('LOADED=' + ','.join(m for m in {names!r} if m in sys.modules), file=sys.stderr)\n"
)


_PAGE = "近年来,广东省检察院党支部在党\n员队伍中倡导开展活动 。\n\n第二段。\n"


def _probe(tmp_path: Path, program: str, label: str, text: str, *args: str) -> list[str]:
    """Run ``program`` (the CLI on a page holding ``text``) and read its ``label=`` line."""
    page = tmp_path / "page.txt"
    page.write_text(text, "utf-8")
    out = subprocess.run(
        [sys.executable, "-c", program, *args, str(page)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    line = [x for x in out.stderr.splitlines() if x.startswith(label + "=")]
    assert line, out.stderr
    return [m for m in line[0].removeprefix(label + "=").split(",") if m]


def _loaded(tmp_path: Path, *args: str) -> list[str]:
    return _probe(tmp_path, _PROGRAM.format(names=NOT_NEEDED), "LOADED", _PAGE, *args)


def test_check_of_one_small_file_loads_nothing_it_does_not_need(tmp_path: Path) -> None:
    assert _loaded(tmp_path, "check", "--isolated") == []


def test_a_diff_loads_the_diff_module(tmp_path: Path) -> None:
    # the same probe sees a lazily loaded module once it is used (the test above can fail)
    assert "seedclean.report.diff" in _loaded(tmp_path, "clean", "--isolated", "--diff")


# Patterns that take milliseconds each to compile and that a small page of plain prose
# never needs: each is compiled on first use (``LazyPattern``, or the fold class on the
# first text holding a character to fold).  The two-line page below needs none of them.
_LAZY_PROGRAM = (
    "import sys\n"
    "from seedclean.cli import main\n"
    "from seedclean.normalization import fold\n"
    "from seedclean.linebreaks import chars, guards, labels, lookahead, overlap, table, wrap\n"
    "code = main(sys.argv[1:])\n"
    "lazy = {{'fold': bool(fold._PATTERNS)}}\n"
    "for module, names in {names!r}:\n"
    "    for name in names:\n"
    "        lazy[module + '.' + name] = getattr(sys.modules['seedclean.linebreaks.' + module],"
    " name).compiled_yet\n"
    "print('COMPILED=' + ','.join(k for k, v in lazy.items() if v), file=sys.stderr)\n"
)
_LAZY = (
    ("chars", ("_READ_STOP",)),
    ("guards", ("_URL_END", "_LATIN_STOP", "_NOISE", "_FIELD_END", "_CELL_GAP", "_DATELINE")),
    ("labels", ("_OPENER", "_LIST_START", "_SIGNATURE", "_NOT_A_HEADING")),
    ("lookahead", ("_NUMBERED_HEADING",)),
    ("overlap", ("_WORDY",)),
    ("table", ("_NUMBER_IN_TEXT", "_NUMBER_GOES_ON")),
    ("wrap", ("_STRUCTURE", "_LAYOUT")),
)


def _compiled(tmp_path: Path, text: str) -> list[str]:
    program = _LAZY_PROGRAM.format(names=_LAZY)
    return _probe(tmp_path, program, "COMPILED", text, "check", "--isolated")


def test_check_of_a_small_plain_page_compiles_none_of_the_costly_patterns(tmp_path: Path) -> None:
    page = "近年来,广东省检察院党支部在党\n员队伍中倡导开展活动 。\n\n第二段。\n"
    assert _compiled(tmp_path, page) == []


def test_a_page_that_needs_them_compiles_them(tmp_path: Path) -> None:
    # the probe sees a pattern once it is compiled (the test above can fail)
    page = "全角字母ＡＢＣ在此。\n\n（上接第三版）\n\n图1 某地风光 新华社发\n"
    assert "fold" in _compiled(tmp_path, page)
