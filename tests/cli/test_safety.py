"""Paths and settings that made seedclean lose data or stop with an internal error (#11).

Each case refuses clearly (exit 2) and leaves every file as it was, or now
does the right thing; docs/safety.md names these tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .helpers import SEEDS, run, snapshot


def _page() -> str:
    """Three distinct paragraphs of real seed prose (no duplicates among them)."""
    paragraphs = [
        max(p.read_text(encoding="utf-8").split("\n"), key=len) for p in sorted(SEEDS.glob("*.txt"))
    ]
    return "\n\n".join(paragraphs[:3]) + "\n"


PAGE = _page()
SHORT = "近年来,广东省检察院坚持以政治建设为统领,不断探索和推动党建与业务深度融合。\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.seedclean]\n", encoding="utf-8")
    return tmp_path


# 2: the same file by two paths is one file


def test_dedup_remove_through_a_symlinked_folder_keeps_the_file(here: Path, capsys) -> None:
    (here / "corpus").mkdir()
    (here / "corpus" / "a.txt").write_text(PAGE, encoding="utf-8")
    (here / "corpus_link").symlink_to("corpus")
    result = run(capsys, "dedup", "--remove", "corpus", "corpus_link")
    assert result.code == 0, result.err
    assert (here / "corpus" / "a.txt").read_text(encoding="utf-8") == PAGE
    assert "corpus_link/a.txt: same file as corpus/a.txt; read once" in result.err


def test_dedup_remove_against_the_index_through_a_second_path(here: Path, capsys) -> None:
    (here / "corpus").mkdir()
    (here / "corpus" / "a.txt").write_text(PAGE, encoding="utf-8")
    (here / "corpus_link").symlink_to("corpus")
    assert run(capsys, "dedup", "corpus", "--update-index", "--index", "idx").code == 0
    result = run(capsys, "dedup", "--remove", "--index", "idx", "corpus_link/a.txt")
    assert result.code == 0, result.err
    assert (here / "corpus" / "a.txt").read_text(encoding="utf-8") == PAGE


# 3: two inputs, one output


def test_out_refuses_two_inputs_mapping_to_one_output(here: Path, capsys) -> None:
    for folder in ("a", "b"):
        (here / folder).mkdir()
        (here / folder / "p.txt").write_text(SHORT + folder + "\n", encoding="utf-8")
    result = run(capsys, "clean", "a", "b", "--out", "o")
    assert result.code == 2
    assert "a/p.txt and b/p.txt would both be written to o/p.txt" in result.err
    assert not (here / "o").exists()


# 4: symlinks, reports and --out


def test_dedup_remove_refuses_to_replace_a_symlink(here: Path, capsys) -> None:
    (here / "real.txt").write_text(SHORT + "\n" + SHORT, encoding="utf-8")
    (here / "link.txt").symlink_to("real.txt")
    before = snapshot(here)
    result = run(capsys, "dedup", "--remove", "link.txt")
    assert result.code == 2
    assert "link.txt: symlink; --remove does not rewrite it" in result.err
    assert (here / "link.txt").is_symlink()
    assert snapshot(here) == before


@pytest.mark.parametrize("option", ["--report", "--html-report"])
def test_a_report_naming_an_input_is_refused(here: Path, capsys, option: str) -> None:
    (here / "p.txt").write_text(SHORT, encoding="utf-8")
    result = run(capsys, "check", "p.txt", option, "p.txt")
    assert result.code == 2
    assert "p.txt: the report file is one of the inputs" in result.err
    assert (here / "p.txt").read_text(encoding="utf-8") == SHORT


def test_dedup_html_report_naming_an_input_is_refused(here: Path, capsys) -> None:
    (here / "p.txt").write_text(SHORT + "\n" + SHORT, encoding="utf-8")
    result = run(capsys, "dedup", "--remove", "p.txt", "--html-report", "p.txt")
    assert result.code == 2
    assert (here / "p.txt").read_text(encoding="utf-8") == SHORT + "\n" + SHORT


@pytest.mark.parametrize("option", ["--report", "--html-report"])
@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_a_report_that_cannot_be_written_is_refused_before_any_change(
    here: Path, capsys, option: str, command: str
) -> None:
    """``--report notes.txt/r.json`` (a file where a folder must be) was an internal error."""
    if command == "dedup" and option == "--report":
        pytest.skip("dedup has no --report")
    (here / "p.txt").write_text(SHORT + "\n" + SHORT, encoding="utf-8")
    (here / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(here)
    extra = ["--in-place"] if command == "clean" else ["--remove"]
    result = run(capsys, command, "p.txt", *extra, option, "notes.txt/r.json")
    assert result.code == 2
    assert "internal error" not in result.err
    assert "notes.txt/r.json: cannot write the report: " in result.err
    assert snapshot(here) == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_a_report_the_file_system_refuses_is_a_clear_error(
    here: Path, capsys, command: str
) -> None:
    """A folder the permission bits allow (root) but the file system refuses: said plainly."""
    (here / "p.txt").write_text(SHORT + "\n" + SHORT, encoding="utf-8")
    before = snapshot(here)
    extra = ["--in-place"] if command == "clean" else ["--remove"]
    result = run(capsys, command, "p.txt", *extra, "--html-report", "/proc/seedclean-r.html")
    assert result.code == 2
    assert "internal error" not in result.err
    assert "cannot write" in result.err
    assert "/proc/seedclean-r.html" in result.err
    assert snapshot(here) == before


def test_out_through_a_symlinked_subfolder_is_refused(here: Path, capsys) -> None:
    (here / "c" / "sub").mkdir(parents=True)
    (here / "c" / "sub" / "x.txt").write_text(SHORT, encoding="utf-8")
    (here / "elsewhere").mkdir()
    (here / "o").mkdir()
    (here / "o" / "sub").symlink_to(here / "elsewhere")
    result = run(capsys, "clean", "c", "--out", "o")
    assert result.code == 2
    assert "c/sub/x.txt: its output folder o/sub leads outside o through a symlink" in result.err
    assert list((here / "elsewhere").iterdir()) == []


@pytest.mark.parametrize("out", ["c", "./c", "c/"])
def test_out_equal_to_the_input_is_refused(here: Path, capsys, out: str) -> None:
    (here / "c").mkdir()
    (here / "c" / "p.txt").write_text(SHORT, encoding="utf-8")
    result = run(capsys, "clean", "c", "--out", out)
    assert result.code == 2
    assert "c/p.txt: --out would write it over itself" in result.err
    assert (here / "c" / "p.txt").read_text(encoding="utf-8") == SHORT


@pytest.mark.parametrize("argument", ["d/sub", "d/sub/b.txt"])
def test_out_holding_the_input_folder_is_refused(here: Path, capsys, argument: str) -> None:
    """``clean d/sub --out d`` wrote d/sub/b.txt over the user's own d/b.txt (exit 0)."""
    (here / "d" / "sub").mkdir(parents=True)
    (here / "d" / "sub" / "b.txt").write_text(SHORT, encoding="utf-8")
    (here / "d" / "b.txt").write_text("用户自己的重要文件，不要覆盖。\n", encoding="utf-8")
    before = snapshot(here)
    result = run(capsys, "clean", argument, "--out", "d")
    assert result.code == 2
    assert "--out d holds the input folder d/sub" in result.err
    assert snapshot(here) == before


def test_out_inside_the_input_folder_still_works(here: Path, capsys) -> None:
    (here / "d").mkdir()
    (here / "d" / "b.txt").write_text(SHORT, encoding="utf-8")
    for _ in range(2):  # and again into the same place: its own output is no stranger
        result = run(capsys, "clean", "d", "--out", "d/cleaned")
        assert result.code == 0, result.err
        assert (here / "d" / "cleaned" / "b.txt").read_text(encoding="utf-8").startswith("近年来，")
        assert (here / "d" / "b.txt").read_text(encoding="utf-8") == SHORT
    assert not (here / "d" / "cleaned" / "cleaned").exists()
    assert (here / "d" / "cleaned" / ".seedclean-out").is_file()  # what tells it its own


def test_out_inside_the_input_folder_holding_same_named_files_is_refused(
    here: Path, capsys
) -> None:
    """``clean d --out d/backup`` with ``d/backup`` an older copy of ``d``'s files
    replaced them all (no file there was a stranger: each had an input's name)."""
    (here / "d" / "backup").mkdir(parents=True)
    (here / "d" / "x.txt").write_text(SHORT, encoding="utf-8")
    (here / "d" / "backup" / "x.txt").write_text("旧稿，不能丢。\n", encoding="utf-8")
    before = snapshot(here / "d")
    result = run(capsys, "clean", "d", "--out", "d/backup")
    assert result.code == 2
    assert "holds d/backup/x.txt, which seedclean did not write" in result.err
    assert snapshot(here / "d") == before


def test_out_inside_the_input_folder_holding_the_users_files_is_refused(here: Path, capsys) -> None:
    """``clean d --out d/sub`` replaced d/sub/x.txt and silently skipped d/sub/y.txt (exit 0)."""
    (here / "d" / "sub").mkdir(parents=True)
    (here / "d" / "x.txt").write_text(SHORT, encoding="utf-8")
    own = {"x.txt": "子目录里的原稿，不能丢。\n", "y.txt": "子目录里另一篇，没有被清洗。\n"}
    for name, text in own.items():
        (here / "d" / "sub" / name).write_text(text, encoding="utf-8")
    before = snapshot(here / "d")
    result = run(capsys, "clean", "d", "--out", "d/sub")
    assert result.code == 2
    assert "--out d/sub is inside the input folder d and holds d/sub/" in result.err
    assert "d/sub/y.txt" in result.err
    assert "nothing written" in result.err
    assert snapshot(here / "d") == before


def test_out_naming_an_existing_file_is_a_usage_error(here: Path, capsys) -> None:
    (here / "c").mkdir()
    (here / "c" / "p.txt").write_text(SHORT, encoding="utf-8")
    (here / "a.txt").write_text("keep\n", encoding="utf-8")
    result = run(capsys, "clean", "c", "--out", "a.txt")
    assert result.code == 2
    assert "--out a.txt: exists and is not a folder" in result.err
    assert (here / "a.txt").read_text(encoding="utf-8") == "keep\n"


@pytest.mark.parametrize("option", ["--report", "--html-report"])
def test_a_report_naming_an_out_copy_is_refused(here: Path, capsys, option: str) -> None:
    """The report replaced the cleaned copy it was written over (exit 0)."""
    (here / "in").mkdir()
    (here / "in" / "a.txt").write_text(SHORT, encoding="utf-8")
    result = run(capsys, "clean", "in", "--out", "o", option, "o/a.txt")
    assert result.code == 2
    assert "o/a.txt: the report file is the --out copy of in/a.txt" in result.err
    assert not (here / "o").exists()


def test_two_reports_naming_one_file_are_refused(here: Path, capsys) -> None:
    (here / "p.txt").write_text(SHORT, encoding="utf-8")
    result = run(capsys, "check", "p.txt", "--report", "r.out", "--html-report", "r.out")
    assert result.code == 2
    assert "r.out: --report and --html-report name the same file" in result.err
    assert not (here / "r.out").exists()


def test_out_does_not_copy_symlink_targets_outside_the_tree(here: Path, capsys) -> None:
    (here / "secret.txt").write_text("password = hunter2\n", encoding="utf-8")
    (here / "c").mkdir()
    (here / "c" / "p.txt").write_text(SHORT, encoding="utf-8")
    (here / "c" / "pw.txt").symlink_to(here / "secret.txt")
    result = run(capsys, "clean", "c", "--out", "o")
    assert result.code == 2
    assert "c/pw.txt: symlink to " in result.err
    assert "not copied into --out" in result.err
    assert not (here / "o").exists()


def test_out_still_copies_symlinks_inside_the_tree(here: Path, capsys) -> None:
    (here / "c").mkdir()
    (here / "c" / "p.txt").write_text(SHORT, encoding="utf-8")
    (here / "c" / "q.txt").symlink_to("p.txt")
    assert run(capsys, "clean", "c", "--out", "o").code == 0
    assert (here / "o" / "q.txt").read_text(encoding="utf-8") == (here / "o" / "p.txt").read_text(
        encoding="utf-8"
    )
    assert run(capsys, "clean", "c", "--out", "o").code == 0  # a second run into the same place


# 5: file names that are not UTF-8

LATIN1 = os.fsdecode(b"caf\xe9.txt")


@pytest.fixture
def odd_names(here: Path) -> Path:
    (here / "c").mkdir()
    (here / "c" / LATIN1).write_text(SHORT + "\n" + SHORT, encoding="utf-8")
    (here / "c" / "b.txt").write_text(SHORT, encoding="utf-8")
    return here


@pytest.mark.parametrize("option", ["--report", "--html-report"])
def test_reports_escape_names_that_are_not_utf8(odd_names: Path, capsys, option: str) -> None:
    result = run(capsys, "check", "c", option, "r.out")
    assert result.code == 1, result.err
    assert "c/caf\\xe9.txt:1:4: punct-comma" in result.out
    written = (odd_names / "r.out").read_text(encoding="utf-8")
    if option == "--report":
        paths = [f["path"] for f in json.loads(written)["files"]]
        assert paths == ["c/b.txt", "c/caf\\xe9.txt"]
    else:
        assert "caf\\xe9.txt" in written


def test_update_index_names_a_file_it_cannot_index(odd_names: Path, capsys) -> None:
    result = run(capsys, "dedup", "c", "--update-index", "--index", "idx")
    assert result.code == 2
    assert "c/caf\\xe9.txt: error: file name is not valid UTF-8" in result.err
    assert "1 added" in result.err
    assert "internal error" not in result.err


def test_dedup_remove_with_html_report_and_odd_names(odd_names: Path, capsys) -> None:
    result = run(capsys, "dedup", "c", "--remove", "--html-report", "d.html")
    assert result.code == 1, result.err
    assert "caf\\xe9.txt" in (odd_names / "d.html").read_text(encoding="utf-8")
    assert (odd_names / "c" / "b.txt").read_text(encoding="utf-8") == SHORT


# 10: settings edge cases and --jobs


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[tool.seedclean]\nmin-chars = 0\n", "bad value for 'min-chars'"),
        (b"[tool.seedclean]\nmax-file-size = 99999999999999999999\n", "at most 1TiB"),
        (b"[tool.seedclean]\nmax-file-size = '99999999999GiB'\n", "at most 1TiB"),
        (b"\x7fELF\x02\x01\x01\x00\xff\xfe\x00\x00binary", "not UTF-8 text"),
        (b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    ],
)
def test_bad_settings_files_get_a_clear_message(
    here: Path, capsys, content: bytes, message: str
) -> None:
    (here / "p.txt").write_text(SHORT, encoding="utf-8")
    (here / "bad.toml").write_bytes(content)
    result = run(capsys, "check", "p.txt", "--config", "bad.toml")
    assert result.code == 2
    assert message in result.err
    assert "internal error" not in result.err


def test_jobs_is_capped_at_the_cores(here: Path, capsys, monkeypatch) -> None:
    import concurrent.futures
    from concurrent.futures import ProcessPoolExecutor
    from typing import Any

    started: list[int] = []

    def recording(max_workers: int, **kwargs: Any) -> ProcessPoolExecutor:
        started.append(max_workers)
        return ProcessPoolExecutor(max_workers=max_workers, **kwargs)

    # the runner imports the pool class when it first needs one (start-up cost)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    for i in range(6):
        (here / f"p{i}.txt").write_text(SHORT, encoding="utf-8")
    assert run(capsys, "check", ".", "--jobs", "100000").code == 1
    assert started == [2]


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (("dedup", "--remove"), "--html-report"),
        (("check",), "--html-report"),
        (("clean", "--in-place"), "--report"),
    ],
)
def test_a_report_naming_a_folder_is_refused_before_anything_is_written(
    here: Path, capsys, command: tuple[str, ...], option: str
) -> None:
    # found by trying: dedup --remove rewrote the files, then stopped with an internal error
    (here / "p.txt").write_text(SHORT + "\n" + SHORT, encoding="utf-8")
    (here / "folder").mkdir()
    before = snapshot(here)
    result = run(capsys, *command, "p.txt", option, "folder")
    assert result.code == 2
    assert "folder: the report file is a folder; name a file in it" in result.err
    assert "internal error" not in result.err
    assert snapshot(here) == before
    assert sorted(p.name for p in here.iterdir()) == ["folder", "p.txt", "pyproject.toml"]


def test_a_report_in_a_folder_that_cannot_be_searched_is_refused(
    here: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user without search permission on the folder, stat() raised PermissionError."""
    (here / "p.txt").write_text(SHORT + "\n" + SHORT, encoding="utf-8")
    before = snapshot(here)
    real_stat = Path.stat

    def stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self.name == "x.html":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", stat)
    result = run(capsys, "dedup", "p.txt", "--remove", "--html-report", "locked/x.html")
    assert result.code == 2
    assert "internal error" not in result.err
    assert "cannot write the report: permission denied" in result.err
    assert snapshot(here) == before
