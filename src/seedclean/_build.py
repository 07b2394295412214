"""Which build of seedclean is running: pure Python, or the optional mypyc-compiled one.

The compiled build (``HATCH_BUILD_HOOK_ENABLE_MYPYC=1``, see docs/performance.md)
compiles the modules of the ``clean`` path to C extensions with the same
behaviour; ``seedclean --version`` says which one is installed.

>>> build_name() in ("pure Python", "compiled with mypyc")
True
"""

from __future__ import annotations

from importlib.util import find_spec

__all__ = ["build_name", "is_compiled"]

_EXTENSION_SUFFIXES = (".so", ".pyd")


def is_compiled() -> bool:
    """Whether the modules of the ``clean`` path are compiled extension modules.

    Looks the module up without importing it, so asking stays cheap.
    """
    spec = find_spec("seedclean.pipeline")
    origin = spec.origin if spec is not None else None
    return origin is not None and origin.endswith(_EXTENSION_SUFFIXES)


def build_name() -> str:
    """``"compiled with mypyc"`` or ``"pure Python"``."""
    return "compiled with mypyc" if is_compiled() else "pure Python"
