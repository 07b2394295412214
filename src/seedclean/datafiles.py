"""Where a package's data files are, found without importing more than needed.

``importlib.resources`` costs about 17 ms to import (it brings ``tempfile``,
``zipfile``, ``threading``), and ``import opencc`` loads OpenCC's converter
(and ``json``) just to say where its dictionary folder is; ``seedclean check``
on one small file paid both at start-up.  :func:`data_path` asks the import
system for the package's folder (:func:`importlib.util.find_spec`, which does not
run a top-level package it has not imported).  seedclean and OpenCC are always
installed as folders (wheels are unpacked), never run from a zip archive.

>>> data_path("seedclean.linebreaks", "data", "lexicon.txt").name
'lexicon.txt'
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

__all__ = ["data_path"]


def data_path(package: str, *parts: str) -> Path:
    """The path of ``parts`` inside the folder of the installed ``package``.

    Raises:
        FileNotFoundError: if ``package`` is not installed as a folder.
    """
    spec = find_spec(package)
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        raise FileNotFoundError(f"package {package!r} is not installed as a folder")
    return Path(next(iter(locations)), *parts)
