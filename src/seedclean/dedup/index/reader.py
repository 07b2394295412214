"""Reading the index: which indexed paragraphs a batch of new keys matches.

Exact hashes and LSH band keys are looked up in the memory-mapped segments
(:mod:`.lookup`); the candidates' text is read back from their files (only the
files of candidates, with a digest staleness check) and verified with
rapidfuzz like any other pair.

A reader works on a snapshot (:mod:`.locks`): the segments listed when it
first looks, all mapped at once, kept until a write through the same index
object (or :meth:`IndexReader.refresh`).  Writers in other processes never
pull a segment from under it.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import numpy as np
import numpy.typing as npt

from seedclean.dedup.config import DedupConfig
from seedclean.dedup.index.content import Reader, digest
from seedclean.dedup.index.layout import IndexDamagedError, rebuild_hint
from seedclean.dedup.index.locks import snapshot_lock
from seedclean.dedup.index.lookup import candidate_rows
from seedclean.dedup.index.segments import Segment
from seedclean.dedup.index.store import Store
from seedclean.dedup.key import key_hash, paragraph_key
from seedclean.dedup.report import IndexMatch, Member, preview
from seedclean.dedup.sketch import sketch_bands
from seedclean.dedup.verify import EXACT, FRAGMENT, KIND_NAMES, NEAR, verify_pairs

__all__ = ["IndexReader"]

_PRIORITY = {EXACT: 3, NEAR: 2, FRAGMENT: 1}


class IndexReader:
    """The read side of one open index.

    Args:
        directory: the index directory.
        store: its SQLite document table.
        config: the index's settings.
        reader: reads an indexed document's text by path.
        segments: open segments by name (memory maps, opened on first use).
        stale: collects, per path whose file changed or vanished since
            indexing, what happened to it.
    """

    def __init__(
        self,
        directory: Path,
        store: Store,
        config: DedupConfig,
        reader: Reader,
        segments: dict[str, Segment],
        stale: dict[str, str],
    ) -> None:
        self.directory = directory
        self.config = config
        self._store = store
        self._reader = reader
        self._segments = segments
        self.stale = stale
        self._snapshot: list[Segment] | None = None

    def refresh(self) -> None:
        """Take a new snapshot at the next lookup (after this process wrote)."""
        self._snapshot = None

    def live_segments(self) -> list[Segment]:
        """The segments of this reader's snapshot, all mapped."""
        if self._snapshot is None:
            with snapshot_lock(self.directory, exclusive=False):
                table = self._store.segment_table()
                snapshot = []
                for _, name, rows, files in table:
                    if name not in self._segments:
                        self._segments[name] = Segment(self.directory / name, rows, files)
                    segment = self._segments[name]
                    segment.data  # noqa: B018 - map it now, while no writer may delete it
                    snapshot.append(segment)
            self._snapshot = snapshot
        return self._snapshot

    def match(
        self,
        keys: list[str],
        bands: npt.NDArray[np.uint32] | None = None,
        exclude_paths: Collection[str] = (),
    ) -> list[IndexMatch | None]:
        """The best indexed match of each key (exact, then near, then fragment), or None."""
        found: list[IndexMatch | None] = [None] * len(keys)
        if not keys:
            return found
        if bands is None:
            bands = sketch_bands(keys, self.config)
        hashes = np.fromiter(map(key_hash, keys), np.uint64, len(keys))
        candidates = self._candidates(hashes, bands)
        if candidates.size == 0:
            return found
        return self._verify(keys, candidates, exclude_paths)

    def _candidates(
        self, hashes: npt.NDArray[np.uint64], bands: npt.NDArray[np.uint32]
    ) -> npt.NDArray[np.int64]:
        """Rows ``(query, segment, row, votes)`` worth verifying, best first per query."""
        datas = [segment.data for segment in self.live_segments()]
        return candidate_rows(datas, hashes, bands, self.config)

    def _verify(
        self, keys: list[str], candidates: npt.NDArray[np.int64], exclude: Collection[str]
    ) -> list[IndexMatch | None]:
        segments = self.live_segments()
        info = [segments[int(s)].data.rows[int(r)] for s, r in candidates[:, 1:3]]
        docs = self._store.docs_by_id(int(row[0]) for row in info)
        texts: dict[str, str | None] = {}
        picked: list[int] = []
        members: list[Member] = []
        other_keys: list[str] = []
        for k, row in enumerate(info):
            doc = docs.get(int(row[0]))
            if doc is None or doc[0] in exclude:
                continue
            text = self._text(doc[0], doc[1], texts)
            if text is None:
                continue
            start, end = int(row[3]), int(row[4])
            if not 0 <= start <= end <= len(text):
                raise IndexDamagedError(
                    f"the index in {self.directory} is damaged: paragraph offsets "
                    f"{start}:{end} outside {doc[0]} ({len(text)} characters); "
                    + rebuild_hint(self.directory)
                )
            body = text[start:end]
            picked.append(k)
            other_keys.append(paragraph_key(body))
            members.append(
                Member(doc[0], int(row[1]), int(row[2]), start, end, end - start, preview(body))
            )
        found: list[IndexMatch | None] = [None] * len(keys)
        if not picked:
            return found
        queries = candidates[picked, 0]
        kinds, scores = verify_pairs(
            keys,
            queries,
            np.arange(len(picked)),
            threshold=self.config.threshold,
            fragment_min_share=self.config.fragment_min_share,
            min_chars=self.config.min_chars,
            numbers_must_agree=self.config.numbers_must_agree,
            names_must_agree=self.config.names_must_agree,
            other_keys=other_keys,
        )
        # Best match per new paragraph: one it repeats (exact > near > fragment of
        # the corpus paragraph) first; else a corpus paragraph that is its fragment.
        best: dict[int, tuple[int, float, int, bool]] = {}
        for k, (query, kind, score) in enumerate(
            zip(queries.tolist(), kinds.tolist(), scores.tolist(), strict=True)
        ):
            if kind == 0:
                continue
            contains = kind == FRAGMENT and len(keys[query]) > len(other_keys[k])
            rank = (not contains, _PRIORITY[int(kind)], float(score), -k)
            held = best.get(query)
            if held is None or rank > (not held[3], _PRIORITY[held[0]], held[1], -held[2]):
                best[query] = (int(kind), float(score), k, contains)
        for query, (kind, score, k, contains) in best.items():
            found[query] = IndexMatch(members[k], KIND_NAMES[kind], score, contains)
        return found

    def stale_files(self) -> dict[str, str]:
        """Read every indexed file back: which changed or vanished since indexing, and how."""
        found: dict[str, str] = {}
        for path, expected in self._store.db.execute("SELECT path, digest FROM docs ORDER BY path"):
            text, why = self._read(path, expected)
            if text is None:
                found[path] = why
        return found

    def _read(self, path: str, expected: str) -> tuple[str | None, str]:
        """The indexed file's text, or None and what happened to it."""
        try:
            text = self._reader(path)
        except FileNotFoundError:
            return None, "deleted or moved since it was indexed"
        except OSError as error:
            return None, f"cannot be read ({error})"
        if digest(text) != expected:
            return None, "content changed since it was indexed"
        return text, ""

    def _text(self, path: str, expected: str, cache: dict[str, str | None]) -> str | None:
        if path not in cache:
            text, why = self._read(path, expected)
            if text is None:
                self.stale[path] = why
            cache[path] = text
        return cache[path]
