"""Removal: turn clusters into edits, and the in-``clean`` duplicate step.

A removed paragraph takes one neighbouring blank separator line with it (the
one after it, else the one before it), so removing never leaves more blank
lines than there were.  Each removal is one edit whose ``note`` names the kept
copy (``same as line 12: 今年以来…``) and whose ``ref`` is the kept copy's
offset when it is in the same text.

>>> text = ("今年以来，甘肃省张掖市甘州区检察院围绕中心大局。\\n\\n别的段落。\\n\\n"
...         "今年以来,甘肃省张掖市甘州区检察院围绕中心大局.\\n")
>>> out = remove_duplicates_and_explain(text)
>>> print(out.text)
今年以来，甘肃省张掖市甘州区检察院围绕中心大局。
<BLANKLINE>
别的段落。
<BLANKLINE>
>>> out.edits[0].rule, out.edits[0].note, out.edits[0].ref
('dedup-exact', 'same as line 1: 今年以来，甘肃省张掖市甘州区检察院围绕中心大局。', 0)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import NamedTuple

from seedclean.dedup.catalog import RULES
from seedclean.dedup.config import DedupConfig
from seedclean.dedup.key import paragraph_key
from seedclean.dedup.kind import Kind
from seedclean.dedup.meaning import differences, show
from seedclean.dedup.quick import MAX_KEYS, surely_unique
from seedclean.dedup.report import PREVIEW_CHARS, DedupReport, Member
from seedclean.dedup.table import ParagraphTable, cluster_table
from seedclean.edits import (
    EditLog,
    Explained,
    LineIndex,
    Notice,
    Replacement,
    fixed_point,
    restate_lines,
    splice,
)
from seedclean.regions import Region, outside, protected_regions

__all__ = [
    "HEADLINE_CHARS",
    "Removal",
    "headline_like",
    "held_headlines",
    "removal_plan",
    "removals",
    "remove_duplicates",
    "remove_duplicates_and_explain",
]

_KIND_OF = {kind.rule: kind for kind in Kind}
_DEFAULT_RULES = frozenset(r.id for r in RULES if r.default)
_NAME = "<text>"
_MAX_ROUNDS = 8  # each round removes at least one paragraph; two are the rule


def _removal_span(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    """The span removing the line ``[start, end)`` and one adjoining blank line.

    ``floor`` is the end of the previous removal: a blank line already taken
    by it is not taken again.
    """
    newline = text.find("\n", end)
    stop = len(text) if newline < 0 else newline + 1
    after = text.find("\n", stop)
    next_end = len(text) if after < 0 else after
    if (
        newline >= 0
        and stop < len(text)
        and not text[stop:next_end].strip()
        and not _opens_indented_code(text, after)
    ):
        return start, len(text) if after < 0 else after + 1
    if start >= 2 and text[start - 1] == "\n":
        before = text.rfind("\n", 0, start - 1)
        if not text[before + 1 : start - 1].strip() and before + 1 >= floor and before >= 0:
            return before + 1, stop
    if newline < 0 and start >= 1 and text[start - 1] == "\n" and start - 1 >= floor:
        return start - 1, stop
    return start, stop


def _opens_indented_code(text: str, newline: int) -> bool:
    """Whether the line after ``text[newline]`` is, or may be, indented.

    A blank line before an indented line makes it indented code, a protected region:
    taking that blank line away would merge the pieces around the region, and a second
    run would find repeats the first could not.
    """
    if newline < 0:
        return False
    # a piece of the text between protected regions ends with that blank line: the region
    # after it may be the indented code it opens
    return newline + 1 == len(text) or text.startswith(("    ", "\t"), newline + 1)


def _trailing_span(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    """Like :func:`_removal_span`, preferring the blank line *before* the paragraph.

    Used for the removals that end the text: each takes the blank lines in
    front of it, so what is left ends where the last kept paragraph ended
    (taking the separators after them would leave blank lines at the end).
    """
    newline = text.find("\n", end)
    stop = len(text) if newline < 0 else newline + 1
    lo = start
    while lo >= 2 and text[lo - 1] == "\n":
        before = text.rfind("\n", 0, lo - 1)
        if before < 0 or before + 1 < floor or text[before + 1 : lo - 1].strip():
            break
        lo = before + 1
    return (lo, stop) if lo < start else _removal_span(text, start, end, floor)


def _trailing_from(text: str, targets: list[tuple[int, int, str, str, int]]) -> int:
    """Index of the first of the sorted ``targets`` after which only removals and blanks follow."""
    first = len(targets)
    tail = len(text)
    for i in range(len(targets) - 1, -1, -1):
        start, end = targets[i][0], targets[i][1]
        if end > tail or text[end:tail].strip():
            break
        first = i
        tail = min(tail, start)
    return first


class Removal(NamedTuple):
    """One paragraph to remove and the copy that stays.

    Attributes:
        member: the paragraph removed.
        kind: why (``exact``, ``near`` or ``fragment``).
        kept: the copy that stays; never itself removed.
        via: the paragraph it was found to repeat when that one is removed too
            (``kept`` is then what that one repeats), else ``None``.
    """

    member: Member
    kind: str
    kept: Member
    via: Member | None = None


#: Paragraphs of at most this many characters without sentence punctuation are
#: headline-like: two articles may share a title, so such a repeat is removed only
#: when the paragraph after it repeats the paragraph after its kept copy too.
HEADLINE_CHARS = 40
_SENTENCE_PUNCTUATION = frozenset("。！？；…!?;.")
assert HEADLINE_CHARS <= PREVIEW_CHARS  # the preview holds a headline whole
_HELD = "headline-like repeat kept (the paragraphs after the copies differ) of"


def headline_like(member: Member, limit: int = HEADLINE_CHARS) -> bool:
    """Whether ``member`` is a title, a heading or a caption rather than body text.

    Short (at most ``limit`` characters) and without sentence punctuation
    (``。！？；…`` and ASCII ``.!?;``, which OCR output often has); a ``.``
    between digits is a section or decimal number (``2.1``, ``3.1.2``), and so
    is the dot after a heading's leading section number (``2.Materials``).  A
    markdown heading (``# 2 Materials and methods``), a table or figure caption
    and a reference-list entry are structure whatever their length: two papers
    share them without being copies of each other, and a heading repeated by its
    table of contents is still the section's heading.
    """
    preview = member.preview
    if _STRUCTURE.match(preview):
        return True
    if member.chars > limit:
        return False
    words = _NUMBER_DOT.sub("", _LEADING_NUMBER.sub("", preview, count=1))
    return not _SENTENCE_PUNCTUATION.intersection(words)


_NUMBER_DOT = re.compile(r"(?<=\d)\.(?=\d)")
#: The section number that opens a heading (``2.``, ``3.4.2``, ``IV.``).
_LEADING_NUMBER = re.compile(r"[0-9IVX]{1,4}(?:\.[0-9]{1,3})*\.?")
#: A markdown heading (ATX: one line, ``#`` to ``######`` and a space); a table or
#: figure caption (``Table 1 Composition of …``: a capital after the number, where a
#: sentence about the table goes on in lower case, ``Table 1 shows …``); an entry of a
#: reference list (``[15] Haidt, J. …``, ``[3]沈林园, …``).
_STRUCTURE = re.compile(
    r"#{1,6}[ \t]"
    r"|(?:Table|Tab\.|Figure|Fig\.)[ \t]?[0-9]{1,3}[.:]?[ \t]*[A-Z]"
    r"|\[[0-9]{1,3}\][ \t]*\S"
)


def _direct(report: DedupReport, kinds: Collection[str]) -> dict[tuple[str, int], Removal]:
    """Each non-kept member of ``kinds``, by ``(path, start)``, with its cluster's kept copy."""
    direct: dict[tuple[str, int], Removal] = {}
    for cluster in report.clusters:
        if cluster.kind in kinds:
            for member in cluster.members[1:]:
                direct.setdefault(
                    (member.path, member.start), Removal(member, cluster.kind, cluster.members[0])
                )
    if "exact" not in kinds:
        for cluster in report.clusters:
            leader = cluster.members[0]
            found = direct.get((leader.path, leader.start))
            if cluster.kind == "exact" and found is not None:
                for member in cluster.members[1:]:
                    direct.setdefault(
                        (member.path, member.start), Removal(member, found.kind, leader)
                    )
    return direct


def held_headlines(
    report: DedupReport, kinds: Collection[str], headline_chars: int = HEADLINE_CHARS
) -> list[Removal]:
    """The headline-like repeats that are reported but not removed.

    A short paragraph without sentence punctuation (:func:`headline_like`) that
    repeats another such paragraph is removed only when the paragraph after it and the
    paragraph after its kept copy are duplicates of each other too (the same
    article twice); two articles that merely share a title keep both titles.
    ``headline_chars=0`` removes such repeats like any other.
    """
    if headline_chars <= 0:
        return []
    clusters_of: dict[tuple[str, int], set[int]] = {}
    for number, cluster in enumerate(report.clusters):
        for member in cluster.members:
            clusters_of.setdefault((member.path, member.paragraph), set()).add(number)
    held = []
    for removal in _direct(report, kinds).values():
        member, kept = removal.member, removal.kept
        if not headline_like(member, headline_chars):
            continue
        # a heading, caption or reference stays even when its copy is a plain line (a
        # table of contents)
        if not (headline_like(kept, headline_chars) or _STRUCTURE.match(member.preview)):
            continue
        after = clusters_of.get((member.path, member.paragraph + 1), set())
        if after.isdisjoint(clusters_of.get((kept.path, kept.paragraph + 1), set())):
            held.append(removal)
    return sorted(held, key=lambda r: (r.member.path, r.member.start))


def removals(
    report: DedupReport, kinds: Collection[str], headline_chars: int = HEADLINE_CHARS
) -> dict[tuple[str, int], Removal]:
    """Every paragraph removed for ``kinds``, by ``(path, start)``, with a kept copy that stays.

    A cluster's kept copy can itself be removed: a near duplicate's kept copy
    may be a fragment of a longer paragraph, an exact copy's kept copy may be a
    near duplicate of an earlier one.  Such a removal then names the copy that
    stays at the end of that chain (``kept``) and the removed one (``via``), so
    the kept copy of every removal survives.  When exact duplicates are not
    removed, the identical copies of a paragraph removed for another kind are
    removed with it (they repeat the same kept copy just as much; keeping them
    would let a second run find them).  Headline-like repeats of another
    article's title stay (:func:`held_headlines`).
    """
    direct = _direct(report, kinds)
    for held in held_headlines(report, kinds, headline_chars):
        del direct[(held.member.path, held.member.start)]
    out: dict[tuple[str, int], Removal] = {}
    for key, removal in direct.items():
        kept = removal.kept
        seen = {key}
        while (kept.path, kept.start) in direct and (kept.path, kept.start) not in seen:
            seen.add((kept.path, kept.start))
            kept = direct[(kept.path, kept.start)].kept
        if (kept.path, kept.start) in direct:
            continue  # a cycle (not produced by the clusterings): remove none of it
        via = None if kept == removal.kept else removal.kept
        out[key] = removal._replace(kept=kept, via=via)
    return out


def _where(member: Member, path: str) -> str:
    return f"line {member.line}" if member.path == path else f"{member.path}:{member.line}"


def _targets(
    path: str, found: Collection[Removal], read: Callable[[str], str | None]
) -> list[tuple[int, int, str, str, int]]:
    targets = []
    for r in found:
        where = _where(r.kept, path)
        but = _but_for(r, read) if r.kind == "near" else ""
        if r.via is None:
            note = f"same as {where}{but}: {r.kept.preview}"
        else:
            note = f"same as {_where(r.via, path)}, itself removed as a copy of {where}{but}: "
            note += r.kept.preview
        ref = r.kept.start if r.kept.path == path else -1
        targets.append((r.member.start, r.member.end, Kind(r.kind).rule, note, ref))
    return targets


def _but_for(removal: Removal, read: Callable[[str], str | None]) -> str:
    """``, but for 台→合, +局``: where a near duplicate differs from the copy it repeats."""
    compared = removal.via or removal.kept
    kept_text, text = read(compared.path), read(removal.member.path)
    if kept_text is None or text is None:
        return ""
    kept = paragraph_key(kept_text[compared.start : compared.end])
    found = differences(kept, paragraph_key(text[removal.member.start : removal.member.end]))
    return f", but for {show(found)}" if found else ""


def removal_plan(
    report: DedupReport,
    kinds: Collection[str] = ("exact", "near"),
    *,
    texts: Mapping[str, str] | Callable[[str], str],
) -> dict[str, list[Replacement]]:
    """Per path, the replacements that remove every non-kept member of ``kinds``.

    Args:
        report: what ``find_duplicates`` found.
        kinds: which kinds of duplicate to remove.
        texts: each path's text as read (a mapping, or a function of the path);
            needed to take one blank separator line along with each paragraph.
            With a mapping, paths it lacks are left alone (an indexed corpus
            paragraph reported as a fragment of a new one).

    Returns:
        Replacements with offsets in each file's text as read, ready for
        :func:`seedclean.edits.splice`.  Rules are ``dedup-exact``,
        ``dedup-near`` or ``dedup-fragment``; ``ref`` points at the kept copy
        when it is in the same file.  The kept copy of every removal stays
        (see :func:`removals`).
    """
    read = texts.__getitem__ if isinstance(texts, Mapping) else texts
    by_path: dict[str, list[Removal]] = {}
    for removal in removals(report, kinds).values():
        by_path.setdefault(removal.member.path, []).append(removal)
    paths = sorted(by_path)
    if isinstance(texts, Mapping):  # a corpus file listed as a fragment is not touched
        paths = [p for p in paths if p in texts]

    def text_of(path: str) -> str | None:
        if isinstance(texts, Mapping):
            return texts.get(path)
        return read(path)

    return {path: _plan(read(path), _targets(path, by_path[path], text_of)) for path in paths}


def plan_for_text(
    text: str, path: str, report: DedupReport, kinds: Collection[str] = ("exact", "near")
) -> list[Replacement]:
    """The replacements that remove ``path``'s non-kept members of ``kinds`` from ``text``."""
    found = [r for r in removals(report, kinds).values() if r.member.path == path]
    return _plan(text, _targets(path, found, lambda p: text if p == path else None))


def _plan(text: str, targets: list[tuple[int, int, str, str, int]]) -> list[Replacement]:
    targets.sort()
    trailing = _trailing_from(text, targets)
    plan: list[Replacement] = []
    floor = 0
    for i, (start, end, rule, note, ref) in enumerate(targets):
        if start < floor:
            continue
        span = _trailing_span if i >= trailing else _removal_span
        lo, hi = span(text, start, end, floor)
        plan.append(Replacement(lo, hi, "", rule, note, ref))
        floor = hi
    return plan


def remove_duplicates_and_explain(
    text: str, config: DedupConfig | None = None, *, rules: Collection[str] | None = None
) -> Explained:
    """Remove exact and near repeats of earlier paragraphs inside ``text``.

    The first occurrence is kept.  Fragments are reported as notices unless
    ``dedup-fragment`` is among ``rules``; then they are removed (the longer
    paragraph is kept).  Removing can make a paragraph the repeat of an
    earlier one that an identical copy hid (when exact duplicates are not
    removed) or bring a fragment next to its container, so the search runs
    again on the result until nothing more is removed: a second call finds
    nothing (``clean`` is idempotent).
    """
    return remove_between(text, None, config, rules)


def remove_between(
    text: str,
    regions: Sequence[Region] | None,
    config: DedupConfig | None = None,
    rules: Collection[str] | None = None,
) -> Explained:
    """:func:`remove_duplicates_and_explain` given ``protected_regions(text)`` when known."""
    active = _DEFAULT_RULES if rules is None else frozenset(rules) & frozenset(_KIND_OF)
    if not active:
        return Explained(text)
    if regions is None:
        regions = protected_regions(text)
    if regions:  # protected regions are kept whole; the text between them is deduplicated

        def run(piece: str, piece_rules: frozenset[str], start: int) -> Explained:
            return _renumbered(_remove(piece, config, piece_rules), text.count("\n", 0, start))

        return outside(text, regions, active, "dedup", run)
    return _remove(text, config, active)


_LINE_REF = re.compile(r"\bline (\d+)")


def _renumbered(result: Explained, lines_before: int) -> Explained:
    """A piece's result with the line numbers in its notes counted in the whole text."""
    if not lines_before or not (result.edits or result.notices):
        return result

    def shift(note: str) -> str:
        return _LINE_REF.sub(lambda m: f"line {int(m.group(1)) + lines_before}", note)

    return Explained(
        result.text,
        tuple(e._replace(note=shift(e.note)) for e in result.edits),
        tuple(n._replace(message=shift(n.message)) for n in result.notices),
    )


def _remove(text: str, config: DedupConfig | None, active: frozenset[str]) -> Explained:
    kinds = {_KIND_OF[r] for r in active}
    current = text
    log = EditLog()
    source: list[LineIndex] = []  # the input's line index, built once a round removed something
    notices: tuple[Notice, ...] = ()

    def one_round() -> bool:
        nonlocal current, notices
        differing: list[tuple[Member, Member, str]] = []
        report = _find(current, config, differing)
        plan = plan_for_text(current, _NAME, report, kinds)
        restate = _restater(current, text, source, log)
        to_input = log.to_input
        kept_apart = tuple(
            Notice(
                "dedup-near",
                to_input(later.start),
                to_input(later.start) + later.end - later.start,
                restate(f"kept: like line {earlier.line} but for {shown}"),
            )
            for earlier, later, shown in differing
            if "near" in kinds
        )
        notices = (
            kept_apart
            + tuple(
                Notice(
                    "dedup-fragment",
                    to_input(m.start),
                    to_input(m.start) + m.end - m.start,
                    restate(f"fragment of line {c.members[0].line}: {c.members[0].preview}"),
                )
                for c in report.clusters
                if c.kind == "fragment" and "fragment" not in kinds
                for m in c.members[1:]
            )
            + tuple(
                Notice(
                    Kind(h.kind).rule,
                    to_input(h.member.start),
                    to_input(h.member.start) + h.member.chars,
                    restate(f"{_HELD} line {h.kept.line}: {h.kept.preview}"),
                )
                for h in held_headlines(report, kinds)
            )
        )
        if not plan:
            return False
        result = splice(current, plan)
        log.add(result.edits, restate)
        current = result.text
        return bool(result.edits)

    stuck = fixed_point(one_round, _MAX_ROUNDS, "duplicate removal")
    if stuck is not None:
        notices += (stuck,)
    return Explained(current, tuple(log.edits), notices)


def _restater(
    current: str, text: str, source: list[LineIndex], log: EditLog
) -> Callable[[str], str]:
    """Restates the ``line N`` of a note on ``current`` as the input's (``text``) line.

    A later round searches the text earlier rounds shortened: its line numbers are
    not the input's, and a note must name the kept copy's line in the input.
    ``source`` caches the input's :class:`LineIndex` (built on first need).
    """
    if not log.edits:
        return _unchanged
    if not source:
        source.append(LineIndex(text))
    written = LineIndex(current)
    return lambda note: restate_lines(note, written, log.to_input, source[0])


def _unchanged(note: str) -> str:
    return note


def _find(
    text: str,
    config: DedupConfig | None,
    differing: list[tuple[Member, Member, str]] | None = None,
) -> DedupReport:
    """The clusters of :func:`~seedclean.dedup.find_duplicates` for one text (no stats).

    A text of a few paragraphs that :func:`~seedclean.dedup.quick.surely_unique`
    clears skips the sketches: the clusters are the same (none), found without
    numpy.
    """
    config = config or DedupConfig()
    table = ParagraphTable(config.min_chars)
    table.add(_NAME, text)
    keys = table.keys
    lengths = [m.chars for m in table.members]
    if (
        len(keys) <= MAX_KEYS
        and len(set(keys)) == len(keys)
        and surely_unique(keys, lengths, config)
    ):
        return DedupReport((), {})
    clusters, _stats = cluster_table(table, config, differing=differing)
    return DedupReport(tuple(clusters), {})


def remove_duplicates(
    text: str, config: DedupConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Remove exact and near repeats of earlier paragraphs inside ``text``."""
    return remove_duplicates_and_explain(text, config, rules=rules).text
