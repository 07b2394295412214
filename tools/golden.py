"""Check that a refactoring left behaviour byte-identical on every bench corpus.

Run ``python tools/golden.py --write /tmp/before.json`` on the old code and
``python tools/golden.py --check /tmp/before.json`` on the new code (or the
other way round).  Each corpus gets one SHA-256 over everything the library
says about it: the cleaned text, every edit (rule, offsets, old, new, origin,
note, ref) and every notice, with the default rules and again with every rule
on (opt-in included); for the dedup corpora, every cluster and removal plan.

Corpora (read at run time, never copied into the repo; a missing one is
skipped and named):

- ``seeds``: the seed pages in ``seeds/``;
- ``evaldata``: real news prose from ``../shared/evaldata/articles.jsonl``,
  paragraphs joined as a page;
- ``bench-clean``: the corrupted pages ``bench/bench_clean.py`` generates;
- ``mineru``: MinerU markdown at ``$SEEDCLEAN_MINERU`` (default
  ``/work/data/chinaxiv/md``), the first ``--mineru N`` files by name;
- ``dedup``: the planted corpus of ``bench/bench_dedup.py``, through
  ``find_duplicates`` (in memory and spilled) and ``removal_plan``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

EVALDATA = ROOT.parent / "shared" / "evaldata" / "articles.jsonl"


def _pages_seeds(_: argparse.Namespace) -> Iterator[str]:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def _pages_evaldata(args: argparse.Namespace) -> Iterator[str]:
    if not EVALDATA.exists():
        return
    with EVALDATA.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= args.articles:
                break
            yield "\n\n".join(json.loads(line)["paragraphs"]) + "\n"


def _pages_bench_clean(args: argparse.Namespace) -> Iterator[str]:
    if not EVALDATA.exists():
        return
    from bench_clean import build_pages

    yield from build_pages(args.mb, 11)


def _pages_mineru(args: argparse.Namespace) -> Iterator[str]:
    folder = Path(os.environ.get("SEEDCLEAN_MINERU", "/work/data/chinaxiv/md"))
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.md"))[: args.mineru]:
        yield path.read_text(encoding="utf-8")


def _digest_clean(pages: Iterator[str]) -> tuple[str, int]:
    from seedclean.config import CleanConfig
    from seedclean.pipeline import clean_and_explain
    from seedclean.rules import all_rules

    everything = CleanConfig(extend_select=frozenset(r.id for r in all_rules() if not r.default))
    h = hashlib.sha256()
    count = 0
    for text in pages:
        count += 1
        for config in (CleanConfig(), everything):
            out = clean_and_explain(text, config)
            h.update(repr((out.text, out.edits, out.notices)).encode())
    return h.hexdigest(), count


def _digest_dedup(args: argparse.Namespace) -> tuple[str, int]:
    if not EVALDATA.exists():
        return "", 0
    from bench_dedup import build_corpus
    from seedclean.dedup import find_duplicates, removal_plan

    docs, _, _ = build_corpus(args.plants, 7)
    texts = dict(docs)
    h = hashlib.sha256()
    for report in (
        find_duplicates(docs),
        find_duplicates(docs, reread=texts.__getitem__),
    ):
        h.update(repr(report.clusters).encode())
        for kinds in (("exact", "near"), ("exact", "near", "fragment")):
            plan = removal_plan(report, kinds, texts=texts)
            h.update(repr(sorted(plan.items())).encode())
    return h.hexdigest(), len(docs)


def digests(args: argparse.Namespace) -> dict[str, str]:
    page_corpora: dict[str, Callable[[argparse.Namespace], Iterator[str]]] = {
        "seeds": _pages_seeds,
        "evaldata": _pages_evaldata,
        "bench-clean": _pages_bench_clean,
        "mineru": _pages_mineru,
    }
    out: dict[str, str] = {}
    for name, pages in page_corpora.items():
        digest, count = _digest_clean(pages(args))
        print(f"{name:12} {count:5} texts  {digest[:16] if count else 'absent: skipped'}")
        if count:
            out[name] = digest
    digest, count = _digest_dedup(args)
    print(f"{'dedup':12} {count:5} docs   {digest[:16] if count else 'absent: skipped'}")
    if count:
        out["dedup"] = digest
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="FILE", help="record the digests in FILE")
    mode.add_argument("--check", type=Path, metavar="FILE", help="compare with FILE's digests")
    parser.add_argument("--articles", type=int, default=300, help="evaldata articles (300)")
    parser.add_argument("--mb", type=float, default=0.5, help="bench-clean pages, MB (0.5)")
    parser.add_argument("--mineru", type=int, default=120, help="MinerU files (120)")
    parser.add_argument("--plants", type=int, default=60, help="dedup planted copies (60)")
    args = parser.parse_args()
    now = digests(args)
    if args.write:
        args.write.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    print("byte-identical" if not changed else f"CHANGED: {', '.join(changed)}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
