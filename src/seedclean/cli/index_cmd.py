"""``seedclean index verify [DIR]``: check a duplicate index end to end.

Reads the whole index: SQLite integrity, every segment against its recorded
sizes and checksums, row ids and offsets, and (unless ``--no-files``) every
indexed file against its content digest.  Exit 0: intact and up to date;
1: damaged (rebuild with ``dedup --update-index --rebuild``) or stale
(re-index with ``dedup --update-index``); 2: no index there.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from seedclean.cli.clean_cmd import _err
from seedclean.dedup.index import DedupIndex, DedupIndexError, IndexDamagedError
from seedclean.dedup.index.content import file_reader
from seedclean.dedup.index.layout import rebuild_hint
from seedclean.settings import Settings

__all__ = ["run_index"]


def run_index(args: argparse.Namespace, settings: Settings) -> int:
    """``seedclean index verify``."""
    directory = Path(args.directory) if args.directory else settings.index_dir()
    reader = file_reader(
        directory.resolve().parent, settings.max_file_size, settings.encoding, settings.fields
    )
    try:
        index = DedupIndex.open(directory, reader=reader)
    except IndexDamagedError as exc:
        print(f"{directory}: damaged: {exc}")
        return 1
    except DedupIndexError as exc:
        _err(f"seedclean index: error: {exc}")
        return 2
    with index:
        found = index.verify(files=not args.no_files)
        count = len(index.paths())
    for problem in found.damage:
        print(f"{directory}: damaged: {problem}")
    for path, what in sorted(found.stale.items()):
        print(f"{directory}: stale: {path}: {what}")
    for name in found.leftovers:
        print(f"{directory}: leftover: {name} (an interrupted write; the next update deletes it)")
    if found.damage:
        _err(f"seedclean index: the index is damaged; {rebuild_hint(directory)}")
        return 1
    if found.stale:
        _err(
            f"seedclean index: {len(found.stale)} indexed file(s) changed since they were "
            "indexed; re-index them with `seedclean dedup --update-index`"
        )
        return 1
    if not args.quiet:
        _err(f"seedclean index: {directory}: intact, {count} files up to date")
    return 0
