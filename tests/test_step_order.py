"""A repeated block joined in one place is not left as a fragment in the other (issue #10).

Line-break repair runs before duplicate removal, so a block the page printed
twice is joined to the fragment before it in one place and stays a paragraph
of its own in the other, equal to no paragraph: it is the verbatim end of the
joined one.  The duplicates step removes it (``dedup-exact``).
"""

from __future__ import annotations

from seedclean.config import CleanConfig
from seedclean.edits import apply_edits
from seedclean.pipeline import clean, clean_and_explain

#: A cut paragraph whose second half the page printed again after a heading.
PAGE = (
    "该院借助智慧城市联动指挥中心数据打造公益诉讼大数据平台，今年以来发现成案线索三件，"
    "并向相关行政机关发出检察建议，推动解决群众反映强烈的突出问题，压实各方\n\n"
    "责任，因地制宜打造特色产业，着力建设宜居宜业的美丽乡村，形成上下联动、内外协同、"
    "紧密衔接的工作格局，协同解决重点难点问题。\n\n"
    "## 持续开展四下基层\n\n"
    "责任，因地制宜打造特色产业，着力建设宜居宜业的美丽乡村，形成上下联动、内外协同、"
    "紧密衔接的工作格局，协同解决重点难点问题。\n"
)


def test_a_repeated_block_is_not_left_as_a_fragment() -> None:
    result = clean_and_explain(PAGE)
    assert result.text.count("因地制宜打造特色产业") == 1
    assert "压实各方责任，因地制宜" in result.text
    assert apply_edits(PAGE, result.edits) == result.text
    (removal,) = [e for e in result.edits if e.rule == "dedup-exact"]
    assert removal.note.startswith("verbatim part of line 1")
    assert removal.ref == 0
    assert clean(result.text) == result.text


def test_a_short_line_that_opens_a_longer_paragraph_stays() -> None:
    head = "坚持规划引领，推动城乡融合发展"
    page = f"{head}\n\n{head}。该市编制了乡村振兴总体规划，统筹推进产业发展。\n"
    assert clean(page) == page


def test_without_the_duplicates_step_nothing_is_removed() -> None:
    out = clean(PAGE, CleanConfig(ignore=frozenset({"dedup"})))
    assert out.count("因地制宜打造特色产业") == 2


def test_no_seed_paragraph_survives_inside_another(seeds: dict[str, str]) -> None:
    for name, text in seeds.items():
        paras = [p.strip() for p in clean(text).split("\n\n") if len(p.strip()) >= 50]
        inside = [(p[:20], q[:20]) for p in paras for q in paras if p is not q and p in q]
        assert not inside, (name, inside)
    assert clean(seeds["001"]).count("因地制宜打造特色产业") == 1


def test_neighbouring_fragments_at_the_top_are_removed_without_overlap() -> None:
    """Two fragments next to each other at the top of the text gave overlapping removals:
    ``ValueError: overlapping replacements (dedup-exact)``, an internal error of ``clean``
    (found by the CLI property test on a seed headline and a seed paragraph)."""
    from tests.cli.test_invariants import POOL

    headline, body = POOL[0], POOL[4]
    page = f"{headline}\n{body}\n\n{headline}\n\n{body}"
    result = clean_and_explain(page)
    assert apply_edits(page, result.edits) == result.text
    assert clean(result.text) == result.text
    assert sum(e.rule == "dedup-exact" for e in result.edits) == 2
