"""The compiled sketch loop (``dedup/_sketchc.pyx``) gives the numpy version's bits (issue #13).

Only the optional compiled build has the loop (CI builds and tests it, see
``.ci/run``); in a pure-Python install these tests skip and
``signatures`` is the numpy version itself.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.key import line_keys
from seedclean.dedup.sketch import compiled_loop, numpy_signatures, signatures

pytestmark = pytest.mark.skipif(
    compiled_loop() is None, reason="pure-Python build: no compiled sketch loop"
)

_CHARS = "今年以来甘肃省张掖市检察院甲乙丙丁abc123\U00020000\U0001f600"
_KEYS = st.lists(st.text(alphabet=_CHARS, max_size=30) | st.text(max_size=12), max_size=30)


@settings(max_examples=200, deadline=None)
@given(
    _KEYS,
    st.integers(1, 6),
    st.sampled_from([2, 4, 16, 64, 128, 256]),
    st.sampled_from([0, 1, 0x5EED, 2**40 + 3]),  # _probes caches one table each
)
def test_compiled_loop_gives_the_numpy_bits(keys, ngram, slots, seed):
    fast = signatures(keys, ngram, slots, seed)
    assert fast.dtype == np.uint32
    assert np.array_equal(fast, numpy_signatures(keys, ngram, slots, seed))


def test_compiled_loop_on_seed_paragraphs(seeds):
    config = DedupConfig()
    keys = [k for text in seeds.values() for k in line_keys(text) if k]
    fast = signatures(keys, config.ngram, config.slots, config.seed)
    assert fast.shape == (len(keys), config.slots)
    assert np.array_equal(fast, numpy_signatures(keys, config.ngram, config.slots, config.seed))
