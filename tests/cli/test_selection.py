"""Rule selection by step name, and silencing notices (issue 12).

A step name selects that step's *default* rules; opt-in rules (``script-t2s``,
``punct-corner-quotes``, ``join-wrap``, ``dedup-fragment``) run only when named
by id or by ``ALL``.  Ignoring a rule silences its notices too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import opencc
import pytest

from seedclean.config import CleanConfig
from seedclean.pipeline import clean_and_explain
from seedclean.rules import all_rules

from .helpers import run

OPT_IN = sorted(r.id for r in all_rules() if not r.default)


@pytest.fixture(scope="module")
def traditional(articles: list[dict[str, Any]]) -> str:
    """A real news article, converted to traditional script."""
    simplified = "\n\n".join(articles[3]["paragraphs"][:4]) + "\n"
    return str(opencc.OpenCC("s2t").convert(simplified))


def test_step_names_select_only_default_rules() -> None:
    config = CleanConfig(select=frozenset({"normalize", "linebreaks", "dedup"}))
    assert set(OPT_IN) >= {"script-t2s", "punct-corner-quotes", "join-wrap", "dedup-fragment"}
    assert not set(OPT_IN) & config.active_rules()
    assert config.active_rules() == CleanConfig().active_rules()
    everything = CleanConfig(select=frozenset({"ALL"})).active_rules()
    assert set(OPT_IN) <= everything


def test_documented_select_leaves_traditional_text_alone(
    tmp_path: Path, traditional: str, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(
        '[tool.seedclean]\nselect = ["normalize", "linebreaks", "dedup"]\n', encoding="utf-8"
    )
    Path("page.txt").write_text(traditional, encoding="utf-8")
    checked = run(capsys, "check", "page.txt")
    assert ": script-t2s " not in checked.out  # no edit of that rule (a notice may name it)
    by_id = run(capsys, "check", "page.txt", "--extend-select", "script-t2s")
    assert ": script-t2s " in by_id.out
    assert by_id.code == 1


def test_ignoring_a_rule_silences_its_notices(articles: list[dict[str, Any]]) -> None:
    paragraph = articles[0]["paragraphs"][0]
    piece = paragraph[: len(paragraph) // 2]  # a real fragment of the following paragraph
    text = f"{piece}\n\n{paragraph}\n"
    assert any(n.rule == "dedup-fragment" for n in clean_and_explain(text).notices)
    quiet = clean_and_explain(text, CleanConfig(ignore=frozenset({"dedup-fragment"})))
    assert not quiet.notices
    assert quiet.text == clean_and_explain(text).text


def test_ignore_on_the_command_line_silences_notices(
    tmp_path: Path, articles: list[dict[str, Any]], capsys
) -> None:
    paragraph = articles[0]["paragraphs"][0]
    page = tmp_path / "page.txt"
    page.write_text(f"{paragraph[: len(paragraph) // 2]}\n\n{paragraph}\n", encoding="utf-8")
    loud = run(capsys, "check", str(page))
    assert "dedup-fragment (notice" in loud.out
    assert "notices: dedup-fragment 1" in loud.err
    quiet = run(capsys, "check", str(page), "--ignore", "dedup-fragment")
    assert "dedup-fragment" not in quiet.out + quiet.err


def test_rules_output_marks_opt_in_rules(capsys) -> None:
    listing = run(capsys, "rules").out.splitlines()
    for line in listing:
        rule, _step, default, *_ = line.split()
        assert default == ("opt-in" if rule in OPT_IN else "on")


def _counted(err: str) -> int:
    line = next(x for x in err.splitlines() if x.startswith("seedclean dedup:"))
    return int(line.split(" files, ")[1].split()[0])


def test_dedup_text_lines_agree_with_the_summary(tmp_path: Path, capsys) -> None:
    from .helpers import copy_seeds

    seeds = copy_seeds(tmp_path / "seeds")
    for extra in ((), ("--ignore", "dedup-near"), ("--extend-select", "dedup-fragment")):
        done = run(capsys, "dedup", str(seeds), *extra)
        counted = [x for x in done.out.splitlines() if "(notice" not in x]
        assert len(counted) == _counted(done.err), extra
    noted = run(capsys, "dedup", str(seeds))
    assert "fragment" in noted.out  # a fragment the seeds hold is noted, not counted
    assert "noted, not counted" in noted.err
    silenced = run(capsys, "dedup", str(seeds), "--ignore", "dedup-fragment")
    assert "fragment" not in silenced.out + silenced.err
    near_off = run(capsys, "dedup", str(seeds), "--ignore", "dedup-near", "--format", "json")
    assert '"kind": "near"' not in near_off.out


def test_dedup_remove_quiet_prints_nothing(tmp_path: Path, capsys) -> None:
    from .helpers import copy_seeds

    seeds = copy_seeds(tmp_path / "seeds")
    done = run(capsys, "dedup", str(seeds), "--remove", "-q", "--format", "json")
    assert done.code == 1
    assert done.err == ""
    again = run(capsys, "dedup", str(seeds), "--remove")
    assert "removed 0 duplicate" not in again.err
    assert "0 duplicate paragraphs" in again.err  # the first run removed them
