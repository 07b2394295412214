"""``clean``: every default step in order, to a fixed point, with every edit recorded.

Steps run in the order of :data:`seedclean.rules.STEPS` (normalize, repair line
breaks, remove within-text duplicates).  The whole sequence repeats until a
round changes nothing, so ``clean(clean(x)) == clean(x)`` holds by
construction; in practice a second round is a no-op check.

>>> clean("近年来,广东省检察院坚持以政治建设为统领,不断探索。")
'近年来，广东省检察院坚持以政治建设为统领，不断探索。'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from seedclean.config import CleanConfig
from seedclean.edits import Edit, Explained, Notice, OffsetMap, offset_maps

__all__ = ["MAX_ROUNDS", "clean", "clean_and_explain"]

MAX_ROUNDS = 4

StepFn = Callable[[str, CleanConfig, frozenset[str]], Explained]


def _normalize_step(text: str, config: CleanConfig, rules: frozenset[str]) -> Explained:
    from seedclean.normalization import normalize_and_explain

    return normalize_and_explain(text, config.normalize, rules=rules)


def _linebreaks_step(text: str, config: CleanConfig, rules: frozenset[str]) -> Explained:
    from seedclean.linebreaks import repair_breaks_and_explain

    return repair_breaks_and_explain(text, config.breaks, rules=rules)


def _dedup_step(text: str, config: CleanConfig, rules: frozenset[str]) -> Explained:
    from seedclean.dedup import remove_duplicates_and_explain

    return remove_duplicates_and_explain(text, config.dedup, rules=rules)


PIPELINE: tuple[tuple[str, StepFn], ...] = (
    ("normalize", _normalize_step),
    ("linebreaks", _linebreaks_step),
    ("dedup", _dedup_step),
)


def _to_source(offset: int, maps: Sequence[OffsetMap]) -> int:
    for offset_map in reversed(maps):
        offset = offset_map.to_input(offset)
    return offset


def clean_and_explain(text: str, config: CleanConfig | None = None) -> Explained:
    """Clean ``text`` and return the result with every edit, in order.

    Each edit's ``origin`` is its offset in ``text``; notices (things found
    but deliberately left alone) come from the final, stable round.
    """
    config = config or CleanConfig()
    rules = config.active_rules()
    current = text
    edits: list[Edit] = []
    maps: list[OffsetMap] = []
    notices: list[Notice] = []
    for _ in range(MAX_ROUNDS):
        notices = []
        changed = False
        for _name, step in PIPELINE:
            result = step(current, config, rules)
            notices.extend(n._replace(origin=_to_source(n.start, maps)) for n in result.notices)
            if not result.edits:
                continue
            changed = True
            edits.extend(
                e._replace(
                    origin=_to_source(e.origin, maps),
                    ref=_to_source(e.ref, maps) if e.ref >= 0 else -1,
                )
                for e in result.edits
            )
            maps.extend(offset_maps(result.edits))
            current = result.text
        if not changed:
            break
    return Explained(current, tuple(edits), tuple(notices))


def clean(text: str, config: CleanConfig | None = None) -> str:
    """Clean ``text`` with the default steps (or those ``config`` selects)."""
    return clean_and_explain(text, config).text
