"""The index deletes only what it can prove it created, and never settles in a folder of other data.

Regression tests for #11 item 1: clean-up used to delete every ``tmp-*`` and
``seg-*`` folder of the index folder, whatever they held, and an index could
be created in (and then clean up) any folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seedclean.dedup import DedupIndex
from seedclean.dedup.index import IndexExistsError, NotAnIndexError
from seedclean.dedup.index.layout import MARKER
from tests.cli.helpers import seed_text, snapshot


def _user_data(folder: Path) -> None:
    """A folder of someone's data whose names look like the index's own."""
    for name, text in {
        "seg-photos/a.jpg": "jpeg",
        "seg-000001/mine.txt": "my notes",
        "tmp-drafts/draft.txt": "draft",
        "tmp-seg-000002-7/keep.txt": "keep",
        "notes.txt": "notes",
    }.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _docs() -> list[tuple[str, str]]:
    return [(f"p{i}.txt", seed_text(f"00{i}")) for i in range(3)]


def test_create_and_open_refuse_a_folder_of_other_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _user_data(data)
    before = snapshot(data)
    with pytest.raises(NotAnIndexError, match="not empty and is not a seedclean index"):
        DedupIndex.create(data)
    with pytest.raises(NotAnIndexError, match="not a seedclean index"):
        DedupIndex.open(data)
    with pytest.raises(NotAnIndexError, match="refusing to rebuild"):
        DedupIndex.rebuild(data)
    assert snapshot(data) == before
    assert sorted(p.name for p in data.iterdir()) == sorted(
        ["seg-photos", "seg-000001", "tmp-drafts", "tmp-seg-000002-7", "notes.txt"]
    )


def test_an_index_path_naming_a_file_says_so_and_leaves_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(seed_text("001"), encoding="utf-8")
    before = corpus.read_bytes()
    with pytest.raises(NotAnIndexError, match="is a file, not a folder"):
        DedupIndex.create(corpus)
    with pytest.raises(NotAnIndexError, match="it is a file, not a folder"):
        DedupIndex.open(corpus)
    with pytest.raises(NotAnIndexError, match="it is a file, not a folder"):
        DedupIndex.rebuild(corpus)
    assert corpus.read_bytes() == before


def test_cleanup_deletes_segment_files_only(tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    with DedupIndex.create(index_dir, root=tmp_path) as index:
        index.update(_docs()[:1])
    # Things that later appear in the index folder: a leftover of an interrupted
    # write (segment files only) and folders someone put there.
    leftover = index_dir / "tmp-seg-000009-1"
    leftover.mkdir()
    (leftover / "rows.npy").write_bytes(b"partial")
    _user_data(index_dir)
    theirs = {
        k: v for k, v in snapshot(index_dir).items() if "/" in k and "tmp-seg-000009" not in k
    }
    with DedupIndex.open(index_dir, root=tmp_path) as index:
        index.update(_docs()[1:])  # writes a segment: cleans up leftovers first
        index.rebuild(index_dir, root=tmp_path).close()  # deletes the index's own files
    after = snapshot(index_dir)
    assert not leftover.exists()
    assert {k: v for k, v in after.items() if k in theirs} == theirs
    assert (index_dir / MARKER).is_file()


def test_create_in_an_empty_folder_and_not_twice(tmp_path: Path) -> None:
    (tmp_path / "idx").mkdir()
    DedupIndex.create(tmp_path / "idx").close()
    with pytest.raises(IndexExistsError):
        DedupIndex.create(tmp_path / "idx")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".idx.creating")]


def test_open_without_root_reads_files_as_the_cli_indexed_them(tmp_path: Path) -> None:
    """#12: an index built by the CLI from a GBK page found nothing when opened without root=."""
    from seedclean.cli import main

    page = seed_text("002")
    (tmp_path / "page.txt").write_bytes(page.encode("gb18030"))
    assert main(["dedup", "-q", "--update-index", "--index", str(tmp_path / "idx"),
                 str(tmp_path / "page.txt")]) in (0, 1)  # fmt: skip
    with DedupIndex.open(tmp_path / "idx") as index:
        assert index.query("new.txt", page), index.stale
        assert not index.stale
