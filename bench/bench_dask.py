"""Benchmark: clean and dedup on Dask (1 and 2 worker processes) beside the local path.

Corpus: the first ``--documents`` documents of ../shared/evaldata/articles.jsonl
followed by the Sina pool of neardup_pool.jsonl (natural near duplicates),
written as one file per document into a temporary folder, scaled up with
``--copies`` rounds of OCR-noisy reprints of half the documents (near
duplicates across files) so that dedup has real work.  ``clean`` runs on the first
``--clean-files`` files of the corpus (the full pipeline costs far more per
byte than dedup).

Rows:

* local: the single-process path (the CLI runner with ``--jobs 1``;
  ``seedclean.dedup.find_duplicates`` over the texts read on the client);
* local --jobs 2: the CLI's process pool (clean only), the one-machine peer;
* dask 1 / 2 workers: a ``LocalCluster`` of 1 or 2 single-threaded worker
  processes; files are read by the workers.  Cluster start-up is timed
  separately and not included.

Every Dask result is checked against the local one (identical files written,
identical dedup report) and the table says so.

Usage: /work/venv/bin/python bench/bench_dask.py [--copies N] [--clean-files N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dedup.noise import ocr_noise  # noqa: E402

from seedclean.cli.runner import run_files  # noqa: E402
from seedclean.config import CleanConfig  # noqa: E402
from seedclean.dedup import DedupReport, find_duplicates  # noqa: E402
from seedclean.distributed import clean_files, dedup_on_client  # noqa: E402
from seedclean.distributed.engine import require_dask  # noqa: E402
from seedclean.files import collect_targets  # noqa: E402
from seedclean.process import Plan  # noqa: E402

EVALDATA = ROOT.parent / "shared" / "evaldata"


def build_corpus(folder: Path, copies: int, seed: int, limit: int = 8000) -> list[Path]:
    """Write the corpus; return the file paths in order."""
    rng = random.Random(seed)
    docs: list[list[str]] = []
    for name in ("articles.jsonl", "neardup_pool.jsonl"):
        with (EVALDATA / name).open(encoding="utf-8") as lines:
            docs.extend(json.loads(line)["paragraphs"] for line in lines)
    docs = docs[:limit]
    originals = len(docs)
    for _ in range(copies):
        for number in rng.sample(range(originals), originals // 2):
            docs.append([ocr_noise(p, 0.02, rng) if p.strip() else p for p in docs[number]])
    rng.shuffle(docs)
    paths = []
    for number, paragraphs in enumerate(docs):
        path = folder / f"{number // 1000:03d}" / f"doc-{number:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _comparable(report: DedupReport) -> tuple[Any, ...]:
    return report.clusters, {k: v for k, v in report.stats.items() if k != "seconds"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--copies", type=int, default=1, help="noisy reprint rounds (default 1)")
    parser.add_argument("--clean-files", type=int, default=2000, help="files to clean (2000)")
    parser.add_argument("--documents", type=int, default=8000, help="source documents (8000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    _bag, distributed = require_dask()

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        base = Path(tmp)
        paths = build_corpus(base / "corpus", args.copies, args.seed, args.documents)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} files, {size / 1e6:.1f} MB; cores: {os.cpu_count()}")
        names = [p.as_posix() for p in paths]
        clean_set = names[: args.clean_files]
        clean_bytes = sum(Path(n).stat().st_size for n in clean_set)
        rows: list[tuple[str, str, float, float, str]] = []

        targets, _ = collect_targets(clean_set, ("*.txt",), ())
        began = time.perf_counter()
        list(run_files(Plan(CleanConfig(), "out", (base / "local").as_posix()), targets, 1))
        clean_local = time.perf_counter() - began
        rows.append(("clean", "local (1 process)", clean_local, clean_bytes, "reference"))
        began = time.perf_counter()
        list(run_files(Plan(CleanConfig(), "out", (base / "jobs2").as_posix()), targets, 2))
        rows.append(("clean", "local --jobs 2", time.perf_counter() - began, clean_bytes, ""))
        expected_tree = _tree(base / "local")

        began = time.perf_counter()
        texts = [(n, Path(n).read_text(encoding="utf-8")) for n in names]
        local_report = find_duplicates(texts)
        dedup_local = time.perf_counter() - began
        rows.append(("dedup", "local (1 process)", dedup_local, size, "reference"))

        for workers in (1, 2):
            began = time.perf_counter()
            with (
                distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                ) as cluster,
                distributed.Client(cluster) as client,
            ):
                startup = time.perf_counter() - began
                out = base / f"dask{workers}"
                began = time.perf_counter()
                clean_files(clean_set, out_dir=out, client=client)
                seconds = time.perf_counter() - began
                tree = _tree(out)
                same = tree == expected_tree
                if not same:
                    differ = sorted(
                        k
                        for k in set(tree) | set(expected_tree)
                        if tree.get(k) != expected_tree.get(k)
                    )
                    print(f"clean differs on {len(differ)} files, e.g. {differ[:3]}")
                label = f"dask {workers} worker{'s' * (workers > 1)}"
                rows.append(("clean", label, seconds, clean_bytes, f"identical={same}"))
                began = time.perf_counter()
                result = dedup_on_client(names, None, client)
                seconds = time.perf_counter() - began
                same = _comparable(result.report) == _comparable(local_report)
                note = f"identical={same}; cluster start {startup:.1f} s"
                rows.append(("dedup", label, seconds, size, note))

    stats = local_report.stats
    print(
        f"dedup: {stats['paragraphs']} paragraphs, {stats['distinct']} distinct, "
        f"{stats['candidate_pairs']} candidate pairs, {stats['clusters']} clusters"
    )
    reference = {"clean": clean_local, "dedup": dedup_local}
    one_worker = {task: s for task, label, s, _, _ in rows if label == "dask 1 worker"}
    print()
    print("| task | engine | seconds | MB/s | vs local | vs dask 1 worker | note |")
    print("|---|---|---:|---:|---:|---:|---|")
    for task, label, seconds, nbytes, note in rows:
        vs_one = f"{one_worker[task] / seconds:.2f}x" if label.startswith("dask") else ""
        print(
            f"| {task} | {label} | {seconds:.2f} | {nbytes / 1e6 / seconds:.2f} "
            f"| {reference[task] / seconds:.2f}x | {vs_one} | {note} |"
        )


if __name__ == "__main__":
    main()
