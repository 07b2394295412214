"""Clean and find duplicates on a Dask cluster (the optional ``seedclean[dask]`` extra).

* :func:`clean_files` - files as partitions; each task reads, cleans and
  writes its files with the local path's own file-safety code, so the output
  files are byte-identical.
* :func:`find_duplicates` - map (paragraphs, keys, sketches) -> shuffle on
  band keys -> verify candidate pairs -> cluster on the client; the report is
  identical to :func:`seedclean.dedup.find_duplicates`.

Dask is imported only when one of these runs; without it they raise
:class:`DaskMissingError` naming ``pip install "seedclean[dask]"``.

>>> import seedclean.distributed as sd
>>> sd.INSTALL_HINT
'pip install "seedclean[dask]"'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from seedclean._lazy import lazy_exports
from seedclean.distributed.engine import INSTALL_HINT, DaskMissingError

if TYPE_CHECKING:
    from seedclean.distributed.clean import clean_files, run_files
    from seedclean.distributed.dedup import dedup_on_client, find_duplicates
    from seedclean.distributed.engine import connected

__all__ = [
    "INSTALL_HINT",
    "DaskMissingError",
    "clean_files",
    "connected",
    "dedup_on_client",
    "find_duplicates",
    "run_files",
]

_EXPORTS: dict[str, str] = {
    "clean_files": "seedclean.distributed.clean",
    "run_files": "seedclean.distributed.clean",
    "connected": "seedclean.distributed.engine",
    "dedup_on_client": "seedclean.distributed.dedup",
    "find_duplicates": "seedclean.distributed.dedup",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
