"""Size and time of the review report (``--html-report``) on a big seed-like run.

Run ``python bench/bench_report.py [--mb 3.7] [--clean-share 0.3] [--baseline-src DIR]``.

Pages are built as in ``bench_clean.py`` (real news prose from
``../shared/evaldata`` corrupted the way the seed pages are, about 28 KB each);
a share of them (``--clean-share``) is written already cleaned, so the run
also has unchanged files, as a real corpus does.  Then ``seedclean check DIR
--html-report R`` runs in a subprocess and the table shows the input size,
the report's total size, the index page, the largest single page, the number
of files written and the wall time.

``--baseline-src DIR`` runs the same command with another seedclean source
tree first on ``PYTHONPATH`` (e.g. an older commit unpacked with ``git archive
COMMIT src | tar -x -C /tmp/base``), so the baseline is measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_clean import build_pages

_RUN = "import sys; from seedclean.cli import main; sys.exit(main(sys.argv[1:]))"


def _measure(folder: Path, report: Path, src: str | None) -> tuple[float, int, int, int, int]:
    """(seconds, total bytes, index bytes, largest page bytes, files written)."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _RUN, "check", str(folder), "--html-report", str(report), "-q"],
        check=False,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    seconds = time.perf_counter() - start
    files = [report]
    pages = report.with_name(f"{report.stem}_files")
    if pages.is_dir():
        files += sorted(pages.iterdir())
    sizes = [f.stat().st_size for f in files]
    return seconds, sum(sizes), sizes[0], max(sizes), len(files)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=3.7)
    parser.add_argument("--clean-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--baseline-src", help="another seedclean src/ tree to compare with")
    args = parser.parse_args()
    from seedclean.pipeline import clean

    rng = random.Random(args.seed)
    pages = build_pages(args.mb, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        total = 0
        for i, text in enumerate(pages):
            if rng.random() < args.clean_share:
                text = clean(text)
            data = text.encode("utf-8")
            (folder / f"{i:05}.txt").write_bytes(data)
            total += len(data)
        print(f"input: {len(pages)} files, {total / 1e6:.2f} MB")
        print(
            f"{'build':<10} {'seconds':>8} {'total MB':>9} {'index KB':>9} {'largest KB':>11} files"
        )
        runs = [("baseline", args.baseline_src)] if args.baseline_src else []
        runs.append(("this", None))
        for name, src in runs:
            report = Path(tmp) / name / "review.html"
            report.parent.mkdir()
            seconds, size, index, largest, count = _measure(folder, report, src)
            print(
                f"{name:<10} {seconds:>8.1f} {size / 1e6:>9.2f} {index / 1e3:>9.1f} "
                f"{largest / 1e3:>11.1f} {count}"
            )


if __name__ == "__main__":
    main()
