"""Benchmark: the whole ``clean`` on seed-like pages, beside AutoCorrect's formatter alone.

Run ``python bench/bench_clean.py [--mb 15] [--seed 11]``.

Pages are built from real news prose in ``../shared/evaldata/articles.jsonl`` and
corrupted the way the seed pages are: paragraphs split by column and page breaks
(with captions, headings and seam repeats inside the splits, see
``corrupt_linebreaks.py``), punctuation, width, space and character errors (see
``corrupt_normalize.py``), and, on one page in five as in the seeds, whole
paragraphs repeated.  Each page is about the size of a seed page (20-35 KB).

Printed: MB/s (UTF-8 input; CPU time for the libraries, best of ``--rounds``
alternating rounds, after one warm-up call; wall time for the commands) and
peak memory of

- ``seedclean.clean`` in this process, one core;
- ``autocorrect_py.format`` on the same pages, one core (it only reformats
  punctuation and spacing: far less work);
- the ``seedclean clean DIR --out OUT`` command with ``--jobs 1`` and with all
  cores (wall time of the whole command, including start-up and file I/O);
- with ``--python EXE`` (repeatable), ``seedclean.clean`` under that interpreter
  on the same pages, e.g. a virtual environment holding the mypyc-compiled build
  (docs/performance.md, "Compiled build"), so both builds are measured in one run.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corrupt_linebreaks import Corruptor, has_broken_lines, load_articles
from corrupt_normalize import corrupt

PAGE_BYTES = 28_000
# One seed page in five repeats paragraphs (page 001: whole paragraphs up to eight times).
DUPLICATE_PAGE_SHARE = 0.2


def build_pages(target_mb: float, seed: int) -> list[str]:
    """Seed-like pages totalling about ``target_mb`` MB of UTF-8."""
    rng = random.Random(seed)
    articles = [a for a in load_articles() if not has_broken_lines(a)]
    corruptor = Corruptor(articles, seed=seed)
    pages: list[str] = []
    total = 0
    page: list[str] = []
    page_bytes = 0
    while total < target_mb * 1_000_000:
        article = rng.choice(articles)
        doc = corruptor.corrupt(article["paragraphs"])
        noisy, _ = corrupt(doc.text, rng, rate=0.02)
        blocks = [b for b in noisy.split("\n\n") if b.strip()]
        chunk = "\n\n".join(blocks) + "\n\n"
        page.append(chunk)
        page_bytes += len(chunk.encode())
        if page_bytes >= PAGE_BYTES:
            text = "".join(page)
            if rng.random() < DUPLICATE_PAGE_SHARE:  # repeat paragraphs, as page 001 does
                paragraphs = [b for b in text.split("\n\n") if len(b) > 40]
                repeats = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(3, 12)))
                text += "\n\n".join(repeats) + "\n"
            pages.append(text)
            total += len(text.encode())
            page, page_bytes = [], 0
    return pages


def time_in_process(pages: list[str], func: object) -> float:
    """CPU seconds of ``func`` over ``pages`` (after one warm-up call: tables load once)."""
    func(pages[0])  # type: ignore[operator]
    start = time.process_time()
    for text in pages:
        func(text)  # type: ignore[operator]
    return time.process_time() - start


_TIME_OTHER = """
import sys, time
from pathlib import Path
from seedclean import clean
from seedclean._build import build_name
pages = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]
clean(pages[0])
start = time.process_time()
for text in pages:
    clean(text)
print(time.process_time() - start, build_name())
"""


def time_other_python(python: str, folder: Path) -> tuple[float, str]:
    """CPU seconds of ``seedclean.clean`` on the pages in ``folder`` under ``python``; its build."""
    done = subprocess.run(
        [python, "-c", _TIME_OTHER, str(folder)], check=True, capture_output=True, text=True
    )
    seconds, build = done.stdout.strip().split(" ", 1)
    return float(seconds), build


def run_cli(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak child RSS (MB) of ``seedclean clean folder --out out``."""
    shutil.rmtree(out, ignore_errors=True)
    exe = shutil.which("seedclean") or str(Path(sys.executable).with_name("seedclean"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [exe, "clean", str(folder), "--out", str(out), "--jobs", str(jobs), "--quiet"],
        check=False,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return wall, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=15.0, help="corpus size in MB (default 15)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--python",
        action="append",
        default=[],
        metavar="EXE",
        help="also time seedclean.clean under this interpreter (e.g. a compiled build's venv)",
    )
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds (best of)")
    args = parser.parse_args()

    import autocorrect_py

    from seedclean._build import build_name
    from seedclean.pipeline import clean

    pages = build_pages(args.mb, args.seed)
    size = sum(len(p.encode()) for p in pages)
    mb = size / 1_000_000
    print(f"corpus: {len(pages)} seed-like pages, {mb:.1f} MB, machine: {os.cpu_count()} cores")

    rows: list[tuple[str, float, float]] = []
    ours = peer = float("inf")
    other: dict[str, tuple[float, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for n, text in enumerate(pages):
            (folder / f"page_{n:05d}.txt").write_text(text, encoding="utf-8")
        for _ in range(args.rounds):  # alternating rounds, CPU time, best of each
            ours = min(ours, time_in_process(pages, clean))
            peer = min(peer, time_in_process(pages, autocorrect_py.format))
            for python in args.python:
                seconds, build = time_other_python(python, folder)
                if python not in other or seconds < other[python][0]:
                    other[python] = (seconds, build)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((f"seedclean clean (library, 1 core, {build_name()})", mb / ours, rss))
        rows.append(("autocorrect-py format (library, 1 core)", mb / peer, float("nan")))
        for seconds, build in other.values():
            rows.append((f"seedclean clean (library, 1 core, {build})", mb / seconds, float("nan")))
        cores = os.cpu_count() or 1
        for jobs in sorted({1, cores}):
            wall, peak = run_cli(folder, Path(tmp) / f"out{jobs}", jobs)
            rows.append((f"seedclean clean CLI --jobs {jobs}", mb / wall, peak))

    peer = rows[1][1]
    print(f"\n{'what':56} {'MB/s':>8} {'vs peer':>8} {'peak MB':>8}")
    for name, rate, peak in rows:
        print(f"{name:56} {rate:8.2f} {rate / peer:8.2f} {peak:8.0f}")


if __name__ == "__main__":
    main()
