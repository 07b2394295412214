"""Every step takes time near-linear in its input, on every pathological shape.

Not a speed target (those live in ``bench/``): each step runs on 1x and 4x of a
shape (``bench/shapes.py``), and the CPU time may grow by at most :data:`GROWTH`
(linear growth is 4, quadratic 16).  The 4x input is small (24 KB), so a
quadratic step is caught by a wide margin: before the fixes, 24 KB of ``-``
took seconds where 6 KB took a fraction of one.  Runs whose 4x time is below
:data:`FLOOR` are too short to tell anything on a busy machine and count as
linear (a quadratic step takes far longer than that at 4x).
"""

from __future__ import annotations

import gc
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from seedclean.dedup import remove_duplicates
from seedclean.linebreaks import repair_breaks
from seedclean.normalization import normalize
from seedclean.pipeline import clean

GROWTH = 8.0
FLOOR = 0.15
SIZE = 6_000


def _shapes() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "shapes.py"
    spec = importlib.util.spec_from_file_location("bench_shapes_module", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SHAPES: dict[str, Callable[[int], str]] = _shapes().SHAPES
STEPS: dict[str, Callable[[str], str]] = {
    "normalize": normalize,
    "linebreaks": repair_breaks,
    "dedup": remove_duplicates,
    "clean": clean,
}


def _cpu(func: Callable[[str], str], text: str) -> float:
    best = float("inf")
    gc.disable()  # a collection landing in one run is noise
    try:
        for _ in range(3):
            start = time.process_time()
            func(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_step_is_near_linear(shape: str) -> None:
    make = SHAPES[shape]
    small, large = make(SIZE), make(4 * SIZE)
    clean("预热。\n")  # compile the patterns first
    slow = []
    for name, step in STEPS.items():
        a, b = _cpu(step, small), _cpu(step, large)
        if b > FLOOR and b > GROWTH * max(a, FLOOR / GROWTH):
            slow.append(f"{name}: {a * 1e3:.0f} ms -> {b * 1e3:.0f} ms for 4x the input")
    assert not slow, f"{shape}: " + "; ".join(slow)
