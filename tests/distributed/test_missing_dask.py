"""Without the dask extra: import stays cheap and the engine names the install command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seedclean.distributed import DaskMissingError, clean_files, find_duplicates
from seedclean.distributed.engine import require_dask


@pytest.fixture
def no_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # ``import`` now raises ImportError


@pytest.mark.usefixtures("no_dask")
def test_clear_error_names_the_extra(tmp_path: Path):
    for call in (
        require_dask,
        lambda: find_duplicates([("a.txt", "甲")]),
        lambda: clean_files([tmp_path], out_dir=tmp_path / "out"),
    ):
        with pytest.raises(DaskMissingError, match=r'pip install "seedclean\[dask\]"') as info:
            call()
        assert isinstance(info.value, ImportError)


def test_importing_seedclean_does_not_import_dask():
    code = (
        "import sys, seedclean, seedclean.distributed, seedclean.dedup\n"
        "from seedclean.distributed import DaskMissingError\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
