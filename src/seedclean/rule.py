"""``Rule``: one row of a step's rule table (``<step>/catalog.py``).

This module imports nothing of the package, so the step tables can import it
and :mod:`seedclean.rules` can join the tables without an import cycle.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Rule"]


class Rule(NamedTuple):
    """A rule's identity: stable id, the step that runs it, a one-line summary."""

    id: str
    step: str
    summary: str
    default: bool = True
