"""Two articles with the same title keep both titles (#10's dedup part).

A short paragraph without sentence punctuation (a title, a heading) repeats
legitimately: two different articles may carry one headline.  Such a repeat
is reported (a notice in ``clean``; named by ``dedup --remove``) and removed
only when the paragraph after it repeats the paragraph after its kept copy
too, i.e. the same article was pasted twice.  Built from real articles of
``../shared/evaldata``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from seedclean.dedup import DedupConfig, find_duplicates, remove_duplicates_and_explain
from seedclean.dedup.key import paragraph_key
from seedclean.dedup.remove import HEADLINE_CHARS, headline_like, held_headlines, removals
from tests.cli.helpers import run


def _headline_articles(articles: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Articles whose title is headline-like and long enough to be compared."""
    out = []
    for article in articles:
        title = article["title"].strip()
        compared = len(paragraph_key(title)) >= DedupConfig().min_chars
        if (
            compared
            and len(title) <= HEADLINE_CHARS
            and not any(c in title for c in "。！？；!?;.…")
        ):
            out.append((title, article["paragraphs"][:3]))
    return out


@pytest.fixture(scope="module")
def pair(articles: list[dict[str, Any]]) -> tuple[str, list[str], list[str]]:
    """A real title, its article's first paragraphs, and another article's."""
    found = _headline_articles(articles)
    assert len(found) >= 2
    (title, own), (_, other) = found[0], found[-1]
    return title, own, other


def test_two_articles_with_one_title_keep_both_titles(pair) -> None:
    title, own, other = pair
    text = "\n\n".join([title, *own, title, *other]) + "\n"
    out = remove_duplicates_and_explain(text)
    assert out.text == text  # nothing removed: the articles differ
    assert [n.rule for n in out.notices] == ["dedup-exact"]
    assert out.notices[0].message.startswith("headline-like repeat kept")
    assert "line 1:" in out.notices[0].message
    assert text[out.notices[0].start :].startswith(title)


def test_the_same_article_twice_loses_its_second_title(pair) -> None:
    title, own, _ = pair
    text = "\n\n".join([title, *own, title, *own]) + "\n"
    out = remove_duplicates_and_explain(text)
    assert out.text == "\n\n".join([title, *own]) + "\n"
    assert out.notices == ()


def test_a_body_paragraph_repeat_is_still_removed(pair) -> None:
    # the stricter bar is for headline-like paragraphs only
    _, own, other = pair
    text = "\n\n".join([*own, other[0], own[0]]) + "\n"
    out = remove_duplicates_and_explain(text)
    assert out.text == "\n\n".join([*own, other[0]]) + "\n"


def test_headline_like(pair) -> None:
    title, own, _ = pair
    report = find_duplicates([("a", f"{title}\n\n{own[0]}\n\n{title}\n\n{own[0]}\n")])
    members = [m for c in report.clusters for m in c.members]
    assert headline_like(members[0])
    assert not any(headline_like(m) for m in members if m.chars > HEADLINE_CHARS)


def test_headline_chars_zero_removes_titles_like_body_paragraphs(pair) -> None:
    title, own, other = pair
    report = find_duplicates([("a", "\n\n".join([title, *own, title, *other]) + "\n")])
    assert len(held_headlines(report, ["exact", "near"])) == 1
    assert held_headlines(report, ["exact", "near"], headline_chars=0) == []
    assert len(removals(report, ["exact", "near"], headline_chars=0)) == 1
    assert removals(report, ["exact", "near"]) == {}


def test_dedup_remove_keeps_the_title_of_another_article(
    pair, tmp_path: Path, monkeypatch, capsys
) -> None:
    title, own, other = pair
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.seedclean]\n", encoding="utf-8")
    first = "\n\n".join([title, *own]) + "\n"
    second = "\n\n".join([title, *other]) + "\n"
    repeat = "\n\n".join([title, *own]) + "\n"
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    (tmp_path / "c.txt").write_text(repeat, encoding="utf-8")
    result = run(capsys, "dedup", "--remove", "a.txt", "b.txt", "c.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == first
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == second  # its title stays
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == ""  # the same article again
    assert "b.txt:1: headline-like repeat kept" in result.err


# A paper's section heading and the table caption restating it, or a heading and
# its sub-heading: the numbers (2.1, 3.1.2, 表2) are no sentence ends, so both are
# headline-like, and two of them are kept however alike their words (MinerU pages).
SECTIONED = [
    (
        "2.1 施氮量对冬小麦籽粒产量及氮素吸收利用效率的影响",
        "表2 施氮量对冬小麦籽粒产量及氮素吸收利用效率的影响",
    ),
    (
        "3.1 秸秆还田方式对黄土高原旱作农田土壤团聚体稳定性的影响",
        "3.1.2 秸秆还田方式对黄土高原旱作农田土壤团聚体稳定性的影响",
    ),
]


@pytest.mark.parametrize(("heading", "other"), SECTIONED)
def test_numbered_headings_are_headline_like_and_kept(heading: str, other: str) -> None:
    body = "结果表明，与对照相比，处理组的指标均有不同程度的提高，差异达到显著水平。"
    text = f"{heading}\n\n{body}\n\n{other}\n\n另一段正文，讲的是别的结果和讨论。\n"
    report = find_duplicates([("a.md", text)])
    members = [m for c in report.clusters for m in c.members]
    # found as duplicates (similar enough) and headline-like, or kept apart by their
    # numbers (2.1 / 2, 3.1 / 3.1.2: a digit one lacks); either way both stay
    assert all(headline_like(m) for m in members)
    assert remove_duplicates_and_explain(text).text == text


def test_dedup_does_not_fail_on_a_shared_title_alone(
    pair, tmp_path: Path, monkeypatch, capsys
) -> None:
    """Two articles with one title: listed, but not counted, so a hook passes (exit 0)."""
    title, own, other = pair
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.seedclean]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("\n\n".join([title, *own]) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join([title, *other]) + "\n", encoding="utf-8")
    result = run(capsys, "dedup", "a.txt", "b.txt")
    assert result.code == 0
    assert "0 duplicate paragraphs" in result.err
    assert "1 headline-like repeat kept, not counted" in result.err
    (tmp_path / "c.txt").write_text("\n\n".join([title, *own]) + "\n", encoding="utf-8")
    assert run(capsys, "dedup", "a.txt", "b.txt", "c.txt").code == 1  # a real copy still fails


# Real papers (MinerU markdown) share English section headings, captions and cited
# references, and a table of contents repeats a heading with its page number: none is
# a copy to delete.
_METHODS = "The study area is located in the upper reaches of a river basin in the northwest."
_OTHER_METHODS = "A column experiment was conducted with six fertilizer treatments over two years."
HEADINGS = [
    ("# 2.Materials and methods", "# 2 Materials and methods"),  # two papers, one heading
    ("# 3 Results and discussion", "# 3 Results and discussions"),
    (  # a table of contents line and the section's heading (longer than HEADLINE_CHARS)
        "2 The precision measurements of the Higgs boson couplings at future colliders 5",
        "# 2 The precision measurements of the Higgs boson couplings at future colliders",
    ),
    (
        "# 3.4 Linear relationship between habitat quality and disturbance factors",
        "# 3.4.2 Linear relationship between habitat quality and disturbance factors",
    ),
    # a table caption two papers share (another table each)
    ("Table 1 Composition and nutrient levels of experimental diets (air-dry basis) %",) * 2,
    ("Fig. 2 Location of the sampling sites in the upper reaches of the river basin and the",) * 2,
    # a reference both papers cite, in each paper's own list
    ("[15] Smith J, Brown K. A model of water movement in layered soil under drip irrigation",) * 2,
    ("[3]王晓东，李明，张华. 黄土高原典型流域植被恢复对土壤水分的影响[J]. 生态学报",) * 2,
]


@pytest.mark.parametrize(("first", "second"), HEADINGS)
def test_headings_captions_and_references_shared_by_two_texts_are_kept(
    first: str, second: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    a = f"{first}\n\n{_METHODS}\n"
    b = f"{second}\n\n{_OTHER_METHODS}\n"
    (tmp_path / "a.md").write_text(a, encoding="utf-8")
    (tmp_path / "b.md").write_text(b, encoding="utf-8")
    result = run(capsys, "dedup", "--remove", "a.md", "b.md")
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == b, result.err
    assert remove_duplicates_and_explain(a + "\n" + b).text == a + "\n" + b


def test_a_paper_pasted_twice_loses_its_repeated_heading() -> None:
    """The hold is for shared headings only: the heading with its section again goes."""
    section = f"# 2 Materials and methods\n\n{_METHODS}\n"
    out = remove_duplicates_and_explain(section + "\n" + section)
    assert out.text == section
    assert [e.rule for e in out.edits] == ["dedup-exact", "dedup-exact"]


def test_a_sentence_about_a_table_is_no_caption() -> None:
    sentence = "Table 1 shows that the yield rose in every treatment, and most in the third year."
    members = find_duplicates([("a.md", sentence), ("b.md", sentence)]).clusters[0].members
    assert not headline_like(members[1])
