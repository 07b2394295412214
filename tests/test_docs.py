"""Docs that run: every ``>>>`` example in docs/*.md is executed, and every rule is documented."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from seedclean.rules import all_rules

DOCS = Path(__file__).resolve().parents[1] / "docs"
DOC_FILES = sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("path", DOC_FILES, ids=[p.name for p in DOC_FILES])
def test_doc_examples_run(path: Path) -> None:
    result = doctest.testfile(
        str(path),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.failed == 0, f"{result.failed} example(s) failed in {path.name}"


def test_every_rule_is_documented() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in DOC_FILES)
    missing = [r.id for r in all_rules() if f"`{r.id}`" not in text]
    assert not missing, f"rules without docs: {missing}"


#: The page that explains the rules of each step (its rule table and examples).
STEP_PAGES = {
    "normalize": "normalization.md",
    "linebreaks": "line-breaks.md",
    "dedup": "dedup.md",
    "clean": "design.md",
}


def test_every_rule_is_documented_on_its_steps_page() -> None:
    missing = [
        r.id
        for r in all_rules()
        if f"`{r.id}`" not in (DOCS / STEP_PAGES[r.step]).read_text(encoding="utf-8")
    ]
    assert not missing, f"rules missing from their step's page: {missing}"


def test_rule_ids_are_unique_kebab_case() -> None:
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids))
    kebab = __import__("re").compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
    for rule_id in ids:
        assert kebab.fullmatch(rule_id), rule_id
