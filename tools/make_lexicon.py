"""Build ``seedclean/linebreaks/data/lexicon.txt`` from jieba's frequency dictionary.

Run ``python tools/make_lexicon.py [path/to/jieba/dict.txt]`` (default: the
``dict.txt`` of the installed ``jieba`` package, ``pip install jieba==0.42.1``;
jieba is MIT-licensed, see README).  The line-break repair reads the table to
tell whether a word runs across a seam (``党`` ‖ ``员队伍``, see
:mod:`seedclean.linebreaks.lexicon`).

Kept: words of one to four Han characters (the seam window is four characters
a side) seen at least ``--min-freq`` times, each with its cost
``round(log2(total / freq))`` in bits; the file holds one line per first
character, ``<word><cost> <word><cost> …`` (``中9 中国9 中心12 …``), so a run
reads only the lines of the characters its seams hold (see
:class:`seedclean.linebreaks.lexicon.Lexicon`).  Stored uncompressed: decompressing
it took longer than reading the lines a small file needs.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import defaultdict
from pathlib import Path

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
OUT = Path(__file__).resolve().parents[1] / "src/seedclean/linebreaks/data/lexicon.txt"


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
    by_first: dict[str, list[str]] = defaultdict(list)
    for word, freq in sorted(entries):
        by_first[word[0]].append(f"{word}{round(math.log2(total / freq))}")
    lines = [" ".join(tokens) for _, tokens in sorted(by_first.items())]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    args.out.write_bytes(data)
    size = args.out.stat().st_size
    print(f"{len(entries)} words, {len(by_first)} first characters, {size} bytes")


if __name__ == "__main__":
    main()
