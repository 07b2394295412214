"""Settings of the normalization step (which rules run is chosen by rule id)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NormalizeConfig:
    """Settings of the normalization step.

    Which rules run is chosen by rule id (``rules=``, or ``select``/``ignore`` of
    :class:`seedclean.config.CleanConfig`); these fields tune how some rules behave.

    Attributes:
        max_pair_span: longest bracket or quote pair (in characters, on one line)
            that is converted as a pair; longer spans are left alone and reported,
            because a far-away partner is more likely an OCR accident than a pair.
        keep_markdown_breaks: keep exactly two trailing spaces (a Markdown hard
            line break) instead of removing them with ``space-trailing``.
    """

    max_pair_span: int = 400
    keep_markdown_breaks: bool = False
