"""Type stub of the compiled sketch loop (``_sketchc.pyx``; only in the compiled build)."""

import numpy as np
import numpy.typing as npt

def signatures(
    codes: npt.NDArray[np.uint32],
    lengths: npt.NDArray[np.int64],
    ngram: int,
    slots: int,
    seed: int,
    probes: npt.NDArray[np.int64],
) -> npt.NDArray[np.uint32]: ...
