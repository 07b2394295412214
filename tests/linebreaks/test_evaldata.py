"""Round trip on real prose: corrupt evaldata articles, repair, compare with the truth."""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from seedclean.edits import apply_edits
from seedclean.linebreaks import repair_breaks, repair_breaks_and_explain
from tests.linebreaks.helpers import paragraphs

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from corrupt_linebreaks import Corruptor, has_broken_lines

pytestmark = pytest.mark.evaldata


@pytest.fixture(scope="module")
def docs(articles: list[dict[str, Any]]) -> list[Any]:
    usable = [a for a in articles if not has_broken_lines(a)]
    sample = random.Random(11).sample(usable, 60)
    corruptor = Corruptor(articles, seed=11)
    return [corruptor.corrupt(a["paragraphs"]) for a in sample]


def test_repair_recovers_most_paragraphs_and_joins_precisely(docs: list[Any]) -> None:
    matched = produced = wanted = false_joins = 0
    for doc in docs:
        out = repair_breaks(doc.text)
        got, gold = Counter(paragraphs(out)), Counter(doc.gold)
        matched += sum((got & gold).values())
        produced += sum(got.values())
        wanted += sum(gold.values())
        joined = "\n\n".join(paragraphs(out))
        false_joins += sum(left + right in joined for left, right in doc.breaks)
    identity = sum(
        sum((Counter(paragraphs(d.text)) & Counter(d.gold)).values()) for d in docs
    ) / sum(len(d.gold) for d in docs)
    recall = matched / wanted
    assert matched / produced > 0.8
    assert recall > identity + 0.1  # clearly better than doing nothing
    assert false_joins / sum(len(d.breaks) for d in docs) < 0.03


def test_repair_is_replayable_idempotent_and_keeps_text(docs: list[Any]) -> None:
    for doc in docs[:20]:
        result = repair_breaks_and_explain(doc.text)
        assert apply_edits(doc.text, result.edits) == result.text
        assert repair_breaks(result.text) == result.text
        for seam in doc.seams:
            for interloper in seam.interlopers:
                assert interloper in result.text


def test_column_flow_round_trip_is_precise(articles: list[dict[str, Any]]) -> None:
    """The benchmark's main scenario: columns cut the text where they end."""
    usable = [a for a in articles if not has_broken_lines(a)]
    corruptor = Corruptor(articles, seed=5)
    flow = [corruptor.flow(a["paragraphs"]) for a in random.Random(5).sample(usable, 80)]
    matched = wanted = false_joins = breaks = 0
    identity = 0
    for doc in flow:
        out = repair_breaks(doc.text)
        gold = Counter(doc.gold)
        matched += sum((Counter(paragraphs(out)) & gold).values())
        identity += sum((Counter(paragraphs(doc.text)) & gold).values())
        wanted += sum(gold.values())
        joined = "\n\n".join(paragraphs(out))
        false_joins += sum(left + right in joined for left, right in doc.breaks)
        breaks += len(doc.breaks)
    assert matched > identity  # repairs more than it breaks
    assert matched / wanted > 0.9
    assert false_joins / breaks < 0.03
