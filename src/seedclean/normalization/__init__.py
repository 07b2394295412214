"""Punctuation, width, space and character normalization (first step of ``clean``).

The step runs four phases, each one pass of compiled regexes over the text,
each building its output with :func:`seedclean.edits.splice` so every change is
an :class:`~seedclean.edits.Edit`:

1. :mod:`.fold`: line endings, invisible characters, Unicode spaces, indents,
   full-width letters/digits, radicals, compatibility ideographs, traditional-only
   characters (and full OpenCC t2s when asked for);
2. :mod:`.pairs`: brackets and quotes as pairs, full-width symbols in ASCII context;
3. :mod:`.marks`: ``, ; : ? ! .``, ellipses, dashes, middle dots;
4. :mod:`.spaces`: trailing spaces, spaces next to full-width marks, final newline.

The phases repeat until a round changes nothing (at most three rounds), so the
step is idempotent by construction.  A second round over the whole text is run
only if a cheap probe (:mod:`.recheck`: the phases over just the lines that
still hold a candidate mark) shows it would change something.

>>> normalize("近年来,广东省检察院坚持以政治建设为统领,不断探索(试行)")
'近年来，广东省检察院坚持以政治建设为统领，不断探索（试行）'
>>> normalize("联系电话 010-86423591 电子信箱 jrcb60@126.com")
'联系电话 010-86423591 电子信箱 jrcb60@126.com'
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from seedclean.edits import EditLog, Explained, Notice, Replacement, fixed_point, splice
from seedclean.normalization.catalog import RULES
from seedclean.normalization.config import NormalizeConfig
from seedclean.normalization.fold import fold_replacements, grouping_replacements
from seedclean.normalization.marks import mark_replacements
from seedclean.normalization.pairs import pair_replacements
from seedclean.normalization.recheck import probe_text
from seedclean.normalization.script import (
    full_t2s_replacements,
    preposition_yu_replacements,
    traditional_lines,
)
from seedclean.normalization.spaces import space_replacements
from seedclean.regions import Region, blocks_rule, outside, protected_regions

__all__ = ["RULES", "NormalizeConfig", "normalize", "normalize_and_explain"]

MAX_ROUNDS = 3
_OWN = frozenset(r.id for r in RULES)
_DEFAULT = frozenset(r.id for r in RULES if r.default)

Phase = Callable[[str, frozenset[str], NormalizeConfig], tuple[list[Replacement], list[Notice]]]


def _t2s(
    text: str, active: frozenset[str], _: NormalizeConfig
) -> tuple[list[Replacement], list[Notice]]:
    return (full_t2s_replacements(text) if "script-t2s" in active else []), []


def _fold(
    text: str, active: frozenset[str], _: NormalizeConfig
) -> tuple[list[Replacement], list[Notice]]:
    out = fold_replacements(text, active)
    # Only a text with full-width digits may hold a grouped number (width-alnum finds them).
    if "width-symbols" in active and (
        "width-alnum" not in active or any(r.rule == "width-alnum" for r in out)
    ):
        out += grouping_replacements(text)
    if "script-preposition-yu" in active:
        out += preposition_yu_replacements(text)
    if "script-traditional-only" in active:
        return traditional_lines(text, out)
    return out, []


def _marks(
    text: str, active: frozenset[str], _: NormalizeConfig
) -> tuple[list[Replacement], list[Notice]]:
    return mark_replacements(text, active)


def _spaces(
    text: str, active: frozenset[str], config: NormalizeConfig
) -> tuple[list[Replacement], list[Notice]]:
    return space_replacements(text, active, config), []


PHASES: tuple[Phase, ...] = (_t2s, _fold, pair_replacements, _marks, _spaces)


def _run_round(
    text: str,
    active: frozenset[str],
    config: NormalizeConfig,
    log: EditLog | None = None,
    notices: list[Notice] | None = None,
) -> str:
    """Run every phase once over ``text``; record edits and notices when given a log."""
    for phase in PHASES:
        replacements, found = phase(text, active, config)
        if log is not None and notices is not None and found:
            notices.extend(map(log.place, found))
        if not replacements:
            continue
        if log is None:
            text = splice(text, replacements).text
            continue
        spliced = log.splice(text, replacements)
        if spliced is not None:
            text = spliced
    return text


def normalize_and_explain(
    text: str, config: NormalizeConfig | None = None, *, rules: Collection[str] | None = None
) -> Explained:
    """Normalize ``text`` and return the result with every edit and notice.

    Args:
        text: any string (a page, a paragraph, a snippet).
        config: tuning of some rules; ``None`` uses the defaults.
        rules: active rule ids of the whole pipeline; ids of other steps are
            ignored; ``None`` runs this step's default rules.

    Returns:
        The normalized text, the edits in order (sequential offsets, ``origin``
        in ``text``) and notices of things found but deliberately left alone
        (notices of the last round, with ``origin`` in ``text``).
    """
    config = config or NormalizeConfig()
    active = _DEFAULT if rules is None else frozenset(rules) & _OWN
    if not active:
        return Explained(text)
    regions = protected_regions(text)
    if regions:
        return _around(text, regions, config, active)
    return _normalize(text, config, active)


#: Rules about the end of the whole text, applied once to the whole result.
_END_RULES = frozenset({"newline-final"})


def _around(
    text: str, regions: list[Region], config: NormalizeConfig, active: frozenset[str]
) -> Explained:
    """Normalize the pieces of ``text`` around protected regions, then the end of the text."""

    def run(piece: str, piece_rules: frozenset[str], _: int) -> Explained:
        return _normalize(piece, config, piece_rules - _END_RULES)

    result = outside(text, regions, active, "normalize", run)
    last = regions[-1]
    ends = active & _END_RULES
    if not ends or (last.end == len(text) and blocks_rule(last, "newline-final", "normalize")):
        return result
    final = _normalize(result.text, config, ends)
    if not final.edits:
        return result
    shift = len(result.text) - len(text)  # the end of the text moved by this much
    moved = tuple(e._replace(origin=max(0, min(len(text), e.start - shift))) for e in final.edits)
    return Explained(final.text, result.edits + moved, result.notices)


def _normalize(text: str, config: NormalizeConfig, active: frozenset[str]) -> Explained:
    """:func:`normalize_and_explain` on text without protected regions."""
    log = EditLog()
    current = text
    notices: list[Notice] = []
    rounds = 0

    def one_round() -> bool:
        nonlocal current, notices, rounds
        rounds += 1
        if rounds == 2:
            probe = probe_text(current, active)
            if _run_round(probe, active, config) == probe:
                return False  # the only lines a second round could change are stable already
        notices = []
        after = _run_round(current, active, config, log, notices)
        changed = after != current
        current = after
        return changed

    def settled() -> bool:
        return _run_round(current, active, config) == current

    stuck = fixed_point(one_round, MAX_ROUNDS, "normalization", settled)
    if stuck is not None:
        notices.append(stuck)
    return Explained(current, tuple(log.edits), tuple(notices))


def normalize(
    text: str, config: NormalizeConfig | None = None, *, rules: Collection[str] | None = None
) -> str:
    """Normalize ``text`` (same path as :func:`normalize_and_explain`)."""
    return normalize_and_explain(text, config, rules=rules).text
