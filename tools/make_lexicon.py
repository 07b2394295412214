"""Build ``seedclean/linebreaks/data/lexicon.txt.gz`` from jieba's frequency dictionary.

Run ``python tools/make_lexicon.py [path/to/jieba/dict.txt]`` (default: the
``dict.txt`` of the installed ``jieba`` package, ``pip install jieba==0.42.1``;
jieba is MIT-licensed, see README).  The line-break repair reads the table to
tell whether a word runs across a seam (``党`` ‖ ``员队伍``, see
:mod:`seedclean.linebreaks.lexicon`).

Kept: words of one to four Han characters (the seam window is four characters
a side) seen at least ``--min-freq`` times, each with its cost
``round(log2(total / freq))`` in bits; the file holds one line per cost,
``<cost> <word> <word> …``, so loading it is one ``dict.fromkeys`` a line.
Written with a zero gzip timestamp, so the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
from collections import defaultdict
from pathlib import Path

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
OUT = Path(__file__).resolve().parents[1] / "src/seedclean/linebreaks/data/lexicon.txt.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict", nargs="?", help="jieba dict.txt (default: the installed jieba's)")
    parser.add_argument("--min-freq", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.dict is None:
        import jieba  # type: ignore[import-not-found]

        source = Path(jieba.__file__).with_name("dict.txt")
    else:
        source = Path(args.dict)
    entries: list[tuple[str, int]] = []
    total = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        total += int(freq)
        if 1 <= len(word) <= 4 and _HAN.fullmatch(word) and int(freq) >= args.min_freq:
            entries.append((word, int(freq)))
    by_cost: dict[int, list[str]] = defaultdict(list)
    for word, freq in entries:
        by_cost[round(math.log2(total / freq))].append(word)
    lines = [f"{cost} " + " ".join(sorted(words)) for cost, words in sorted(by_cost.items())]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    args.out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(entries)} words, {len(by_cost)} cost classes, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
