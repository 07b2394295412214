"""CLI throughput: ``seedclean clean --out`` on a folder of real news pages, beside a peer.

Writes N articles of ../shared/evaldata/articles.jsonl (with ASCII commas, as
OCR leaves them) as files into a temporary folder, then times, in the same
run: the peer (autocorrect-py's ``format`` over the same files, read and
written by a plain Python loop), ``seedclean clean --out`` with ``--jobs 1``
and with all cores.  Prints files/s and MB/s.

    /work/venv/bin/python bench/bench_cli.py [--files 600]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

EVALDATA = Path(__file__).resolve().parents[1].parent / "shared" / "evaldata"


def _corpus(folder: Path, count: int) -> int:
    total = 0
    with (EVALDATA / "articles.jsonl").open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= count:
                break
            article = json.loads(line)
            text = "\n\n".join(article["paragraphs"]).replace("，", ",") + "\n"
            data = text.encode("utf-8")
            (folder / f"{i:05}.txt").write_bytes(data)
            total += len(data)
    return total


def _peer(src: Path, dest: Path) -> None:
    import autocorrect_py  # type: ignore[import-untyped,unused-ignore]

    dest.mkdir()
    for path in sorted(src.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        (dest / path.name).write_text(autocorrect_py.format(text), encoding="utf-8")


def _ours(src: Path, dest: Path, jobs: int) -> None:
    from seedclean.cli import main

    with contextlib.redirect_stderr(io.StringIO()):
        code = main(["clean", str(src), "--out", str(dest), "--jobs", str(jobs), "-q"])
    assert code == 0, code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=600)
    count = parser.parse_args().files
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        size = _corpus(src, count)
        cores = os.cpu_count() or 1
        runs: list[tuple[str, Callable[[Path], None]]] = [
            ("autocorrect-py format (peer, 1 process)", lambda d: _peer(src, d)),
            ("seedclean clean --out --jobs 1", lambda d: _ours(src, d, 1)),
            (f"seedclean clean --out --jobs {cores}", lambda d: _ours(src, d, cores)),
        ]
        print(f"{count} files, {size / 1e6:.1f} MB of real news text")
        print(f"{'tool':<45} {'seconds':>8} {'files/s':>9} {'MB/s':>7}")
        for i, (name, fn) in enumerate(runs):
            began = time.perf_counter()
            fn(Path(tmp) / f"out{i}")
            took = time.perf_counter() - began
            print(f"{name:<45} {took:>8.2f} {count / took:>9.0f} {size / 1e6 / took:>7.2f}")


if __name__ == "__main__":
    main()
