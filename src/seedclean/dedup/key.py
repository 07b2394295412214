"""Canonical comparison keys: what two paragraphs must share to count as the same.

The key folds what OCR and typesetting vary without changing the content:
character width and compatibility forms (NFKC), letter case, traditional vs
simplified characters (OpenCC's character table), and it drops whitespace,
punctuation and symbols (a comma read as ``,`` or ``，`` or lost altogether is
the commonest OCR difference).  Digits are kept: dates and figures carry news.
The original text is never changed; keys are only compared.

Speed: after one NFKC pass over the whole text, casefolding, dropping and
script folding are one lookup table over code points (numpy, built on first
use from the same definitions), so a page costs a handful of C-level passes
whatever its number of paragraphs.  :func:`line_keys` keys every line of a
text at once; :func:`paragraph_key` is the same computation for one paragraph.

>>> paragraph_key("今年以来, 甘肃省 張掖市「检察院」…")
'今年以来甘肃省张掖市检察院'
>>> paragraph_key("ＡＢＣ１２３") == paragraph_key("abc 123")
True
>>> line_keys("第一段，甲乙。\\n\\n  \\n第二段")
['第一段甲乙', '', '', '第二段']
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import regex

from seedclean.datafiles import data_path

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["key_hash", "line_keys", "paragraph_key"]

_DROP = regex.compile(r"[\p{P}\p{S}\p{Z}\p{C}\s]+")


# The patterns of the code point tables compile on first use: a small text is keyed
# without the tables, and compiling these properties costs more than keying it.
@functools.cache
def _casefolded() -> regex.Pattern[str]:
    # Casefolding is stable across Unicode versions, so the regex module's (possibly
    # newer) properties find every character Python's casefold changes, and maybe more:
    # Changes_When_Casefolded compares canonical decompositions, so characters with a
    # decomposition (NFD_QC=No: ǰ, ΐ, ẖ ...) are checked one by one too.
    return regex.compile(r"[\p{Changes_When_Casefolded}\p{NFD_QC=No}]+")


_BMP = 0x10000
_NEWLINE = 10
_DROPPED = 0  # NUL is a control character, so it never survives into a key


@functools.cache
def _script_table() -> dict[int, int]:
    """Traditional -> simplified, single characters only (loaded on first use)."""
    path = data_path("opencc", "dictionary", "TSCharacters.txt")
    table: dict[int, int] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            source, _, targets = line.rstrip("\n").partition("\t")
            target = targets.split(" ")[0] if targets else ""
            if len(source) == 1 and len(target) == 1 and source != target:
                table[ord(source)] = ord(target)
    return table


def _fold_one(char: str) -> int:
    """What one (NFKC-normalized) character becomes in a key; -1 when casefolding expands it."""
    folded = char.casefold()
    if len(folded) != 1:
        return -1
    if _DROP.fullmatch(folded):
        return _DROPPED
    code = ord(folded)
    return _script_table().get(code, code)


@functools.cache
def _bmp_table() -> npt.NDArray[Any]:
    """``code point -> key code point`` for the BMP (0: dropped; -1: casefold expands)."""
    import numpy as np

    table = np.arange(_BMP, dtype=np.int32)
    expands: list[int] = []
    for match in _casefolded().finditer(_bmp_chars()):  # only these can change: ~1,400
        for code in range(match.start(), match.end()):
            folded = chr(code).casefold()
            if len(folded) == 1:
                table[code] = ord(folded)
            else:
                expands.append(code)
    single = table.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    for match in _DROP.finditer(single):
        table[match.start() : match.end()] = _DROPPED
    script = np.arange(_BMP, dtype=np.int32)
    pairs = [(s, t) for s, t in _script_table().items() if s < _BMP]
    script[[s for s, _ in pairs]] = [t for _, t in pairs]
    table = np.where(table > 0, script[table], table)
    table[expands] = -1
    table[_NEWLINE] = _NEWLINE  # kept as the line separator; never inside a line's key
    table.flags.writeable = False
    return table


# Characters that can change a neighbour under NFKC (combining marks, composition
# seconds such as Hangul vowel jamo), and characters NFKC changes at all.  The
# regex module may know newer Unicode than unicodedata; a character it calls risky
# or changing that unicodedata does not only takes the slower exact path.
@functools.cache
def _risky_pattern() -> regex.Pattern[str]:
    return regex.compile(r"[\p{NFKC_QC=Maybe}\P{ccc=0}]+")


@functools.cache
def _changed() -> regex.Pattern[str]:
    return regex.compile(r"\p{NFKC_QC=No}+")


@functools.cache
def _bmp_chars() -> str:
    import numpy as np

    codes = np.arange(_BMP, dtype=np.uint32).tobytes()
    return codes.decode("utf-32-le", "surrogatepass")


@functools.cache
def _risky_bmp() -> frozenset[int]:
    return frozenset(
        code for m in _risky_pattern().finditer(_bmp_chars()) for code in range(m.start(), m.end())
    )


def _risky(code: int) -> bool:
    if code < _BMP:
        return code in _risky_bmp()
    return _risky_pattern().match(chr(code)) is not None


@functools.cache
def _raw_table() -> npt.NDArray[Any]:
    """Like :func:`_bmp_table` for text not yet NFKC-normalized (-1: normalize first).

    A character whose NFKC form it keeps, or turns into one character (or only
    into dropped ones), and that neither is nor becomes a combining or
    composing character, normalizes on its own; text made only of such
    characters needs no ``unicodedata.normalize`` pass.
    """
    folded = _bmp_table()
    table = folded.copy()
    for match in _changed().finditer(_bmp_chars()):
        for code in range(match.start(), match.end()):
            table[code] = _fold_normal(unicodedata.normalize("NFKC", chr(code)), folded)
    table[sorted(_risky_bmp())] = -1
    table.flags.writeable = False
    return table


def _map(
    codes: npt.NDArray[Any], table: npt.NDArray[Any], fold: Callable[[str], int]
) -> npt.NDArray[Any]:
    """``table[codes]``, with astral code points mapped one distinct value at a time."""
    import numpy as np

    astral = codes >= _BMP
    if not astral.any():
        out: npt.NDArray[Any] = table[codes]
        return out
    mapped = np.empty(codes.shape[0], dtype=np.int32)
    mapped[~astral] = table[codes[~astral]]
    rare, where = np.unique(codes[astral], return_inverse=True)
    mapped[astral] = np.array([fold(chr(int(c))) for c in rare], dtype=np.int32)[where]
    return mapped


def _fold_normal(normal: str, folded: npt.NDArray[Any]) -> int:
    """The key code of a character whose NFKC form is ``normal`` (-1: normalize the text)."""
    codes = [ord(c) for c in normal]
    if any(c >= _BMP or _risky(c) for c in codes):
        return -1
    kept = [int(folded[c]) for c in codes if folded[c] != _DROPPED]
    if not kept:
        return _DROPPED  # e.g. "…" -> "...": all punctuation
    return kept[0] if len(codes) == 1 else -1


def _fold_raw(char: str) -> int:
    if _risky(ord(char)):
        return -1
    return _fold_normal(unicodedata.normalize("NFKC", char), _bmp_table())


def _casefold_key(text: str) -> str:
    """The reference definition (used when casefolding changes a string's length)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "\n".join(_DROP.sub("", line) for line in folded.split("\n")).translate(_script_table())


#: Up to this many characters a text is keyed by the plain definition: building the
#: tables (and importing numpy) costs ~0.1 s once, which a small file never repays.
SMALL_TEXT = 8192


def line_keys(text: str) -> list[str]:
    """Comparison keys of every ``\\n``-separated line of ``text``, in one pass.

    ``line_keys(text)[i]`` equals ``paragraph_key(text.split("\\n")[i])``.
    """
    if len(text) <= SMALL_TEXT:
        return _casefold_key(text).split("\n")
    return table_keys(text)


def table_keys(text: str) -> list[str]:
    """:func:`line_keys` through the code point tables (numpy), for any length."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = _map(codes, _raw_table(), _fold_raw)
    risky = np.flatnonzero(mapped < 0)
    if risky.size == 0:
        return _decoded(mapped)
    # Only the lines holding such a character (℃, Ⅱ, a combining mark) go the slow
    # way: NFKC never acts across a newline (a starter that composes with nothing),
    # so keying them one by one equals keying the whole text normalized.
    lines = np.unique(np.searchsorted(np.flatnonzero(codes == _NEWLINE), risky)).tolist()
    mapped = mapped.copy()
    mapped[risky] = _DROPPED
    keys = _decoded(mapped)
    texts = text.split("\n")
    for line in lines:
        keys[line] = _slow_key(texts[line])
    return keys


def _decoded(mapped: npt.NDArray[Any]) -> list[str]:
    """The keys of the lines of mapped key codes (:data:`_DROPPED` codes left out)."""
    import numpy as np

    kept = mapped[mapped != _DROPPED].astype(np.uint32)
    keys: str = kept.tobytes().decode("utf-32-le", "surrogatepass")
    return keys.split("\n")


def _slow_key(line: str) -> str:
    """The key of one line holding a character that needs the text NFKC-normalized first."""
    import numpy as np

    normal = unicodedata.normalize("NFKC", line)
    codes = np.frombuffer(normal.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = _map(codes, _bmp_table(), _fold_one)
    if (mapped < 0).any():
        return _casefold_key(line)
    return "".join(_decoded(mapped))


def paragraph_key(text: str) -> str:
    """Return the comparison key of one paragraph (see the module docstring)."""
    return "".join(line_keys(text))


def key_hash(key: str) -> int:
    """A stable 64-bit hash of a key (independent of Python's salted ``hash``)."""
    return int.from_bytes(_blake2b()(key.encode("utf-8"), digest_size=8).digest(), "little")


@functools.cache
def _blake2b() -> Callable[..., Any]:
    import hashlib  # only the index hashes keys: a clean never loads it

    return hashlib.blake2b
