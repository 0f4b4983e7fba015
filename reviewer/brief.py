"""The brief: what the draft was asked to be (length, keywords, sections, audience)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from reviewer.errors import InputError
from reviewer.parsing.language import LANGUAGES


class WordRange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> WordRange:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"words.min ({self.min}) is greater than words.max ({self.max})")
        return self


class Brief(BaseModel):
    """Keys of the front matter that the checks read; other keys (id, author, …) are kept."""

    model_config = ConfigDict(extra="allow")

    title: str | None = None
    language: str | None = None
    audience: str | None = None
    words: WordRange | None = None
    keywords: list[str] = Field(default_factory=list)
    required_sections: list[str] = Field(default_factory=list)
    id: str | None = None
    author: str | None = None

    @field_validator("language")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().lower()[:2]
        if value not in LANGUAGES:
            raise ValueError(f"language must be 'de' or 'en', not {value!r}")
        return value

    @field_validator("keywords", "required_sections", mode="before")
    @classmethod
    def _string_list(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return value

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return None if value is None else str(value)


BRIEF_KEYS = {"title", "language", "audience", "words", "keywords", "required_sections"}


def parse_brief(data: dict[str, Any], origin: str) -> Brief:
    """Validate front matter or a brief file; a bad value is one clear InputError."""
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "brief"
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(f"{origin}: invalid brief: {where}: {message}") from None
