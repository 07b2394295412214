"""Exact duplicate paragraphs are removed before seams are joined (issue #10, step order).

A block the page printed twice would otherwise be joined to the fragment before
it in one place and survive as a fragment of that paragraph in the other.
"""

from __future__ import annotations

from seedclean.config import CleanConfig
from seedclean.edits import apply_edits
from seedclean.pipeline import clean, clean_and_explain

#: A cut paragraph whose second half the page printed again after a heading.
PAGE = (
    "该院借助智慧城市联动指挥中心数据打造公益诉讼大数据平台，今年以来发现成案线索三件，"
    "并向相关行政机关发出检察建议，推动解决群众反映强烈的突出问题，压实各方\n\n"
    "责任，因地制宜打造特色产业，着力建设宜居宜业的美丽乡村，协同解决重点难点问题。\n\n"
    "## 持续开展四下基层\n\n"
    "责任，因地制宜打造特色产业，着力建设宜居宜业的美丽乡村，协同解决重点难点问题。\n"
)


def test_a_repeated_block_is_not_left_as_a_fragment() -> None:
    result = clean_and_explain(PAGE)
    assert result.text.count("因地制宜打造特色产业") == 1
    assert "压实各方责任，因地制宜" in result.text
    assert apply_edits(PAGE, result.edits) == result.text
    assert [e.rule for e in result.edits].count("dedup-exact") == 1
    assert clean(result.text) == result.text


def test_without_the_duplicates_step_nothing_is_removed() -> None:
    out = clean(PAGE, CleanConfig(ignore=frozenset({"dedup"})))
    assert out.count("因地制宜打造特色产业") == 2


def test_no_seed_paragraph_survives_inside_another(seeds: dict[str, str]) -> None:
    for name, text in seeds.items():
        paras = [p.strip() for p in clean(text).split("\n\n") if len(p.strip()) >= 50]
        inside = [(p[:20], q[:20]) for p in paras for q in paras if p is not q and p in q]
        assert not inside, (name, inside)
    assert clean(seeds["001"]).count("因地制宜打造特色产业") == 1
