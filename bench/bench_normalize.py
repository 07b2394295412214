"""Benchmark of the normalization step on corrupted real prose, beside autocorrect-py.

Paragraphs of ../shared/evaldata/articles.jsonl (a seeded sample, with up to
RARE_QUOTA paragraphs holding each rare mark such as ``……``; only paragraphs
that hold none of the planted error kinds, so the clean text is the truth) get
errors of every kind the seed pages show (bench/corrupt_normalize.py) and, every
fourth paragraph, a clause of protected items (phone, e-mail, time, decimals,
URL, ``1+N``, English).  For each normalizer we count, per error kind, planted
errors removed, and *new damage*: differing spans of the output that touch no
planted error.  autocorrect-py is compared modulo ASCII spaces (it inserts them
between Han and Latin by design), so it is not penalized twice.

Run: ``python bench/bench_normalize.py [--paragraphs N] [--mineru 40]`` (``--mineru N``
also times both on N real MinerU pages, where ASCII-heavy text makes normalization slower).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import difflib
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corrupt_normalize import PROTECTED_CLAUSE, Planted, corrupt, is_clean_truth
from seedclean.normalization import normalize

EVALDATA = Path(__file__).resolve().parents[1].parent / "shared" / "evaldata"
RARE_MARKS = ("……", "——", "·", "！", "？", "；")
RARE_QUOTA = 60


def load_sample(count: int, seed: int) -> list[str]:
    with (EVALDATA / "articles.jsonl").open(encoding="utf-8") as f:
        paragraphs = [p for line in f for p in json.loads(line)["paragraphs"]]
    rng = random.Random(seed)
    rng.shuffle(paragraphs)
    clean = [p for p in paragraphs if len(p) >= 20 and is_clean_truth(p)]
    # Marks that are rare in news prose (``……`` is in 0.5 % of paragraphs) would get
    # almost no planted errors in a plain sample: take up to RARE_QUOTA paragraphs
    # holding each of them first, then fill up with the rest in shuffled order.
    chosen: dict[str, None] = {}
    for mark in RARE_MARKS:
        for p in [p for p in clean if mark in p][:RARE_QUOTA]:
            chosen.setdefault(p)
    for p in clean:
        if len(chosen) >= count:
            break
        chosen.setdefault(p)
    picked = list(chosen)[:count]
    rng.shuffle(picked)
    return [p + PROTECTED_CLAUSE if i % 4 == 0 else p for i, p in enumerate(picked)]


def _strip_spaces(text: str) -> tuple[str, list[int]]:
    """Text without ASCII spaces, and old offset -> new offset (len+1 entries)."""
    mapping: list[int] = []
    out: list[str] = []
    for ch in text:
        mapping.append(len(out))
        if ch != " ":
            out.append(ch)
    mapping.append(len(out))
    return "".join(out), mapping


def score(
    truth: str, output: str, planted: list[Planted], modulo_spaces: bool
) -> tuple[collections.Counter[str], int]:
    """Per-kind count of planted errors still wrong, and the number of damaged spans."""
    spans = [(p.kind, p.start, p.end) for p in planted]
    if modulo_spaces:
        truth, mapping = _strip_spaces(truth)
        output = output.replace(" ", "")
        spans = [(k, mapping[s], mapping[e]) for k, s, e in spans]
    missed: set[int] = set()
    damage = 0
    matcher = difflib.SequenceMatcher(None, truth, output, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        hit = {n for n, (_, s, e) in enumerate(spans) if s <= i2 and i1 <= e}
        if hit:
            missed |= hit
        else:
            damage += 1
    return collections.Counter(spans[n][0] for n in missed), damage


def evaluate(
    name: str,
    fn: Callable[[str], str],
    pairs: list[tuple[str, str, list[Planted]]],
    modulo_spaces: bool,
) -> dict[str, object]:
    planted: collections.Counter[str] = collections.Counter()
    wrong: collections.Counter[str] = collections.Counter()
    damage = 0
    for truth, bad, errors in pairs:
        planted.update(p.kind for p in errors)
        w, d = score(truth, fn(bad), errors, modulo_spaces)
        wrong += w
        damage += d
    corpus = "\n\n".join(bad for _, bad, _ in pairs)
    size = len(corpus.encode("utf-8"))
    best = min(_timed(fn, corpus) for _ in range(5))
    return {"name": name, "planted": planted, "wrong": wrong, "damage": damage,
            "mbps": size / best / 1e6}  # fmt: skip


def _timed(fn: Callable[[str], str], text: str) -> float:
    # CPU time of this process: "MB/s on one core" even when other jobs share the
    # machine (wall time then includes waiting for a core). Both peers are single-threaded.
    start = time.process_time()
    fn(text)
    return time.process_time() - start


def mineru_speed(count: int) -> None:
    """MB/s of seedclean's normalization and the peer on real MinerU pages (CPU, best of 3)."""
    folder = Path(os.environ.get("SEEDCLEAN_MINERU", "/work/data/chinaxiv/md"))
    paths = sorted(folder.glob("*.md"))[:count] if folder.is_dir() else []
    if not paths:
        print(f"no MinerU pages in {folder}; skipped")
        return
    pages = [p.read_text(encoding="utf-8") for p in paths]
    size = sum(len(p.encode("utf-8")) for p in pages)
    runners: list[tuple[str, Callable[[str], str]]] = [("seedclean normalize", normalize)]
    with contextlib.suppress(ImportError):
        import autocorrect_py

        runners.append(("autocorrect-py format", autocorrect_py.format))
    rates = {}
    for name, fn in runners:
        fn(pages[0])  # tables and patterns load once, before timing
        best = min(sum(_timed(fn, page) for page in pages) for _ in range(3))
        rates[name] = size / best / 1e6
    print(f"{len(pages)} MinerU pages, {size / 1e6:.2f} MB (CPU, best of 3):")
    for name, rate in rates.items():
        print(f"  {name:<24}{rate:8.2f} MB/s")
    if len(rates) == 2:
        ours, peer = rates.values()
        print(f"  ratio to the peer {ours / peer:.2f}x\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=20240109)
    parser.add_argument(
        "--mineru",
        type=int,
        default=0,
        metavar="N",
        help="also time both on the first N MinerU pages of $SEEDCLEAN_MINERU "
        "(default /work/data/chinaxiv/md; skipped when absent)",
    )
    args = parser.parse_args()
    if args.mineru:
        mineru_speed(args.mineru)
    rng = random.Random(args.seed)
    truths = load_sample(args.paragraphs, args.seed)
    pairs = [(t, *corrupt(t, rng)) for t in truths]
    runners: list[tuple[str, Callable[[str], str], bool]] = [("seedclean", normalize, False)]
    try:
        import autocorrect_py

        runners.append(("autocorrect-py (mod spaces)", autocorrect_py.format, True))
    except ImportError:  # pragma: no cover - optional peer
        print("autocorrect-py not installed; peer column skipped")
    results = [evaluate(name, fn, pairs, mod) for name, fn, mod in runners]
    planted = results[0]["planted"]
    assert isinstance(planted, collections.Counter)
    print(f"{len(pairs)} paragraphs, {sum(planted.values())} planted errors\n")
    header = f"{'error kind':<16}{'planted':>8}" + "".join(f"{r['name']:>30}" for r in results)
    print(header)
    print("-" * len(header))
    for kind in sorted(planted):
        cells = []
        for r in results:
            wrong = r["wrong"]
            assert isinstance(wrong, collections.Counter)
            removed = planted[kind] - wrong[kind]
            cells.append(f"{removed:>6}/{planted[kind]:<6} {100 * removed / planted[kind]:6.1f} %")
        print(f"{kind:<16}{planted[kind]:>8}" + "".join(f"{c:>30}" for c in cells))
    print("-" * len(header))
    total = sum(planted.values())
    cells = []
    for r in results:
        wrong = r["wrong"]
        assert isinstance(wrong, collections.Counter)
        removed = total - sum(wrong.values())
        cells.append(f"{removed:>6}/{total:<6} {100 * removed / total:6.1f} %")
    print(f"{'TOTAL removed':<16}{total:>8}" + "".join(f"{c:>30}" for c in cells))
    print(f"{'new damage':<24}" + "".join(f"{r['damage']:>30}" for r in results))
    print(f"{'MB/s (1 core)':<24}" + "".join(f"{r['mbps']:>30.1f}" for r in results))


if __name__ == "__main__":
    main()
