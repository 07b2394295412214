"""CLI throughput and start-up, beside a peer.

Throughput: writes N articles of ../shared/evaldata/articles.jsonl (with ASCII
commas, as OCR leaves them) as files into a temporary folder, then times, in
the same run: the peer (autocorrect-py's ``format`` over the same files, read
and written by a plain Python loop), ``seedclean clean --out`` with ``--jobs 1``
and with all cores, and the library's ``clean`` over the same files in a
plain loop (the in-process rate).  Prints files/s and MB/s.

Start-up (``--startup``): ``seedclean check`` on one 2 KB file (the start of
a seed page), as a pre-commit hook or an editor runs it, in a fresh process
each time, beside ``python -c pass`` and the peer's equivalent (a fresh
process that imports autocorrect-py and lints the same file).  Rounds
alternate the commands; prints the best and the median wall time and CPU time
(user + sys) of each.  ``--baseline-src DIR`` adds another checkout's ``src``
(e.g. an older commit from ``git archive``) run by the same interpreter.

    python bench/bench_cli.py [--files 600] [--rounds-throughput 3]
    python bench/bench_cli.py --startup [--rounds 15] [--baseline-src /tmp/old/src]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVALDATA = ROOT.parent / "shared" / "evaldata"
SEEDS = ROOT / "seeds"


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


def _cpu() -> float:
    """CPU seconds (user + sys) of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _library(src: Path, dest: Path) -> None:
    """The in-process rate: the same files read, cleaned by the library and written in a loop."""
    from seedclean.pipeline import clean

    dest.mkdir()
    for path in sorted(src.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        (dest / path.name).write_text(clean(text), encoding="utf-8")


def _ours(src: Path, dest: Path, jobs: int) -> None:
    from seedclean.cli import main

    with contextlib.redirect_stderr(io.StringIO()):
        code = main(["clean", str(src), "--out", str(dest), "--jobs", str(jobs), "-q"])
    assert code == 0, code


def _excerpt(folder: Path, size: int = 2048) -> Path:
    """The first ``size`` bytes of the first seed page, cut at a character boundary."""
    data = sorted(SEEDS.glob("*.txt"))[0].read_bytes()[:size]
    path = folder / "page.txt"
    path.write_text(data.decode("utf-8", "ignore"), encoding="utf-8")
    return path


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one run of ``command``."""
    began = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - began
    child.returncode = 0  # reaped by wait4
    return wall, usage.ru_utime + usage.ru_stime


def startup(rounds: int, baseline_src: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = _excerpt(Path(tmp))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        check = "import sys; from seedclean.cli import main; sys.exit(main(sys.argv[1:]))"
        peer = (
            "import sys, autocorrect_py; "
            "r = autocorrect_py.lint_for(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1]); "
            "sys.exit(1 if r.lines else 0)"
        )
        commands: list[tuple[str, list[str], dict[str, str]]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], env),
            ("autocorrect-py lint (peer)", [sys.executable, "-c", peer, str(page)], env),
            ("seedclean check", [sys.executable, "-c", check, "check", str(page)], env),
        ]
        if baseline_src:
            old = {**env, "PYTHONPATH": baseline_src}
            commands.append(
                (
                    "seedclean check (baseline)",
                    [sys.executable, "-c", check, "check", str(page)],
                    old,
                )
            )
        for _, command, cmd_env in commands:  # warm the page cache and write bytecode
            _timed(command, cmd_env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in commands}
        for _ in range(rounds):
            for name, command, cmd_env in commands:
                times[name].append(_timed(command, cmd_env))
        load = os.getloadavg()[0]
        size = page.stat().st_size
        print(f"seedclean check on one {size}-byte file; {rounds} rounds, load {load:.1f}")
        print(f"{'command':<30} {'wall best':>10} {'median':>8} {'CPU best':>9} {'median':>8} (ms)")
        for name, runs in times.items():
            walls = [w for w, _ in runs]
            cpus = [c for _, c in runs]
            print(  # milliseconds
                f"{name:<30} {min(walls) * 1e3:>10.0f} {statistics.median(walls) * 1e3:>8.0f}"
                f" {min(cpus) * 1e3:>9.0f} {statistics.median(cpus) * 1e3:>8.0f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--startup", action="store_true", help="time check on one 2 KB file")
    parser.add_argument("--rounds", type=int, default=15, help="start-up rounds")
    parser.add_argument(
        "--rounds-throughput", type=int, default=1, help="throughput rounds (best of)"
    )
    parser.add_argument("--baseline-src", help="another checkout's src folder, timed alongside")
    options = parser.parse_args()
    if options.startup:
        startup(options.rounds, options.baseline_src)
        return
    count = options.files
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        size = _corpus(src, count)
        cores = os.cpu_count() or 1
        runs: list[tuple[str, Callable[[Path], None]]] = [
            ("autocorrect-py format (peer, 1 process)", lambda d: _peer(src, d)),
            ("seedclean.clean in-process loop", lambda d: _library(src, d)),
            ("seedclean clean --out --jobs 1", lambda d: _ours(src, d, 1)),
            (f"seedclean clean --out --jobs {cores}", lambda d: _ours(src, d, cores)),
        ]
        from seedclean.pipeline import clean

        clean("近年来,广东省检察院。\n\n第二段。\n")  # tables built once, before any timing
        best = dict.fromkeys((name for name, _ in runs), float("inf"))
        cpu = dict.fromkeys((name for name, _ in runs), float("inf"))
        for r in range(options.rounds_throughput):  # alternating rounds, best of each
            for i, (name, fn) in enumerate(runs):
                out = Path(tmp) / f"out{r}-{i}"
                used = _cpu()
                began = time.perf_counter()
                fn(out)
                best[name] = min(best[name], time.perf_counter() - began)
                cpu[name] = min(cpu[name], _cpu() - used)
        load = os.getloadavg()[0]
        print(f"{count} files, {size / 1e6:.1f} MB of real news text; best of")
        print(f"{options.rounds_throughput} alternating rounds; load {load:.1f} at the end")
        print("CPU: this process and its (pool) children, user + sys; on a busy machine the")
        print("CPU columns still compare, the wall ones do not")
        print(f"{'tool':<45} {'wall s':>7} {'MB/s':>6} {'CPU s':>7} {'MB/CPU-s':>9}")
        for name, took in best.items():
            print(
                f"{name:<45} {took:>7.2f} {size / 1e6 / took:>6.2f}"
                f" {cpu[name]:>7.2f} {size / 1e6 / cpu[name]:>9.2f}"
            )


if __name__ == "__main__":
    main()
