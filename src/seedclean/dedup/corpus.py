"""What the duplicate search needs of a persistent corpus index: a protocol.

:func:`~seedclean.dedup.find.find_duplicates` and the spilled search compare
new paragraphs with a corpus through these two members only, so they depend
on this small interface rather than on :mod:`seedclean.dedup.index` (which
itself builds on the search: an index clusters its own documents with
:func:`~seedclean.dedup.table.cluster_table`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from seedclean.dedup.config import DedupConfig
    from seedclean.dedup.report import IndexMatch

__all__ = ["CorpusIndex"]


class CorpusIndex(Protocol):
    """A corpus new paragraphs are matched against (:class:`~seedclean.dedup.DedupIndex`)."""

    @property
    def config(self) -> DedupConfig:
        """The settings the corpus was sketched with."""
        ...

    def match(
        self,
        keys: list[str],
        bands: npt.NDArray[np.uint32] | None = None,
        exclude_paths: Collection[str] = (),
    ) -> list[IndexMatch | None]:
        """The best corpus match of each key (exact, then near, then fragment), or None."""
        ...
