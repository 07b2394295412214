"""The rule registry: one table of every rule id, its step and its default.

Each step package keeps its own table in ``<package>/catalog.py`` (pure data,
cheap to import); this module joins them and resolves ``select``/``ignore``.
A step name (``normalize``, ``linebreaks``, ``dedup``) selects or ignores all
of that step's rules at once.

>>> "punct-comma" in {r.id for r in all_rules()}
True
>>> sorted(resolve_rules(select=None, ignore=["linebreaks", "dedup"])) == sorted(
...     r.id for r in all_rules() if r.step == "normalize" and r.default)
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["STEPS", "Rule", "UnknownRuleError", "all_rules", "resolve_rules"]

STEPS = ("normalize", "linebreaks", "dedup")


class Rule(NamedTuple):
    """A rule's identity: stable id, the step that runs it, a one-line summary."""

    id: str
    step: str
    summary: str
    default: bool = True


class UnknownRuleError(ValueError):
    """A rule id or step name that does not exist."""


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule of every step, in pipeline order."""
    from seedclean.dedup.catalog import RULES as DEDUP
    from seedclean.linebreaks.catalog import RULES as LINEBREAKS
    from seedclean.normalization.catalog import RULES as NORMALIZE

    return (*NORMALIZE, *LINEBREAKS, *DEDUP)


def _expand(names: Iterable[str]) -> set[str]:
    by_id = {r.id: r for r in all_rules()}
    out: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name in STEPS:
            out.update(r.id for r in all_rules() if r.step == name)
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
    Names may be rule ids, step names or ``ALL``.
    """
    active = {r.id for r in all_rules() if r.default} if select is None else _expand(select)
    active |= _expand(extend_select)
    active -= _expand(ignore)
    return frozenset(active)
