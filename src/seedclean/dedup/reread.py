"""Passes 2 and 3 of the spilled search: read back only the documents that matter.

After pass 1 (:mod:`.spill`) nothing of the text is in memory.  What needs
text later is read back through the caller's ``reread(path) -> str``,
document by document in stream order, and checked against the digest taken
in pass 1 (a file changed in between raises :class:`SourceChangedError`
rather than yielding offsets into the wrong text):

* :func:`verify_spilled`: the keys of the representatives in candidate pairs
  are rebuilt and written to a key file (UTF-32, so key ``i`` is a slice at a
  known offset); pairs are then verified in chunks, so only the keys of one
  chunk of pairs are alive at a time;
* :func:`index_matches`: every representative against a persistent index, in
  batches of documents;
* :func:`members_at`: the report entries (with previews) of cluster members.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.key import line_keys
from seedclean.dedup.report import IndexMatch, Member, preview
from seedclean.dedup.spill import SpillScan, text_digest
from seedclean.dedup.verify import verify_pairs

if TYPE_CHECKING:
    from seedclean.dedup.corpus import CorpusIndex

__all__ = ["SourceChangedError", "Sources", "index_matches", "members_at", "verify_spilled"]

I64 = npt.NDArray[np.int64]
_PAIR_CHUNK = 32768
_MATCH_BATCH = 8192


class SourceChangedError(RuntimeError):
    """A document read back differs from the one scanned (it changed during the run)."""


class Sources:
    """Documents of a scan, read back by number through ``reread`` and checked."""

    def __init__(self, scan: SpillScan, reread: Callable[[str], str]) -> None:
        self.scan = scan
        self.reread = reread

    def text(self, doc: int) -> str:
        """The text of document ``doc``, exactly as scanned."""
        path = self.scan.paths[doc]
        text = self.reread(path)
        if text_digest(text) != self.scan.digests[doc]:
            raise SourceChangedError(f"{path}: changed while duplicates were searched; run again")
        return text

    def runs(self, rows: I64) -> Iterator[tuple[int, str, int, int]]:
        """``(doc, text, lo, hi)`` per document of ascending ``rows`` (``rows[lo:hi]`` in it)."""
        if rows.size == 0:
            return
        docs = self.scan.take("doc", rows)
        starts = [0, *(np.flatnonzero(np.diff(docs)) + 1).tolist()]
        ends = [*starts[1:], int(rows.size)]
        for lo, hi in zip(starts, ends, strict=True):
            doc = int(docs[lo])
            yield doc, self.text(doc), lo, hi


def _keys_of(sources: Sources, rows: I64) -> Iterator[tuple[int, int, list[str]]]:
    """``(lo, hi, keys of rows[lo:hi])`` per document, checked against the scanned lengths."""
    lines = sources.scan.take("line", rows)
    lengths = sources.scan.take("keylen", rows)
    for doc, text, lo, hi in sources.runs(rows):
        keys = line_keys(text)
        chunk = [keys[line - 1] for line in lines[lo:hi].tolist()]
        if [len(k) for k in chunk] != lengths[lo:hi].tolist():
            raise SourceChangedError(f"{sources.scan.paths[doc]}: keys differ from the scan")
        yield lo, hi, chunk


class KeyStore:
    """Keys of ascending representative ``rows``, in a UTF-32 file, fetched by position."""

    def __init__(self, sources: Sources, rows: I64) -> None:
        path = sources.scan.directory / "keys.bin"
        self.offsets = np.zeros(rows.size + 1, dtype=np.int64)
        np.cumsum(sources.scan.take("keylen", rows), out=self.offsets[1:])
        with path.open("wb") as out:
            for _lo, _hi, chunk in _keys_of(sources, rows):
                out.write("".join(chunk).encode("utf-32-le", "surrogatepass"))
        self._data = np.memmap(path, dtype=np.uint32, mode="r") if self.offsets[-1] else None

    def get(self, positions: I64) -> list[str]:
        """The keys at ``positions`` (indices into the rows the store was built for)."""
        data = self._data
        if data is None:
            return ["" for _ in positions.tolist()]
        offsets = self.offsets
        return [
            data[offsets[p] : offsets[p + 1]].tobytes().decode("utf-32-le", "surrogatepass")
            for p in positions.tolist()
        ]

    def close(self) -> None:
        """Release the mapping (so the work directory can be removed)."""
        self._data = None


def verify_spilled(
    sources: Sources, rep_rows: I64, first: I64, second: I64, config: DedupConfig
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float64]]:
    """:func:`~seedclean.dedup.verify.verify_pairs` over representatives, chunk by chunk."""
    kinds = np.zeros(first.size, dtype=np.int8)
    scores = np.zeros(first.size, dtype=np.float64)
    if first.size == 0:
        return kinds, scores
    needed = np.unique(np.concatenate([first, second]))
    rows = rep_rows[needed]
    chars = sources.scan.take("end", rows) - sources.scan.take("start", rows)
    store = KeyStore(sources, rows)
    try:
        for lo in range(0, first.size, _PAIR_CHUNK):
            left, right = first[lo : lo + _PAIR_CHUNK], second[lo : lo + _PAIR_CHUNK]
            local, inverse = np.unique(np.concatenate([left, right]), return_inverse=True)
            positions = np.searchsorted(needed, local)
            found, score = verify_pairs(
                store.get(positions),
                inverse[: left.size],
                inverse[left.size :],
                lengths=chars[positions].tolist(),
                threshold=config.threshold,
                fragment_min_share=config.fragment_min_share,
                min_chars=config.min_chars,
                numbers_must_agree=config.numbers_must_agree,
                names_must_agree=config.names_must_agree,
            )
            kinds[lo : lo + left.size] = found
            scores[lo : lo + left.size] = score
    finally:
        store.close()
    return kinds, scores


def index_matches(
    sources: Sources, rep_rows: I64, index: CorpusIndex, config: DedupConfig
) -> dict[int, IndexMatch]:
    """The index match of every representative that has one, in batches of documents."""
    same_sketch = index.config.sketch_params() == config.sketch_params()
    exclude = set(sources.scan.paths)
    found: dict[int, IndexMatch] = {}
    batch: list[str] = []
    batch_lo = 0

    def match(hi: int) -> None:
        bands = sources.scan.bands_at(rep_rows[batch_lo:hi]) if same_sketch else None
        for offset, hit in enumerate(index.match(batch, bands, exclude)):
            if hit is not None:
                found[batch_lo + offset] = hit

    for _lo, hi, chunk in _keys_of(sources, rep_rows):
        batch.extend(chunk)
        if len(batch) >= _MATCH_BATCH:
            match(hi)
            batch, batch_lo = [], hi
    if batch:
        match(rep_rows.size)
    return found


def members_at(sources: Sources, rows: I64) -> dict[int, Member]:
    """The report entry of each of the ascending ``rows``, preview included."""
    scan = sources.scan
    fields = [scan.take(name, rows).tolist() for name in ("number", "line", "start", "end")]
    out: dict[int, Member] = {}
    row_ids = rows.tolist()
    for doc, text, lo, hi in sources.runs(rows):
        path = scan.paths[doc]
        for k in range(lo, hi):
            number, line, start, end = (column[k] for column in fields)
            body = text[start:end]
            out[row_ids[k]] = Member(path, number, line, start, end, end - start, preview(body))
    return out
