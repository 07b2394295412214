"""Corpora with planted duplicates built from real prose (evaldata articles)."""

from __future__ import annotations

import random
from typing import Any

from tests.dedup.noise import ocr_noise

Documents = list[tuple[str, str]]


def planted_corpus(articles: list[dict[str, Any]], seed: int, files: int = 12) -> Documents:
    """``files`` documents of real paragraphs with exact, near and fragment copies planted.

    Copies land in the same file and in other files, before and after their
    original; a boilerplate line repeats in every file and a short heading
    repeats too (it must never be reported).
    """
    rng = random.Random(seed)
    picked = rng.sample(articles, files * 4)
    pages: list[list[str]] = [[] for _ in range(files)]
    for number, article in enumerate(picked):
        pages[number % files].extend(p for p in article["paragraphs"] if p.strip())
    pool = [p for page in pages for p in page if len(p) >= 40]
    boiler = "本报讯（记者 王小明）欢迎关注本报微信公众号，获取更多新闻资讯与服务信息。"
    for page in pages:
        page.insert(rng.randrange(len(page) + 1), "要闻")
        page.insert(rng.randrange(len(page) + 1), boiler)
    for _ in range(files * 3):
        source = rng.choice(pool)
        kind = rng.choice(("exact", "near", "fragment"))
        if kind == "exact":
            copy = source.replace("，", ",").replace("。", ".")
        elif kind == "near":
            copy = ocr_noise(source, 0.02, rng)
        else:
            share = rng.uniform(0.45, 0.8)
            start = rng.randrange(0, max(1, int(len(source) * (1 - share))))
            copy = source[start : start + int(len(source) * share)]
        page = rng.choice(pages)
        page.insert(rng.randrange(len(page) + 1), copy)
    return [(f"page-{n:03d}.txt", "\n\n".join(page) + "\n") for n, page in enumerate(pages)]
