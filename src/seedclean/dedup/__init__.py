"""Near-duplicate paragraphs within and across files: exact, near (OCR noise) and fragments.

The library API the CLI and other callers build on:

* :class:`DedupConfig` - settings (threshold, min_chars, fragment share, LSH shape);
* :func:`find_duplicates` - clusters over ``(path, text)`` documents, optionally
  against a persistent :class:`DedupIndex`; with ``reread=`` it spills to disk
  and reads back only the documents it needs (:class:`SourceChangedError` if one
  changed in between);
* :func:`removal_plan` - the edits that remove non-kept members;
* :func:`remove_duplicates_and_explain` - the in-``clean`` step for one text.

Submodules load on first use (importing this package stays cheap).

>>> from seedclean.dedup import find_duplicates
>>> find_duplicates([("a", "短")]).clusters
()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from seedclean._lazy import lazy_exports
from seedclean.dedup.config import DedupConfig

if TYPE_CHECKING:
    from seedclean.dedup.find import find_duplicates
    from seedclean.dedup.index import DedupIndex, DedupIndexError, UpdateStats
    from seedclean.dedup.remove import (
        removal_plan,
        remove_duplicates,
        remove_duplicates_and_explain,
    )
    from seedclean.dedup.report import Cluster, DedupReport, Member
    from seedclean.dedup.reread import SourceChangedError

__all__ = [
    "Cluster",
    "DedupConfig",
    "DedupIndex",
    "DedupIndexError",
    "DedupReport",
    "Member",
    "SourceChangedError",
    "UpdateStats",
    "find_duplicates",
    "removal_plan",
    "remove_duplicates",
    "remove_duplicates_and_explain",
]

_EXPORTS: dict[str, str] = {
    "Cluster": "seedclean.dedup.report",
    "DedupIndex": "seedclean.dedup.index",
    "DedupReport": "seedclean.dedup.report",
    "DedupIndexError": "seedclean.dedup.index",
    "Member": "seedclean.dedup.report",
    "SourceChangedError": "seedclean.dedup.reread",
    "UpdateStats": "seedclean.dedup.index",
    "find_duplicates": "seedclean.dedup.find",
    "removal_plan": "seedclean.dedup.remove",
    "remove_duplicates": "seedclean.dedup.remove",
    "remove_duplicates_and_explain": "seedclean.dedup.remove",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
