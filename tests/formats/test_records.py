"""Record files (JSON Lines, JSON, CSV, TSV): only the named text fields change.

The prose comes from ../shared/evaldata (real news text, read at run time); the
errors are planted by replacing full-width commas with half-width ones, so the
cleaned records must equal the originals exactly while every other byte of
each line stays as it was.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.config import CleanConfig
from seedclean.files import SkipFileError
from seedclean.formats import clean_records, clean_structured, kind_of, record_view, sniff_kind
from seedclean.pipeline import clean
from tests.cli.helpers import run

PLAIN = CleanConfig(ignore=frozenset({"linebreaks", "dedup"}))


def _planted(article: dict[str, Any]) -> dict[str, Any]:
    damaged = dict(article)
    damaged["paragraphs"] = [p.replace("，", ",") for p in article["paragraphs"]]
    damaged["title"] = article["title"]
    return damaged


def _untouched(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in ("paragraphs",)}


@pytest.mark.evaldata
@pytest.mark.parametrize("ascii_escapes", [False, True])
def test_real_articles_jsonl_repaired_and_other_fields_kept(
    articles: list[dict[str, Any]], ascii_escapes: bool
) -> None:
    sample = [a for a in articles[:300] if "，" in "".join(a["paragraphs"])][:120]
    lines = [json.dumps(_planted(a), ensure_ascii=ascii_escapes) for a in sample]
    text = "\n".join(lines) + "\n"
    out = clean_structured(text, "jsonl", ["paragraphs"], PLAIN)
    assert out.records == len(sample)
    result_lines = out.text.split("\n")
    assert len(result_lines) == len(lines) + 1
    for before, after, article in zip(lines, result_lines, sample, strict=False):
        record = json.loads(after)
        # the planted commas are repaired; the rest is what clean makes of the original
        assert record["paragraphs"] == [clean(p, PLAIN) for p in article["paragraphs"]]
        assert _untouched(record) == _untouched(json.loads(before))
        # the bytes before the text field are the same
        head = before.split('"paragraphs"')[0]
        assert after.startswith(head)
        assert after.isascii() == ascii_escapes
    assert all("field 'paragraphs[" in e.note for e in out.edits)
    # every edit's origin points at the character it changed in the file
    commas = [e for e in out.edits if e.rule == "punct-comma"]
    assert len(commas) == sum(p.count("，") for a in sample for p in a["paragraphs"])
    if not ascii_escapes:
        assert all(text[e.origin] == e.old for e in out.edits)


def test_other_fields_with_chinese_prose_never_change() -> None:
    line = '{"id": 1, "source": "来源,不动", "text": "近年来,广东"}\n'
    out = clean_structured(line, "jsonl", ["text"])
    assert out.text == '{"id": 1, "source": "来源,不动", "text": "近年来，广东"}\n'


def test_line_numbers_and_ids_in_notes_and_origins() -> None:
    text = '{"id": "a", "text": "好"}\n\n{"doc_id": 9, "text": "近年来,广东"}\n'
    out = clean_structured(text, "jsonl", ["text"])
    (edit,) = out.edits
    assert edit.note == "record at line 3 (id 9), field 'text'"
    assert text[edit.origin] == ","
    assert text.count("\n", 0, edit.origin) == 2


def test_json_array_document_keeps_layout() -> None:
    text = '[\n  {"id": 1, "text": "近年来,广东", "n": 1.50},\n  {"id": 2, "text": null}\n]\n'
    out = clean_structured(text, "json", ["text"])
    assert out.text == text.replace("近年来,广东", "近年来，广东")
    assert out.records == 2
    assert out.edits[0].note.startswith("record at line 2 (id 1)")


def test_escapes_map_to_the_right_column() -> None:
    text = '{"text": "\\"引\\"\\n近年来,广东\\ud83d\\ude00好,吗"}\n'
    out = clean_structured(text, "jsonl", ["text"], PLAIN)
    assert json.loads(out.text)["text"] == clean(json.loads(text)["text"], PLAIN)
    commas = [e for e in out.edits if e.rule == "punct-comma"]
    assert [text[e.origin] for e in commas] == [",", ","]


def test_csv_quoting_kept_and_added() -> None:
    text = 'id,title,text\r\n1,"标题,不动","甲,乙""引""丙"\r\n2,x,近年来\r\n'
    out = clean_structured(text, "csv", ["text"])
    rows = list(csv.reader(io.StringIO(out.text)))
    assert rows[1] == ["1", "标题,不动", clean('甲,乙"引"丙')]
    assert out.text.startswith('id,title,text\r\n1,"标题,不动",')
    assert out.text.endswith("\r\n2,x,近年来\r\n")


def test_tsv_multiline_quoted_cell() -> None:
    text = 'id\ttext\n1\t"近年来,广东\n第二行"\n'
    out = clean_structured(text, "tsv", ["text"], PLAIN)
    rows = list(csv.reader(io.StringIO(out.text), delimiter="\t"))
    assert rows[1][1] == "近年来，广东\n第二行"


def test_missing_field_names_the_fields_it_has() -> None:
    with pytest.raises(SkipFileError, match="fields: id, source"):
        clean_structured('{"id": 1, "source": "x"}\n', "jsonl", ["text"])
    with pytest.raises(SkipFileError, match="columns: id, body"):
        clean_structured("id,body\n1,x\n", "csv", ["text"])


@pytest.mark.parametrize(
    ("text", "line"),
    [('{"text": "a"}\n{"text": }\n', 2), ('{"text": "a"}\n[1]\n', 2), ('{"text": "a"} x\n', 1)],
)
def test_invalid_jsonl_names_the_line(text: str, line: int) -> None:
    with pytest.raises(SkipFileError, match=f"line {line}: not valid JSON Lines"):
        clean_structured(text, "jsonl", ["text"])


def test_kinds_and_sniffing() -> None:
    assert [kind_of(n) for n in ("a.JSONL", "b.ndjson", "c.json", "d.csv", "e.tsv")] == [
        "jsonl",
        "jsonl",
        "json",
        "csv",
        "tsv",
    ]
    assert kind_of("notes.txt") == kind_of("README") == "text"
    assert kind_of("x.xml") == kind_of("y.parquet") == "other"
    assert sniff_kind('{"a": 1}\n{"a": 2}\n') == "jsonl"
    assert sniff_kind('[{"a": 1}]') == "json"
    assert sniff_kind("近年来,广东") == "text"
    assert sniff_kind('{\n  "text": "近年来,广东"\n}\n') == "json"
    # prose that starts like JSON but does not parse (a reference list, a leading markdown link)
    assert sniff_kind("[1] 张三,李四.论文[J].2020.\n[2] 王五.") == "text"
    assert sniff_kind("[链接](http://x.com)的说明,好") == "text"
    assert sniff_kind("{注}这是说明,好") == "text"


def test_clean_records_stream_is_lazy_and_copies() -> None:
    data: list[dict[str, Any]] = [{"text": "近年来,广东", "n": 1}, {"text": 5}]
    rows = iter(data)
    stream = clean_records(rows)
    first = next(stream)
    assert first.record == {"text": "近年来，广东", "n": 1}
    assert next(stream).results == {}


_VALUES = st.text(alphabet="近年来广东,.;:()\"' \n\\/a1{}[]\u3000", max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": st.integers(), "text": _VALUES, "x": _VALUES})))
def test_jsonl_property_valid_one_record_per_line(records: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if not records:
        return
    out = clean_structured(text, "jsonl", ["text"])
    got = [json.loads(line) for line in out.text.splitlines()]
    assert [r["x"] for r in got] == [r["x"] for r in records]
    assert [r["text"] for r in got] == [clean(r["text"]) for r in records]
    assert clean_structured(out.text, "jsonl", ["text"]).text == out.text  # idempotent


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_VALUES, _VALUES), min_size=1))
def test_csv_property_valid_and_other_column_kept(rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "other"])
    writer.writerows(rows)
    out = clean_structured(buffer.getvalue(), "csv", ["text"])
    got = list(csv.reader(io.StringIO(out.text)))[1:]
    assert [r[1] for r in got] == [o for _, o in rows]
    assert [r[0] for r in got] == [clean(t) for t, _ in rows]


# --- command line ---------------------------------------------------------------


def test_cli_jsonl_in_place_and_yaml_skipped(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.jsonl").write_text('{"source": "xwlb", "text": "甲,乙"}\n', encoding="utf-8")
    yaml = 'title: "标题,说明"\n'
    (tmp_path / "b.yaml").write_text(yaml, encoding="utf-8")
    result = run(capsys, "clean", "--in-place", "a.jsonl", "b.yaml")
    assert result.code == 0, result.err
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == (
        '{"source": "xwlb", "text": "甲，乙"}\n'
    )
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == yaml
    assert "b.yaml: skipped: .yaml files are not prose" in result.err


def test_cli_field_option_and_setting(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("body,text\n甲,乙,丙\n", encoding="utf-8")
    assert run(capsys, "check", "--field", "body", "a.csv").code == 0
    (tmp_path / "a.csv").write_text('body,text\n"甲,乙",丙\n', encoding="utf-8")
    assert run(capsys, "check", "--field", "body", "a.csv").code == 1
    (tmp_path / "pyproject.toml").write_text('[tool.seedclean]\nfield = ["body"]\n')
    result = run(capsys, "check", "a.csv")
    assert result.code == 1
    assert "a.csv:2:3: punct-comma" in result.out


def test_cli_invalid_file_untouched_exit_2(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = '{"text": "甲,乙"}\n{"text": "x",}\n'
    (tmp_path / "a.jsonl").write_text(bad, encoding="utf-8")
    result = run(capsys, "clean", "--in-place", "a.jsonl")
    assert result.code == 2
    assert "a.jsonl: skipped: line 2: not valid JSON Lines" in result.err
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == bad


def test_cli_stdin_sniffed_and_named(tmp_path: Path, capsys, monkeypatch) -> None:
    import sys

    def feed(data: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))

    feed('{"source": "a,b", "text": "甲,乙"}\n')
    assert run(capsys, "clean", "-").out == '{"source": "a,b", "text": "甲，乙"}\n'
    feed("text,source\n甲,乙,b\n")
    result = run(capsys, "clean", "-", "--stdin-filename", "x.csv")
    assert result.out == "text,source\n甲,乙,b\n"
    feed("a: 1\n")
    assert run(capsys, "clean", "-", "--stdin-filename", "x.yaml").code == 2
    feed("[1] 张三,李四.论文[J].2020.\n")  # refused as invalid JSON before: nothing on stdout
    assert run(capsys, "clean", "-").out == "[1] 张三，李四.论文[J].2020.\n"


def test_cli_dedup_compares_records_by_line(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    prose = "近年来，广东省检察院坚持以政治建设为统领，不断探索。"
    other = "营造法治化营商环境，全力支持科创制造强市建设，服务保障措施不断完善。"
    rows = [{"id": 1, "text": prose}, {"id": 2, "text": other}, {"id": 3, "text": prose}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (tmp_path / "a.jsonl").write_text(data, encoding="utf-8")
    (tmp_path / "b.txt").write_text(other + "\n", encoding="utf-8")
    result = run(capsys, "dedup", "a.jsonl", "b.txt")
    assert result.code == 1
    assert result.out.splitlines() == [
        "a.jsonl:3: exact duplicate of a.jsonl:1 (1.00)",
        "b.txt:1: exact duplicate of a.jsonl:2 (1.00)",
    ]
    assert run(capsys, "dedup", "--low-memory", "a.jsonl", "b.txt").out == result.out
    removed = run(capsys, "dedup", "--remove", "a.jsonl", "b.txt")
    assert removed.code == 1, removed.err
    assert "removed 1 duplicate record(s) from a.jsonl" in removed.err
    lines = data.splitlines(keepends=True)
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == lines[0] + lines[1]
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == ""


def test_record_view_keeps_the_line_numbers() -> None:
    text = '[\n  {"text": "甲"},\n  {"x": 1},\n  {"text": "乙\\n丙", "t": "丁"}\n]\n'
    assert record_view(text, "json", ["text", "t"]).split("\n") == [
        "",
        "甲",
        "",
        "乙 丙 丁",
        "",
        "",
    ]
