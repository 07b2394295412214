"""Settings of duplicate detection (a frozen value, validated on creation).

>>> DedupConfig().threshold
0.9
>>> DedupConfig(threshold=1.5)
Traceback (most recent call last):
...
ValueError: DedupConfig.threshold must be in (0, 1], got 1.5
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DedupConfig"]


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Settings of duplicate detection.

    Attributes:
        threshold: near duplicates need a normalized Indel similarity
            (``rapidfuzz.fuzz.ratio / 100``) of at least this on their keys; fragments
            need the same score for their best-aligned window (``partial_ratio``).
        min_chars: paragraphs whose comparison key is shorter are never reported
            (headings, bylines, page numbers repeat legitimately).
        fragment_min_share: a fragment's key is at least this share of the longer
            paragraph's key (shorter pieces are too weak evidence).
        ngram: character n-gram size of the sketches (3 tolerates OCR noise: one
            wrong character breaks only three shingles).
        bands: LSH bands over the signature.
        rows: signature slots per band (``bands * rows`` slots are used); 42 x 3
            makes pairs with Jaccard 0.4 candidates with probability 0.94 and 0.5
            with 0.996, which serves near duplicates and fragments alike.
        max_bucket: a band bucket with more members than this (templates,
            boilerplate) pairs each member only with its next ``max_bucket``
            neighbours, so work stays linear and nothing glues into giant groups.
        max_candidates: at most this many index paragraphs are verified per
            query paragraph (those sharing the most bands first).
        seed: seed of the hash functions (changing it changes every signature).
        numbers_must_agree: a near duplicate or fragment must not differ from
            its kept copy by a substituted number (``第二十二号`` vs ``第二十三号``
            are two decrees, not one with OCR noise); dropped or doubled digits
            still count as noise.
        names_must_agree: a near duplicate or fragment must not differ from
            its kept copy by a replaced run of two or more Han characters
            (``图为张三在…`` vs ``图为李四在…`` are two captions); scattered
            single misreads, dropped or doubled characters still count as noise.
    """

    threshold: float = 0.9
    min_chars: int = 20
    fragment_min_share: float = 0.4
    ngram: int = 3
    bands: int = 42
    rows: int = 3
    max_bucket: int = 64
    max_candidates: int = 32
    seed: int = 0x5EED
    numbers_must_agree: bool = True
    names_must_agree: bool = True

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"DedupConfig.threshold must be in (0, 1], got {self.threshold}")
        if not 0.0 < self.fragment_min_share < 1.0:
            raise ValueError(
                f"DedupConfig.fragment_min_share must be in (0, 1), got {self.fragment_min_share}"
            )
        positive = {
            "min_chars": self.min_chars,
            "ngram": self.ngram,
            "bands": self.bands,
            "rows": self.rows,
            "max_bucket": self.max_bucket,
            "max_candidates": self.max_candidates,
        }
        for name, value in positive.items():
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"DedupConfig.{name} must be a positive integer, got {value!r}")
        for name, flag in (
            ("numbers_must_agree", self.numbers_must_agree),
            ("names_must_agree", self.names_must_agree),
        ):
            if not isinstance(flag, bool):
                raise ValueError(f"DedupConfig.{name} must be a bool, got {flag!r}")
        if self.bands * self.rows > 256:
            raise ValueError(
                f"DedupConfig.bands * rows must be at most 256, got {self.bands * self.rows}"
            )
        if self.ngram > self.min_chars:
            raise ValueError(
                f"DedupConfig.ngram must not exceed min_chars, got {self.ngram} > {self.min_chars}"
            )

    @property
    def slots(self) -> int:
        """Signature slots: the smallest power of two covering ``bands * rows``."""
        need = self.bands * self.rows
        return 1 << (need - 1).bit_length()

    def sketch_params(self) -> tuple[int, ...]:
        """The settings that determine band keys (two configs agreeing here share sketches)."""
        return (self.ngram, self.bands, self.rows, self.seed)
