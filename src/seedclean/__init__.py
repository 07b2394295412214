"""seedclean: clean Chinese text extracted from scanned or PDF newspaper pages.

Importing ``seedclean`` is cheap and has no side effects: submodules (and the
OpenCC dictionaries) load on first use.

>>> import seedclean
>>> seedclean.apply_edits("a,b", seedclean.clean_and_explain("a,b").edits)
'a,b'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from seedclean._lazy import lazy_exports

if TYPE_CHECKING:
    from seedclean.config import BreaksConfig, CleanConfig, DedupConfig, NormalizeConfig
    from seedclean.dedup import (
        Cluster,
        DedupIndex,
        DedupReport,
        Member,
        find_duplicates,
        removal_plan,
        remove_duplicates,
        remove_duplicates_and_explain,
    )
    from seedclean.edits import Edit, Explained, Notice, apply_edits
    from seedclean.linebreaks import repair_breaks, repair_breaks_and_explain
    from seedclean.normalization import normalize, normalize_and_explain
    from seedclean.pipeline import clean, clean_and_explain
    from seedclean.rule import Rule
    from seedclean.rules import all_rules

__version__ = "0.2.0"

_EXPORTS: dict[str, str] = {
    "BreaksConfig": "seedclean.config",
    "CleanConfig": "seedclean.config",
    "Cluster": "seedclean.dedup",
    "DedupConfig": "seedclean.config",
    "DedupIndex": "seedclean.dedup",
    "DedupReport": "seedclean.dedup",
    "Edit": "seedclean.edits",
    "Explained": "seedclean.edits",
    "Member": "seedclean.dedup",
    "NormalizeConfig": "seedclean.config",
    "Notice": "seedclean.edits",
    "Rule": "seedclean.rule",
    "all_rules": "seedclean.rules",
    "apply_edits": "seedclean.edits",
    "clean": "seedclean.pipeline",
    "clean_and_explain": "seedclean.pipeline",
    "find_duplicates": "seedclean.dedup",
    "normalize": "seedclean.normalization",
    "normalize_and_explain": "seedclean.normalization",
    "removal_plan": "seedclean.dedup",
    "remove_duplicates": "seedclean.dedup",
    "remove_duplicates_and_explain": "seedclean.dedup",
    "repair_breaks": "seedclean.linebreaks",
    "repair_breaks_and_explain": "seedclean.linebreaks",
}

__all__ = sorted([*_EXPORTS, "__version__"])


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
