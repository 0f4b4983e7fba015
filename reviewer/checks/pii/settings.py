"""``[pii]``: which kinds of personal data to look for, how sure to be, what never to report."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from reviewer.checks.pii.entities import SUPPORTED_ENTITIES
from reviewer.settings import Section


class PiiSettings(Section):
    """Personal data (README "pii"): what to look for, how sure to be, what never to report."""

    entities: list[str] = Field(default_factory=lambda: list(SUPPORTED_ENTITIES))
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    allow: list[str] = Field(default_factory=list, description="strings or /regex/ never reported")
    spacy_model: dict[str, str] = Field(
        default_factory=dict,
        description="language -> installed spaCy model name, e.g. {de = 'de_core_news_lg'}",
    )

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, value: list[str]) -> list[str]:
        unknown = [e for e in value if e not in SUPPORTED_ENTITIES]
        if unknown:
            raise ValueError(
                f"unknown entity type {unknown[0]!r}; choose from {', '.join(SUPPORTED_ENTITIES)}"
            )
        return value

    @field_validator("allow")
    @classmethod
    def _valid_patterns(cls, value: list[str]) -> list[str]:
        for entry in value:
            if len(entry) >= 2 and entry.startswith("/") and entry.endswith("/"):
                try:
                    re.compile(entry[1:-1])
                except re.error as exc:
                    raise ValueError(
                        f"{entry!r} is not a valid regular expression: {exc}"
                    ) from None
        return value
