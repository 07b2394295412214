"""find_duplicates on real prose: exact, near (OCR noise) and fragments, within and across files."""

from __future__ import annotations

import random
from typing import Any

import pytest

from seedclean.dedup import DedupConfig, DedupReport, find_duplicates
from seedclean.dedup.key import paragraph_key
from tests.dedup.noise import ocr_noise


def _long_paragraphs(articles: list[dict[str, Any]], count: int, seed: int) -> list[str]:
    pool = [p for a in articles for p in a["paragraphs"] if 80 <= len(p) <= 400]
    return random.Random(seed).sample(pool, count)


def _pairs(report: DedupReport, kind: str) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    return {
        ((c.members[0].path, c.members[0].line), (m.path, m.line))
        for c in report.clusters
        if c.kind == kind
        for m in c.members[1:]
    }


@pytest.mark.evaldata
def test_cross_file_near_duplicates_with_ocr_noise(articles):
    rng = random.Random(7)
    paras = _long_paragraphs(articles, 120, seed=1)
    originals = paras[:60]
    distractors = paras[60:]
    docs_a = "\n\n".join(originals)
    noisy = [ocr_noise(p, rng.uniform(0.01, 0.05), rng) for p in originals[:40]]
    docs_b = "\n\n".join(noisy + distractors)
    # Random substitutions may land side by side, which the names check reads as a
    # replaced name (measured in test_names.py); this test is about finding copies.
    config = DedupConfig(names_must_agree=False)
    report = find_duplicates([("a.txt", docs_a), ("b.txt", docs_b)], config)
    found = _pairs(report, "near") | _pairs(report, "exact")
    expected = {(("a.txt", 1 + 2 * i), ("b.txt", 1 + 2 * i)) for i in range(40)}
    assert expected <= found
    assert found <= expected  # the 60 distractors and 20 un-copied originals match nothing


@pytest.mark.evaldata
def test_fragments_found_and_longer_copy_kept(articles):
    paras = _long_paragraphs(articles, 30, seed=2)
    pieces = [p[: len(p) // 2] if i % 2 else p[len(p) // 2 :] for i, p in enumerate(paras[:20])]
    report = find_duplicates([("full.txt", "\n".join(paras)), ("pieces.txt", "\n".join(pieces))])
    frags = _pairs(report, "fragment")
    assert frags == {(("full.txt", i + 1), ("pieces.txt", i + 1)) for i in range(20)}


def test_short_paragraphs_never_match():
    heading = "本报记者 韦磊"  # a byline repeated on every page: shorter than min_chars
    report = find_duplicates([("a", heading), ("b", heading + "\n\n" + heading)])
    assert report.clusters == ()
    assert len(paragraph_key(heading)) < DedupConfig().min_chars


@pytest.mark.evaldata
def test_boilerplate_prefix_does_not_glue_different_paragraphs(articles):
    prefix = "央视网消息（新闻联播）：据新华社报道，"
    bodies = _long_paragraphs(articles, 200, seed=3)
    docs = [(f"d{i}.txt", prefix + body[:60]) for i, body in enumerate(bodies)]
    report = find_duplicates(docs)
    # Different news behind a shared dateline are not duplicates; only true repeats may cluster.
    duplicated = {m.path for c in report.clusters for m in c.members}
    texts = dict(docs)
    for cluster in report.clusters:
        kept = paragraph_key(texts[cluster.members[0].path])
        for member in cluster.members[1:]:
            other = paragraph_key(texts[member.path])
            assert kept[len(prefix) :][:20] in other or other[len(prefix) :][:20] in kept
    assert len(duplicated) <= 4
    assert max((len(c.members) for c in report.clusters), default=0) <= 3


def test_json_contract_shape():
    line = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。"
    text = f"{line}\n\n{line}"
    data = find_duplicates([("p/a.txt", text)]).to_json()
    assert set(data) == {"clusters", "stats"}
    (cluster,) = data["clusters"]
    assert cluster["kind"] in {"exact", "near", "fragment"}
    assert isinstance(cluster["similarity"], float)
    for member in cluster["members"]:
        assert {"path", "line", "chars", "preview"} <= set(member)
        assert isinstance(member["line"], int)
    assert [m["line"] for m in cluster["members"]] == [1, 3]
    assert all(isinstance(v, int | float) for v in data["stats"].values())


def test_config_validation_names_the_field():
    with pytest.raises(ValueError, match="min_chars"):
        DedupConfig(min_chars=0)
    with pytest.raises(ValueError, match="fragment_min_share"):
        DedupConfig(fragment_min_share=1.0)
