"""The public surface: cheap import, explicit exports, typed package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import seedclean

HEAVY = ("numpy", "opencc", "rapidfuzz", "regex", "seedclean.normalization.script", "dask")


def test_import_is_cheap_and_side_effect_free() -> None:
    code = f"import sys, seedclean; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_export_resolves() -> None:
    for name in seedclean.__all__:
        assert getattr(seedclean, name) is not None, name


def test_package_is_typed() -> None:
    assert (Path(seedclean.__file__).parent / "py.typed").exists()
