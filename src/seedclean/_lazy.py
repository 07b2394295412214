"""Lazy package exports (PEP 562), so importing a package loads none of its heavy parts.

>>> getattr_, dir_ = lazy_exports("seedclean", {"clean": "seedclean.pipeline"}, ["clean"])
>>> getattr_("clean").__name__
'clean'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str], names: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a module ``__getattr__`` and ``__dir__`` for ``package``.

    ``exports`` maps each exported name to the module that defines it; the
    module is imported on first access and the value cached on the package.
    """

    def module_getattr(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def module_dir() -> list[str]:
        return list(names)

    return module_getattr, module_dir
