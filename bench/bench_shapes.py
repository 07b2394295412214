"""Benchmark: time of each step on pathological input shapes, at 25 KB and 100 KB.

Run ``python bench/bench_shapes.py [--kb 100]``.  For every shape of
``shapes.py`` it prints the CPU time (best of ``--rounds``) of normalization,
line-break repair, duplicate removal and the whole ``clean`` at a quarter of
the size and at the full size, the growth ratio (about 4 when linear, 16 when
quadratic) and whether ``clean`` stays within the target of 1 s per 100 KB.
autocorrect-py's ``format`` on the same full-size input is the peer column.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seedclean.dedup import remove_duplicates
from seedclean.linebreaks import repair_breaks
from seedclean.normalization import normalize
from seedclean.pipeline import clean
from shapes import SHAPES

STEPS: dict[str, Callable[[str], str]] = {
    "normalize": normalize,
    "linebreaks": repair_breaks,
    "dedup": remove_duplicates,
    "clean": clean,
}
#: Seconds per 100 KB that ``clean`` may take on any shape.
TARGET = 1.0


def cpu(func: Callable[[str], object], text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        func(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=100, help="full size in KB (default 100)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    try:
        import autocorrect_py

        peer: Callable[[str], object] | None = autocorrect_py.format
    except ImportError:
        peer = None
    size = args.kb * 1000
    clean("warm up 预热。\n")
    print(f"CPU ms, best of {args.rounds}: {size // 4000} KB / {args.kb} KB (growth)")
    header = ["shape", *STEPS, "clean s/100KB", "ok", "autocorrect-py"]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    worst = 0.0
    for name, make in SHAPES.items():
        small, full = make(size // 4), make(size)
        cells = [name]
        per_100kb = 0.0
        for step, func in STEPS.items():
            a, b = cpu(func, small, args.rounds), cpu(func, full, args.rounds)
            growth = b / a if a > 0.002 else float("nan")
            cells.append(f"{a * 1e3:.0f} / {b * 1e3:.0f} ({growth:.1f})")
            if step == "clean":
                per_100kb = b * 100_000 / len(full.encode())
        worst = max(worst, per_100kb)
        cells += [f"{per_100kb:.2f}", "yes" if per_100kb <= TARGET else "NO"]
        cells.append(f"{cpu(peer, full, args.rounds) * 1e3:.0f} ms" if peer else "-")
        print(" | ".join(cells), flush=True)
    print(f"worst clean: {worst:.2f} s per 100 KB (target <= {TARGET})")


if __name__ == "__main__":
    main()
