"""``seedclean dedup``: duplicate paragraphs across files, optionally against a persistent index.

* Without ``--index``: the given files are compared with each other.
* ``--index DIR``: they are also compared with the corpus index in ``DIR``
  without re-reading the corpus; a file never matches its own indexed copy
  (matches are excluded by path).
* ``--update-index``: compare with the index (``--index``, else the ``index``
  setting, else ``.seedclean/`` in the corpus root: the folder of the settings
  file, else the current folder; created when missing), then record the given
  files in it, so later runs (and later pre-commit batches) see them.  Such runs
  hold the index's write lock from the comparison to the update, so parallel
  batches wait for each other and see each other's files.  Indexed files that
  changed since they were indexed are named (not compared) and re-indexed.
* ``--rebuild``: discard the index (damaged, or of an older format) and build
  it from the given files; every damaged-index message names it.
* Above ``SPILL_BYTES`` of input (or with ``--low-memory``) the local search
  spills: it keeps fixed-width rows per paragraph, writes band keys to a
  temporary directory (``TMPDIR``) and reads back only the files holding
  candidates (docs/dedup.md, "Memory"); the report is the same.
* ``--remove``: remove the later copies of ``exact`` and ``near`` duplicates
  (and ``fragment`` when ``dedup-fragment`` is selected) from the given files,
  written atomically; the kept copy is always the first occurrence.

Exit 1 when duplicates of an active rule are found (``--exit-zero``: 0), 2 on errors.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from seedclean.cli.clean_cmd import _err
from seedclean.cli.guards import distinct_files, file_id, report_problems
from seedclean.dedup import (
    DedupIndex,
    DedupIndexError,
    DedupReport,
    Member,
    find_duplicates,
    removal_plan,
)
from seedclean.dedup.index import (
    IndexExistsError,
    IndexMissingError,
)
from seedclean.dedup.index.content import file_reader
from seedclean.dedup.kind import Kind
from seedclean.dedup.remove import Removal, held_headlines, removals
from seedclean.dedup.reread import SourceChangedError
from seedclean.edits import Edit, Replacement, splice
from seedclean.files import (
    SkipFileError,
    Snapshot,
    Target,
    decode_bytes,
    encode_text,
    read_snapshot,
    write_atomic,
)
from seedclean.files.history import history_order, tracked_files
from seedclean.files.names import is_text_name, shown
from seedclean.files.walking import selected
from seedclean.formats import DEFAULT_FIELDS, RECORD_KINDS, check_kind, kind_of, record_view
from seedclean.formats.removal import REMOVABLE_KINDS, record_removals
from seedclean.report import FileResult, HtmlReport, Summary
from seedclean.report.ci import GithubOutput, JsonLinesOutput, SarifOutput, dedup_findings
from seedclean.report.terminal import colour_wanted, paint
from seedclean.settings import PerInput, Settings, SettingsError, collect_per_input, differing

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from seedclean.dedup.config import DedupConfig
    from seedclean.dedup.report import IndexMatch

__all__ = ["run_dedup"]

_KIND_RULE = {kind.value: kind.rule for kind in Kind}
# Kinds reported as notices when their rule is not selected (and not ignored), as ``clean`` does.
_NOTED = ("fragment",)
# Above this much input the in-memory search would hold several times the text (keys,
# previews, band keys; ~3 KB per paragraph at its peak): spill instead.  Below it, the
# in-memory search is as fast, or up to ~25 % faster when most files are read back (a corpus
# where half the paragraphs have copies).
SPILL_BYTES = 64 * 1024 * 1024


def _key(target: Target, root: Path | None) -> str:
    """How a file is named in the index: relative to the index's root, else absolute.

    Either way ``root / key`` reads it back (an index outside the corpus's
    parent folder still finds, and does not forget, its files).
    """
    if root is None:
        return shown(target.display)  # printed and reported: \xNN for bytes that are not UTF-8
    path = Path(os.path.realpath(Path(target.path).absolute().parent)) / Path(target.path).name
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _documents(
    targets: list[Target],
    settings: Settings,
    root: Path | None,
    summary: Summary,
    *,
    announce: bool = True,
    records: str = "",
) -> Iterator[tuple[str, str]]:
    """The documents to search; ``records``: why JSON documents are skipped ("" reads them)."""
    for target in targets:
        try:
            kind = _kind(target.display, records, _NOT_REMOVABLE)
            snap = read_snapshot(target.path, settings.max_file_size)
            text = decode_bytes(snap.data, settings.encoding).text if snap.data else ""
            if kind != "text" and text:
                text = record_view(text, kind, settings.fields)
        except SkipFileError as skip:
            if announce:
                _err(f"{target.display}: skipped: {skip.reason}")
            summary.add(
                FileResult(
                    target.display,
                    "skipped",
                    skip_kind=skip.kind,
                    message=skip.reason,
                    error=skip.error,
                )
            )
            continue
        summary.files += 1
        yield _key(target, root), text


class SearchedTexts:
    """A digest of each document's text as the search read it.

    ``--remove`` reads each file again to rewrite it; the removals are offsets
    into the searched text, so a file another program changed in between must
    be left alone.  Only digests are kept (16 bytes a file), not the texts.
    """

    def __init__(self) -> None:
        self._digests: dict[str, bytes] = {}
        self._protected: dict[str, list[tuple[int, int]]] = {}

    def record(self, documents: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
        """``documents``, passed on, each text's digest (and protected lines) recorded."""
        for name, text in documents:
            self._digests[name] = _digest(text)
            spans = [] if kind_of(name) in RECORD_KINDS else _protected_lines(text)
            if spans:
                self._protected[name] = spans
            else:
                self._protected.pop(name, None)
            yield name, text

    def outside_protected(self, report: DedupReport) -> DedupReport:
        """``report`` without the paragraphs of protected regions, as ``clean`` leaves them.

        Fenced and indented code, display math, front matter and ``<!-- seedclean:
        off -->`` stretches are never compared or removed (docs/formats.md); a
        cluster whose kept copy is one of them goes too.
        """
        if not self._protected:
            return report
        inside = {
            (m.path, m.start)
            for c in report.clusters
            for m in c.members
            if any(lo <= m.start < hi for lo, hi in self._protected.get(m.path, ()))
        }
        if not inside:
            return report
        clusters = []
        for cluster in report.clusters:
            first = cluster.members[0]
            if (first.path, first.start) in inside:
                continue
            members = tuple(m for m in cluster.members if (m.path, m.start) not in inside)
            if len(members) > 1:
                clusters.append(cluster._replace(members=members))
        return report._replace(clusters=tuple(clusters))

    def same(self, name: str, text: str) -> bool:
        """Whether ``text`` is what the search read as ``name`` (not read: ``False``)."""
        return self._digests.get(name) == _digest(text)


#: Region settings that switch the duplicate search off (``<!-- seedclean: off dedup -->``).
_DEDUP_NAMES = frozenset({"dedup", *(kind.rule for kind in Kind)})


def _protected_lines(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s protected regions that the duplicate search must skip."""
    from seedclean.regions import protected_regions

    return [
        (r.start, r.end)
        for r in protected_regions(text)
        if not r.rules or not _DEDUP_NAMES.isdisjoint(r.rules)
    ]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _kind(name: str, records: str, refused: frozenset[str] = RECORD_KINDS) -> str:
    """The file's format; other structured files, and ``refused`` record kinds when
    ``records`` says why not, are skipped.  A record file is searched as
    :func:`record_view`: one paragraph per record (its text fields), reported by the
    record's line."""
    kind = kind_of(name)
    check_kind(kind, name)
    if kind in refused and records:
        raise SkipFileError("format", f"{kind} records {records}", error=False)
    return kind


#: Record kinds whose records ``--remove`` cannot take out one by one (a JSON array).
_NOT_REMOVABLE = RECORD_KINDS - REMOVABLE_KINDS


def _why_not(args: argparse.Namespace) -> str:
    """Why JSON documents cannot take part in this run ("" when they can: no ``--remove``)."""
    if args.remove:
        return (
            "are not rewritten by --remove (duplicate records are removed from .jsonl, .csv "
            "and .tsv files; run without --remove to report them, or convert to JSON Lines)"
        )
    return ""


def _spills(args: argparse.Namespace, targets: list[Target]) -> bool:
    """Whether to use the spilled search: asked for, or the input is large."""
    if args.low_memory:
        return True
    total = 0
    for target in targets:
        try:
            total += target.path.stat().st_size
        except OSError:
            continue  # reported when it is read
        if total >= SPILL_BYTES:
            return True
    return False


def _rereader(
    by_key: dict[str, Target],
    max_size: int,
    fields: tuple[str, ...] = DEFAULT_FIELDS,
    encoding: str | None = None,
) -> Callable[[str], str]:
    """Reads a file of this run back for the spilled search (which checks it is unchanged)."""

    def read(key: str) -> str:
        try:
            data = read_snapshot(by_key[key].path, max_size).data
            text = decode_bytes(data, encoding).text if data else ""
            kind = kind_of(by_key[key].display)
            return record_view(text, kind, fields) if kind != "text" and text else text
        except SkipFileError as skip:
            raise SourceChangedError(f"{key}: cannot be read back: {skip.reason}") from skip

    return read


def _vanished(indexed: list[str], root: Path) -> list[str]:
    """Indexed paths whose files no longer exist (deleted or moved since indexing)."""
    return [path for path in indexed if not (root / path).exists()]


def _open_index(args: argparse.Namespace, settings: Settings) -> tuple[DedupIndex | None, bool]:
    """The index to compare with (``None``: none asked for) and whether this run created it."""
    if args.index is None and not args.update_index:
        return None, False
    directory = settings.index_dir()  # --index DIR is the ``index`` setting
    root = directory.resolve().parent
    reader = _reader(settings, root)
    config = settings.dedup_config()
    if args.rebuild:
        return DedupIndex.rebuild(directory, config, reader=reader), False
    try:
        return DedupIndex.open(directory, reader=reader), False
    except IndexMissingError:
        if not args.update_index:
            raise
    try:
        return DedupIndex.create(directory, config, reader=reader), True
    except IndexExistsError:  # a parallel run created it first: use that one
        return DedupIndex.open(directory, reader=reader), False


def _wait_for_writers(index: DedupIndex, quiet: bool) -> None:
    """Take the index's write lock, saying so if another run holds it."""
    _acquire(index.lock(), f"index {index.directory}: waiting for another seedclean run", quiet)
    index.refresh()  # compare with what the other run wrote


def _acquire(lock: FileLock, waiting: str, quiet: bool) -> None:
    """Take ``lock``, saying ``waiting`` when another run holds it for more than a second."""
    try:
        lock.acquire(timeout=1)
    except Timeout:
        if not quiet:
            _err(waiting)
        lock.acquire()


def _stand_in_lock(index: DedupIndex, quiet: bool) -> FileLock | None:
    """A lock in TMPDIR for ``--remove`` runs against an index they may not write.

    Two such runs at once would each remove their copy as a repeat of the
    other's indexed copy; this lock (named after the index, writable by
    everyone) makes the runs of one machine take turns.  ``None``: it cannot
    be had either, and the run says so.
    """
    import tempfile

    name = hashlib.blake2b(str(index.directory.resolve()).encode(), digest_size=8).hexdigest()
    lock = FileLock(Path(tempfile.gettempdir()) / f"seedclean-index-{name}.lock", mode=0o666)
    try:
        _acquire(lock, f"index {index.directory}: waiting for another seedclean run", quiet)
    except OSError:
        _err(
            f"index {index.directory}: read-only for you, and no lock could be taken for it; "
            "do not run two --remove runs against it at once"
        )
        return None
    return lock


def _report_stale(index: DedupIndex, updating: bool, quiet: bool) -> None:
    """Name indexed files that changed since indexing: their copies were not compared."""
    if quiet or not index.stale:
        return
    if updating:
        then = "re-indexing them and comparing again"
    else:
        then = "they were not compared (re-index them with --update-index)"
    _err(
        f"index {index.directory}: {len(index.stale)} indexed file(s) changed since they were "
        f"indexed; {then}:"
    )
    for path, what in sorted(index.stale.items()):
        _err(f"  {path}: {what}")


def _update_index(
    index: DedupIndex,
    targets: list[Target],
    settings: Settings,
    root: Path,
    quiet: bool,
) -> None:
    given = _documents(targets, settings, root, Summary(), announce=False)
    stats = index.update(given)
    gone = index.remove(_vanished(index.paths(), root))
    if not quiet:
        _err(
            f"index {index.directory}: {stats.added} added, {stats.changed} changed, "
            f"{stats.unchanged} unchanged, {gone} removed (files gone)"
        )


def _reindex_stale(index: DedupIndex, targets: list[Target], settings: Settings, root: Path) -> int:
    """Re-index the stale indexed files that were not given (those are indexed anyway)."""
    given = {_key(t, root) for t in targets}
    stale = [path for path in sorted(index.stale) if path not in given]
    index.stale.clear()
    if not stale:
        return 0
    # (files that are gone are forgotten with the others after the comparison)
    return index.update(_stale_documents(stale, root, settings)).changed


def _reader(settings: Settings, root: Path) -> Callable[[str], str]:
    """How indexed files are read back: with the run's ``--encoding``, and record files
    as the view of their ``--field`` values (the documents they were indexed as)."""
    return file_reader(root, settings.max_file_size, settings.encoding, settings.fields)


def _stale_documents(paths: list[str], root: Path, settings: Settings) -> Iterator[tuple[str, str]]:
    read = _reader(settings, root)
    for path in paths:
        try:
            yield path, read(path)
        except OSError:
            continue  # gone (forgotten by remove) or unreadable (stays stale, named again)


def _bootstrap(
    index: DedupIndex, settings: Settings, targets: list[Target], *, quiet: bool
) -> None:
    """Fill a new index with the corpus: the files committed below its root.

    A fresh clone has no index (it is not committed); without this, the
    first run would compare the new files with nothing.  The files of this run
    are left out: they are compared with the rest and recorded afterwards.
    """
    root = index.directory.resolve().parent
    tracked = tracked_files(root)
    if tracked is None:
        if not quiet:
            _err(
                f"index {index.directory}: created; it holds only the files of this run (not in "
                "a git repository, so no committed files to build it from: run "
                "`seedclean dedup --update-index CORPUS` once to index a whole corpus)"
            )
        return
    given = {_key(t, root) for t in targets}
    wanted = [
        p
        for p in tracked
        if p not in given
        and selected(p, settings.include, (*settings.exclude, *settings.extend_exclude))
    ]
    if not quiet:
        _err(
            f"index {index.directory}: not found; building it from the {len(wanted)} committed "
            f"files under {root} (once per clone; later runs only record new files)"
        )
    corpus = [Target(root / p, p, PurePosixPath(p)) for p in wanted]
    index.update(_documents(corpus, settings, root, Summary()))


def _glob_matches(display: str, glob: str) -> bool:
    return fnmatchcase(display, glob) or fnmatchcase(display.rsplit("/", 1)[-1], glob)


def _in_history_order(targets: list[Target], settings: Settings) -> list[Target]:
    """``targets`` ordered as the ``order`` setting says (the first copy of a duplicate keeps)."""
    order = settings.order
    if order == "paths" or len(targets) < 2:
        return targets
    if order == "git":
        ranked = history_order([t.path for t in targets])
        return targets if ranked is None else [targets[i] for i in ranked]
    globs = tuple(order)

    def rank(target: Target) -> int:
        display = target.display
        return next((i for i, g in enumerate(globs) if _glob_matches(display, g)), len(globs))

    return sorted(targets, key=rank)


def _remove(
    report: DedupReport,
    kinds: tuple[str, ...],
    targets: dict[str, Target],
    settings: Settings,
    html: HtmlReport | None,
    *,
    quiet: bool = False,
    searched: SearchedTexts | None = None,
) -> int:
    """Rewrite the files with removals; return the number of problems.

    Negative: that many symlinks refused, and nothing rewritten.  A file that
    is gone, or (``searched``) no longer holds the text the search read, is
    named and left alone: the removals' offsets are offsets into that text.
    """
    removing = {r.member.path for r in removals(report, kinds).values()}
    texts, unsafe = _read_again(report, targets, settings, searched, removing)
    for path, why in sorted(unsafe.items()):
        _err(f"{path}: {why}")
    report = _without(report, unsafe)
    _name_held_headlines(report, kinds)
    seen = {p: _as_searched(targets[p], text, settings) for p, (_, _, text) in texts.items()}
    plans = removal_plan(report, kinds, texts=seen)
    _record_plans(plans, report, kinds, targets, settings, texts)
    kept_elsewhere = _kept_elsewhere(report, kinds)
    linked: dict[str, tuple[str, str, int, str]] = {}
    # plan every rewrite before the first one: a refusal leaves every file as it was
    rewrites = []
    problems = len(unsafe)
    for path, plan in sorted(plans.items()):
        if not plan:
            continue
        encoding, snap, source = texts[path]
        result = splice(source, plan)
        out = encoding if settings.keep_encoding else "utf-8"
        rewrites.append((path, encoding, out, snap, source, result))
    symlinks = [p for p, *_ in rewrites if targets[p].path.is_symlink()]
    for path in symlinks:
        _err(
            f"seedclean dedup: error: {shown(targets[path].display)}: symlink; --remove does not "
            "rewrite it (give the file it points to)"
        )
    if symlinks:
        _err("seedclean dedup: nothing removed")
        return -len(symlinks)
    for path, encoding, out, snap, source, result in rewrites:
        try:
            write_atomic(
                targets[path].path, encode_text(result.text, out), mode=snap.mode, expected=snap
            )
        except SkipFileError as skip:
            _err(f"{path}: not rewritten: {skip.reason}")
            problems += 1
            continue
        if not quiet:
            unit = "record" if kind_of(targets[path].display) in REMOVABLE_KINDS else "paragraph"
            _err(f"removed {len(result.edits)} duplicate {unit}(s) from {path}")
        if html is not None:
            links = _links(result.edits, kept_elsewhere.get(path, []), linked)
            html.add(
                FileResult(path, "changed", encoding, out, result.edits, (), source, result.text),
                links,
            )
    if html is not None:
        html.add_kept(sorted(linked.values(), key=lambda entry: (entry[1], entry[2])))
    return problems


_CHANGED = "changed since duplicates were searched; nothing removed from it"


def _read_again(
    report: DedupReport,
    targets: dict[str, Target],
    settings: Settings,
    searched: SearchedTexts | None,
    removing: Collection[str],
) -> tuple[dict[str, tuple[str, Snapshot, str]], dict[str, str]]:
    """Read the files of ``report`` again before removing: ``(texts, unsafe)``.

    ``texts``: per file of ``removing``, its encoding, bytes and text.  ``unsafe``:
    the files (of ``report``'s clusters) that are gone or no longer hold the text the
    search read (``searched``), and why.  The removals are offsets into that text,
    and a kept copy must still be there; the rewrite itself still renames only over
    the bytes read here (``write_atomic``).
    """
    paths = sorted({m.path for c in report.clusters for m in c.members if m.path in targets})
    texts: dict[str, tuple[str, Snapshot, str]] = {}
    unsafe: dict[str, str] = {}
    for path in paths:
        try:
            snap = read_snapshot(targets[path].path, settings.max_file_size)
        except SkipFileError as skip:
            unsafe[path] = f"not rewritten: {skip.reason}"
            continue
        decoded = decode_bytes(snap.data, settings.encoding)
        searched_text = _as_searched(targets[path], decoded.text, settings)
        if searched is not None and not searched.same(path, searched_text):
            unsafe[path] = _CHANGED
        elif path in removing:
            texts[path] = (decoded.encoding, snap, decoded.text)
    return texts, unsafe


def _name_held_headlines(report: DedupReport, kinds: tuple[str, ...]) -> None:
    """Name the headline-like repeats ``--remove`` leaves (another article's same title)."""
    for held in held_headlines(report, kinds):
        kept = held.kept
        _err(
            f"{held.member.path}:{held.member.line}: headline-like repeat kept (the paragraphs "
            f"after the copies differ) of {kept.path}:{kept.line}: {kept.preview}"
        )


def _without(report: DedupReport, unsafe: Collection[str]) -> DedupReport:
    """``report`` without the paragraphs of the ``unsafe`` files.

    Their copies are not removed (the file is not rewritten), and a cluster kept
    in one is left whole: its kept copy is no longer known to be there.
    """
    if not unsafe:
        return report
    clusters = []
    for cluster in report.clusters:
        if cluster.members[0].path in unsafe:
            continue
        members = tuple(m for m in cluster.members if m.path not in unsafe)
        if len(members) > 1:
            clusters.append(cluster._replace(members=members))
    return report._replace(clusters=tuple(clusters))


def _aliases(
    report: DedupReport,
    targets: list[Target],
    root: Path,
    given: Collection[str],
    quiet: bool,
) -> dict[str, Target]:
    """The indexed files of ``report`` that are one of this run's files by another name.

    A symlink or a hard link indexed in an earlier run (``latest.txt`` ->
    ``2024-05-01.txt``) holds the very text of the file it leads to: matched with
    it, ``--remove`` would empty the file as a copy of itself.  A file is never
    a duplicate of itself, so such a name is left out of the comparison.  Only
    the indexed files that matched are looked at (a stat each), not the index.
    """
    ids = {file_id(t.path): t for t in targets}
    ids.pop(None, None)
    indexed = sorted({m.path for c in report.clusters for m in c.members} - set(given))
    aliases = {}
    for path in indexed:
        target = ids.get(file_id(root / path))
        if target is not None:
            aliases[path] = target
    if not quiet:
        for path, target in aliases.items():
            _err(
                f"{path}: indexed, and the same file as {shown(target.display)} (a link); "
                "not compared with it"
            )
    return aliases


class _Excluding:
    """An index seen without some of its files (this run's own files by other names)."""

    def __init__(self, index: DedupIndex, paths: Collection[str]) -> None:
        self._index = index
        self._paths = frozenset(paths)

    @property
    def config(self) -> DedupConfig:
        return self._index.config

    def match(
        self,
        keys: list[str],
        bands: npt.NDArray[np.uint32] | None = None,
        exclude_paths: Collection[str] = (),
    ) -> list[IndexMatch | None]:
        return self._index.match(keys, bands, self._paths.union(exclude_paths))


def _record_plans(
    plans: dict[str, list[Replacement]],
    report: DedupReport,
    kinds: tuple[str, ...],
    targets: dict[str, Target],
    settings: Settings,
    texts: dict[str, tuple[str, Snapshot, str]],
) -> None:
    """Replace the plans of record files by removals of whole records (the first copy stays)."""
    found: dict[str, list[Removal]] = {}
    for removal in removals(report, kinds).values():
        found.setdefault(removal.member.path, []).append(removal)
    for path in plans:
        kind = kind_of(targets[path].display) if path in targets else "text"
        if kind in REMOVABLE_KINDS and plans[path]:
            text = texts[path][2]
            plans[path] = record_removals(text, kind, settings.fields, path, found[path])


def _as_searched(target: Target, text: str, settings: Settings) -> str:
    """A file's text as the search read it: a record file's :func:`record_view`."""
    kind = kind_of(target.display)
    if kind in RECORD_KINDS and text:
        return record_view(text, kind, settings.fields)
    return text


def _kept_elsewhere(
    report: DedupReport, kinds: tuple[str, ...]
) -> dict[str, list[tuple[int, Member]]]:
    """Per path, the start of each removed member whose kept copy is in another file."""
    out: dict[str, list[tuple[int, Member]]] = {}
    for removal in removals(report, kinds).values():  # the kept copy that stays
        member, kept = removal.member, removal.kept
        if member.path != kept.path:
            out.setdefault(member.path, []).append((member.start, kept))
    return out


def _links(
    edits: tuple[Edit, ...],
    removed: list[tuple[int, Member]],
    linked: dict[str, tuple[str, str, int, str]],
) -> dict[int, str]:
    """Edit origin -> anchor of the kept copy in another file.

    ``linked`` maps each kept copy (path and offset) to its "Kept copies" entry;
    copies seen for the first time are added to it.
    """
    removed = sorted(removed, key=lambda item: item[0])
    starts = [start for start, _ in removed]
    links: dict[int, str] = {}
    for edit in edits:
        # the first removed member that starts inside this edit's removed span
        k = bisect.bisect_left(starts, edit.origin)
        if edit.new or k == len(starts) or starts[k] >= edit.origin + len(edit.old):
            continue
        kept = removed[k][1]
        where = f"{kept.path}\0{kept.start}"
        if where not in linked:
            linked[where] = (f"kept-{len(linked) + 1}", kept.path, kept.line, kept.preview)
        links[edit.origin] = linked[where][0]
    return links


def _shown(report: DedupReport, kinds: tuple[str, ...]) -> DedupReport:
    """The report with only the clusters of ``kinds`` (the counted and the noted ones)."""
    return report._replace(clusters=tuple(c for c in report.clusters if c.kind in kinds))


def _text_lines(report: DedupReport, noted: tuple[str, ...]) -> list[str]:
    """One line per duplicate; kinds that are only noted (not selected) say so."""
    lines: list[str] = []
    for cluster in report.clusters:
        suffix = " (notice: not counted; select dedup-fragment)" if cluster.kind in noted else ""
        lines.extend(f"{line}{suffix}" for line in report._replace(clusters=(cluster,)).to_text())
    return lines


def _stdin_refusal(args: argparse.Namespace, settings: Settings) -> str | None:
    """Why ``-`` (stdin) cannot be used in this run, or ``None``."""
    if "-" not in args.paths:
        return None
    if args.paths.count("-") > 1:
        return "seedclean dedup: error: '-' (stdin) can be given once"
    for flag, given in (
        ("--remove", args.remove),
        ("--update-index", args.update_index),
        ("--engine dask", args.engine == "dask"),
    ):
        if given:
            return f"seedclean dedup: error: '-' (stdin) does not combine with {flag}"
    return None


def _stdin_document(settings: Settings, summary: Summary) -> Iterator[tuple[str, str]]:
    """Standard input as one document named ``-`` (skipped, with the reason, if undecodable)."""
    data = sys.stdin.buffer.read()
    try:
        text = decode_bytes(data, settings.encoding).text if data else ""
    except SkipFileError as skip:
        _err(f"-: skipped: {skip.reason}")
        summary.add(
            FileResult("-", "skipped", skip_kind=skip.kind, message=skip.reason, error=skip.error)
        )
        return
    summary.files += 1
    yield "-", text


def _dask_report(
    targets: list[Target], settings: Settings, summary: Summary, scheduler: str | None
) -> DedupReport:
    from seedclean.distributed.cli import dedup_targets

    prose = []
    for target in targets:  # the cluster reads prose files only
        try:
            _kind(target.display, "are compared only with --engine local")
            prose.append(target)
        except SkipFileError as skip:
            _err(f"{target.display}: skipped: {skip.reason}")
            summary.add(
                FileResult(target.display, "skipped", skip_kind=skip.kind, message=skip.reason)
            )
    targets = prose
    named = [(_key(t, None), t) for t in targets]
    result = dedup_targets(named, settings.dedup_config(), scheduler, settings.max_file_size)
    for name, kind, reason in result.skipped:
        _err(f"{name}: skipped: {reason}")
        summary.add(FileResult(name, "skipped", skip_kind=kind, message=reason, error=True))
    summary.files += len(targets) - len(result.skipped)
    return result.report


def _print_report(
    fmt: str,
    report: DedupReport,
    kinds: tuple[str, ...],
    noted: tuple[str, ...],
    summary: Summary,
) -> None:
    """The findings on stdout in the chosen ``--output-format`` (``noted``: kinds reported
    as notices, not counted)."""
    if fmt == "json":
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
        return
    if fmt == "text":
        colour = colour_wanted(sys.stdout)
        for line in _text_lines(report, noted):
            print(_paint_dedup(line) if colour else line)
        return
    findings = dedup_findings(report.clusters, kinds, noted)
    if fmt == "json-lines":
        lines = JsonLinesOutput()
        lines.add_findings(findings)
        counted = sum(f["type"] == "duplicate" for f in findings)
        lines.finish({"files": summary.files, "duplicates": counted, **report.stats})
    elif fmt == "github":
        github = GithubOutput()
        github.add_findings(findings)
        github.finish(summary)
    else:
        sarif = SarifOutput()
        sarif.add_findings(findings)
        sarif.finish(summary)


def _paint_dedup(line: str) -> str:
    place, sep, rest = line.partition(": ")
    return paint(place, "bold", True) + sep + paint(rest, "yellow", True)


def _index_problem(exc: BaseException) -> str:
    """The real cause of an index failure, in words (a full disk says so)."""
    if isinstance(exc, PermissionError) and exc.filename:
        return (
            f"{exc.strerror or 'permission denied'} ({exc.filename}): you may not write in "
            "the index folder, so it cannot be updated (without --update-index or --remove "
            "it is only read, which works)"
        )
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror}{where}"
    return str(exc) or type(exc).__name__


#: Settings applied per path argument (the walk); every other key is one for the whole run.
_WALK_KEYS = ("include", "exclude", "extend_exclude", "respect_gitignore", "root", "source")


def _one_settings_note(
    settings: Settings, inputs: PerInput, targets: list[Target], quiet: bool
) -> None:
    """Say so when the inputs fall under settings files that disagree: ``dedup`` compares
    every file with one set of settings (the first input's, command-line values over it)."""
    others = [inputs.of_folder(t.path.parent) for t in targets]
    distinct = list({id(o): o for o in others if o is not settings}.values())
    keys = [a for a in settings.__dataclass_fields__ if a not in _WALK_KEYS]
    names = differing(settings, distinct, keys)
    if names and not quiet:
        files = ", ".join(o.source or "defaults" for o in distinct)
        _err(
            f"seedclean dedup: note: the inputs fall under settings that disagree on "
            f"{', '.join(names)} ({files}); dedup compares every file with the settings of "
            f"the first input ({settings.source or 'defaults'}), command-line values over them"
        )


def run_dedup(args: argparse.Namespace, settings: Settings, inputs: PerInput | None = None) -> int:
    """``seedclean dedup``; ``inputs``: walk each path argument with its own settings."""
    if not args.paths:
        _err("seedclean dedup: no paths given (try: seedclean dedup .)")
        return 2
    summary = Summary()
    refused = False
    not_rewritten = 0  # files --remove named and left as they were
    stdin = _stdin_refusal(args, settings)
    if stdin:
        _err(stdin)
        return 2
    cut = args.paths.index("-") if "-" in args.paths else len(args.paths)
    if inputs is None:
        before, problems = settings.collect(args.paths[:cut])
        after, late = settings.collect(args.paths[cut + 1 :])
    else:
        before, problems = collect_per_input(args.paths[:cut], inputs)
        after, late = collect_per_input(args.paths[cut + 1 :], inputs)
        try:
            _one_settings_note(settings, inputs, before + after, args.quiet)
        except SettingsError as exc:
            _err(f"seedclean: error: {exc}")
            return 2
    targets, problems = before + after, problems + late
    if cut == len(args.paths):  # no stdin: the first copy in history keeps
        targets = before = _in_history_order(targets, settings)
    for path, problem in problems:
        _err(f"{path}: error: {problem}")
    targets, same = distinct_files(targets)  # a file is never compared with itself
    for dropped, kept in same:
        _err(f"{shown(dropped.display)}: same file as {shown(kept.display)}; read once")
    refusals = report_problems([args.html_report] if args.html_report else [], targets)
    for problem in refusals:
        _err(f"seedclean dedup: error: {problem}")
    if refusals:
        return 2
    if args.engine == "dask":
        from seedclean.distributed.cli import engine_problem

        refusal = engine_problem(args.engine, index=args.index is not None or args.update_index)
        if settings.encoding and not refusal:
            refusal = "seedclean: error: dedup --engine dask does not combine with --encoding"
        if refusal:
            _err(refusal)
            return 2
    if args.rebuild:
        args.update_index = True
    try:
        index, created = _open_index(args, settings)
        # --remove takes the write lock too: two runs removing at once would each
        # remove their copy as a repeat of the other's indexed one (both lost)
        locked = index is not None and (args.update_index or args.remove)
        stand_in: FileLock | None = None
        if index is not None and locked:
            try:
                _wait_for_writers(index, args.quiet)
            except PermissionError:
                if args.update_index:
                    raise
                # a shared read-only index: removing against it still works, and removing
                # runs on this machine take turns on a lock of their own in TMPDIR
                locked = False
                stand_in = _stand_in_lock(index, args.quiet)
            if created:  # a fresh clone: the corpus is the committed files
                _bootstrap(index, settings, targets, quiet=args.quiet)
    except IndexMissingError as exc:
        _err(f"seedclean dedup: error: {exc} (create it with --update-index)")
        return 2
    except (DedupIndexError, OSError, sqlite3.Error) as exc:
        _err(f"seedclean dedup: error: {_index_problem(exc)}")
        return 2
    root = None if index is None else index.directory.resolve().parent
    if root is not None:  # index keys are text: a name that is not UTF-8 cannot be one
        for target in [t for t in targets if not is_text_name(_key(t, root))]:
            name = shown(target.display)
            _err(f"{name}: error: file name is not valid UTF-8; rename to index it")
            problems.append((target.display, "name"))
        targets = [t for t in targets if is_text_name(_key(t, root))]
    by_key = {_key(t, root): t for t in targets}
    if len(by_key) != len(targets):  # two files under one name would get each other's edits
        _err("seedclean dedup: error: two inputs have the same name; give them once each")
        if index is not None:
            index.close()
        return 2
    config = index.config if index is not None else settings.dedup_config()
    searched: SearchedTexts | None = None  # the Dask engine reads in its workers
    try:
        if args.engine == "dask":
            report = _dask_report(targets, settings, summary, args.scheduler)
        else:
            spills = "-" not in args.paths and _spills(args, targets)
            reread = (
                _rereader(by_key, settings.max_file_size, settings.fields, settings.encoding)
                if spills
                else None
            )
            records = _why_not(args)
            searched = SearchedTexts()
            # the targets left after every refusal, in order, around stdin's place
            chosen = {id(t) for t in targets}
            before = [t for t in before if id(t) in chosen]
            after = [t for t in after if id(t) in chosen]
            documents = searched.record(
                itertools.chain(
                    _documents(before, settings, root, summary, records=records),
                    _stdin_document(settings, summary) if cut < len(args.paths) else (),
                    _documents(after, settings, root, summary, records=records),
                )
            )
            report = find_duplicates(documents, config, index=index, reread=reread)
            if index is not None and root is not None and args.update_index and index.stale:
                # Kept copies that changed since indexing: re-index them, compare again.
                _report_stale(index, True, args.quiet)
                if _reindex_stale(index, targets, settings, root):
                    summary = Summary()
                    docs = searched.record(
                        _documents(
                            targets, settings, root, summary, announce=False, records=records
                        )
                    )
                    report = find_duplicates(docs, config, index=index, reread=reread)
        aliases = {} if root is None else _aliases(report, targets, root, by_key, args.quiet)
        if aliases and searched is not None and cut == len(args.paths):
            # compare again with the index seen without them (another copy may be there)
            summary = Summary()
            docs = searched.record(
                _documents(targets, settings, root, summary, announce=False, records=records)
            )
            seen = _Excluding(index, aliases) if index is not None else None
            report = find_duplicates(docs, config, index=seen, reread=reread)
        elif aliases:
            report = _without(report, aliases)
        if searched is not None:
            report = searched.outside_protected(report)
        selection = settings.clean_config()
        active, silenced = selection.active_rules(), selection.silenced_rules()
        kinds = tuple(k for k, rule in _KIND_RULE.items() if rule in active)
        noted = tuple(k for k in _NOTED if k not in kinds and _KIND_RULE[k] not in silenced)
        report = _shown(report, kinds + noted)
        _print_report(args.output_format, report, kinds, noted, summary)
        try:
            html = HtmlReport(Path(args.html_report)) if args.html_report else None
        except OSError as exc:
            _err(
                f"seedclean dedup: error: cannot write report {shown(args.html_report)}: "
                f"{exc.strerror or exc}; nothing removed"
            )
            return 2
        if args.remove:
            removed = _remove(
                report, kinds, by_key, settings, html, quiet=args.quiet, searched=searched
            )
            problems += [("", "")] * abs(removed)
            refused = removed < 0
            not_rewritten = max(removed, 0)
        if html is not None:
            html.finish(summary)
        if index is not None and not args.update_index:
            _report_stale(index, False, args.quiet)
        if index is not None and root is not None and args.update_index:
            try:
                _update_index(index, targets, settings, root, args.quiet)
            except (OSError, sqlite3.Error) as exc:
                _err(
                    f"seedclean dedup: error: cannot update the index in {index.directory}: "
                    f"{_index_problem(exc)} (the index is left as it was before this update)"
                )
                return 2
    except (SourceChangedError, DedupIndexError) as exc:
        _err(f"seedclean dedup: error: {exc}")
        return 2
    finally:
        if index is not None:
            if locked:
                index.lock().release(force=True)
            if stand_in is not None:
                stand_in.release(force=True)
            index.close()
    # a headline-like repeat of another article's title is reported, not a duplicate:
    # --remove keeps it, so it is not counted and does not fail a hook (exit 1)
    held = len(held_headlines(report, kinds))
    found = sum(len(c.members) - 1 for c in report.clusters if c.kind in kinds) - held
    notes = sum(len(c.members) - 1 for c in report.clusters if c.kind not in kinds)
    if not args.quiet:
        also = f"; {notes} fragment{'s' * (notes != 1)} noted, not counted" if notes else ""
        if held:
            also += f"; {held} headline-like repeat{'s' * (held != 1)} kept, not counted"
        done = ""
        if args.remove and not refused:
            done = " removed"
            if not_rewritten:  # a file it could not rewrite still holds its copies
                done = f" found, {not_rewritten} file{'s' * (not_rewritten != 1)} not rewritten"
        _err(
            f"seedclean dedup: {summary.files} files, {found} duplicate paragraphs "
            f"({', '.join(kinds)}){done}{also}"
        )
    if problems or summary.errors:
        return 2
    return 1 if found and not args.exit_zero else 0
