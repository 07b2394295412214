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

from collections.abc import Callable, Collection, Mapping

from seedclean.dedup.catalog import RULES
from seedclean.dedup.config import DedupConfig
from seedclean.dedup.find import find_duplicates
from seedclean.dedup.report import DedupReport
from seedclean.edits import Explained, Notice, Replacement, splice

__all__ = ["removal_plan", "remove_duplicates", "remove_duplicates_and_explain"]

_RULE_OF = {"exact": "dedup-exact", "near": "dedup-near", "fragment": "dedup-fragment"}
_KIND_OF = {rule: kind for kind, rule in _RULE_OF.items()}
_DEFAULT_RULES = frozenset(r.id for r in RULES if r.default)
_NAME = "<text>"


def _removal_span(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    """The span removing the line ``[start, end)`` and one adjoining blank line.

    ``floor`` is the end of the previous removal: a blank line already taken
    by it is not taken again.
    """
    newline = text.find("\n", end)
    stop = len(text) if newline < 0 else newline + 1
    after = text.find("\n", stop)
    next_end = len(text) if after < 0 else after
    if newline >= 0 and stop < len(text) and not text[stop:next_end].strip():
        return start, len(text) if after < 0 else after + 1
    if start >= 2 and text[start - 1] == "\n":
        before = text.rfind("\n", 0, start - 1)
        if not text[before + 1 : start - 1].strip() and before + 1 >= floor and before >= 0:
            return before + 1, stop
    if newline < 0 and start >= 1 and text[start - 1] == "\n" and start - 1 >= floor:
        return start - 1, stop
    return start, stop


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
        when it is in the same file.
    """
    read = texts.__getitem__ if isinstance(texts, Mapping) else texts
    paths = sorted({m.path for c in report.clusters if c.kind in kinds for m in c.members[1:]})
    if isinstance(texts, Mapping):  # a corpus file listed as a fragment is not touched
        paths = [p for p in paths if p in texts]
    return {path: plan_for_text(read(path), path, report, kinds) for path in paths}


def plan_for_text(
    text: str, path: str, report: DedupReport, kinds: Collection[str] = ("exact", "near")
) -> list[Replacement]:
    """The replacements that remove ``path``'s non-kept members of ``kinds`` from ``text``."""
    targets: list[tuple[int, int, str, str, int]] = []
    for cluster in report.clusters:
        if cluster.kind not in kinds:
            continue
        kept = cluster.members[0]
        for member in cluster.members[1:]:
            if member.path != path:
                continue
            where = f"line {kept.line}" if kept.path == path else f"{kept.path}:{kept.line}"
            note = f"same as {where}: {kept.preview}"
            ref = kept.start if kept.path == path else -1
            targets.append((member.start, member.end, _RULE_OF[cluster.kind], note, ref))
    targets.sort()
    plan: list[Replacement] = []
    floor = 0
    for start, end, rule, note, ref in targets:
        if start < floor:
            continue
        lo, hi = _removal_span(text, start, end, floor)
        plan.append(Replacement(lo, hi, "", rule, note, ref))
        floor = hi
    return plan


def remove_duplicates_and_explain(
    text: str, config: DedupConfig | None = None, *, rules: Collection[str] | None = None
) -> Explained:
    """Remove exact and near repeats of earlier paragraphs inside ``text``.

    The first occurrence is kept.  Fragments are reported as notices unless
    ``dedup-fragment`` is among ``rules``; then they are removed (the longer
    paragraph is kept).
    """
    active = _DEFAULT_RULES if rules is None else frozenset(rules) & frozenset(_KIND_OF)
    if not active:
        return Explained(text)
    report = find_duplicates([(_NAME, text)], config)
    kinds = {_KIND_OF[r] for r in active}
    plan = plan_for_text(text, _NAME, report, kinds)
    notices = tuple(
        Notice(
            "dedup-fragment",
            m.start,
            m.end,
            f"fragment of line {c.members[0].line}: {c.members[0].preview}",
        )
        for c in report.clusters
        if c.kind == "fragment" and "fragment" not in kinds
        for m in c.members[1:]
    )
    result = splice(text, plan)
    return Explained(result.text, result.edits, notices)


def remove_duplicates(
    text: str, config: DedupConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Remove exact and near repeats of earlier paragraphs inside ``text``."""
    return remove_duplicates_and_explain(text, config, rules=rules).text
