"""``seedclean dedup`` (placeholder until the duplicate index lands)."""

from __future__ import annotations

import argparse
import sys

from seedclean.settings import Settings

__all__ = ["run_dedup"]


def run_dedup(args: argparse.Namespace, settings: Settings) -> int:
    """Not available yet."""
    print("seedclean dedup: not available yet", file=sys.stderr)
    return 2
