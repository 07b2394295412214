"""Expanding command-line paths into the files to process, in a stable order.

* A file given by name is processed unless an ``exclude`` glob matches it
  (``include`` globs apply to folder walks only, as in ruff and black: naming a
  file is a clear request).
* A folder is walked in sorted order; hidden entries (``.git``, ``.seedclean``)
  and symlinked folders are not entered (no loops, no escaping the tree);
  symlinked *files* are listed and followed for reading.
* ``relative`` is the path below the folder argument (or the bare name of a
  file argument): ``--out DIR`` mirrors it.
* The same path named twice (``a.txt a.txt``, or a file inside a folder also
  given) is processed once.

Globs match either the file name or the whole relative path in POSIX form, so
``*.txt`` and ``drafts/*`` both work.

>>> _matches("a/b/c.txt", ("*.txt",)), _matches("a/b/c.txt", ("a/*",)), _matches("c.md", ("*.txt",))
(True, True, False)
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from seedclean.files.atomic import TEMP_SUFFIX

__all__ = ["Target", "collect_targets"]


class Target(NamedTuple):
    """One file to process.

    Attributes:
        path: where to read it (as given or found; may be a symlink).
        display: how messages name it (the path as the user wrote it, POSIX style).
        relative: its path below the folder argument, for ``--out`` mirroring.
    """

    path: Path
    display: str
    relative: PurePosixPath


def _matches(relative: str, globs: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatchcase(relative, g) or fnmatchcase(name, g) for g in globs)


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Target]:
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(folder)
        rel_base = PurePosixPath(base.relative_to(root).as_posix())
        kept = []
        for name in sorted(dirnames):
            rel = (rel_base / name).as_posix()
            if not name.startswith(".") and not _matches(rel, exclude):
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            rel_path = rel_base / name
            rel = rel_path.as_posix()
            if name.startswith(".") or name.endswith(TEMP_SUFFIX):
                continue
            if _matches(rel, include) and not _matches(rel, exclude):
                path = base / name
                yield Target(path, path.as_posix(), rel_path)


def collect_targets(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]
) -> tuple[list[Target], list[tuple[str, str]]]:
    """Expand ``paths`` into targets; return them with ``(path, problem)`` pairs.

    A path that does not exist is reported as a problem (the CLI exits 2 after
    processing everything else).
    """
    targets: list[Target] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: Iterator[Target] = _walk(path, include, exclude)
        elif os.path.lexists(path):
            rel = PurePosixPath(path.name)
            if _matches(path.as_posix(), exclude):
                continue
            found = iter([Target(path, path.as_posix(), rel)])
        else:
            problems.append((raw, "no such file or directory"))
            continue
        for target in found:
            key = os.path.abspath(target.path)  # noqa: PTH100 (resolve() would follow symlinks)
            if key not in seen:
                seen.add(key)
                targets.append(target)
    return targets, problems
