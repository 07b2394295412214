"""What git knows about a corpus: its tracked files and the order they entered history.

The duplicate hook needs both: a fresh clone has no index, so the index is
built from the committed files on the first run; and "the first copy keeps" must
mean first *in history*, not first in alphabetical order, or a new page that
copies an old one would make the old one the duplicate.

Everything here asks the ``git`` command and returns ``None`` when there is no
git or no repository: callers then fall back to the order they were given.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

__all__ = ["first_added", "git_root", "history_order", "tracked_files"]


def _git(folder: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=600,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def git_root(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder`` (``None``: not in one)."""
    out = _git(folder, "rev-parse", "--show-toplevel")
    return Path(os.fsdecode(out.strip())) if out else None


def tracked_files(folder: Path) -> list[str] | None:
    """Files committed (in ``HEAD``) below ``folder``, relative to it, POSIX style.

    Staged but uncommitted files are not included: they are what a commit is
    adding, not the corpus it is checked against.  ``None``: not in a git work
    tree; ``[]``: nothing committed yet.
    """
    if git_root(folder) is None:
        return None
    out = _git(folder, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", ".")
    return [os.fsdecode(name) for name in out.split(b"\0") if name] if out else []


def first_added(top: Path) -> dict[str, int]:
    """Path (relative to the work tree ``top``) -> rank of the commit that added it, oldest 0.

    Renames are not followed: a moved file counts from its move.  Files never
    committed (new, or only staged) are absent.
    """
    out = _git(top, "log", "--reverse", "--diff-filter=A", "--no-renames", "--name-only",
               "--format=%x01", "-z")  # fmt: skip
    ranks: dict[str, int] = {}
    if not out:
        return ranks
    for rank, chunk in enumerate(out.split(b"\x01")[1:]):
        for name in chunk.split(b"\0"):
            name = name.strip(b"\n")
            if name:
                ranks.setdefault(os.fsdecode(name), rank)
    return ranks


def history_order(paths: Sequence[Path]) -> list[int] | None:
    """Indexes of ``paths`` sorted oldest in history first (stable; uncommitted last).

    ``None`` when the first path is not in a git work tree.
    """
    if not paths:
        return []
    top = git_root(paths[0].absolute().parent)
    if top is None:
        return None
    top = Path(os.path.realpath(top))
    ranks = first_added(top)
    never = len(ranks) + 1

    def rank(path: Path) -> int:
        # the folder's real path, but the file itself (a symlink is tracked as the link)
        real = Path(os.path.realpath(path.absolute().parent)) / path.name
        try:
            relative = real.relative_to(top).as_posix()
        except ValueError:
            return never
        return ranks.get(relative, never)

    keyed = [rank(p) for p in paths]
    return sorted(range(len(paths)), key=keyed.__getitem__)
