"""Hatch build hook: the compiled page-sketch loop of the optional compiled build (Cython).

With ``HATCH_BUILD_HOOK_ENABLE_MYPYC=1`` (the compiled build, docs/performance.md),
building a wheel also compiles ``src/seedclean/dedup/_sketchc.pyx``, the loop behind
``seedclean.dedup.sketch.signatures``, into the wheel.  Everything is written in a
temporary folder (never beside the sources).  Without that variable, and for
editable installs, the hook does nothing and the sketch runs its numpy version.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SETUP = """\
from setuptools import Extension, setup
from Cython.Build import cythonize

setup(
    name="seedclean-sketch-loop",
    ext_modules=cythonize(
        [Extension("seedclean.dedup._sketchc", [{pyx!r}], extra_compile_args=["-O3"])],
        build_dir={build!r},
        quiet=True,
    ),
)
"""


def _wanted() -> bool:
    return os.environ.get("HATCH_BUILD_HOOK_ENABLE_MYPYC", "").lower() in ("1", "true")


class SketchLoopHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles the sketch loop when the compiled build is asked for."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return ["cython>=3.0", "setuptools>=69"] if _wanted() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._temp: str | None = None
        if self.target_name != "wheel" or version == "editable" or not _wanted():
            return
        self._temp = tempfile.mkdtemp(prefix="seedclean-cython-")
        temp = Path(self._temp)
        pyx = Path(self.root) / "src" / "seedclean" / "dedup" / "_sketchc.pyx"
        setup = temp / "setup.py"
        setup.write_text(_SETUP.format(pyx=str(pyx), build=str(temp / "c")), encoding="utf-8")
        lib = temp / "lib"
        command = [sys.executable, str(setup), "build_ext", "--build-lib", str(lib)]
        done = subprocess.run(
            [*command, "--build-temp", str(temp / "tmp")],
            cwd=temp,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"building the sketch loop failed:\n{done.stdout.decode()}")
        built = sorted((lib / "seedclean" / "dedup").glob("_sketchc.*"))
        if not built:
            raise RuntimeError("building the sketch loop produced no extension module")
        for path in built:
            build_data["force_include"][str(path)] = f"seedclean/dedup/{path.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_temp", None):
            shutil.rmtree(str(self._temp), ignore_errors=True)
