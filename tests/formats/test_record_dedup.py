"""Duplicate records in JSON Lines, CSV and TSV files: ``dedup --remove``, the index, Dask.

A data engineer removing duplicates from a JSON Lines corpus expects the later
*record* to go, whole, and the first to stay, with the file still valid JSON
Lines (docs/formats.md, "Duplicate records").  The prose is real news text from
../shared/evaldata, read at run time.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run

pytestmark = pytest.mark.evaldata


def _records(articles: list[dict[str, Any]], picks: list[int]) -> list[dict[str, Any]]:
    """One record per pick: the first paragraph of that article, with other fields."""
    return [
        {"id": f"doc-{k}", "source": articles[n]["title"], "text": articles[n]["paragraphs"][0]}
        for k, n in enumerate(picks)
    ]


def _jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_remove_drops_the_later_record_whole_and_keeps_the_file_valid(
    articles: list[dict[str, Any]], capsys
) -> None:
    records = _records(articles, [0, 1, 0, 2, 1, 0])
    Path("part.jsonl").write_text(_jsonl(records), encoding="utf-8")
    report = run(capsys, "dedup", "part.jsonl", "-q")
    assert report.out.splitlines() == [
        "part.jsonl:3: exact duplicate of part.jsonl:1 (1.00)",
        "part.jsonl:6: exact duplicate of part.jsonl:1 (1.00)",
        "part.jsonl:5: exact duplicate of part.jsonl:2 (1.00)",
    ]
    done = run(capsys, "dedup", "--remove", "part.jsonl", "--html-report", "review.html")
    assert done.code == 1, done.err
    assert "removed 3 duplicate record(s) from part.jsonl" in done.err
    text = Path("part.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line) for line in text.splitlines()] == [records[i] for i in (0, 1, 3)]
    assert text == _jsonl([records[i] for i in (0, 1, 3)])  # byte for byte, one per line
    page = "".join(p.read_text("utf-8") for p in Path("review_files").glob("*.html"))
    assert "record at line 3 (id doc-2): same as line 1" in page
    assert "record at line 5 (id doc-4): same as line 2" in page
    again = run(capsys, "dedup", "--remove", "part.jsonl")
    assert again.code == 0
    assert Path("part.jsonl").read_text(encoding="utf-8") == text


def test_remove_across_files_keeps_the_first_given(articles: list[dict[str, Any]], capsys) -> None:
    first = _records(articles, [3, 4])
    second = _records(articles, [5, 4, 6])
    second[1]["id"] = "other-id"
    Path("a.jsonl").write_text(_jsonl(first), encoding="utf-8")
    Path("b.jsonl").write_text(_jsonl(second), encoding="utf-8")
    done = run(capsys, "dedup", "--remove", "--order", "paths", "a.jsonl", "b.jsonl", "-q")
    assert done.code == 1, done.err
    assert Path("a.jsonl").read_text(encoding="utf-8") == _jsonl(first)
    assert Path("b.jsonl").read_text(encoding="utf-8") == _jsonl([second[0], second[2]])


def test_remove_csv_row_with_quoted_line_breaks(articles: list[dict[str, Any]], capsys) -> None:
    paragraphs = articles[7]["paragraphs"]
    # a cell holding a line break; long prose (a short unpunctuated cell is headline-like,
    # and a repeated headline is held, not removed: tests/dedup/test_headlines.py)
    long_text = f"{paragraphs[0]}\n{max(paragraphs, key=len)}"
    rows = [("1", long_text, "a"), ("2", paragraphs[2], "b"), ("3", long_text, "c,d")]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("id", "text", "tag"))
    writer.writerows(rows)
    Path("t.csv").write_text(buffer.getvalue(), encoding="utf-8")
    done = run(capsys, "dedup", "--remove", "t.csv")
    assert done.code == 1, done.err
    left = list(csv.reader(io.StringIO(Path("t.csv").read_text(encoding="utf-8"))))
    assert left == [["id", "text", "tag"], list(rows[0]), list(rows[1])]
    prose = max(paragraphs, key=len)
    Path("t.tsv").write_text(f"id\ttext\n1\t{prose}\n2\t{prose}\n", encoding="utf-8")
    assert run(capsys, "dedup", "--remove", "t.tsv", "-q").code == 1
    assert Path("t.tsv").read_text(encoding="utf-8") == f"id\ttext\n1\t{prose}\n"


def test_json_document_is_reported_but_not_rewritten(
    articles: list[dict[str, Any]], capsys
) -> None:
    data = json.dumps(_records(articles, [0, 0]), ensure_ascii=False, indent=1) + "\n"
    Path("a.json").write_text(data, encoding="utf-8")
    assert run(capsys, "dedup", "a.json", "-q").code == 1
    done = run(capsys, "dedup", "--remove", "a.json")
    assert "a.json: skipped: json records are not rewritten by --remove" in done.err
    assert "convert to JSON Lines" in done.err
    assert Path("a.json").read_text(encoding="utf-8") == data


def test_records_in_the_index_are_found_by_record_line(
    articles: list[dict[str, Any]], capsys
) -> None:
    corpus = _records(articles, [10, 11, 12])
    Path("corpus.jsonl").write_text(_jsonl(corpus), encoding="utf-8")
    built = run(capsys, "dedup", "--update-index", "corpus.jsonl")
    assert built.code == 0, built.err
    assert "1 added" in built.err
    assert run(capsys, "index", "verify").code == 0
    new = _records(articles, [13, 12])
    Path("new.jsonl").write_text(_jsonl(new), encoding="utf-8")
    found = run(capsys, "dedup", "new.jsonl", "--index", "-q")
    assert found.code == 1, found.err
    assert found.out.splitlines() == ["new.jsonl:2: exact duplicate of corpus.jsonl:3 (1.00)"]
    removed = run(capsys, "dedup", "--remove", "new.jsonl", "--update-index", "-q")
    assert removed.code == 1, removed.err
    assert Path("new.jsonl").read_text(encoding="utf-8") == _jsonl(new[:1])
    assert Path("corpus.jsonl").read_text(encoding="utf-8") == _jsonl(corpus)
    assert run(capsys, "index", "verify").code == 0


@pytest.mark.slow
def test_dask_engine_names_the_local_engine_for_records(
    articles: list[dict[str, Any]], capsys
) -> None:
    pytest.importorskip("distributed")
    Path("part.jsonl").write_text(_jsonl(_records(articles, [0, 0])), encoding="utf-8")
    Path("a.txt").write_text(articles[1]["paragraphs"][0] + "\n", encoding="utf-8")
    done = run(capsys, "dedup", "--engine", "dask", "part.jsonl", "a.txt")
    assert "part.jsonl: skipped: jsonl records are compared only with --engine local" in done.err
