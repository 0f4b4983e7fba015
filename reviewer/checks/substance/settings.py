"""``[substance]``: when a section counts as shallow, and what counts as a repeated phrase."""

from __future__ import annotations

from pydantic import Field

from reviewer.settings import Section


class SubstanceSettings(Section):
    """Thresholds calibrated on the seed (shallow), published B2B copy (mostly substantive) and
    generic/specific draft pairs written for the tests (see ``bench/substance_eval.py``)."""

    min_words: int = Field(
        default=30, ge=1, description="sections with fewer words of running text are not judged"
    )
    detail_density: float = Field(
        default=2.0,
        ge=0,
        description="concrete details per 100 words below which a section lacks detail",
    )
    generic_share: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="share of generic sentences from which a section lacking detail is shallow (warning)",
    )
    min_generic: int = Field(
        default=2, ge=1, description="generic sentences a section needs at least to be shallow"
    )
    phrase_words: int = Field(
        default=4,
        ge=3,
        description="words in a phrase that counts as repeated (with 3 content words)",
    )
    phrase_sections: int = Field(
        default=3, ge=2, description="sections a phrase must occur in to be reported (info)"
    )
    max_phrases: int = Field(default=5, ge=0, description="repeated phrases reported at most")
    overlap: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="content-word overlap from which two sections say the same (in the details)",
    )
