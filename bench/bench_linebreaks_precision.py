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
* ``articles``: every article of ``articles.jsonl`` (clean news prose);
* ``mineru``: real MinerU markdown of Chinese preprints
  (``DreamBlooms/ChinaXiv-201601-to-202209``, CC BY 4.0), read at run time from
  ``--mineru DIR`` or ``$SEEDCLEAN_MINERU_DIR`` (default
  ``/work/data/chinaxiv/md``) and skipped when absent; the extractor already
  merged nearly every split paragraph, so nearly every join there is wrong
  (a few are real page splits: a left block ending inside a Chinese word
  before a Chinese block, counted apart as *mid-word*; read the sample).

Each document goes through ``clean_and_explain`` with the default rules
(duplicates step off: it does not touch seams).  Joins are reported per
1,000 seams (blank-line gaps in the input) and per document, with the
characters a seam overlap deleted (every one of them is text lost at a
genuine break), the ``seam-unresolved`` notices, and the peer measured in the
same run: the one-line rule "join when the left block lacks sentence-final
punctuation" (what a naive repair does).  A sample of the joins is printed
(left block end ‖ right block start) for a reader.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from seedclean.config import CleanConfig
from seedclean.pipeline import clean_and_explain

EVALDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "evaldata"
MINERU = Path(os.environ.get("SEEDCLEAN_MINERU_DIR", "/work/data/chinaxiv/md"))
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
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_FINAL = re.compile(r"[。！？!?…][”’」』）)》】]*\s*$")
_GAP = re.compile(r"\n[ \t\u3000]*\n")


def naive_joins(text: str) -> int:
    """Joins of the peer rule: join when the left block lacks sentence-final punctuation."""
    blocks = [b for b in _GAP.split(text) if b.strip()]
    return sum(1 for b in blocks[:-1] if not _FINAL.search(b))


def mid_word(text: str, origin: int, gap: str) -> bool:
    """A join between a block ending in a Han character and one starting with one."""
    left = text[:origin].rstrip()[-1:]
    right = text[origin + len(gap) :].lstrip()[:1]
    return bool(_HAN.match(left)) and bool(_HAN.match(right))


def measure(texts: list[str]) -> tuple[dict[str, float], list[str], Counter[str]]:
    """Counts of joins and relocations over ``texts``, and a context line for each join."""
    seams = joins = moves = docs_hit = open_left = deleted = notices = naive = inner = 0
    shown: list[str] = []
    reasons: Counter[str] = Counter()
    for text in texts:
        seams += text.count("\n\n")
        naive += naive_joins(text)
        result = clean_and_explain(text, CONFIG)
        edits = result.edits
        notices += sum(n.rule == "seam-unresolved" for n in result.notices)
        deleted += sum(len(e.old) for e in edits if e.rule.startswith("seam-overlap"))
        doc_joins = [e for e in edits if e.rule == "join-seam"]
        doc_moves = [e for e in edits if e.rule == "relocate-interloper" and e.old]
        joins += len(doc_joins)
        moves += len(doc_moves)
        docs_hit += bool(doc_joins or doc_moves)
        moved = {e.origin: len(e.old) for e in doc_moves}
        for e in doc_joins:
            reasons[e.note.split(";")[0]] += 1
            open_left += text[: e.origin].rstrip()[-1:] in _OPEN_LEFT
            inner += mid_word(text, e.origin, e.old)
            left = text[max(0, e.origin - 30) : e.origin].replace("\n", "⏎")
            # the right side is what the join reached: past the blocks it moved away
            start = e.origin + len(e.old)
            while start in moved:
                start += moved[start]
            right = text[start : start + 30].replace("\n", "⏎")
            if start != e.origin + len(e.old):
                right = "(past interlopers) " + right
            shown.append(f"{left} ‖ {right}")
    n = len(texts)
    return (
        {
            "docs": n,
            "seams": seams,
            "joins": joins,
            "open-left joins": open_left,
            "mid-word joins": inner,
            "deleted": deleted,
            "notices": notices,
            "naive joins": naive,
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
    parser.add_argument("--mineru", type=Path, default=MINERU, help="MinerU markdown pages")
    parser.add_argument("--mineru-pages", type=int, default=200, help="MinerU pages to sample")
    args = parser.parse_args()
    pool = load("neardup_pool.jsonl")
    sets = {
        "neardup_pool": [as_text(d) for d in random.Random(args.seed).sample(pool, args.pool)],
        "articles": [as_text(d) for d in load("articles.jsonl")],
    }
    pages = sorted(args.mineru.glob("*.md")) if args.mineru.is_dir() else []
    if pages:
        pick = random.Random(args.seed).sample(pages, min(args.mineru_pages, len(pages)))
        sets["mineru"] = [p.read_text(encoding="utf-8") for p in pick]
    else:
        print(f"(no MinerU pages at {args.mineru}: the mineru set is skipped)")
    print(
        f"seed {args.seed}, {args.pool} neardup_pool documents, all articles,"
        f" {len(sets.get('mineru', []))} MinerU pages"
    )
    print(
        f"{'set':14} {'docs':>6} {'seams':>7} {'joins':>6} {'open-left':>9} {'mid-word':>8}"
        f" {'moves':>6} {'joins/1k':>9} {'other/1k':>9} {'peer/1k':>8} {'deleted':>7}"
        f" {'moves/1k':>9} {'notices/1k':>10}"
    )
    samples: dict[str, list[str]] = {}
    breakdown: dict[str, Counter[str]] = {}
    for name, texts in sets.items():
        started = time.perf_counter()
        stats, shown, reasons = measure(texts)
        took = time.perf_counter() - started
        per_1k = 1000 / stats["seams"]
        other = (stats["joins"] - stats["open-left joins"]) * per_1k
        print(
            f"{name:14} {stats['docs']:6.0f} {stats['seams']:7.0f} {stats['joins']:6.0f}"
            f" {stats['open-left joins']:9.0f} {stats['mid-word joins']:8.0f} {stats['moves']:6.0f}"
            f" {stats['joins/1k seams']:9.2f} {other:9.2f} {stats['naive joins'] * per_1k:8.1f}"
            f" {stats['deleted']:7.0f} {stats['moves/1k seams']:9.2f}"
            f" {stats['notices'] * per_1k:10.2f}"
            f"   ({stats['docs touched']:.0f} docs touched, {took:.1f} s)"
        )
        samples[name], breakdown[name] = shown, reasons
    print(
        "\nopen-left: the left block ends in ，、 (the page cut the sentence itself; "
        "joining it is not a false join); other: every other join; mid-word: joins of a block"
        " ending in a Han character to one starting with one; peer: joins of the rule 'join"
        " when the left block lacks final punctuation'; deleted: characters removed by a seam"
        " overlap (text lost at a genuine break)"
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
