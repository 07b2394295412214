"""Documents as the index sees them: content digests and how indexed files are read back.

Paragraph text is not stored in the index: candidates are verified by reading
their files again, and a file whose digest changed since it was indexed is
stale (skipped, never trusted).  Writing (digest of each document) and
reading (staleness check) share these definitions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from seedclean.files import SkipFileError, decode_bytes, read_snapshot
from seedclean.settings import DEFAULT_MAX_FILE_SIZE

__all__ = ["Reader", "digest", "file_reader"]

Reader = Callable[[str], str]


def digest(text: str) -> str:
    """Content digest of a document as read (detects changed and stale files)."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_reader(
    root: Path,
    max_size: int = DEFAULT_MAX_FILE_SIZE,
    encoding: str | None = None,
    fields: Sequence[str] | None = None,
) -> Reader:
    """Read indexed paths as ``root / path``, decoded exactly as the command line reads files.

    (UTF-8, UTF-16 with a byte-order mark, GB2312/GBK/GB18030, or strictly
    ``encoding`` when the run names one: the same text, hence the same digest,
    as ``seedclean dedup --update-index`` indexed.)  With ``fields``, a record
    file (JSON Lines, JSON, CSV, TSV) is read as its
    :func:`~seedclean.formats.record_view`, the document the index holds for it.

    Raises:
        FileNotFoundError: the file is gone.
        OSError: it cannot be read or decoded (the message says why).
    """

    def read(path: str) -> str:
        try:
            data = read_snapshot(root / path, max_size).data
            text = decode_bytes(data, encoding).text if data else ""
            if fields is not None and text:
                from seedclean.formats.kinds import kind_of, record_view

                kind = kind_of(path)
                if kind not in ("text", "other"):
                    return record_view(text, kind, fields)
            return text
        except SkipFileError as skip:
            if skip.kind == "not-found":
                raise FileNotFoundError(skip.reason) from skip
            raise OSError(skip.reason) from skip

    return read
