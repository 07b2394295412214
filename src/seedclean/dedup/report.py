"""What duplicate detection returns: clusters of paragraphs and a JSON contract.

A :class:`Cluster` is one kept paragraph (``members[0]``, the first occurrence;
for fragments, the longer paragraph) and the paragraphs that duplicate it
*directly* (each verified against ``members[0]``, never through a chain).

>>> kept = Member("a.txt", 0, 1, 0, 30, 30, "今年以来，甘肃省张掖市…", 1.0)
>>> copy = Member("b.txt", 4, 9, 120, 150, 30, "今年以来，甘肃省张掖市…", 0.94)
>>> report = DedupReport((Cluster(Kind.NEAR, 0.94, (kept, copy)),), {"paragraphs": 2})
>>> report.to_text()
['b.txt:9: near duplicate of a.txt:1 (0.94)']
>>> report.to_json()["clusters"][0]["members"][1]["line"]
9
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from seedclean.dedup.kind import Kind

__all__ = ["PREVIEW_CHARS", "Cluster", "DedupReport", "IndexMatch", "Kind", "Member", "preview"]

PREVIEW_CHARS = 40


class Member(NamedTuple):
    """One paragraph in a cluster.

    Attributes:
        path: the file path (or name) the caller gave for its document.
        paragraph: 0-based paragraph index in that document.
        line: 1-based line where the paragraph starts in the text as read.
        start: character offset of the paragraph in that text.
        end: character offset just past it.
        chars: its length in characters (``end - start``).
        preview: its first characters (up to ``PREVIEW_CHARS``, ``…`` if cut).
        similarity: its score against ``members[0]`` (1.0 for ``members[0]``).
    """

    path: str
    paragraph: int
    line: int
    start: int
    end: int
    chars: int
    preview: str
    similarity: float = 1.0

    def to_json(self) -> dict[str, Any]:
        """The member as the documented JSON object."""
        return {
            "path": self.path,
            "line": self.line,
            "chars": self.chars,
            "preview": self.preview,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "similarity": round(self.similarity, 4),
        }


class Cluster(NamedTuple):
    """A kept paragraph and its direct duplicates of one kind.

    ``similarity`` is the lowest score of any member against ``members[0]``.
    """

    kind: Kind
    similarity: float
    members: tuple[Member, ...]

    def to_json(self) -> dict[str, Any]:
        """The cluster as the documented JSON object."""
        return {
            "kind": self.kind,
            "similarity": round(self.similarity, 4),
            "members": [m.to_json() for m in self.members],
        }


class DedupReport(NamedTuple):
    """Every cluster found, in order of the kept paragraph, and run statistics."""

    clusters: tuple[Cluster, ...]
    stats: Mapping[str, int | float]

    def to_json(self) -> dict[str, Any]:
        """The stable JSON contract (see docs/dedup.md)."""
        return {
            "clusters": [c.to_json() for c in self.clusters],
            "stats": dict(self.stats),
        }

    def to_text(self) -> list[str]:
        """One ``path:line: near duplicate of other/path:line (0.94)`` line per duplicate."""
        lines: list[str] = []
        for cluster in self.clusters:
            kept = cluster.members[0]
            phrase = Kind(cluster.kind).phrase
            lines.extend(
                f"{m.path}:{m.line}: {phrase} of {kept.path}:{kept.line} ({m.similarity:.2f})"
                for m in cluster.members[1:]
            )
        return lines


class IndexMatch(NamedTuple):
    """The best corpus paragraph one new paragraph duplicates (from a ``DedupIndex``).

    ``contains`` is True when it is the other way round: the corpus paragraph
    is a fragment of the new one (then the new paragraph is the kept copy).
    """

    member: Member
    kind: Kind
    score: float
    contains: bool = False


def preview(paragraph: str) -> str:
    """The first ``PREVIEW_CHARS`` characters of a paragraph, ``…`` when cut."""
    stripped = paragraph.strip()
    if len(stripped) <= PREVIEW_CHARS:
        return stripped
    return stripped[: PREVIEW_CHARS - 1] + "…"
