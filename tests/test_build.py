"""The build a user runs is reported truthfully (pure Python or compiled with mypyc)."""

from __future__ import annotations

import importlib

import pytest

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
