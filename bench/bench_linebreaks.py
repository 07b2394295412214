"""Benchmark: line-break repair on real news prose corrupted like OCR'd newspaper pages.

Run ``/work/venv/bin/python bench/bench_linebreaks.py [--articles N] [--seed S]``.
Three scenarios are scored.  The main one lays each article out in newspaper
columns and cuts it where the columns end (``Corruptor.flow``); the second,
harder "stress" one cuts every cut paragraph at a uniformly chosen line end
(``Corruptor.corrupt``), so one-line fragments are far more common than on a
real page; the third cuts as often as the seed pages are cut, at any
character, with short first pieces and captions that are plain sentences
(``Corruptor.seedlike``).  For each it prints paragraph exact-match
precision/recall/F1 for doing nothing, for the one-line rule "join when the
left block lacks sentence-final punctuation" and for seedclean, then
seam-level join precision/recall, overlap removal precision/recall, caption
relocation accuracy and throughput (MB/s of UTF-8 input) of
``repair_breaks`` and of ``clean`` on the same generated text.
See ``corrupt_linebreaks.py`` for the generator.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corrupt_linebreaks import WRAP_MODES, Corruptor, Doc, has_broken_lines, load_articles, wrapped
from seedclean.linebreaks import repair_breaks, repair_breaks_and_explain
from seedclean.linebreaks.catalog import WRAPPED
from seedclean.pipeline import clean

_GAP = re.compile(r"\n[ \t\u3000]*\n\s*")
_FINAL = re.compile(r"[。！？!?…][”’」』）)》】]*$")


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs of ``text``, stripped."""
    return [p.strip() for p in _GAP.split(text) if p.strip()]


def identity(text: str) -> str:
    """Baseline 0: the corrupted input itself."""
    return text


def lacks_final_rule(text: str) -> str:
    """Baseline 1: join when the left block lacks sentence-final punctuation."""
    out: list[str] = []
    for block in paragraphs(text):
        if out and not _FINAL.search(out[-1]):
            out[-1] += block
        else:
            out.append(block)
    return "\n\n".join(out)


def exact_match(docs: list[Doc], outputs: list[str]) -> tuple[float, float, float]:
    """Paragraph exact-match precision, recall and F1 over all documents."""
    matched = produced = wanted = 0
    for doc, out in zip(docs, outputs, strict=True):
        got = Counter(paragraphs(out))
        gold = Counter(doc.gold)
        matched += sum((got & gold).values())
        produced += sum(got.values())
        wanted += sum(gold.values())
    p = matched / produced if produced else 0.0
    r = matched / wanted if wanted else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def seam_scores(docs: list[Doc], outputs: list[str]) -> dict[str, float]:
    """Seam-level join precision/recall, overlap removal and caption relocation."""
    tp = fp = fn = 0
    rep_total = rep_removed = 0
    groups = groups_ok = 0
    for doc, out in zip(docs, outputs, strict=True):
        paras = paragraphs(out)
        joined_text = "\n\n".join(paras)

        def joined(left: str, right: str, repeat: str = "", text: str = joined_text) -> bool:
            return left + right in text or left + repeat + right in text

        for seam in doc.seams:
            if joined(seam.left, seam.right, seam.repeat):
                tp += 1
            else:
                fn += 1
            if seam.repeat:
                rep_total += 1
                rep_removed += seam.left + seam.right in joined_text
        for left, right in doc.breaks:
            fp += joined(left, right)
        for group in doc.groups:
            groups += 1
            groups_ok += any(
                paras[i : i + len(group)] == group for i in range(len(paras) - len(group) + 1)
            )
    return {
        "join_p": tp / (tp + fp) if tp + fp else 0.0,
        "join_r": tp / (tp + fn) if tp + fn else 0.0,
        "overlap_r": rep_removed / rep_total if rep_total else 0.0,
        "relocation": groups_ok / groups if groups else 0.0,
    }


def overlap_precision(docs: list[Doc]) -> tuple[float, int]:
    """Share of ``seam-overlap`` removals that drop an injected repeat."""
    good = total = 0
    for doc in docs:
        result = repair_breaks_and_explain(doc.text)
        injected = Counter(s.repeat for s in doc.seams if s.repeat)
        for edit in result.edits:
            if edit.rule == "seam-overlap":
                total += 1
                if injected[edit.old] > 0:
                    injected[edit.old] -= 1
                    good += 1
    return (good / total if total else 1.0), total


def throughput(fn: Callable[[str], str], texts: list[str], repeat: int = 1) -> float:
    """MB/s of UTF-8 input for ``fn`` applied to each text (best of ``repeat`` runs)."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return size / best / 1e6


SYSTEMS: list[tuple[str, Callable[[str], str]]] = [
    ("identity (do nothing)", identity),
    ("join if left lacks final punct", lacks_final_rule),
    ("seedclean repair_breaks", repair_breaks),
]


def score_table(title: str, docs: list[Doc]) -> None:
    """Print the quality table of every system on ``docs``."""
    size = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    n_seams = sum(len(d.seams) for d in docs)
    n_breaks = sum(len(d.breaks) for d in docs)
    print(
        f"\n## {title}: {len(docs)} articles ({size:.2f} MB), {n_seams} cut seams, "
        f"{n_breaks} true paragraph breaks"
    )
    header = f"{'system':34} {'para P':>7} {'para R':>7} {'para F1':>7} {'join P':>7} {'join R':>7}"
    header += f" {'ovl R':>6} {'reloc':>6}"
    print(header)
    print("-" * len(header))
    for name, fn in SYSTEMS:
        outputs = [fn(d.text) for d in docs]
        p, r, f1 = exact_match(docs, outputs)
        s = seam_scores(docs, outputs)
        print(
            f"{name:34} {p:7.3f} {r:7.3f} {f1:7.3f} {s['join_p']:7.3f} {s['join_r']:7.3f}"
            f" {s['overlap_r']:6.3f} {s['relocation']:6.3f}"
        )
    ovl_p, removals = overlap_precision(docs)
    print(f"seam-overlap removal precision: {ovl_p:.3f} ({removals} removals)")


def lines_of(text: str) -> list[str]:
    """Non-blank lines of ``text``, stripped: a paragraph per line is what the wrap repair makes."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def line_rule(text: str) -> str:
    """Baseline for wraps: join a line to the next when it lacks sentence-final punctuation."""
    out: list[str] = []
    joinable = False
    for line in text.split("\n"):
        if line.strip() and joinable and out:
            sep = " " if out[-1][-1:].isascii() and line.lstrip()[:1].isascii() else ""
            out[-1] += sep + line.strip()
        else:
            out.append(line)
        joinable = bool(line.strip()) and not _FINAL.search(out[-1])
    return "\n".join(out)


def wrap_scores(docs: list[Doc], outputs: list[str]) -> tuple[float, float, float, float, float]:
    """Paragraph (= line) precision/recall/F1 and wrap-join precision/recall."""
    matched = produced = wanted = tp = fp = fn = 0
    for doc, out in zip(docs, outputs, strict=True):
        got, gold = Counter(lines_of(out)), Counter(doc.gold)
        matched += sum((got & gold).values())
        produced += sum(got.values())
        wanted += sum(gold.values())
        flat = "\n".join(lines_of(out))
        for seam in doc.seams:
            hit = seam.left + seam.right in flat or f"{seam.left} {seam.right}" in flat
            tp, fn = tp + hit, fn + (not hit)
        fp += sum(left + right in flat for left, right in doc.breaks)
    p, r = matched / produced, matched / wanted
    return p, r, 2 * p * r / (p + r), tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn)


def wrap_table(sample: list[dict[str, list[str]]], seed: int) -> list[str]:
    """Print the hard-wrapped scenario's table, one block of rows per mode; return its texts."""
    systems: list[tuple[str, Callable[[str], str]]] = [
        ("identity (do nothing)", identity),
        ("join line if it lacks final punct", line_rule),
        ("seedclean repair_breaks (defaults)", repair_breaks),
        ("seedclean + join-wrap", unwrap),
    ]
    print(f"\n## hard-wrapped (PDF-like, width 10-40): {len(sample)} articles per mode")
    header = f"{'mode':8} {'system':34} {'para P':>7} {'para R':>7} {'para F1':>7}"
    print(header + f" {'join P':>7} {'join R':>7}")
    print("-" * (len(header) + 16))
    texts: list[str] = []
    for mode in WRAP_MODES:
        corruptor = Corruptor([], seed=seed)
        corruptor.sentences, corruptor.titles = CAPTION_POOL
        docs = [wrapped(corruptor, a["paragraphs"], mode) for a in sample]
        texts.extend(d.text for d in docs)
        for name, fn in systems:
            p, r, f1, jp, jr = wrap_scores(docs, [fn(d.text) for d in docs])
            print(f"{mode:8} {name:34} {p:7.3f} {r:7.3f} {f1:7.3f} {jp:7.3f} {jr:7.3f}")
    return texts


CAPTION_POOL: tuple[list[str], list[str]] = ([], [])


def unwrap(text: str) -> str:
    """seedclean with the opt-in ``join-wrap`` rule on."""
    return repair_breaks(text, rules=WRAPPED)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles to sample")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--wrap-articles", type=int, default=150, help="per hard-wrap mode")
    args = parser.parse_args()

    articles = load_articles()
    usable = [a for a in articles if not has_broken_lines(a)]
    print(f"{len(articles) - len(usable)} of {len(articles)} articles left out (broken lines)")
    print(f"seed {args.seed}")
    sample = random.Random(args.seed).sample(usable, min(args.articles, len(usable)))
    flow = Corruptor(articles, seed=args.seed)
    flow_docs = [flow.flow(a["paragraphs"]) for a in sample]
    stress = Corruptor(articles, seed=args.seed)
    stress_docs = [stress.corrupt(a["paragraphs"]) for a in sample]
    score_table("column flow (main: columns of 40-80 lines cut the text)", flow_docs)
    score_table("stress (every cut paragraph cut at a uniform line end)", stress_docs)
    seedlike = Corruptor(articles, seed=args.seed)
    seedlike_docs = [seedlike.seedlike(a["paragraphs"]) for a in sample]
    score_table("seed-like (one seam in four paragraphs, plain-sentence captions)", seedlike_docs)
    CAPTION_POOL[0].extend(flow.sentences)
    CAPTION_POOL[1].extend(flow.titles)
    wrap_texts = wrap_table(sample[: args.wrap_articles], args.seed)

    texts = [d.text for d in flow_docs]
    print(f"\n{'throughput (one core, column flow)':34} {'MB/s':>7}")
    print(f"{'join if left lacks final punct':34} {throughput(lacks_final_rule, texts, 3):7.2f}")
    print(f"{'seedclean repair_breaks':34} {throughput(repair_breaks, texts, 3):7.2f}")
    print(f"{'seedclean clean (all steps)':34} {throughput(clean, texts):7.2f}")
    print(f"{'repair_breaks, hard-wrapped':34} {throughput(repair_breaks, wrap_texts, 3):7.2f}")
    print(f"{'+ join-wrap, hard-wrapped':34} {throughput(unwrap, wrap_texts, 3):7.2f}")
    print(f"{'+ join-wrap, column flow':34} {throughput(unwrap, texts, 3):7.2f}")


if __name__ == "__main__":
    main()
