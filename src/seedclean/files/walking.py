"""Expanding command-line paths into the files to process, in a stable order.

* A file given by name is processed unless an ``exclude`` glob matches it
  (``include`` globs apply to folder walks only, as in ruff and black: naming a
  file is a clear request).
* A folder is walked in sorted order; hidden entries (``.git``, ``.seedclean``),
  virtualenvs (folders holding ``pyvenv.cfg``) and symlinked folders are not
  entered (no loops, no escaping the tree); symlinked *files* are listed and
  followed for reading.
* Walks respect ``.gitignore`` as git does (``respect_gitignore``, like ruff):
  the ``.gitignore`` files inside the walked folder and those above it up to
  the repository root, and ``.git/info/exclude``.  A folder named on the
  command line is walked even when it is itself ignored; then only the
  ``.gitignore`` files inside it apply.  Matching uses ``pathspec`` (git's
  wildmatch rules, negation included).
* :data:`DEFAULT_EXCLUDE` (version-control folders, ``node_modules``,
  virtualenvs, build output, caches) is what the CLI's ``exclude`` setting
  holds unless replaced; ``extend-exclude`` adds to it.
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
from typing import TYPE_CHECKING, NamedTuple

from seedclean.files.atomic import TEMP_SUFFIX

__all__ = ["DEFAULT_EXCLUDE", "Target", "collect_targets", "selected"]

#: Folders and files never walked into unless ``exclude`` is replaced (ruff's list, plus build
#: output and seedclean's own index).
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pytest_cache",
    ".ruff_cache",
    ".seedclean",
    ".svn",
    ".tox",
    ".venv",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)


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


def selected(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a walk would pick up the file at ``relative`` (POSIX, below the walk's folder).

    The same tests as a walk minus ``.gitignore``: no hidden part, no excluded
    folder on the way, ``include`` matches and ``exclude`` does not.

    >>> selected("a/b.txt", ("*.txt",), ("node_modules",))
    True
    >>> selected("node_modules/b.txt", ("*.txt",), ("node_modules",))
    False
    """
    parts = relative.split("/")
    if any(part.startswith(".") for part in parts) or parts[-1].endswith(TEMP_SUFFIX):
        return False
    if any(_matches("/".join(parts[:i]), exclude) for i in range(1, len(parts))):
        return False
    return _matches(relative, include) and not _matches(relative, exclude)


if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec as _Spec


class _Ignores:
    """The ``.gitignore`` rules that apply in one walk: (folder, spec) pairs, outermost first."""

    def __init__(self, root: Path) -> None:
        self.by_folder: dict[str, list[tuple[Path, _Spec]]] = {}
        top = root.absolute()
        repo = next((f for f in (top, *top.parents) if (f / ".git").exists()), None)
        outer: list[tuple[Path, _Spec]] = []
        if repo is not None:
            outer += _read_spec(repo / ".git" / "info" / "exclude", repo)
            outer += [
                s for f in reversed(top.parents) if f.is_relative_to(repo) for s in _spec_of(f)
            ]
            if top != repo and self._ignored(outer, top, directory=True):
                outer = []  # named on the command line: walked, only its own rules apply
        self.by_folder[str(top)] = outer + _spec_of(top)

    def enter(self, folder: Path) -> list[tuple[Path, _Spec]]:
        """The rules for entries of ``folder`` (its parent's, plus its own ``.gitignore``)."""
        key = str(folder)
        if key not in self.by_folder:
            self.by_folder[key] = self.by_folder[str(folder.parent)] + _spec_of(folder)
        return self.by_folder[key]

    @staticmethod
    def _ignored(specs: list[tuple[Path, _Spec]], path: Path, *, directory: bool) -> bool:
        for base, spec in reversed(specs):  # the deepest .gitignore decides first
            rel = path.relative_to(base).as_posix() + ("/" if directory else "")
            verdict = spec.check_file(rel).include
            if verdict is not None:
                return verdict
        return False

    def ignored(self, folder: Path, name: str, *, directory: bool) -> bool:
        """Whether ``folder/name`` is ignored by the rules in force in ``folder``."""
        specs = self.enter(folder)
        return bool(specs) and self._ignored(specs, folder / name, directory=directory)


def _read_spec(path: Path, base: Path) -> list[tuple[Path, _Spec]]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    if not lines:
        return []
    import pathspec  # only when a .gitignore exists: one named file never needs it

    return [(base, pathspec.GitIgnoreSpec.from_lines(lines))]


def _spec_of(folder: Path) -> list[tuple[Path, _Spec]]:
    return _read_spec(folder / ".gitignore", folder)


def _walk(
    root: Path, include: Sequence[str], exclude: Sequence[str], respect_gitignore: bool
) -> Iterator[Target]:
    ignores = _Ignores(root) if respect_gitignore else None
    top = root.absolute()
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(folder)
        here = top / base.relative_to(root)
        rel_base = PurePosixPath(base.relative_to(root).as_posix())
        kept = []
        for name in sorted(dirnames):
            rel = (rel_base / name).as_posix()
            if name.startswith(".") or _matches(rel, exclude):
                continue
            if (base / name / "pyvenv.cfg").exists():  # a virtualenv, whatever its name
                continue
            if ignores is not None and ignores.ignored(here, name, directory=True):
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            rel_path = rel_base / name
            rel = rel_path.as_posix()
            if name.startswith(".") or name.endswith(TEMP_SUFFIX):
                continue
            if _matches(rel, include) and not _matches(rel, exclude):
                if ignores is not None and ignores.ignored(here, name, directory=False):
                    continue
                path = base / name
                yield Target(path, path.as_posix(), rel_path)


def collect_targets(
    paths: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    *,
    respect_gitignore: bool = True,
) -> tuple[list[Target], list[tuple[str, str]]]:
    """Expand ``paths`` into targets; return them with ``(path, problem)`` pairs.

    Folder walks skip what ``exclude`` matches and, with ``respect_gitignore``,
    what ``.gitignore`` files ignore; a file named in ``paths`` is only
    checked against ``exclude``.

    A path that does not exist is reported as a problem (the CLI exits 2 after
    processing everything else).
    """
    targets: list[Target] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: Iterator[Target] = _walk(path, include, exclude, respect_gitignore)
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


def unmatched_suffixes(
    folders: Sequence[str], include: Sequence[str], limit: int = 10_000
) -> list[str]:
    """Suffixes of files in ``folders`` that ``include`` leaves out, most common first.

    For the hint after a walk that found nothing (a folder of ``*.jsonl`` with
    the default ``include``); looks at no more than ``limit`` files.
    """
    counts: dict[str, int] = {}
    seen = 0
    for folder in folders:
        for _base, dirnames, filenames in os.walk(folder):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                seen += 1
                suffix = PurePosixPath(name).suffix.lower()
                if suffix and not name.startswith(".") and not _matches(name, include):
                    counts[suffix] = counts.get(suffix, 0) + 1
            if seen >= limit:
                break
    return sorted(counts, key=lambda s: (-counts[s], s))
