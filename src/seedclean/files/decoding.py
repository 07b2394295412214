"""Bytes -> text with a named encoding, or a refusal; never a silent guess.

Chinese corpora arrive as UTF-8 (with or without BOM), UTF-16 with BOM (Windows
"Unicode" exports) and GB2312/GBK/GB18030 (older Chinese software).  Detection
is deliberately conservative:

1. A byte-order mark decides (UTF-32, UTF-8, UTF-16, in that order).
2. Known binary signatures (PDF, images, archives) and NUL bytes mean binary.
3. Strict UTF-8 decoding: multi-byte UTF-8 almost never decodes by accident.
4. Strict GB18030, accepted only when the result *looks like Chinese text*:
   at least 90 % of the non-ASCII characters are in GB2312 (the 6,763 common
   hanzi plus common punctuation).  Random bytes decode to GB18030 often, but
   land in GB2312 only about a third of the time, so binary junk and Latin-1
   text are refused ("could not determine encoding") instead of mangled.

>>> decode_bytes("近年来，广东".encode("gb2312")).encoding
'gb2312'
>>> decode_bytes(b"\\xef\\xbb\\xbfabc")
Decoded(text='abc', encoding='utf-8-sig')
>>> encode_text("广东", "utf-16-le")
b'\\xff\\xfe\\x7f^\\x1cN'
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from seedclean.files.errors import SkipFileError

__all__ = ["Decoded", "decode_bytes", "encode_text", "where"]

# (byte-order mark, codec without BOM handling, reported name); longest first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BOM_OF = {name: bom for bom, name in _BOMS}

_BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"II*\x00",  # TIFF (scans)
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",  # old Office (doc, xls)
)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return, escape.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_MAX_CONTROL_SHARE = 0.005
_MIN_GB2312_SHARE = 0.9
_MIN_EVIDENCE = 8  # non-ASCII characters needed before a share below 100 % is trusted


class Decoded(NamedTuple):
    """Text decoded from a file and the encoding that was used.

    ``encoding`` is one of ``utf-8``, ``utf-8-sig``, ``utf-16-le``,
    ``utf-16-be``, ``utf-32-le``, ``utf-32-be`` (all with BOM except
    ``utf-8``), ``gb2312``, ``gbk`` or ``gb18030``.
    """

    text: str
    encoding: str


def _reject_binary_text(text: str) -> None:
    if "\x00" in text:
        raise SkipFileError("binary", "binary file (contains NUL bytes)")
    controls = len(_CONTROL.findall(text))
    if controls and controls > _MAX_CONTROL_SHARE * len(text):
        raise SkipFileError("binary", f"binary file ({controls} control characters)")


def _decode_with_bom(data: bytes) -> Decoded | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if name == "utf-8-sig" else name
            try:
                return Decoded(data[len(bom) :].decode(codec), name)
            except UnicodeDecodeError as exc:
                raise SkipFileError(
                    "encoding", f"starts with a {name} byte-order mark but is not valid {name}"
                ) from exc
    return None


def _gb_name(data: bytes) -> str:
    """The narrowest GB codec that decodes ``data`` (what the file most likely was)."""
    for name in ("gb2312", "gbk"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return "gb18030"


def _looks_chinese(text: str) -> bool:
    non_ascii = _ASCII_RUN.sub("", text)
    if not non_ascii:
        return True
    # Every GB2312 character encodes to exactly two bytes; others are dropped.
    common = len(non_ascii.encode("gb2312", errors="ignore")) // 2
    share = common / len(non_ascii)
    if len(non_ascii) < _MIN_EVIDENCE:
        return share == 1.0
    return share >= _MIN_GB2312_SHARE


def where(data: bytes, exc: UnicodeDecodeError) -> str:
    """Where decoding failed, for a person: line, byte offset and the bytes.

    >>> where(b"ab\\ncd\\xff", UnicodeDecodeError("utf-8", b"ab\\ncd\\xff", 5, 6, "invalid"))
    'line 2, byte offset 5 (0xff)'
    """
    line = data.count(b"\n", 0, exc.start) + 1
    bad = data[exc.start : max(exc.end, exc.start + 1)][:4]
    return f"line {line}, byte offset {exc.start} ({' '.join(f'0x{b:02x}' for b in bad)})"


def _forced(data: bytes, encoding: str) -> Decoded:
    """Decode with the encoding the user named (strictly; a BOM of it is dropped)."""
    name = codecs.lookup(encoding).name
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise SkipFileError("encoding", f"not valid {encoding} at {where(data, exc)}") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    _reject_binary_text(text)
    return Decoded(text, name)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode file contents, naming the encoding, or raise :class:`SkipFileError`.

    ``encoding`` (any Python codec name, e.g. ``big5``) skips detection: the
    bytes are decoded strictly with it.

    Raises:
        SkipFileError: ``binary`` for binary files, ``encoding`` when no supported
            encoding fits with confidence (saying where UTF-8 decoding failed).
    """
    if encoding:
        return _forced(data, encoding)
    by_bom = _decode_with_bom(data)
    if by_bom is not None:
        _reject_binary_text(by_bom.text)
        return by_bom
    if data.startswith(_BINARY_SIGNATURES):
        raise SkipFileError("binary", "binary file (known binary signature)")
    if b"\x00" in data:
        raise SkipFileError(
            "binary", "binary file (contains NUL bytes; UTF-16 needs a byte-order mark)"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        not_utf8 = f"not UTF-8 at {where(data, exc)}"
    else:
        _reject_binary_text(text)
        return Decoded(text, "utf-8")
    hint = "; name the encoding with --encoding if you know it"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise SkipFileError(
            "encoding",
            f"could not determine encoding ({not_utf8}; not UTF-16 with BOM or GB18030){hint}",
        ) from exc
    _reject_binary_text(text)
    if not _looks_chinese(text):
        raise SkipFileError(
            "encoding",
            f"could not determine encoding ({not_utf8}; decodes as GB18030 but does not "
            f"look like Chinese text){hint}",
        )
    return Decoded(text, _gb_name(data))


def encode_text(text: str, encoding: str) -> bytes:
    """Encode ``text`` for writing in ``encoding`` (a name from :class:`Decoded`).

    The GB family is written with the GB18030 codec: it is a superset that
    gives the same bytes for every GB2312/GBK character, so characters a rule
    introduced that the narrower codec lacks can still be written.
    """
    if encoding in ("gb2312", "gbk", "gb18030"):
        return text.encode("gb18030")
    if encoding == "utf-8-sig":
        return _BOM_OF[encoding] + text.encode("utf-8")
    if encoding in _BOM_OF:
        return _BOM_OF[encoding] + text.encode(encoding)
    if encoding in ("utf-8", "utf_8"):
        return text.encode("utf-8")
    try:  # an encoding the user forced (--encoding big5 --keep-encoding)
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = text[exc.start]
        line = text.count("\n", 0, exc.start) + 1
        raise SkipFileError(
            "encoding",
            f"cannot be written as {encoding}: {char!r} (U+{ord(char):04X}) on line {line} "
            f"is not in {encoding}; write UTF-8 instead (leave out --keep-encoding)",
        ) from exc
