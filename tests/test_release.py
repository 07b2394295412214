"""The release story is true: one version everywhere, a changelog entry, pre-commit snippets."""

from __future__ import annotations

import re
import tomllib

import seedclean

from .conftest import ROOT


def _version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def test_one_version_everywhere() -> None:
    assert seedclean.__version__ == _version()


def test_the_changelog_describes_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## \[([^\]]+)\]", changelog, re.MULTILINE)
    assert sections[0] == "Unreleased"  # where changes land before the next tag
    assert sections[1] == _version()  # the newest release is the current version


def test_pre_commit_snippets_name_this_release() -> None:
    tag = f"v{_version()}"
    for name in ("README.md", "docs/pre-commit.md", ".pre-commit-hooks.yaml"):
        revs = re.findall(r"rev: (\S+)", (ROOT / name).read_text(encoding="utf-8"))
        assert revs, name
        assert set(revs) == {tag}, name
