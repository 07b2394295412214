"""File handling for the command line: decoding, safe reads, atomic writes, folder walking.

Nothing here knows about cleaning rules; the CLI glues these pieces to the
library.  Every function either succeeds or raises :class:`SkipFileError` with a
one-line reason, so a bad file never aborts a run and never gets rewritten.
"""

from __future__ import annotations

from seedclean.files.atomic import (
    DEFAULT_MAX_FILE_SIZE,
    TEMP_SUFFIX,
    Snapshot,
    read_snapshot,
    write_atomic,
)
from seedclean.files.decoding import Decoded, decode_bytes, encode_text
from seedclean.files.errors import SkipFileError
from seedclean.files.walking import Target, collect_targets

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "TEMP_SUFFIX",
    "Decoded",
    "SkipFileError",
    "Snapshot",
    "Target",
    "collect_targets",
    "decode_bytes",
    "encode_text",
    "read_snapshot",
    "write_atomic",
]
