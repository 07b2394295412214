"""``clean``: every default step in order, to a fixed point, with every edit recorded.

Steps run in the order of :data:`PIPELINE` (normalize, repair line breaks,
remove within-text duplicates) and the sequence repeats until no step changes
the text, so ``clean(clean(x)) == clean(x)`` holds by construction.

Two contracts of the steps keep the repeats cheap, and each is a property test:

- every step is idempotent, so a step whose output nobody changed since it ran
  does not run again;
- normalization is line-local (normalizing a text equals normalizing each of
  its lines), so after a later step joined or moved lines, only the lines that
  normalization has not itself produced are normalized again.

>>> clean("近年来,广东省检察院坚持以政治建设为统领,不断探索。")
'近年来，广东省检察院坚持以政治建设为统领，不断探索。'
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from seedclean.config import CleanConfig
from seedclean.edits import (
    Edit,
    EditLog,
    Explained,
    LineIndex,
    Notice,
    fixed_point,
    restate_lines,
)

if TYPE_CHECKING:
    from seedclean.regions import Region

__all__ = ["MAX_ROUNDS", "PIPELINE", "Step", "clean", "clean_and_explain"]

MAX_ROUNDS = 4

#: A step over the whole text: ``(text, config, active rule ids) -> result``.
StepFn = Callable[[str, CleanConfig, frozenset[str]], Explained]
#: A step run again after later steps changed its output:
#: ``(text, its last output, config, active rule ids) -> result``.
RerunFn = Callable[[str, str, CleanConfig, frozenset[str]], Explained]


class Step:
    """One step of ``clean``: a name, a run over the whole text, and maybe a cheaper rerun.

    Attributes:
        name: the step name (``normalize``, ``linebreaks``, ``dedup``).
        run: the step on a whole text.
        rerun: the step on a text that later steps changed since the step last
            ran, given that last output: it may look only at what changed.  Its
            notices add to those the step found before, minus those at a place
            its edits changed.  ``None``: the step runs whole again.
        bind: makes the ``run`` that one ``clean`` call uses (given its config),
            which may keep what it learned about the text between its runs; its
            results equal ``run``'s.  ``None``: ``run`` itself.
    """

    __slots__ = ("bind", "name", "rerun", "run")

    def __init__(
        self,
        name: str,
        run: StepFn,
        rerun: RerunFn | None = None,
        bind: Callable[[CleanConfig], StepFn] | None = None,
    ) -> None:
        self.name = name
        self.run = run
        self.rerun = rerun
        self.bind = bind

    def __repr__(self) -> str:
        return f"Step({self.name!r})"


def _normalize_step(text: str, config: CleanConfig, rules: frozenset[str]) -> Explained:
    from seedclean.normalization import normalize_and_explain

    return normalize_and_explain(text, config.normalize, rules=rules)


def _linebreaks_step(text: str, config: CleanConfig, rules: frozenset[str]) -> Explained:
    from seedclean.linebreaks import repair_breaks_and_explain

    return repair_breaks_and_explain(text, config.breaks, rules=rules)


def _linebreaks_bound(config: CleanConfig) -> StepFn:
    """The line-break step for one ``clean`` call: its runs share block facts.

    After a duplicate paragraph is removed the page is repaired again, and all
    but a block or two of it are blocks the first repair already read.
    """
    from seedclean.linebreaks import repairer

    repair = repairer(config.breaks)

    def run(text: str, _: CleanConfig, rules: frozenset[str]) -> Explained:
        return repair(text, rules)

    return run


def _dedup_step(text: str, config: CleanConfig, rules: frozenset[str]) -> Explained:
    """Remove duplicate paragraphs, then verbatim fragments a join left behind.

    A block the page printed twice is joined in one place (``…压实各方`` ‖
    ``责任，因地制宜…``) and stays a paragraph of its own in the other, where it
    is no longer equal to any paragraph: it is the exact end (or start) of the
    joined one.  Such a paragraph is removed too, as ``dedup-exact`` (issue #10).
    """
    from seedclean.dedup.remove import remove_between
    from seedclean.regions import protected_regions

    regions = protected_regions(text)
    first = remove_between(text, regions, config.dedup, rules)
    if _EXACT not in rules or _JOIN not in rules:
        return first
    # the regions of an unchanged text are known
    known = regions if first.text == text else None
    second = _fragments_outside_regions(first.text, config.dedup.min_chars, rules, known)
    if not second.edits:
        return first
    chained = _chain(text, first, second)
    return chained._replace(notices=first.notices)


_EXACT = "dedup-exact"
_JOIN = "join-seam"
#: Shortest fragment removed for being the verbatim start or end of a longer paragraph.
_FRAGMENT_CHARS = 50
#: Characters a paragraph's start and end are indexed by.
_PROBE = 20


def _fragments_outside_regions(
    text: str, min_chars: int, rules: frozenset[str], regions: Sequence[Region] | None = None
) -> Explained:
    """:func:`_verbatim_fragments` on the text between protected regions, as the first
    removal runs: a display formula restated later in a longer one is not prose.
    ``regions``: ``protected_regions(text)`` when already known."""
    from seedclean.dedup.remove import _renumbered
    from seedclean.regions import outside, protected_regions

    if regions is None:
        regions = protected_regions(text)
    if not regions:
        return _verbatim_fragments(text, min_chars)

    def run(piece: str, piece_rules: frozenset[str], start: int) -> Explained:
        if _EXACT not in piece_rules:
            return Explained(piece)
        found = _verbatim_fragments(piece, min_chars)
        return _renumbered(found, text.count("\n", 0, start))

    return outside(text, regions, rules, "dedup", run)


def _verbatim_fragments(text: str, min_chars: int) -> Explained:
    """Remove each paragraph that is the exact start or end of a longer one.

    Only long paragraphs (at least :data:`_FRAGMENT_CHARS` characters and the
    duplicates step's ``min_chars``) count: a short line that begins a longer
    one is a heading or a lead, not a copy.  The longer paragraph stays.
    """
    from seedclean.dedup.paragraphs import split_paragraphs
    from seedclean.edits import Replacement, splice

    least = max(_FRAGMENT_CHARS, min_chars)
    if not _shared_ends(text, least):
        return Explained(text)
    paras = [(p, text[p.start : p.end].strip()) for p in split_paragraphs(text)]
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    for k, (_, body) in enumerate(paras):
        heads.setdefault(body[:_PROBE], []).append(k)
        tails.setdefault(body[-_PROBE:], []).append(k)
    kept_of: dict[int, int] = {}
    for k, (_, body) in enumerate(paras):
        if len(body) < least:
            continue
        ahead, behind = heads[body[:_PROBE]], tails[body[-_PROBE:]]
        if len(ahead) == 1 and len(behind) == 1:
            continue  # no other paragraph starts or ends as it does (the commonest case)
        longer = [
            j
            for j in (*ahead, *behind)
            if len(paras[j][1]) > len(body)
            and (paras[j][1].startswith(body) or paras[j][1].endswith(body))
        ]
        if longer:  # the longest holder: nothing it is a start or end of is longer
            kept_of[k] = max(longer, key=lambda j: (len(paras[j][1]), -j))
    # A fragment whose holder is itself removed stays (every removal's kept copy survives).
    removed = sorted(k for k, j in kept_of.items() if j not in kept_of)
    if not removed:
        return Explained(text)
    out: list[Replacement] = []
    # The removed run at the top of the text (0, 1, 2, ...): nothing kept before them.
    top = next((n for n, k in enumerate(removed) if k != n), len(removed))
    for n, k in enumerate(removed):
        para = paras[k][0]
        kept = paras[kept_of[k]][0]
        if n >= top:  # from the end of the paragraph before it
            start, end = paras[k - 1][0].end, para.end
        else:  # a run at the top of the text: up to the next paragraph's start
            start = para.start
            end = paras[k + 1][0].start if k + 1 < len(paras) else para.end
        note = f"verbatim part of line {kept.line}: {paras[kept_of[k]][1][:30]}…"
        out.append(Replacement(start, end, "", _EXACT, note, kept.start))
    return splice(text, out)


def _shared_ends(text: str, least: int) -> bool:
    """Whether two paragraphs of ``least`` characters or more start or end alike.

    A fragment and its holder are both that long and share their first (or last)
    :data:`_PROBE` characters, so without such a pair there is nothing to remove
    (the commonest case: this check reads each line once and builds nothing else).
    """
    heads: set[str] = set()
    tails: set[str] = set()
    for line in text.split("\n"):
        if len(line) < least:
            continue
        body = line.strip()
        if len(body) < least:
            continue
        head, tail = body[:_PROBE], body[-_PROBE:]
        if head in heads or tail in tails:
            return True
        heads.add(head)
        tails.add(tail)
    return False


def _chain(text: str, first: Explained, second: Explained) -> Explained:
    """``second`` (run on ``first.text``) after ``first``, offsets and lines mapped to ``text``."""
    log = EditLog()
    log.add(first.edits)
    back = log.to_input
    notices = [
        n._replace(start=back(n.start), end=back(n.end), origin=back(n.start))
        for n in second.notices
    ]
    log.add(second.edits, _restater(first.text, text, log))
    return Explained(second.text, tuple(log.edits), tuple(notices))


def _normalize_again(text: str, last: str, config: CleanConfig, rules: frozenset[str]) -> Explained:
    return _normalize_lines(text, frozenset(last.split("\n")), config, rules)


#: The steps of ``clean``, in order.
PIPELINE: tuple[Step, ...] = (
    Step("normalize", _normalize_step, _normalize_again),
    Step("linebreaks", _linebreaks_step, bind=_linebreaks_bound),
    Step("dedup", _dedup_step),
)


#: An inert last line for the batch of lines to normalize: rules anchored at the end
#: of the text (the final newline) see it, not the last real line.
_SENTINEL = "\nx"


def _normalize_lines(
    text: str, done: frozenset[str], config: CleanConfig, rules: frozenset[str]
) -> Explained:
    """Normalize only the lines of ``text`` that are not in ``done`` (already normalized).

    Exact because normalization is line-local: the pending lines are normalized
    together as one text (one call instead of one per line), and each edit is
    moved into whole-text coordinates by the distance between its line's start
    in the batch and in ``text`` (edits never cross a line, so that distance is
    the same before and after every edit).  The result is an ordinary step result.
    """
    from seedclean.normalization import normalize_and_explain

    lines = text.split("\n")
    batch_starts: list[int] = []  # start of each pending line in the batch
    gaps: list[int] = []  # its start in ``text`` minus its start in the batch
    pending: list[str] = []
    line_start = 0
    batch_start = 0
    for line in lines:
        if line not in done:
            batch_starts.append(batch_start)
            gaps.append(line_start - batch_start)
            pending.append(line)
            batch_start += len(line) + 1
        line_start += len(line) + 1
    if not pending:
        return Explained(text)
    batch = "\n".join(pending) + _SENTINEL
    result = normalize_and_explain(batch, config.normalize, rules=rules)
    normalized = result.text[: -len(_SENTINEL)].split("\n")
    if not result.text.endswith(_SENTINEL) or len(normalized) != len(pending):
        raise AssertionError("normalization is not line-local: it moved a line break")

    def gap(origin: int) -> int:
        return gaps[bisect.bisect_right(batch_starts, origin) - 1]

    def moved(edit: Edit) -> Edit:
        shift = gap(edit.origin)
        return edit._replace(
            start=edit.start + shift,
            end=edit.end + shift,
            origin=edit.origin + shift,
            ref=edit.ref + gap(edit.ref) if edit.ref >= 0 else -1,
        )

    def placed(notice: Notice) -> Notice:
        start = notice.origin + gap(notice.origin)
        return notice._replace(start=start, end=start + notice.end - notice.start)

    edits = tuple(map(moved, result.edits))
    sentinel_start = len(batch) - len(_SENTINEL)
    notices = tuple(placed(n) for n in result.notices if n.origin < sentinel_start)
    if not edits:
        return Explained(text, (), notices)
    replaced = iter(normalized)
    out = "\n".join(next(replaced) if line not in done else line for line in lines)
    return Explained(out, edits, notices)


def _restater(written: str, source: str, log: EditLog) -> Callable[[str], str]:
    """Restates the ``line N`` of a note on ``written`` as ``source``'s line (``log`` leads back).

    A duplicate's note names its kept copy's line in the text the step was given;
    earlier joins and removals renumber the lines, so the note is restated in the input's.
    """
    if not log.edits:
        return _same
    indexes: list[LineIndex] = []

    def restate(note: str) -> str:
        if "line " not in note:
            return note
        if not indexes:
            indexes.extend((LineIndex(written), LineIndex(source)))
        return restate_lines(note, indexes[0], log.to_input, indexes[1])

    return restate


def _same(note: str) -> str:
    return note


def clean_and_explain(text: str, config: CleanConfig | None = None) -> Explained:
    """Clean ``text`` and return the result with every edit, in order.

    Each edit's ``origin`` (and ``ref``) is an offset in ``text``.  Notices
    (things found but deliberately left alone) are those of each step's last
    run, minus notices about a place that a later edit of the same step fixed.
    """
    return _run(text, config or CleanConfig(), explain=True)


def clean(text: str, config: CleanConfig | None = None) -> str:
    """Clean ``text`` with the default steps (or those ``config`` selects).

    The same path as :func:`clean_and_explain`, without mapping the edits
    back to ``text`` or keeping them.
    """
    return _run(text, config or CleanConfig(), explain=False).text


def _run(text: str, config: CleanConfig, *, explain: bool) -> Explained:
    rules = config.active_rules()
    current = text
    log = EditLog()
    notices: dict[str, list[Notice]] = {step.name: [] for step in PIPELINE}
    stale = {step.name: True for step in PIPELINE}
    last: dict[str, str] = {}  # each step's last output
    runs = {s.name: s.run if s.bind is None else s.bind(config) for s in PIPELINE}

    def one_round() -> bool:
        nonlocal current
        for step in PIPELINE:
            name = step.name
            if not stale[name]:
                continue
            stale[name] = False
            again = step.rerun is not None and name in last
            if step.rerun is not None and again:
                result = step.rerun(current, last[name], config, rules)
            else:
                result = runs[name](current, config, rules)
            if explain:
                _record(result, current, text, log, notices, name, partial=again)
            if result.edits:
                current = result.text
                for other in stale:
                    stale[other] = other != name
            last[name] = current
        return any(stale.values())

    stuck = fixed_point(one_round, MAX_ROUNDS, "clean")
    silenced = config.silenced_rules()
    all_notices = [n for step in PIPELINE for n in notices[step.name] if n.rule not in silenced]
    if stuck is not None and stuck.rule not in silenced:
        all_notices.append(stuck)
    return Explained(current, tuple(log.edits), tuple(all_notices))


def _record(
    result: Explained,
    current: str,
    text: str,
    log: EditLog,
    notices: dict[str, list[Notice]],
    name: str,
    *,
    partial: bool,
) -> None:
    """Keep a step run's edits and notices, ``origin``/``ref`` and lines mapped to ``text``.

    A partial run's notices (a rerun looks only at what changed) add to the step's
    earlier ones, minus those at a place its edits changed.
    """
    restate = _restater(current, text, log)
    found = [
        n._replace(origin=log.to_input(n.start), message=restate(n.message)) for n in result.notices
    ]
    before = len(log.edits)
    log.add(result.edits, restate)
    if partial:
        fixed = {e.origin for e in log.edits[before:]}
        found = [n for n in notices[name] if n.origin not in fixed] + found
    notices[name] = found
