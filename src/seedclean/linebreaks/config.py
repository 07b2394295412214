"""Settings of the line-break repair step (which rules run is chosen by rule id)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BreaksConfig:
    """Settings of the line-break repair step.

    Which rules run is chosen by rule id (``rules=``, or ``select``/``ignore`` of
    :class:`seedclean.config.CleanConfig`); these fields tune how they behave.

    Attributes:
        lookahead: how many interloper blocks (captions, headings, bylines,
            furniture) the repair may step over to find the continuation of an
            open sentence.  A newspaper seam rarely hides more than a heading,
            a byline and two captions.
        max_overlap: longest repeat (in characters) that ``seam-overlap`` looks
            for; one newspaper column line holds about 10–14 Han characters and
            an OCR double read is at most about one line.
        headline_chars: longest line (in characters) still treated as an
            unmarked heading when it has no sentence punctuation.
        word_bits: how much cheaper (in bits, see :mod:`.lexicon`) the two
            sides of a seam must read as one phrase than as two texts for a
            dictionary word across the seam (``党`` ‖ ``员队伍``) to join a
            heading-like fragment; ``0`` turns the language evidence off.
        relocate_chars: farthest (in characters, from the first interloper
            to the continuation) ``relocate-interloper`` may move blocks; a
            column break moves a caption or heading a short way, never a page.
    """

    lookahead: int = 5
    max_overlap: int = 20
    headline_chars: int = 40
    word_bits: int = 8
    relocate_chars: int = 1000
