"""Documents as the index sees them: content digests and how indexed files are read back.

Paragraph text is not stored in the index: candidates are verified by reading
their files again, and a file whose digest changed since it was indexed is
stale (skipped, never trusted).  Writing (digest of each document) and
reading (staleness check) share these definitions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

__all__ = ["Reader", "digest", "file_reader"]

Reader = Callable[[str], str]


def digest(text: str) -> str:
    """Content digest of a document as read (detects changed and stale files)."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_reader(root: Path) -> Reader:
    """Read indexed paths as ``root / path`` (UTF-8, undecodable bytes replaced)."""

    def read(path: str) -> str:
        return (root / path).read_text(encoding="utf-8", errors="replace")

    return read
