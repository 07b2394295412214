"""Benchmark: how memory grows with corpus size, in-memory vs spilled ``find_duplicates``.

Builds corpora of increasing size on disk (under ``TMPDIR``): paragraphs made
of 2-5 random sentences of ../shared/evaldata/articles.jsonl with a fifth of
their characters replaced by characters of the same prose (so they are
distinct news-like text even where sentences are reused), 20 paragraphs per
file, and about 6 % planted copies (exact, OCR-noisy near, halves as
fragments) within and across files.

Each (size, method) runs in a fresh interpreter that streams the files from
disk, and reports:

* ``s`` and ``para/s``: wall time of the search (files read, keys, sketches,
  verification, report);
* ``RSS+``: growth of the peak resident set (``getrusage`` max RSS after the
  run minus the max RSS after imports and a warm-up), and per paragraph;
* ``heap``: the Python-heap peak seen by ``tracemalloc`` (numpy arrays
  included), in a second run of its own (tracemalloc slows the run).

datasketch (``MinHashLSH``, 128 permutations, character 5-grams, threshold
0.7: the usual setting) runs at the smallest size as the peer: it holds every
MinHash in memory.  The results of the two seedclean modes are compared
(``to_json()`` without ``seconds``) and must be equal.

Usage: /work/venv/bin/python bench/bench_dedup_memory.py [--sizes 10000,100000,400000] [--no-heap]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVALDATA = ROOT.parent / "shared" / "evaldata"
PER_FILE = 20


def build_corpus(folder: Path, paragraphs: int, seed: int = 1) -> None:
    """Write ``paragraphs`` paragraphs into files of ``PER_FILE`` under ``folder``."""
    from tests.dedup.noise import ocr_noise

    rng = random.Random(seed)
    with (EVALDATA / "articles.jsonl").open(encoding="utf-8") as f:
        sentences = [
            s + "。"
            for line in f
            for p in json.loads(line)["paragraphs"]
            for s in p.split("。")
            if len(s) >= 8
        ]
    import numpy as np

    nprng = np.random.default_rng(seed)
    alphabet = np.frombuffer("".join(sentences).encode("utf-32-le"), dtype=np.uint32)
    recent: list[str] = []  # copies are drawn from the last 5,000 paragraphs
    current: list[str] = []
    number = 0
    for n in range(paragraphs):
        roll = rng.random()
        if recent and roll < 0.06:
            source = rng.choice(recent)
            kind = rng.randrange(3)
            if kind == 0:
                para = source.replace("，", ",")
            elif kind == 1:
                para = ocr_noise(source, rng.uniform(0.01, 0.05), rng)
            else:
                para = source[: len(source) // 2 + 1]
        else:
            para = _mutate("".join(rng.sample(sentences, rng.randint(2, 5))), alphabet, nprng)
        current.append(para)
        recent.append(para)
        if len(recent) > 5000:
            del recent[:1000]
        if len(current) == PER_FILE or n == paragraphs - 1:
            path = folder / f"{number // 1000:04d}" / f"{number:07d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n\n".join(current) + "\n", encoding="utf-8")
            current, number = [], number + 1


def _mutate(text: str, alphabet: Any, nprng: Any) -> str:
    """Replace a fifth of the characters by characters of the prose (same distribution).

    The sentence pool is small (~37,000), so larger corpora reuse sentences;
    the mutation keeps reused sentences from sharing long n-grams, so new
    paragraphs are distinct prose and only the planted copies are duplicates.
    """
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()
    hit = nprng.random(codes.size) < 0.2
    codes[hit] = alphabet[nprng.integers(0, alphabet.size, int(hit.sum()))]
    return codes.tobytes().decode("utf-32-le")


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


def _documents(folder: Path) -> Iterator[tuple[str, str]]:
    for path in _files(folder):
        yield path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_seedclean(folder: Path, spilled: bool) -> dict[str, Any]:
    from seedclean.dedup import find_duplicates

    def reread(name: str) -> str:
        return (folder / name).read_text(encoding="utf-8")

    report = find_duplicates(_documents(folder), reread=reread if spilled else None)
    out = report.to_json()
    out["stats"].pop("seconds")
    digest = __import__("hashlib").sha256(json.dumps(out, sort_keys=True).encode()).hexdigest()
    return {"paragraphs": report.stats["paragraphs"], "digest": digest[:12]}


def _run_cli(folder: Path) -> dict[str, Any]:
    """``seedclean dedup --low-memory`` as a user runs it (walk, read, spill, report)."""
    import contextlib
    import io
    import os

    from seedclean.cli import main

    out = io.StringIO()
    began = time.perf_counter()
    with (
        Path(os.devnull).open("w") as devnull,
        contextlib.redirect_stderr(devnull),
        contextlib.redirect_stdout(out),
    ):
        main(["dedup", "--low-memory", "--exit-zero", "--isolated", str(folder)])
    seconds = time.perf_counter() - began
    lines = out.getvalue().count("\n")
    paragraphs = sum(
        1 for path in _files(folder) for p in path.read_text(encoding="utf-8").split("\n") if p
    )
    return {"paragraphs": paragraphs, "digest": f"{lines} lines", "own_seconds": seconds}


def _run_datasketch(folder: Path) -> dict[str, Any]:
    from datasketch import MinHash, MinHashLSH

    from seedclean.dedup.key import paragraph_key

    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    hashes: list[Any] = []
    count = 0
    for _name, text in _documents(folder):
        lines = [k for k in map(paragraph_key, text.split("\n")) if len(k) >= 20]
        count += len([line for line in text.split("\n") if line.strip()])
        shingles = [[k[j : j + 5].encode() for j in range(len(k) - 4)] for k in lines]
        for sketch in MinHash.bulk(shingles, num_perm=128):
            lsh.insert(len(hashes), sketch)
            hashes.append(sketch)
    pairs = sum(len(lsh.query(h)) - 1 for h in hashes)
    return {"paragraphs": count, "digest": f"{pairs} pairs"}


def child(method: str, folder: Path, heap: bool) -> None:
    """Run one method on one corpus; print one JSON line."""
    from seedclean.dedup import find_duplicates

    warm = "今年以来，甘州区检察院围绕中心大局，积极探索优化营商环境新路径。"
    find_duplicates([("w1", warm), ("w2", warm)])  # load tables and imports
    if method == "datasketch":
        import datasketch  # noqa: F401
    base = _rss_mb()
    if heap:
        tracemalloc.start()
    began = time.perf_counter()
    if method == "datasketch":
        result = _run_datasketch(folder)
    elif method == "cli":
        result = _run_cli(folder)
    else:
        result = _run_seedclean(folder, spilled=method == "spilled")
    result["seconds"] = result.pop("own_seconds", time.perf_counter() - began)
    result["rss_growth_mb"] = _rss_mb() - base
    if heap:
        result["heap_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(result))


def measure(method: str, folder: Path, heap: bool) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", method, str(folder)] + (["--heap"] if heap else [])
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,400000")
    parser.add_argument("--no-heap", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument(
        "--methods",
        default="in-memory,spilled",
        help="comma-separated: in-memory, spilled, cli (seedclean dedup --low-memory)",
    )
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--heap", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args.heap)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'paragraphs':>10} {'method':<10} {'s':>7} {'para/s':>8} {'RSS+ MB':>8} "
        f"{'B/para':>7} {'heap MB':>8} {'B/para':>7}  result"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="seedclean-bench-") as tmp:
            folder = Path(tmp)
            build_corpus(folder, size)
            methods = args.methods.split(",") + (["datasketch"] if size == sizes[0] else [])
            for method in methods:
                got = measure(method, folder, heap=False)
                heap = None if args.no_heap else measure(method, folder, heap=True)["heap_mb"]
                paras = got["paragraphs"]
                heap_cols = (
                    f"{heap:>8.1f} {heap * 2**20 / paras:>7.0f}" if heap is not None else " " * 16
                )
                print(
                    f"{paras:>10} {method:<10} {got['seconds']:>7.2f} "
                    f"{paras / got['seconds']:>8.0f} {got['rss_growth_mb']:>8.1f} "
                    f"{got['rss_growth_mb'] * 2**20 / paras:>7.0f} {heap_cols}  {got['digest']}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
