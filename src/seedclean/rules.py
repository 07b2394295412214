"""The rule registry: one table of every rule id, its step and its default.

Each step package keeps its own table in ``<package>/catalog.py`` (pure data,
cheap to import); this module joins them and resolves ``select``/``ignore``.
A step name (``normalize``, ``linebreaks``, ``dedup``) *selects* that step's
default rules and *ignores* all of its rules; opt-in rules (``script-t2s``,
``punct-corner-quotes``, ``join-wrap``, ``dedup-fragment``) are selected only
by their id, or by ``ALL``.

>>> "punct-comma" in {r.id for r in all_rules()}
True
>>> sorted(resolve_rules(select=None, ignore=["linebreaks", "dedup"])) == sorted(
...     r.id for r in all_rules() if r.step == "normalize" and r.default)
True
>>> "script-t2s" in resolve_rules(select=["normalize"])
False
>>> "script-t2s" in resolve_rules(select=["normalize", "script-t2s"])
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from seedclean.edits import NO_FIXED_POINT
from seedclean.rule import Rule

__all__ = [
    "CLEAN_RULES",
    "STEPS",
    "Rule",
    "UnknownRuleError",
    "all_rules",
    "ignored_rules",
    "resolve_rules",
]

STEPS = ("normalize", "linebreaks", "dedup")

#: Rules of ``clean`` as a whole rather than of one step: notices that are always
#: reported (no selection turns them on or off); ignoring one silences it.
CLEAN_RULES: tuple[Rule, ...] = (
    Rule(
        NO_FIXED_POINT,
        "clean",
        "reports (a notice, never an edit) a repeat-until-stable loop that ran out of rounds "
        "while its last round still changed the text",
    ),
)


class UnknownRuleError(ValueError):
    """A rule id or step name that does not exist."""


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule of every step, in pipeline order, then those of ``clean`` as a whole."""
    from seedclean.dedup.catalog import RULES as DEDUP
    from seedclean.linebreaks.catalog import RULES as LINEBREAKS
    from seedclean.normalization.catalog import RULES as NORMALIZE

    return (*NORMALIZE, *LINEBREAKS, *DEDUP, *CLEAN_RULES)


def _expand(names: Iterable[str], *, whole_steps: bool = False) -> set[str]:
    """Rule ids named by ``names``: a step name is its default rules (all of them when
    ``whole_steps``, as when ignoring), ``ALL`` every rule."""
    by_id = {r.id: r for r in all_rules()}
    out: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name in STEPS:
            out.update(r.id for r in all_rules() if r.step == name and (r.default or whole_steps))
        elif name == "ALL":
            out.update(by_id)
        elif name in by_id:
            out.add(name)
        else:
            valid = ", ".join([*STEPS, *sorted(by_id)])
            raise UnknownRuleError(f"unknown rule or step {name!r}; valid: {valid}")
    return out


def resolve_rules(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
) -> frozenset[str]:
    """Return the active rule ids.

    ``select`` replaces the default set (``None`` keeps the defaults),
    ``extend_select`` adds opt-in rules to it, ``ignore`` removes rules.
    Names may be rule ids, step names or ``ALL``; a selected step name stands
    for its default rules, an ignored one for all of its rules.
    """
    if select is None:
        active = {r.id for r in all_rules() if r.default and r.step in STEPS}
    else:
        active = _expand(select)
    active |= _expand(extend_select)
    active -= _expand(ignore, whole_steps=True)
    return frozenset(active)


def ignored_rules(ignore: Iterable[str]) -> frozenset[str]:
    """Every rule id ``ignore`` names (a step name: all of its rules); their notices are silenced.

    >>> sorted(ignored_rules(["dedup"]))
    ['dedup-exact', 'dedup-fragment', 'dedup-near']
    """
    return frozenset(_expand(ignore, whole_steps=True))
