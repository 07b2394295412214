"""The review report (--html-report): an index of changed files and one small page per file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from seedclean.pipeline import clean

from .helpers import run, seed_text

SEED = seed_text("001")  # punctuation, joins, removed duplicates (with commas fixed), a notice


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


class _Page(HTMLParser):
    """Tags, ids, links and the text inside each element class of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.rows: list[dict[str, str]] = []
        self.dels: list[str] = []
        self._in_del = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in ("script", "link", "img", "iframe", "object"):
            self.external.append(tag)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "div" and values.get("class", "").split()[:1] == ["row"]:
            self.rows.append(values)
        if tag == "del":
            self._in_del += 1
            self.dels.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "del":
            self._in_del -= 1

    def handle_data(self, data: str) -> None:
        if self._in_del:
            self.dels[-1] += data


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _pages(index: Path) -> list[Path]:
    folder = index.with_name(f"{index.stem}_files")
    return sorted(folder.glob("*.html"), key=lambda p: int(p.stem))


def _check_links(path: Path, page: _Page) -> None:
    """Every link of ``path`` resolves: to a file that exists and, with #, to an id in it."""
    for link in page.links:
        target, _, anchor = link.partition("#")
        file = (path.parent / unquote(target)).resolve() if target else path
        assert file.exists(), link
        if anchor:
            assert anchor in _parse(file).ids, link


def test_index_lists_only_changed_files_and_each_has_a_small_page(capsys) -> None:
    Path("a.txt").write_text(SEED + "\n<开头>甲,乙&amp;\n", encoding="utf-8")
    Path("b.txt").write_text(clean(seed_text("002")), encoding="utf-8")  # unchanged
    Path("c.txt").write_text(seed_text("004"), encoding="utf-8")
    assert run(capsys, "check", "a.txt", "b.txt", "c.txt", "--html-report", "r.html").code == 1
    index = Path("r.html")
    html = index.read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    assert "b.txt" not in html  # unchanged: counted, not listed
    assert "1 unchanged files are not listed" in html
    parsed = _parse(index)
    assert parsed.external == []
    _check_links(index, parsed)
    pages = _pages(index)
    assert len(pages) == 2
    first = pages[0].read_text(encoding="utf-8")
    assert "&lt;开头&gt;甲" in first  # the file's text is escaped
    assert "&amp;amp;" in first
    for path in pages:
        page = _parse(path)
        assert page.external == []
        _check_links(path, page)
        assert path.stat().st_size < 3 * len(SEED.encode()) + 30_000
    assert not list(Path().glob(".*seedclean-tmp"))


def test_structural_rows_come_first_side_by_side_and_punctuation_is_folded(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    run(capsys, "check", "a.txt", "--html-report", "r.html")
    (path,) = _pages(Path("r.html"))
    html = path.read_text(encoding="utf-8")
    structural, _, folded = html.partition("<h2>Normalization only")
    assert folded
    assert 'class="pair' in structural
    assert 'class="pair' not in folded
    assert "join-seam" in structural
    assert "dedup-exact" in structural
    page = _parse(path)
    rows = [row["class"].split() for row in page.rows]
    steps = [
        any(c in ("s-linebreaks", "s-dedup") for c in classes)
        or "r-dedup-fragment" in classes  # a structural notice
        for classes in rows
    ]
    assert steps == sorted(steps, reverse=True)  # every structural row before the others
    # the punctuation-only rows are hidden until asked for (a checkbox, CSS only)
    assert '<input type="checkbox" id="show-fold">' in html
    assert "#show-fold:not(:checked)~main .fold{display:none}" in html


def test_a_removed_duplicate_shows_its_whole_paragraph(capsys) -> None:
    """Regression: a removed duplicate that also had a comma fixed showed as a struck ','."""
    Path("a.txt").write_text(SEED, encoding="utf-8")
    run(capsys, "check", "a.txt", "--html-report", "r.html")
    (path,) = _pages(Path("r.html"))
    page = _parse(path)
    removed = [
        p for p in SEED.split("\n") if p.startswith("广东省检察院坚持党建机制与办案机制相融相通")
    ]
    assert len(removed) == 2
    assert "," in removed[1]  # a copy, with ASCII commas that get fixed
    # the second copy is removed: its whole text as read is in one deletion
    assert any(d.startswith(removed[1]) for d in page.dels)
    assert "(removed)" in path.read_text(encoding="utf-8")


def test_filters_by_step_and_by_rule(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    run(capsys, "check", "a.txt", "--html-report", "r.html")
    index = Path("r.html").read_text(encoding="utf-8")
    (path,) = _pages(Path("r.html"))
    html = path.read_text(encoding="utf-8")
    for rule in ("punct-comma", "join-seam", "dedup-exact"):
        assert f'<input type="radio" name="rule" id="rule-{rule}">' in html
        assert f"#rule-{rule}:checked~main .row:not(.r-{rule}){{display:none}}" in html
        assert f"#rule-{rule}:checked~main tr.file:not(.r-{rule}){{display:none}}" in index
    for step in ("normalize", "linebreaks", "dedup"):
        assert f"#step-{step}:checked~main .row:not(.s-{step}){{display:none}}" in html
    # choosing a normalization rule unfolds the folded rows
    assert "#rule-punct-comma:checked~main .fold{display:block}" in html
    # each row carries the classes its filters select
    rows = _parse(path).rows
    assert any("r-punct-comma" in r["class"] and "s-normalize" in r["class"] for r in rows)


def test_big_runs_stay_small_per_page(capsys) -> None:
    """Forty files: the index holds no text, each page only its own file."""
    for i in range(40):
        text = seed_text(f"00{(0, 2, 3)[i % 3]}")  # pages without notices
        Path(f"p{i:02}.txt").write_text(text if i % 2 else clean(text), encoding="utf-8")
    assert run(capsys, "check", ".", "--html-report", "out/r.html", "-q").code == 1
    index = Path("out/r.html")
    assert len(_pages(index)) == 20
    assert index.stat().st_size < 40_000
    assert "20 unchanged files are not listed" in index.read_text(encoding="utf-8")
    # a second run replaces the folder of pages (no stale page is left)
    Path("p01.txt").write_text(clean(seed_text("002")), encoding="utf-8")
    assert run(capsys, "check", ".", "--html-report", "out/r.html", "-q").code == 1
    assert len(_pages(index)) == 19
    assert sorted(p.name for p in Path("out").iterdir()) == ["r.html", "r_files"]


def test_dedup_removals_link_to_kept_copies_in_other_files(capsys) -> None:
    corpus = seed_text("003")
    kept_lines = {n + 1 for n, line in enumerate(corpus.split("\n")) if len(line) >= 20}
    Path("a.txt").write_text(corpus, encoding="utf-8")
    Path("b.txt").write_text(
        "<开头>不同的段落，内容并不重复，也不会被删除。\n\n" + corpus, encoding="utf-8"
    )
    result = run(capsys, "dedup", "a.txt", "b.txt", "--remove", "--html-report", "r.html")
    assert result.code == 1
    removed = sum(1 for line in result.out.splitlines() if line.startswith("b.txt:"))
    assert removed > 0
    (path,) = _pages(Path("r.html"))
    page = _parse(path)
    kept_links = [link for link in page.links if "#kept-" in link]
    assert len(kept_links) == removed  # every removed paragraph links to its kept copy
    _check_links(path, page)
    index = Path("r.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li id="kept-\d+"><code>a\.txt:(\d+)</code>', index)
    assert entries
    assert {int(line) for line in entries} <= kept_lines  # each names a line of a.txt
