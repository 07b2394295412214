"""Benchmark the persistent DedupIndex: build rate, bytes/paragraph, open time, one-page query.

Synthetic Chinese-like text (Zipf-weighted common hanzi with punctuation),
20 paragraphs per file, at 10^4 and 10^5 paragraphs (add --full for 10^6,
about 5 minutes).  The build runs in one child process and open + query in
another, freshly spawned one (a pre-commit hook): "build RSS" is the build's
peak, "1st q" the first one-page check in that process (it also builds the key
tables, ~0.1 s once per process), "2nd q" a second page, "query +heap" the
anonymous memory opening and checking added (index pages are memory-mapped
from the page cache, not copied).
The peer is a datasketch MinHashLSH(0.7, 128 perms) pickled to disk: its
size and load time (at 10^4 only; it grows linearly).

Usage: /work/venv/bin/python bench/bench_index.py [--full]
"""

from __future__ import annotations

import argparse
import multiprocessing
import pickle
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dedup.noise import ocr_noise  # noqa: E402

from seedclean.dedup import DedupIndex  # noqa: E402
from seedclean.dedup.key import paragraph_key  # noqa: E402

HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器"
    "压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安"
    "场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集"
    "温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连"
    "断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精"
    "值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属"
    "圆包火住调满县局照参红细引听该铁价严"
)
PUNCT = "，，，。、；"


def make_paragraph(rng: random.Random) -> str:
    length = rng.randint(60, 240)
    weights = [1 / (r + 5) for r in range(len(HANZI))]
    chars = rng.choices(HANZI, weights=weights, k=length)
    for i in range(8, length, rng.randint(8, 20)):
        chars[i] = rng.choice(PUNCT)
    return "".join(chars) + "。"


def build_files(root: Path, paragraphs: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = []
    pool = [make_paragraph(rng) for _ in range(min(paragraphs, 20000))]
    for f in range(paragraphs // 20):
        name = f"{f // 1000:04d}/{f:07d}.txt"
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        # Reuse a pool of paragraphs with fresh noise so big corpora stay cheap to generate.
        paras = [ocr_noise(rng.choice(pool), 0.3, rng) for _ in range(20)]
        (root / name).write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        names.append(name)
    return names


def disk_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _build(root: Path, names: list[str], queue: Any) -> None:
    """Child process: build the index (its peak RSS is the build's)."""
    docs = ((n, (root / n).read_text(encoding="utf-8")) for n in names)
    began = time.perf_counter()
    with DedupIndex.create(root / ".seedclean") as index:
        index.update(docs)
        rows = len(index)
        segments = len(index._store.segments())
    queue.put(
        {
            "rows": rows,
            "build_s": time.perf_counter() - began,
            "segments": segments,
            "build_rss": _rss_mb(),
        }
    )


def _anon_mb() -> float:
    """Anonymous (heap) memory of this process now; memory-mapped index pages are not in it."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _query(root: Path, names: list[str], queue: Any) -> None:
    """Fresh (spawned) process: open the index and check one page, as a pre-commit hook does."""
    rng = random.Random(1)
    source = (root / names[len(names) // 2]).read_text(encoding="utf-8").split("\n\n")
    page = "\n\n".join(
        [ocr_noise(p, 0.03, rng) for p in source[:5]] + [make_paragraph(rng) for _ in range(15)]
    )
    base = _anon_mb()
    began = time.perf_counter()
    index = DedupIndex.open(root / ".seedclean")
    open_s = time.perf_counter() - began
    began = time.perf_counter()
    found = index.query("new/page.txt", page)
    query_s = time.perf_counter() - began
    began = time.perf_counter()
    index.query("new/page2.txt", page.replace("。", "."))
    query2_s = time.perf_counter() - began
    index.close()
    queue.put(
        {
            "open_s": open_s,
            "query_s": query_s,
            "query2_s": query2_s,
            "hits": sum(len(c.members) - 1 for c in found),
            "query_anon": _anon_mb() - base,
        }
    )


def _in_child(method: str, target: Any, *args: Any) -> dict[str, float]:
    ctx: Any = multiprocessing.get_context(method)
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    result: dict[str, float] = queue.get()
    proc.join()
    return result


def bench(paragraphs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        began = time.perf_counter()
        names = build_files(root, paragraphs, seed=paragraphs)
        generate_s = time.perf_counter() - began
        built = _in_child("fork", _build, root, names)
        size = disk_bytes(root / ".seedclean")
        queried = _in_child("spawn", _query, root, names)
        rows = built["rows"]
        return {
            "paragraphs": rows,
            "generate_s": generate_s,
            "build_ps": rows / built["build_s"],
            "segments": built["segments"],
            "bytes_pp": size / rows,
            "open_ms": queried["open_s"] * 1000,
            "query_ms": queried["query_s"] * 1000,
            "query2_ms": queried["query2_s"] * 1000,
            "hits": queried["hits"],
            "build_rss": built["build_rss"],
            "query_anon": queried["query_anon"],
        }


def datasketch_peer(paragraphs: int) -> tuple[float, float]:
    from datasketch import MinHash, MinHashLSH

    rng = random.Random(3)
    keys = [paragraph_key(make_paragraph(rng)) for _ in range(paragraphs)]
    sets = [[k[i : i + 5].encode() for i in range(len(k) - 4)] for k in keys]
    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    with lsh.insertion_session() as session:
        for n, h in enumerate(MinHash.bulk(sets, num_perm=128)):
            session.insert(n, h)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lsh.pkl"
        path.write_bytes(pickle.dumps(lsh))
        began = time.perf_counter()
        pickle.loads(path.read_bytes())
        return path.stat().st_size / paragraphs, (time.perf_counter() - began) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also 10^6 paragraphs (slow)")
    args = parser.parse_args()
    sizes = [10_000, 100_000] + ([1_000_000] if args.full else [])
    header = (
        f"{'paragraphs':>11}{'build p/s':>11}{'segs':>5}{'B/para':>8}{'open ms':>9}"
        f"{'1st q ms':>10}{'2nd q ms':>10}{'hits':>6}{'build RSS MB':>14}{'query +heap MB':>16}"
    )
    print("seedclean DedupIndex (targets at 10^6: <= 600 B/para, open < 100 ms, query < 100 ms)")
    print(header)
    print("-" * len(header))
    for n in sizes:
        r = bench(n)
        print(
            f"{r['paragraphs']:>11.0f}{r['build_ps']:>11.0f}{r['segments']:>5.0f}"
            f"{r['bytes_pp']:>8.0f}{r['open_ms']:>9.2f}{r['query_ms']:>10.1f}"
            f"{r['query2_ms']:>10.1f}{r['hits']:>6.0f}{r['build_rss']:>14.0f}"
            f"{r['query_anon']:>16.1f}",
            flush=True,
        )
    size_pp, load_ms = datasketch_peer(10_000)
    print()
    print(
        f"peer: datasketch MinHashLSH pickle at 10^4 paragraphs: {size_pp:.0f} B/para, "
        f"load {load_ms:.0f} ms (grows linearly; a pre-commit hook pays it every run)"
    )


if __name__ == "__main__":
    main()
