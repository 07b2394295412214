"""``seedclean rules``: every rule id with its step, default and summary.

The third column is ``on`` for a default rule and ``opt-in`` for one that
only its id (or ``ALL``) selects: a step name selects its ``on`` rules.
"""

from __future__ import annotations

import argparse
import json

from seedclean.rules import all_rules

__all__ = ["run_rules"]


def run_rules(args: argparse.Namespace) -> int:
    """Print the rule table (text columns or JSON); always exits 0."""
    rules = all_rules()
    if args.format == "json":
        records = [r._asdict() for r in rules]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    width = max(len(r.id) for r in rules)
    for rule in rules:
        default = "on" if rule.default else "opt-in"
        print(f"{rule.id:<{width}}  {rule.step:<10}  {default:<6}  {rule.summary}")
    return 0
