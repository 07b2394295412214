"""The fast kernels agree with their plain definitions (keys, densification, banding)."""

from __future__ import annotations

import unicodedata

import numpy as np
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from seedclean.dedup.candidates import candidate_pairs
from seedclean.dedup.index import fence
from seedclean.dedup.key import _script_table, line_keys, paragraph_key, table_keys
from seedclean.dedup.sketch import EMPTY, _probes, shingle_hashes, signatures

_DROP = regex.compile(r"[\p{P}\p{S}\p{Z}\p{C}\s]+")


def _reference_key(text: str) -> str:
    """The key as defined: NFKC, casefold, drop punctuation/symbols/spaces, fold script."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _DROP.sub("", folded).translate(_script_table())


# Chinese prose characters plus the troublemakers: full-width forms, ellipsis (NFKC
# expands it), combining marks and Hangul jamo (NFKC composes them), ß (casefold
# expands it), traditional characters, astral emoji and ideographs, lone surrogates.
_TRICKY = (
    "今年以来甘肃省張掖市檢察院，。、；：？！…—“”（）【】ＡＢＣａｂｃ１２３①㈠℃"
    "e\u0301\u0300a\u0308\u1100\u1161\u11a8가ßẞİſ\u3000 \t\r\x0b\x85\u2028"
    "\U0001f600\U00020000\U0002f800\ud800"
)
_TEXT = st.text(alphabet=st.sampled_from(_TRICKY + "\n"), max_size=40) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_line_keys_match_the_definition(text):
    assert line_keys(text) == [_reference_key(line) for line in text.split("\n")]
    assert table_keys(text) == [_reference_key(line) for line in text.split("\n")]
    assert paragraph_key(text) == _reference_key(text)


def test_only_the_lines_that_need_nfkc_are_normalized_and_keys_stay_the_same():
    # ℃ and Ⅱ expand under NFKC and e + U+0301 composes: those lines are keyed one by
    # one, the other lines from the table; together they equal the definition.
    lines = ["气温达到38℃，创新高。", "今年以来，ＡＢＣ张掖市", "", "第Ⅱ期 cafe\u0301"]
    lines += ["ß\u3000ẞ", "e\u0301"]
    text = "\n".join(lines * 3)
    assert table_keys(text) == [_reference_key(line) for line in text.split("\n")]


def test_line_keys_on_seed_pages(seeds):
    for text in seeds.values():
        assert line_keys(text) == [_reference_key(line) for line in text.split("\n")]
        head = text[:2000]  # keyed by the plain definition inside line_keys
        assert table_keys(head) == line_keys(head)


def _reference_signatures(keys: list[str], ngram: int, slots: int, seed: int) -> np.ndarray:
    """OPH with densification probe by probe (the slow, obvious way)."""
    hashes, owner = shingle_hashes(keys, ngram, seed)
    sig = np.full((len(keys), slots), EMPTY, dtype=np.uint32)
    shift = 64 - slots.bit_length() + 1
    for h, o in zip(hashes.tolist(), owner.tolist(), strict=True):
        b = h >> shift
        sig[o, b] = min(sig[o, b], h & 0xFFFFFFFF)
    source = sig.copy()
    probes = _probes(slots, seed)
    for row in range(len(keys)):
        if not (owner == row).any():
            continue
        for col in range(slots):
            if source[row, col] == EMPTY:
                found = (source[row, t] for t in probes[col] if source[row, t] != EMPTY)
                sig[row, col] = next(found, EMPTY)  # a probe path may miss a lone bin
    return sig


def test_signatures_match_probe_by_probe_densification(articles):
    keys = [paragraph_key(p) for a in articles[:20] for p in a["paragraphs"]]
    keys = [*[k for k in keys if k][:150], "甲乙丙", "甲乙", ""]  # short: many empty bins
    fast = signatures(keys, 3, 128, 0x5EED)
    assert np.array_equal(fast, _reference_signatures(keys, 3, 128, 0x5EED))


def _reference_pairs(band_keys: np.ndarray, max_bucket: int) -> dict[tuple[int, int], int]:
    shared: dict[tuple[int, int], int] = {}
    for band in range(band_keys.shape[1]):
        buckets: dict[int, list[int]] = {}
        for item, key in enumerate(band_keys[:, band].tolist()):
            buckets.setdefault(key, []).append(item)
        for members in buckets.values():
            for i, a in enumerate(members):
                for b in members[i + 1 : i + 1 + max_bucket]:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
    return shared


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 40),
    st.integers(1, 12),
    st.integers(1, 6),
    st.integers(1, 5),
    st.integers(0, 2**32 - 1),
)
def test_candidate_pairs_match_per_band_buckets(n, bands, distinct, max_bucket, seed):
    keys = np.random.default_rng(seed).integers(0, distinct, (n, bands)).astype(np.uint32)
    first, second, shared = candidate_pairs(keys, max_bucket)
    got = dict(zip(zip(first.tolist(), second.tolist(), strict=True), shared.tolist(), strict=True))
    assert got == _reference_pairs(keys, max_bucket)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(0, 60), max_size=200),
    st.lists(st.integers(-1, 61), min_size=1, max_size=30),
    st.integers(1, 9),
)
def test_fenced_search_matches_searchsorted(values, queries, stride):
    column = np.array(sorted(values), dtype=np.uint32)
    wanted = np.array([max(q, 0) for q in queries], dtype=np.uint32)
    original = fence.STRIDE
    fence.STRIDE = stride
    try:
        fences = fence.build_fence(column[None, :])[0]
        for side in ("left", "right"):
            got = fence.search(column, fences, wanted, side)
            assert got.tolist() == np.searchsorted(column, wanted, side).tolist()
    finally:
        fence.STRIDE = original
