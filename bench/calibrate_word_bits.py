"""Calibrate ``BreaksConfig.word_bits``: recall on cut seams against false joins on genuine breaks.

Run ``python bench/calibrate_word_bits.py [--bits 0,3,5,8,12] [--seeds 7,1]``.

The language evidence (:mod:`seedclean.linebreaks.lexicon`) joins a seam that
the shape rules would keep because a side is heading-like, when a dictionary
word runs across it with at least ``word_bits`` bits of cohesion.  For each
threshold this prints

* positives: paragraph F1 and seam join precision/recall on the column-flow,
  stress and seed-like generators (``corrupt_linebreaks.py``), per seed;
* negatives: the joins the language evidence makes on genuine paragraph
  breaks (1,000 ``neardup_pool`` web pages, seed 3, and every article of
  ``articles.jsonl``, each written as its paragraphs joined by a blank line,
  normalized as ``clean`` would), per 1,000 seams, with each one shown.

Reads ``../shared/evaldata`` at run time; exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_linebreaks import exact_match, seam_scores
from corrupt_linebreaks import EVALDATA, Corruptor, has_broken_lines, load_articles
from seedclean.linebreaks import BreaksConfig, repair_breaks, repair_breaks_and_explain
from seedclean.normalization import normalize

MODES = ("flow", "corrupt", "seedlike")


def negatives(bits: list[int]) -> None:
    pool = [json.loads(line) for line in (EVALDATA / "neardup_pool.jsonl").open(encoding="utf-8")]
    docs = random.Random(3).sample(pool, 1000) + load_articles()
    texts = [normalize("\n\n".join(d["paragraphs"]) + "\n") for d in docs]
    seams = sum(t.count("\n\n") for t in texts)
    print(f"\n## negatives: {len(texts)} documents, {seams} genuine seams")
    for threshold in bits:
        if threshold <= 0:
            continue
        shown: list[str] = []
        for text in texts:
            for e in repair_breaks_and_explain(text, BreaksConfig(word_bits=threshold)).edits:
                if e.rule == "join-seam" and "dictionary word" in e.note:
                    end = e.origin + len(e.old)
                    shown.append(
                        f"{text[max(0, e.origin - 20) : e.origin]!r} ‖ {text[end : end + 20]!r}"
                    )
        rate = 1000 * len(shown) / seams
        print(f"word_bits {threshold:3}: {len(shown)} language joins ({rate:.2f} per 1,000 seams)")
        for line in shown:
            print("    " + line)


def positives(bits: list[int], seeds: list[int], articles: int, modes: list[str]) -> None:
    pool = load_articles()
    usable = [a for a in pool if not has_broken_lines(a)]
    print(f"{'seed':>4} {'generator':9} {'bits':>4} {'para F1':>7} {'join P':>7} {'join R':>7}")
    for seed in seeds:
        sample = random.Random(seed).sample(usable, min(articles, len(usable)))
        for mode in modes:
            corruptor = Corruptor(pool, seed=seed)
            docs = [getattr(corruptor, mode)(a["paragraphs"]) for a in sample]
            for threshold in bits:
                config = BreaksConfig(word_bits=threshold)
                outs = [repair_breaks(d.text, config) for d in docs]
                f1 = exact_match(docs, outs)[2]
                s = seam_scores(docs, outs)
                join_p, join_r = s["join_p"], s["join_r"]
                print(f"{seed:4} {mode:9} {threshold:4} {f1:7.3f} {join_p:7.3f} {join_r:7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bits", default="0,3,5,8,12")
    parser.add_argument("--seeds", default="7,1")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--modes", default=",".join(MODES), help="generators to score")
    args = parser.parse_args()
    if not (EVALDATA / "articles.jsonl").exists():
        sys.exit(f"{EVALDATA} not found: this calibration reads real prose at run time")
    bits = [int(b) for b in args.bits.split(",")]
    positives(bits, [int(s) for s in args.seeds.split(",")], args.articles, args.modes.split(","))
    negatives(bits)


if __name__ == "__main__":
    main()
