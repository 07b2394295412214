"""``seedclean clean`` and ``check`` on real pages: outputs, exit codes, file safety."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from seedclean.config import CleanConfig
from seedclean.pipeline import clean

from .helpers import copy_seeds, run, seed_text, snapshot


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return copy_seeds(tmp_path / "seeds")


def test_quick_start_cleans_seeds_into_mirror(corpus: Path, capsys) -> None:
    before = snapshot(corpus)
    result = run(capsys, "clean", "seeds", "--out", "cleaned", "--jobs", "1")
    assert result.code == 0
    assert snapshot(corpus) == before  # originals untouched
    cleaned = Path("cleaned")
    assert sorted(p.name for p in cleaned.iterdir()) == sorted(before)
    for name, data in before.items():
        assert (cleaned / name).read_text(encoding="utf-8") == clean(data.decode())
    assert "seedclean: 5 files: 5 changed, 0 unchanged, 0 skipped" in result.err
    assert "edits:" in result.err
    assert result.out == ""  # stdout is for data only


def test_in_place_then_check_is_clean(corpus: Path, capsys) -> None:
    target = corpus / next(iter(snapshot(corpus)))
    target.chmod(0o640)
    assert run(capsys, "check", "seeds").code == 1
    assert run(capsys, "clean", "--in-place", "seeds").code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # mode kept
    after = run(capsys, "check", "seeds")
    assert after.code == 0, after.out
    assert all("(notice, left unchanged)" in line for line in after.out.splitlines())
    assert not list(corpus.glob(".*seedclean-tmp"))


def test_clean_without_destination_is_a_usage_error(corpus: Path, capsys) -> None:
    result = run(capsys, "clean", "seeds")
    assert result.code == 2
    assert "--out DIR, --in-place" in result.err


def test_check_lines_point_at_the_original_text(corpus: Path, capsys) -> None:
    result = run(capsys, "check", "seeds")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines
    originals = {f"seeds/{k}": v.decode() for k, v in snapshot(corpus).items()}
    for line in lines:
        path, line_no, col, rest = line.split(":", 3)
        _rule, detail = rest.strip().split(" ", 1)
        if "(notice" in detail:
            continue
        old = json.loads(detail.split(" → ")[0])
        text_line = originals[path].split("\n")[int(line_no) - 1]
        if "\n" not in old and "…" not in old:
            assert text_line[int(col) - 1 :].startswith(old), line


def test_check_statistics_and_json(corpus: Path, capsys) -> None:
    stats = run(capsys, "check", "seeds", "--statistics")
    assert stats.code == 1
    counts = {line.split()[1]: int(line.split()[0]) for line in stats.out.splitlines()}
    as_json = run(capsys, "check", "seeds", "--format", "json")
    doc = json.loads(as_json.out)
    assert doc["summary"]["edits_per_rule"] == counts
    assert {f["path"] for f in doc["files"]} == {f"seeds/{n}" for n in snapshot(corpus)}
    for record in doc["files"]:
        assert all({"rule", "line", "col", "old", "new"} <= set(e) for e in record["edits"])


def test_exit_zero(corpus: Path, capsys) -> None:
    assert run(capsys, "check", "seeds", "--exit-zero", "-q").code == 0


def test_diff_is_unified_and_writes_nothing(corpus: Path, capsys) -> None:
    before = snapshot(corpus)
    result = run(capsys, "clean", "--diff", "seeds")
    assert result.code == 1
    assert result.out.startswith("--- seeds/")
    assert "+++ seeds/" in result.out
    assert snapshot(corpus) == before


def test_stdin_to_stdout(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    text = seed_text("001")
    fake = io.TextIOWrapper(io.BytesIO(text.encode("gbk")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    result = run(capsys, "clean", "-")
    assert result.code == 0
    assert result.out == clean(text)


def test_unknown_rule_is_named(corpus: Path, capsys) -> None:
    result = run(capsys, "check", "seeds", "--ignore", "punct-coma")
    assert result.code == 2
    assert "punct-coma" in result.err


def test_select_and_ignore_filter_edits(corpus: Path, capsys) -> None:
    only = run(capsys, "check", "seeds", "--select", "punct-comma", "--statistics")
    assert [line.split()[1] for line in only.out.splitlines()] == ["punct-comma"]
    without = run(capsys, "check", "seeds", "--ignore", "normalize", "--statistics")
    assert "punct-comma" not in without.out
    assert without.out


def test_missing_path_is_an_input_error(corpus: Path, capsys) -> None:
    result = run(capsys, "check", "seeds", "nope.txt")
    assert result.code == 2
    assert "nope.txt: error: no such file or directory" in result.err


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_jobs_output_is_identical(corpus: Path, capsys, jobs: str) -> None:
    one = run(capsys, "check", "seeds", "--jobs", "1")
    many = run(capsys, "check", "seeds", "--jobs", jobs)
    assert many == one
    run(capsys, "clean", "seeds", "--out", "one", "-j", "1")
    run(capsys, "clean", "seeds", "--out", "many", "-j", jobs)
    assert snapshot(Path("one")) == snapshot(Path("many"))


def test_out_mirrors_subfolders_and_skips_its_own_output(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus" / "2024" / "05").mkdir(parents=True)
    (tmp_path / "corpus" / "2024" / "05" / "a.txt").write_text(seed_text("004"), "utf-8")
    (tmp_path / "corpus" / "notes.md").write_text("近年来,广东省检察院坚持。\n", "utf-8")
    (tmp_path / "corpus" / "image.png").write_bytes(b"\x89PNG\r\n")
    assert run(capsys, "clean", "corpus", "--out", "corpus/clean").code == 0
    written = sorted(snapshot(tmp_path / "corpus" / "clean"))
    # (.seedclean-out marks a folder inside the inputs as seedclean's own output)
    assert written == [".seedclean-out", "2024/05/a.txt", "notes.md"]
    second = run(capsys, "clean", "corpus", "--out", "corpus/clean")
    assert "2 files" in second.err


def test_include_exclude_from_pyproject(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.seedclean]\ninclude = ["*.text"]\nexclude = ["drafts"]\nignore = ["linebreaks"]\n'
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.text").write_text("甲,乙", "utf-8")
    (tmp_path / "a.text").write_text("近年来,广东省检察院坚持以政治建设为统领。\n", "utf-8")
    (tmp_path / "b.txt").write_text("近年来,广东省检察院坚持以政治建设为统领。\n", "utf-8")
    result = run(capsys, "check", ".", "--statistics")
    assert "1 file:" in result.err
    # the command line wins over the file
    result = run(capsys, "check", ".", "--include", "*.txt,*.text", "--statistics")
    assert "2 files:" in result.err


def test_unknown_config_key_is_named(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.seedclean]\nthreshhold = 0.8\n")
    result = run(capsys, "check", ".")
    assert result.code == 2
    assert "'threshhold'" in result.err
    (tmp_path / "other.toml").write_text("min-chars = -1\n")
    result = run(capsys, "check", ".", "--config", "other.toml")
    assert result.code == 2
    assert "'min-chars'" in result.err


def test_config_file_values_reach_the_library(tmp_path: Path, monkeypatch) -> None:
    from seedclean.settings import load, merge

    (tmp_path / "s.toml").write_text(
        '[tool.seedclean]\nthreshold = 0.8\nmin-chars = 30\nselect = "normalize"\n'
        'max-file-size = "1MiB"\nkeep-encoding = true\nindex = "idx"\n'
    )
    settings = merge(load(str(tmp_path / "s.toml"), tmp_path), {"min_chars": 12})
    config = settings.clean_config()
    assert config.dedup.threshold == 0.8
    assert config.dedup.min_chars == 12  # the command line wins
    assert config.active_rules() == CleanConfig(select=frozenset({"normalize"})).active_rules()
    assert settings.max_file_size == 1024 * 1024
    assert settings.keep_encoding
    assert settings.index_dir() == tmp_path / "idx"


def test_help_texts(capsys) -> None:
    for argv in (["--help"], ["clean", "--help"], ["check", "--help"], ["dedup", "--help"]):
        result = run(capsys, *argv)
        assert result.code == 0
        assert "usage: seedclean" in result.out
    assert "exit codes" in run(capsys, "--help").out


def test_rules_lists_every_rule(capsys) -> None:
    from seedclean.rules import all_rules

    result = run(capsys, "rules", "--format", "json")
    assert [r["id"] for r in json.loads(result.out)] == [r.id for r in all_rules()]


def test_console_script_smoke(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    exe = shutil.which("seedclean", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("console script not installed")
    proc = subprocess.run(
        [exe, "clean", "-"],
        input="近年来,广东省检察院坚持以政治建设为统领。\n".encode(),
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 0
    assert proc.stdout.decode() == "近年来，广东省检察院坚持以政治建设为统领。\n"
