"""Refusals decided before anything is written: paths that would make a run lose data.

Every check here runs on the planned targets and outputs, before the first
write, and returns one message per problem (the command prints them and exits
2 having written nothing):

* the same file reached by two paths (a symlinked folder, a second argument)
  is one file: :func:`distinct_files` keeps one path per file (device and
  inode), so a file is never compared with itself;
* ``--out``: two inputs mapping to one output, an output that is an input
  (``--out`` equal to the input folder), an output folder reached through a
  symlinked subfolder (it would write outside ``--out``), and a symlinked
  input whose target lies outside the folder it was found in (``--out`` would
  copy a system file into the cleaned corpus), an output folder that holds an
  input folder (``clean d/sub --out d`` would overwrite the user's own files
  in ``d``) and an ``--out`` that names an existing file;
* a report file (``--report``, ``--html-report``) that is one of the inputs or
  one of the files ``--out`` writes, and two reports naming one file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from seedclean.files import Target
from seedclean.files.names import shown

__all__ = [
    "OUT_MARKER",
    "distinct_files",
    "file_id",
    "mark_out_folder",
    "out_problems",
    "report_out_problems",
    "report_problems",
    "root_of",
    "shown",
]


def file_id(path: Path) -> tuple[int, int] | None:
    """Device and inode of the file ``path`` leads to (through symlinks); ``None``: unreadable."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def distinct_files(targets: Sequence[Target]) -> tuple[list[Target], list[tuple[Target, Target]]]:
    """One target per file; return them with ``(dropped, kept)`` pairs naming the same file.

    The first path to a file is kept, except that a real path is preferred over
    a symlink (so ``--remove`` rewrites the file, not the link).
    """
    kept: dict[tuple[int, int], int] = {}
    out: list[Target | None] = []
    same: list[tuple[Target, Target]] = []
    for target in targets:
        key = file_id(target.path)
        if key is None or key not in kept:
            if key is not None:
                kept[key] = len(out)
            out.append(target)
            continue
        first = out[kept[key]]
        assert first is not None
        if first.path.is_symlink() and not target.path.is_symlink():
            out[kept[key]] = None
            kept[key] = len(out)
            out.append(target)
            same.append((first, target))
        else:
            same.append((target, first))
    return [t for t in out if t is not None], same


def root_of(target: Target) -> Path:
    """The folder argument ``target`` was found in (a file argument's own folder)."""
    return target.path.parents[len(target.relative.parts) - 1]


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def out_problems(
    targets: Sequence[Target], out_dir: str, inside_out: Sequence[Target] = ()
) -> list[str]:
    """Why ``--out out_dir`` must not write these targets (empty: it may).

    ``inside_out``: files a walk of an input folder found inside ``--out`` (not
    read as inputs, so that a second run does not clean its own output).
    """
    problems: list[str] = []
    out_real = os.path.realpath(out_dir)
    if os.path.lexists(out_dir) and not Path(out_dir).is_dir():
        return [f"--out {shown(out_dir)}: exists and is not a folder (--out names a folder)"]
    problems += _roots_inside_out(targets, out_dir, out_real)
    problems += _strangers_in_out(targets, out_dir, inside_out)
    sources: dict[str, Target] = {}
    for target in targets:
        dest = Path(out_dir) / target.relative
        where = os.path.normpath(dest)
        if where in sources and file_id(sources[where].path) != file_id(target.path):
            problems.append(
                f"{shown(sources[where].display)} and {shown(target.display)} would both be "
                f"written to {shown(where)}"
            )
            continue
        sources[where] = target
        real_source = os.path.realpath(target.path)
        if os.path.realpath(dest) == real_source:
            problems.append(
                f"{shown(target.display)}: --out would write it over itself "
                "(use --in-place to rewrite files)"
            )
            continue
        parent = _existing_parent(dest.parent, Path(out_dir))
        if parent is not None and not _inside(os.path.realpath(parent), out_real):
            problems.append(
                f"{shown(target.display)}: its output folder {shown(parent)} leads outside "
                f"{shown(out_dir)} through a symlink"
            )
            continue
        if target.path.is_symlink():
            root = os.path.realpath(root_of(target))
            if not _inside(real_source, root):
                problems.append(
                    f"{shown(target.display)}: symlink to {shown(real_source)}, outside "
                    f"{shown(root_of(target))}; not copied into --out"
                )
    return problems


def _roots_inside_out(targets: Sequence[Target], out_dir: str, out_real: str) -> list[str]:
    """An input folder strictly inside ``--out``: its outputs land among the user's own files."""
    problems: list[str] = []
    seen: set[str] = set()
    for target in targets:
        root = root_of(target)
        root_real = os.path.realpath(root)
        if root_real in seen or root_real == out_real or not _inside(root_real, out_real):
            continue
        seen.add(root_real)
        problems.append(
            f"--out {shown(out_dir)} holds the input folder {shown(root)}: writing there could "
            "overwrite files that are not seedclean's; choose an output folder outside the inputs"
        )
    return problems


#: The file that marks an ``--out`` folder inside an input folder as seedclean's own.
OUT_MARKER = ".seedclean-out"
_MARKER_TEXT = (
    "This folder holds the output of `seedclean clean --out`. It lies inside a folder\n"
    "that seedclean cleans, so its files are not read as inputs; this file tells a later\n"
    "run that the files here are seedclean's own copies, which it may write again.\n"
)


def mark_out_folder(targets: Sequence[Target], out_dir: str) -> None:
    """Mark ``out_dir`` as seedclean's when it lies inside an input folder (see
    :func:`out_problems`): a later run then knows the files there are its copies."""
    out_real = os.path.realpath(out_dir)
    roots = {os.path.realpath(root_of(t)) for t in targets}
    if not any(out_real != r and _inside(out_real, r) for r in roots):
        return
    marker = Path(out_dir) / OUT_MARKER
    if not marker.is_file():
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        marker.write_text(_MARKER_TEXT, encoding="utf-8")


def _strangers_in_out(
    targets: Sequence[Target], out_dir: str, inside_out: Sequence[Target]
) -> list[str]:
    """Files inside an ``--out`` below an input folder that this run would not write.

    An earlier run's output folder holds only copies this run writes again.  A
    file there that no input maps to is the user's own (``clean d --out d/sub``
    with ``d/sub`` a folder of articles): it would be neither cleaned nor
    counted, and its neighbours with an input's name would be overwritten.
    """
    if not inside_out:
        return []
    if not (Path(out_dir) / OUT_MARKER).is_file():
        names = ", ".join(shown(t.display) for t in inside_out[:3])
        more = f" and {len(inside_out) - 3} more" if len(inside_out) > 3 else ""
        return [
            f"--out {shown(out_dir)} is inside the input folder {shown(root_of(inside_out[0]))} "
            f"and holds {names}{more}, which seedclean did not write (an output folder "
            f"inside the inputs carries a {OUT_MARKER} file): they would be overwritten and "
            "are not read as inputs; choose an output folder outside the inputs (or delete "
            "this one if an older seedclean wrote it)"
        ]
    written = {os.path.realpath(Path(out_dir) / t.relative) for t in targets}
    strangers = [t for t in inside_out if os.path.realpath(t.path) not in written]
    if not strangers:
        return []
    names = ", ".join(shown(t.display) for t in strangers[:3])
    more = f" and {len(strangers) - 3} more" if len(strangers) > 3 else ""
    return [
        f"--out {shown(out_dir)} is inside the input folder {shown(root_of(strangers[0]))} "
        f"and holds {names}{more}, which no "
        "input is written to: files under --out are not read as inputs, and its files with "
        "an input's name would be overwritten; choose an output folder outside the inputs "
        "(or delete what an earlier run left there)"
    ]


def _existing_parent(folder: Path, top: Path) -> Path | None:
    """The nearest folder of ``folder``'s line that exists, up to ``top``; ``None``: none below."""
    while folder != top and not os.path.lexists(folder):
        if folder == folder.parent:
            return None
        folder = folder.parent
    return None if folder == top else folder


def report_problems(reports: Sequence[str], targets: Sequence[Target]) -> list[str]:
    """Report files that would overwrite an input, name a folder, or cannot be written."""
    ids = {file_id(t.path) for t in targets}
    reals = {os.path.realpath(t.path) for t in targets}
    problems = []
    for report in reports:
        path = Path(report)
        try:
            info: os.stat_result | None = path.stat()
        except PermissionError:  # a folder on its path cannot even be searched
            problems.append(
                f"{shown(report)}: cannot write the report: permission denied on its folder"
            )
            continue
        except OSError:
            info = None  # a new file: its folder is checked below
        if info is not None and stat.S_ISDIR(info.st_mode):  # found only at the end, after
            problems.append(  # --remove had rewritten files
                f"{shown(report)}: the report file is a folder; name a file in it"
            )
        elif os.path.realpath(path) in reals or (
            info is not None and (info.st_dev, info.st_ino) in ids
        ):
            problems.append(f"{shown(report)}: the report file is one of the inputs")
        else:
            unwritable = _unwritable_folder(path)
            if unwritable is not None:
                problems.append(
                    f"{shown(report)}: cannot write the report: {shown(str(unwritable))} "
                    "is not a folder you can write in"
                )
    return problems


def _unwritable_folder(report: Path) -> Path | None:
    """The folder that keeps ``report`` from being written, or ``None``.

    The report is written beside its final name (missing folders are made), so
    the nearest existing folder on its path must be one the user can write in.
    Found before any file is touched; a write that still fails later (a file
    system that refuses even root) gets the same kind of message.
    """
    folder = report.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
        return None
    return folder


def report_out_problems(
    reports: Sequence[str], targets: Sequence[Target], out_dir: str | None
) -> list[str]:
    """Report files that name one of the files ``--out`` writes, or each other."""
    problems: list[str] = []
    named: dict[str, str] = {}
    for report in reports:
        where = os.path.realpath(report)
        if where in named:
            problems.append(f"{shown(report)}: --report and --html-report name the same file")
        named[where] = report
    if out_dir is None or not named:
        return problems
    for target in targets:
        dest = os.path.realpath(Path(out_dir) / target.relative)
        if dest in named:
            problems.append(
                f"{shown(named[dest])}: the report file is the --out copy of "
                f"{shown(target.display)}"
            )
    return problems
