"""``Kind``: what makes a paragraph a duplicate (exact, near, fragment), in one place.

A :class:`Kind` is a string (``Kind.NEAR == "near"``), so the JSON report, the
text report and every mapping keyed by the plain names read the same as before;
it also names its rule id and its phrase in reports.

>>> Kind.NEAR == "near", Kind("fragment").rule, Kind.EXACT.phrase
(True, 'dedup-fragment', 'exact duplicate')
>>> import json
>>> json.dumps({"kind": Kind.NEAR}), repr(Kind.NEAR)
('{"kind": "near"}', "'near'")
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Kind"]


class Kind(StrEnum):
    """The kind of a duplicate; its value is the name used in reports and JSON."""

    EXACT = "exact"
    NEAR = "near"
    FRAGMENT = "fragment"

    def __repr__(self) -> str:  # reads as the plain name in reprs of clusters and removals
        return repr(self.value)

    @property
    def rule(self) -> str:
        """The rule id that removes (or reports) this kind: ``dedup-<kind>``."""
        return f"dedup-{self.value}"

    @property
    def phrase(self) -> str:
        """How a report names a member of this kind (``near duplicate of …``)."""
        return "fragment" if self is Kind.FRAGMENT else f"{self.value} duplicate"
