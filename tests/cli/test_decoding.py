"""Encoding detection on real Chinese text: say which encoding, never guess silently."""

from __future__ import annotations

import pytest

from seedclean.files import SkipFileError, decode_bytes, encode_text

from .helpers import seed_text


@pytest.mark.parametrize(
    ("seed", "codec", "expected"),
    [
        ("000", "gb2312", "gb2312"),  # every character of this page is in GB2312
        ("001", "gbk", "gbk"),  # has — (not in GB2312)
        ("002", "gb18030", "gb18030"),  # has ► (only in GB18030)
    ],
)
def test_gb_family_is_detected_and_named(seed: str, codec: str, expected: str) -> None:
    text = seed_text(seed)
    decoded = decode_bytes(text.encode(codec))
    assert decoded == (text, expected)
    assert encode_text(decoded.text, decoded.encoding) == text.encode(codec)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + "近年来，广东".encode(), "utf-8-sig"),
        (b"\xff\xfe" + "近年来，广东".encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + "近年来，广东".encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + "近年来".encode("utf-32-le"), "utf-32-le"),
        ("近年来，广东".encode(), "utf-8"),
        (b"plain ascii\n", "utf-8"),
    ],
)
def test_unicode_forms_round_trip(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.startswith(("近年来", "plain"))
    assert encode_text(decoded.text, decoded.encoding) == data


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary"),
        ("近年来, all in 2023".encode("utf-16-le"), "binary"),  # UTF-16 without BOM: NULs
        (b"abc\x00def", "binary"),
        (b"\x01\x02\x03\x04\x05\x06abc", "binary"),
        ("café crème brûlée à la carte".encode("latin-1"), "encoding"),
        (b"\xff\xfe\x00", "encoding"),  # a UTF-16 BOM followed by an odd byte
        (b"\xef\xbb\xbf\xff", "encoding"),
    ],
)
def test_refuses_rather_than_guesses(data: bytes, kind: str) -> None:
    with pytest.raises(SkipFileError) as info:
        decode_bytes(data)
    assert info.value.kind == kind
    assert info.value.reason


@pytest.mark.parametrize("seed", ["000", "001", "003"])
def test_utf16_without_bom_is_refused(seed: str) -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        with pytest.raises(SkipFileError):
            decode_bytes(seed_text(seed).encode(codec))


def test_random_high_bytes_are_not_taken_for_chinese() -> None:
    import random

    rng = random.Random(7)
    accepted = 0
    for _ in range(300):
        data = bytes(rng.randrange(0x81, 0xFF) for _ in range(200))
        try:
            decode_bytes(data)
        except SkipFileError:
            continue
        accepted += 1
    assert accepted == 0


def test_gbk_prose_from_evaldata_is_accepted(articles: list[dict[str, object]]) -> None:
    accepted = 0
    tried = 0
    for article in articles[:200]:
        paragraphs = article["paragraphs"]
        assert isinstance(paragraphs, list)
        text = "\n\n".join(paragraphs)
        try:
            data = text.encode("gbk")
        except UnicodeEncodeError:
            continue
        tried += 1
        accepted += decode_bytes(data).text == text
    assert tried > 100
    assert accepted == tried
