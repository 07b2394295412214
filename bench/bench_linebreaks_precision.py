"""Benchmark: false joins on real text whose paragraph breaks are all genuine.

Run ``/work/venv/bin/python bench/bench_linebreaks_precision.py [--pool N] [--seed S]``.

The column-flow bench (``bench_linebreaks.py``) measures how well cut
paragraphs are rebuilt; this one measures the other side of precision: on
documents whose blank lines are (almost) all real paragraph breaks, every
``join-seam`` is a probable false join and every ``relocate-interloper`` moves
a block that was where it belonged.  Two sets, each document written as its
paragraphs joined by a blank line:

* ``neardup_pool``: a fixed sample of Sina web-news pages (captions, promo
  lines, bracketed labels, stray code are common; a few paragraphs are
  genuinely split by the page, so a few joins there may be right: read them);
* ``articles``: every article of ``articles.jsonl`` (clean news prose).

Each document goes through ``clean_and_explain`` with the default rules
(duplicates step off: it does not touch seams).  Joins are reported per
1,000 seams (blank-line gaps in the input) and per document, and a sample of
the joins is printed (left block end ‖ right block start) for a reader.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from seedclean.config import CleanConfig
from seedclean.pipeline import clean_and_explain

EVALDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "evaldata"
CONFIG = CleanConfig(ignore=frozenset({"dedup"}))


def load(name: str) -> list[dict[str, Any]]:
    """Documents of ``evaldata/<name>``, one JSON object a line."""
    with (EVALDATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def as_text(doc: dict[str, Any]) -> str:
    """The document as its paragraphs joined by a blank line (as the dogfooding wrote it)."""
    return "\n\n".join(doc["paragraphs"]) + "\n"


#: A block ending in one of these was cut mid-sentence by the page itself (one
#: clause a line, as some web pages are laid out): joining it is not a false join.
_OPEN_LEFT = frozenset("，、,")


def measure(texts: list[str]) -> tuple[dict[str, float], list[str], Counter[str]]:
    """Counts of joins and relocations over ``texts``, and a context line for each join."""
    seams = joins = moves = docs_hit = open_left = 0
    shown: list[str] = []
    reasons: Counter[str] = Counter()
    for text in texts:
        seams += text.count("\n\n")
        edits = clean_and_explain(text, CONFIG).edits
        doc_joins = [e for e in edits if e.rule == "join-seam"]
        doc_moves = [e for e in edits if e.rule == "relocate-interloper" and e.old]
        joins += len(doc_joins)
        moves += len(doc_moves)
        docs_hit += bool(doc_joins or doc_moves)
        for e in doc_joins:
            reasons[e.note.split(";")[0]] += 1
            open_left += text[: e.origin].rstrip()[-1:] in _OPEN_LEFT
            left = text[max(0, e.origin - 30) : e.origin].replace("\n", "⏎")
            right = text[e.origin + len(e.old) : e.origin + len(e.old) + 30].replace("\n", "⏎")
            shown.append(f"{left} ‖ {right}")
    n = len(texts)
    return (
        {
            "docs": n,
            "seams": seams,
            "joins": joins,
            "open-left joins": open_left,
            "moves": moves,
            "joins/1k seams": 1000 * joins / seams if seams else 0.0,
            "moves/1k seams": 1000 * moves / seams if seams else 0.0,
            "joins/doc": joins / n if n else 0.0,
            "docs touched": docs_hit,
        },
        shown,
        reasons,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", type=int, default=1000, help="neardup_pool documents")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--show", type=int, default=25, help="joins to print per set")
    args = parser.parse_args()
    pool = load("neardup_pool.jsonl")
    sets = {
        "neardup_pool": [as_text(d) for d in random.Random(args.seed).sample(pool, args.pool)],
        "articles": [as_text(d) for d in load("articles.jsonl")],
    }
    print(f"seed {args.seed}, {args.pool} neardup_pool documents, all articles")
    print(
        f"{'set':14} {'docs':>6} {'seams':>7} {'joins':>6} {'open-left':>9} {'moves':>6}"
        f" {'joins/1k seams':>15} {'other/1k seams':>15} {'moves/1k seams':>15} {'joins/doc':>9}"
    )
    samples: dict[str, list[str]] = {}
    breakdown: dict[str, Counter[str]] = {}
    for name, texts in sets.items():
        started = time.perf_counter()
        stats, shown, reasons = measure(texts)
        took = time.perf_counter() - started
        other = 1000 * (stats["joins"] - stats["open-left joins"]) / stats["seams"]
        print(
            f"{name:14} {stats['docs']:6.0f} {stats['seams']:7.0f} {stats['joins']:6.0f}"
            f" {stats['open-left joins']:9.0f} {stats['moves']:6.0f}"
            f" {stats['joins/1k seams']:15.2f} {other:15.2f} {stats['moves/1k seams']:15.2f}"
            f" {stats['joins/doc']:9.3f}   ({stats['docs touched']:.0f} docs touched, {took:.1f} s)"
        )
        samples[name], breakdown[name] = shown, reasons
    print(
        "\nopen-left: the left block ends in ，、 (the page cut the sentence itself; "
        "joining it is not a false join); other: every other join"
    )
    rng = random.Random(args.seed)
    for name, shown in samples.items():
        print(f"\n{name}: joins by decision row")
        for reason, count in breakdown[name].most_common():
            print(f"  {count:5}  {reason}")
        closed = [line for line in shown if line.split(" ‖ ")[0].rstrip()[-1:] not in _OPEN_LEFT]
        pick = closed if len(closed) <= args.show else rng.sample(closed, args.show)
        print(f"{name}: {len(pick)} of {len(closed)} joins not open-left (left end ‖ right start)")
        for line in pick:
            print("  " + line)


if __name__ == "__main__":
    main()
