"""``[readability]``: sentence and paragraph limits, and the reading-ease band per audience."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from reviewer.settings import Section


class ReadabilityBand(Section):
    """A readability target for one kind of audience (see README "readability").

    A number applies to both languages; a table sets it per language, e.g. ``{de = 45, en = 50}``.
    """

    flesch_min: float | dict[str, float] | None = Field(
        default=None, description="below it: a warning (readability.target)"
    )
    flesch_goal: float | dict[str, float] | None = Field(
        default=None, description="below it, but not below flesch_min: info (readability.goal)"
    )
    flesch_max: float | dict[str, float] | None = None
    keywords: list[str] = Field(
        default_factory=list,
        description="words in the brief's audience that pick this band (case-insensitive; up to 3 letters: whole "
        "words, longer: any part of a word, so 'leiter' finds 'Instandhaltungsleiter')",
    )


# Calibrated on 60 published B2B texts (bench/calibration.py, README "Readability"): Flesch
# (Amstad for German) p10 / median were 18 / 35 (de) and 22 / 42 (en). The business band warns
# below p10 (harder than nine in ten published texts) and notes below the median; specialists
# get 10 points more room, the general public must read at least as easily as the median text.
_BUSINESS_MIN = {"de": 18.0, "en": 22.0}
_BUSINESS_GOAL = {"de": 35.0, "en": 42.0}


def _shifted(values: dict[str, float], by: float) -> dict[str, float]:
    return {language: value + by for language, value in values.items()}


def _default_bands() -> dict[str, ReadabilityBand]:
    return {
        "general": ReadabilityBand(
            flesch_min=dict(_BUSINESS_GOAL),
            flesch_goal=_shifted(_BUSINESS_GOAL, 15),
            keywords=[
                "verbraucher",
                "endkund",
                "privatkund",
                "öffentlichkeit",
                "allgemein",
                "laien",
                "einsteiger",
                "anfänger",
                "bürger",
                "eltern",
                "patient",
                "consumer",
                "general public",
                "everyone",
                "beginner",
                "newcomer",
                "parents",
                "patients",
                "citizens",
                "households",
                "haushalte",
            ],
        ),
        "business": ReadabilityBand(
            flesch_min=dict(_BUSINESS_MIN),
            flesch_goal=dict(_BUSINESS_GOAL),
            keywords=[
                "manager",
                "management",
                "leiter",
                "leitung",
                "leads",
                "verantwortlich",
                "entscheider",
                "decision",
                "geschäftsführ",
                "inhaber",
                "owner",
                "founder",
                "gründer",
                "executive",
                "director",
                "vorstand",
                "marketing",
                "vertrieb",
                "sales",
                "einkauf",
                "purchas",
                "buyer",
                "personal",
                "hr",
                "recruit",
                "händler",
                "retailer",
                "mittelstand",
                "mittelständ",
                "smb",
                "sme",
            ],
        ),
        "specialist": ReadabilityBand(
            flesch_min=_shifted(_BUSINESS_MIN, -10),
            flesch_goal=_shifted(_BUSINESS_GOAL, -10),
            keywords=[
                "ingenieur",
                "engineer",
                "entwickler",
                "developer",
                "techniker",
                "technician",
                "technisch",
                "technical",
                "experte",
                "expert",
                "fachleute",
                "fachpublikum",
                "spezialist",
                "specialist",
                "wissenschaftl",
                "scientist",
                "forscher",
                "researcher",
                "administrator",
                "admin",
                "architekt",
                "architect",
                "informatiker",
                "it",
                "cto",
                "cio",
                "ciso",
                "devops",
                "infrastructure",
                "infrastruktur",
                "instandhaltung",
                "maintenance",
                "reliability",
                "ärzt",
                "physician",
                "jurist",
                "anwält",
                "lawyer",
                "steuerberater",
                "auditor",
                "wirtschaftsprüfer",
                "analyst",
            ],
        ),
    }


class ReadabilitySettings(Section):
    long_sentence_words: dict[str, int] = Field(
        default_factory=lambda: {"de": 20, "en": 20},
        description="a sentence with more words is long, per language",
    )
    long_sentence_share: float = Field(
        default=0.25, ge=0, le=1, description="target: at most this share of long sentences"
    )
    paragraph_words: int = Field(
        default=150, ge=1, description="a paragraph with more words is long"
    )
    section_words: int = Field(
        default=300, ge=1, description="more words without a subheading is a long section"
    )
    passive_share: float = Field(
        default=0.10, ge=0, le=1, description="target: at most this share of passive sentences"
    )
    min_flesch: float | None = Field(
        default=None, description="Flesch target for every draft; overrides the band"
    )
    band: str | None = Field(
        default=None, description="band for every draft, ignoring the brief's audience"
    )
    default_band: str = Field(
        default="business", description="band when the audience names none (or there is no brief)"
    )
    bands: dict[str, ReadabilityBand] = Field(default_factory=_default_bands)
    passive_sentences: bool = Field(
        default=True, description="one finding per passive sentence (the share is always measured)"
    )

    @field_validator("bands", mode="before")
    @classmethod
    def _merge_default_bands(cls, value: Any) -> Any:
        """A configured band changes only the keys it names; the other bands stay as shipped."""
        if not isinstance(value, dict):
            return value
        merged: dict[str, Any] = {
            name: band.model_dump() for name, band in _default_bands().items()
        }
        for name, override in value.items():
            merged[name] = (
                {**merged[name], **override}
                if isinstance(override, dict) and name in merged
                else override
            )
        return merged

    @model_validator(mode="after")
    def _known_bands(self) -> ReadabilitySettings:
        for key in ("band", "default_band"):
            name = getattr(self, key)
            if name is not None and name not in self.bands:
                raise ValueError(
                    f"{key} '{name}' is not one of the bands: {', '.join(sorted(self.bands))}"
                )
        return self
