"""Template paragraphs that differ in a name are not duplicates; OCR-noisy copies still are."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from seedclean.config import CleanConfig
from seedclean.dedup import DedupConfig, DedupIndex, DedupReport, find_duplicates
from seedclean.dedup.align import differing_regions
from seedclean.dedup.confusables import NEGATIONS
from seedclean.dedup.key import paragraph_key
from seedclean.dedup.meaning import meaning_agrees
from seedclean.dedup.remove import remove_duplicates_and_explain
from seedclean.dedup.verify import EXACT, verify_pairs
from seedclean.pipeline import clean_and_explain
from seedclean.settings import SettingsError, merge, validate
from tests.dedup.names_swap import PLACES, corpus_people, name_corpus, swap_name
from tests.dedup.noise import ocr_noise

LOOSE = DedupConfig(names_must_agree=False)


def _cases() -> list[tuple[str, str, str, str]]:
    path = Path(__file__).with_name("names_cases.tsv")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            expected, label, first, second = line.split("\t")
            rows.append((expected, label, first, second))
    return rows


CASES = _cases()


def _kinds(first: str, second: str, config: DedupConfig | None = None) -> list[str]:
    report = find_duplicates([("a.txt", first), ("b.txt", second)], config)
    return [c.kind for c in report.clusters]


@pytest.mark.parametrize(
    ("expected", "first", "second"), [c[::2] + c[3:] for c in CASES], ids=[c[1] for c in CASES]
)
def test_cases(expected: str, first: str, second: str) -> None:
    assert _kinds(first, second) == ([] if expected == "none" else [expected])
    # The check is what separates the template pairs: without it they are near duplicates.
    assert _kinds(first, second, LOOSE) == ["near"]
    # In one text, the in-clean step keeps both or removes the copy alike.
    out = remove_duplicates_and_explain(first + "\n" + second)
    assert [e.rule for e in out.edits] == ([] if expected == "none" else ["dedup-near"])


def test_a_fragment_of_a_template_for_another_name_is_not_a_fragment() -> None:
    first = "高台县检察院开展“检察开放日”活动，邀请人大代表、政协委员走进检察机关，现场观摩庭审。"
    piece = "临泽县检察院开展“检察开放日”活动，邀请人大代表、政协委员"
    assert _kinds(first, piece) == []
    assert _kinds(first, piece, LOOSE) == ["fragment"]
    same_piece = first[:29]
    assert _kinds(first, same_piece) == ["fragment"]


def test_regions_and_their_reading() -> None:
    assert differing_regions("记者从上海海关了解到", "记者从南京海关了解到") == [("上海", "南京")]
    assert not meaning_agrees("记者从上海海关了解到", "记者从南京海关了解到")
    assert meaning_agrees("己未年修订的规章制度", "已末年修订的规章制度")  # two look-alike misreads
    assert not meaning_agrees("己未年修订的规章制度", "已申年修订的规章制度")  # 申 is not one


_PROSE = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=20, max_size=80
)


@settings(max_examples=150, deadline=None)
@given(text=_PROSE)
def test_property_an_exact_duplicate_stays_exact(text: str) -> None:
    assert meaning_agrees(text, text)
    for config in (DedupConfig(), LOOSE):
        kinds, scores = verify_pairs(
            [text, text],
            [0],
            [1],
            threshold=config.threshold,
            fragment_min_share=config.fragment_min_share,
            min_chars=20,
            names_must_agree=config.names_must_agree,
        )
        assert kinds.tolist() == [EXACT]
        assert scores.tolist() == [1.0]
    report = find_duplicates([("a", text + "\n" + text)])
    assert [c.kind for c in report.clusters] == ["exact"]


@settings(max_examples=200, deadline=None)
@given(text=_PROSE, data=st.data())
def test_property_one_dropped_or_doubled_character_is_noise(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text) - 1))
    op = data.draw(st.sampled_from(["drop", "double"]))
    assume(op == "double" or text[pos] not in NEGATIONS)  # a dropped 不 changes the meaning
    edited = {
        "drop": text[:pos] + text[pos + 1 :],
        "double": text[:pos] + text[pos] + text[pos:],
    }[op]
    assert meaning_agrees(text, edited)
    assert meaning_agrees(edited, text)


def _name_pairs(articles: list[dict[str, Any]], count: int, seed: int) -> list[tuple[str, str]]:
    paragraphs = [p for a in articles for p in a["paragraphs"]]
    rng = random.Random(seed)
    pairs = []
    for names in (PLACES, corpus_people(paragraphs)):
        pool = [p for p in paragraphs if 40 <= len(p) <= 300 and any(n in p for n in names)]
        for text in rng.sample(pool, count):
            other = swap_name(text, names, rng)
            if other is not None:
                pairs.append((text, other))
    return pairs


@pytest.mark.evaldata
def test_real_paragraphs_for_another_name_are_not_duplicates(articles):
    pairs = _name_pairs(articles, 40, seed=5)
    assert len(pairs) >= 70
    for text, other in pairs:
        assert _kinds(text, other) == [], (text, other)
    # Without the check nearly all of them are near duplicates.
    loose = sum(bool(_kinds(text, other, LOOSE)) for text, other in pairs)
    assert loose >= 0.95 * len(pairs)


@pytest.mark.evaldata
def test_ocr_noisy_copies_of_real_prose_still_match(articles):
    """Scattered OCR noise at 1-5 %: the check costs at most a few pairs (adjacent misreads)."""
    rng = random.Random(6)
    pool = [p for a in articles for p in a["paragraphs"] if 60 <= len(p) <= 300]
    texts = rng.sample(pool, 150)
    noisy = [ocr_noise(t, rng.uniform(0.01, 0.05), rng, keep="0123456789") for t in texts]
    kept = sum(_kinds(t, n) in (["near"], ["exact"]) for t, n in zip(texts, noisy, strict=True))
    loose = sum(
        _kinds(t, n, LOOSE) in (["near"], ["exact"]) for t, n in zip(texts, noisy, strict=True)
    )
    assert loose == len(texts)
    assert kept >= 0.96 * len(texts)


def test_seeds_lose_and_keep_exactly_what_they_did_without_the_check(seeds):
    for name, text in seeds.items():
        with_check = clean_and_explain(text)
        without = clean_and_explain(text, CleanConfig(dedup=LOOSE))
        assert with_check.text == without.text, name
        assert with_check.edits == without.edits, name
        assert with_check.notices == without.notices, name


def _json(report: DedupReport) -> dict[str, Any]:
    out = report.to_json()
    out["stats"].pop("seconds")
    return out


@pytest.mark.evaldata
def test_every_path_gives_the_same_report(tmp_path, articles):
    docs = name_corpus(articles, 60, seed=8)
    strict = find_duplicates(docs.items())
    assert _json(strict) != _json(find_duplicates(docs.items(), LOOSE))  # the check acts here
    spilled = find_duplicates(docs.items(), reread=docs.__getitem__)
    assert _json(spilled) == _json(strict)
    names = sorted(docs)
    with DedupIndex.create(tmp_path / "idx", reader=docs.__getitem__) as index:
        index.update((n, docs[n]) for n in names[:30])
        new = {n: docs[n] for n in names[30:]}
        memory = find_duplicates(new.items(), index=index)
        spilled = find_duplicates(new.items(), index=index, reread=new.__getitem__)
        assert _json(spilled) == _json(memory)
        assert any(c.members[0].path in names[:30] for c in memory.clusters)
        # The index applies its own setting: a corpus indexed without the check
        # matches the swapped names again.
    with DedupIndex.create(tmp_path / "loose", LOOSE, reader=docs.__getitem__) as loose:
        loose.update((n, docs[n]) for n in names[:30])
        assert _json(find_duplicates(new.items(), LOOSE, index=loose)) != _json(memory)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000))
def test_property_in_memory_equals_spilled_with_name_swaps(seed: int) -> None:
    rng = random.Random(seed)
    template = "县检察院开展检察开放日活动，邀请人大代表政协委员走进检察机关观摩庭审"
    counties = ["高台", "临泽", "肃南", "民乐", "山丹", "甘州", "张掖", "酒泉"]
    lines = []
    for _ in range(rng.randint(2, 8)):
        text = rng.choice(counties) + template
        lines.append(ocr_noise(text, 0.02, rng, keep="0123456789") if rng.random() < 0.3 else text)
    docs = {f"{n}.txt": "\n".join(lines[n::2]) + "\n" for n in range(2)}
    memory = find_duplicates(docs.items())
    assert _json(find_duplicates(docs.items(), reread=docs.__getitem__)) == _json(memory)


def test_config_and_settings_key() -> None:
    assert DedupConfig().names_must_agree is True
    with pytest.raises(ValueError, match="names_must_agree"):
        DedupConfig(names_must_agree="yes")  # type: ignore[arg-type]
    values = validate({"names-must-agree": False}, "pyproject.toml")
    assert merge(values, {}).dedup_config().names_must_agree is False
    assert merge({}, {}).dedup_config().names_must_agree is True
    assert dataclasses.replace(merge(values, {}).dedup_config(), names_must_agree=True) == (
        DedupConfig()
    )
    with pytest.raises(SettingsError, match="names-must-agree"):
        validate({"names-must-agree": "maybe"}, "pyproject.toml")


def test_keys_are_what_is_compared() -> None:
    first, second = CASES[0][2], CASES[0][3]
    assert not meaning_agrees(paragraph_key(first), paragraph_key(second))
