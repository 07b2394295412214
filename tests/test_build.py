"""The build a user runs is reported truthfully (pure Python or compiled with mypyc)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import seedclean
from seedclean._build import build_name, is_compiled
from seedclean.cli import main


def test_is_compiled_matches_the_loaded_module() -> None:
    pipeline = importlib.import_module("seedclean.pipeline")
    assert pipeline.__file__ is not None
    assert is_compiled() == (not pipeline.__file__.endswith(".py"))
    assert build_name() == ("compiled with mypyc" if is_compiled() else "pure Python")


def test_version_names_the_build(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("seedclean ")
    assert f"({build_name()})" in out


def test_no_stale_compiled_modules_beside_the_sources() -> None:
    """A compiled build run inside the checkout leaves .so files that shadow the .py sources.

    Python imports an extension module before a source file of the same name, so
    edits to the sources would silently not run; remove them with
    ``git clean -fdX src`` and build the compiled wheel from a copy of the tree.
    """
    package = Path(seedclean.__file__).parent
    if not (package.parent.name == "src" and (package.parent.parent / "pyproject.toml").exists()):
        pytest.skip("seedclean is installed, not imported from a source checkout")
    stale = sorted(str(p.relative_to(package)) for p in package.rglob("*.so"))
    assert not stale, f"compiled modules beside the sources (git clean -fdX src): {stale}"
