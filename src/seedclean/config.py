"""Configuration objects: frozen values, defaults in one place, changed by copying.

>>> cfg = CleanConfig(ignore=frozenset({"dedup"}))
>>> "dedup-exact" in cfg.active_rules()
False
"""

from __future__ import annotations

from dataclasses import dataclass, field

from seedclean.dedup.config import DedupConfig
from seedclean.linebreaks.config import BreaksConfig
from seedclean.normalization.config import NormalizeConfig
from seedclean.rules import ignored_rules, resolve_rules

__all__ = ["BreaksConfig", "CleanConfig", "DedupConfig", "NormalizeConfig"]


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Everything ``clean`` needs.

    Attributes:
        select: rule ids or step names to run; ``None`` means the defaults.
        extend_select: opt-in rules to add to the selection (e.g. ``script-t2s``).
        ignore: rule ids or step names to switch off.
        normalize: settings of the normalization step.
        breaks: settings of the line-break repair step.
        dedup: settings of duplicate detection and removal.
    """

    select: frozenset[str] | None = None
    extend_select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    normalize: NormalizeConfig = field(default_factory=NormalizeConfig)
    breaks: BreaksConfig = field(default_factory=BreaksConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)

    def __post_init__(self) -> None:
        self.active_rules()  # validate rule names early, with a message naming them

    def active_rules(self) -> frozenset[str]:
        """The rule ids this configuration runs."""
        return resolve_rules(self.select, self.ignore, self.extend_select)

    def silenced_rules(self) -> frozenset[str]:
        """Rule ids named by ``ignore``: their notices are not reported either.

        (An opt-in rule that is merely not selected, such as ``dedup-fragment``,
        still reports what it would do as notices.)
        """
        return ignored_rules(self.ignore)
