"""DedupIndex: create / open / update / remove / query round trips, crash safety."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedclean.dedup import DedupIndex, DedupIndexError, find_duplicates, removal_plan
from seedclean.dedup.index import writer
from tests.dedup.noise import ocr_noise


def _write(root: Path, name: str, text: str) -> tuple[str, str]:
    (root / name).write_text(text, encoding="utf-8")
    return name, text


@pytest.fixture
def corpus(tmp_path, articles) -> tuple[Path, list[str]]:
    rng = random.Random(5)
    picks = rng.sample([a for a in articles if len(a["paragraphs"]) >= 4], 30)
    names = []
    for i, article in enumerate(picks):
        names.append(_write(tmp_path, f"doc{i:02d}.txt", "\n\n".join(article["paragraphs"]))[0])
    return tmp_path, names


def _docs(root: Path, names: list[str]) -> list[tuple[str, str]]:
    return [(n, (root / n).read_text(encoding="utf-8")) for n in names]


@pytest.mark.evaldata
def test_round_trip_update_query_change_delete(corpus):
    root, names = corpus
    with DedupIndex.create(root / ".seedclean") as index:
        stats = index.update(_docs(root, names))
        assert (stats.added, stats.changed, stats.unchanged) == (30, 0, 0)
        assert index.paths() == sorted(names)
        size = len(index)
    with DedupIndex.open(root / ".seedclean") as index:
        assert len(index) == size
        assert index.update(_docs(root, names)).unchanged == 30
        source = (root / names[3]).read_text(encoding="utf-8").split("\n\n")
        rng = random.Random(1)
        target = max(source, key=len)
        new = "一个新的标题\n\n" + ocr_noise(target, 0.03, rng) + "\n"
        (cluster,) = index.query("new.txt", new)
        assert cluster.members[0].path == names[3]
        assert cluster.kind == "near"
        assert cluster.members[1].line == 3
        # The file changes: the old paragraph must no longer be found.
        _write(root, names[3], "完全不同的新内容，和原来那篇文章毫无关系，长度也足够。")
        assert index.update(_docs(root, [names[3]])).changed == 1
        assert index.query("new.txt", new) == []
        # A deleted file is forgotten.
        assert index.remove([names[4]]) == 1
        assert names[4] not in index.paths()
        assert index.query("x.txt", (root / names[4]).read_text(encoding="utf-8")) == []


@pytest.mark.evaldata
def test_stale_file_is_not_trusted(corpus):
    root, names = corpus
    with DedupIndex.create(root / ".seedclean") as index:
        index.update(_docs(root, names[:5]))
        text = (root / names[0]).read_text(encoding="utf-8")
        (root / names[0]).write_text("改过了但没有重新索引。", encoding="utf-8")
        assert index.query("new.txt", text) == []
        assert names[0] in index.stale


@pytest.mark.evaldata
def test_crash_mid_write_leaves_old_index_valid(corpus, monkeypatch):
    root, names = corpus
    with DedupIndex.create(root / ".seedclean") as index:
        index.update(_docs(root, names[:10]))
        before = (index.paths(), len(index))
    real = writer.write_segment

    def crash_after_write(*args: Any) -> Path:
        real(*args)
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(writer, "write_segment", crash_after_write)
    with DedupIndex.open(root / ".seedclean") as index, pytest.raises(KeyboardInterrupt):
        index.update(_docs(root, names[10:]))
    monkeypatch.setattr(writer, "write_segment", real)
    with DedupIndex.open(root / ".seedclean") as index:
        assert (index.paths(), len(index)) == before
        index.update(_docs(root, names[10:]))  # the orphan segment is cleaned and replaced
        assert len(index.paths()) == 30
    seg_dirs = sorted(p.name for p in (root / ".seedclean").iterdir() if p.is_dir())
    assert not [d for d in seg_dirs if d.startswith("tmp-")]
    assert len(seg_dirs) == 2


def test_open_missing_or_wrong_version(tmp_path):
    with pytest.raises(DedupIndexError, match="no seedclean index"):
        DedupIndex.open(tmp_path / "nothing")
    index = DedupIndex.create(tmp_path / "idx")
    index._store.db.execute("UPDATE meta SET value = '999' WHERE key = 'format_version'")
    index.close()
    with pytest.raises(DedupIndexError, match="format version 999"):
        DedupIndex.open(tmp_path / "idx")
    DedupIndex.create(tmp_path / "bad").close()
    (tmp_path / "bad" / "index.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(DedupIndexError, match=r"damaged.*--rebuild"):
        DedupIndex.open(tmp_path / "bad")


@pytest.mark.evaldata
def test_find_duplicates_with_index_prefers_corpus_copy(corpus):
    root, names = corpus
    with DedupIndex.create(root / ".seedclean") as index:
        index.update(_docs(root, names))
        text = (root / names[7]).read_text(encoding="utf-8")
        report = find_duplicates([("new.txt", text)], index=index)
        assert report.clusters
        assert {c.members[0].path for c in report.clusters} == {names[7]}
        assert "new.txt" not in index.paths()  # checking does not add


_PARA = st.text(
    alphabet="甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄", min_size=0, max_size=60
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PARA, min_size=1, max_size=6))
def test_query_finds_what_was_added(tmp_path_factory, paragraphs):
    root = tmp_path_factory.mktemp("prop")
    text = "\n\n".join(paragraphs)
    _write(root, "a.txt", text)
    with DedupIndex.create(root / ".seedclean") as index:
        index.update([("a.txt", text)])
        clusters = index.query("b.txt", text)
    long_enough = {i for i, p in enumerate(paragraphs) if len(p) >= index.config.min_chars}
    found_lines = {m.line for c in clusters for m in c.members[1:]}
    expected_lines = {1 + 2 * i for i in long_enough}
    assert found_lines == expected_lines


@pytest.mark.evaldata
def test_query_reports_indexed_fragment_of_a_new_paragraph(tmp_path, articles):
    # The corpus holds a piece of a paragraph; a new page brings the whole paragraph.
    full = max((p for a in articles[:50] for p in a["paragraphs"]), key=len)
    piece = full[: len(full) // 2]
    corpus = "一个标题\n\n" + piece + "\n"
    _write(tmp_path, "old.txt", corpus)
    new = "别的标题\n\n" + full + "\n"
    with DedupIndex.create(tmp_path / ".seedclean") as index:
        index.update([("old.txt", corpus)])
        (cluster,) = index.query("new.txt", new)
        assert cluster.kind == "fragment"
        kept, fragment = cluster.members
        assert (kept.path, kept.line) == ("new.txt", 3)  # the longer, fuller copy is kept
        assert (fragment.path, fragment.line) == ("old.txt", 3)
        report = find_duplicates([("new.txt", new)], index=index)
        assert report.to_text() == [f"old.txt:3: fragment of new.txt:3 ({cluster.similarity:.2f})"]
        # Removing fragments from the checked files never touches the corpus file.
        assert removal_plan(report, ("fragment",), texts={"new.txt": new}) == {}
        # The usual direction still wins: the whole paragraph indexed, its piece checked.
        index.update([("old.txt", "一个标题\n\n" + full + "\n")])
        _write(tmp_path, "old.txt", "一个标题\n\n" + full + "\n")
        (cluster,) = index.query("new.txt", "别的标题\n\n" + piece + "\n")
        assert [m.path for m in cluster.members] == ["old.txt", "new.txt"]
