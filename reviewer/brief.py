"""The brief: what the draft was asked to be (length, keywords, sections, audience)."""

from __future__ import annotations

from datetime import date, datetime
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
    # SEO keywords; the first is the focus keyphrase. An entry may also be
    # {phrase: "…", synonyms: ["…"]}: the phrase goes to ``keywords``, its synonyms to ``synonyms``.
    keywords: list[str] = Field(default_factory=list)
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    required_sections: list[str] = Field(default_factory=list)
    id: str | None = None
    author: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _keyword_entries(cls, data: Any) -> Any:
        """Accept ``{phrase, synonyms}`` keyword entries next to plain strings."""
        if not isinstance(data, dict) or not isinstance(data.get("keywords"), list):
            return data
        if not any(isinstance(item, dict) for item in data["keywords"]):
            return data
        phrases: list[Any] = []
        synonyms = dict(data.get("synonyms") or {})
        for item in data["keywords"]:
            if not isinstance(item, dict):
                phrases.append(item)
                continue
            unknown = set(item) - {"phrase", "synonyms"}
            phrase = item.get("phrase")
            if unknown or not isinstance(phrase, str) or not phrase.strip():
                raise ValueError(
                    'a keyword entry is a string or {phrase: "…", synonyms: ["…"]}, not '
                    + repr(item)
                )
            listed = item.get("synonyms") or []
            synonyms[phrase] = [listed] if isinstance(listed, str) else list(listed)
            phrases.append(phrase)
        return {**data, "keywords": phrases, "synonyms": synonyms}

    @model_validator(mode="after")
    def _extras(self) -> Brief:
        """Unknown keys are kept only in a bounded, flat form (see ``clean_extras``)."""
        if self.__pydantic_extra__:
            self.__pydantic_extra__ = clean_extras(self.__pydantic_extra__)
        return self

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


# Extra keys (id, author, status, a CMS's own fields) ride along into the report. They are kept
# only as scalars or flat lists of scalars, clipped: a brief is not a place to smuggle in a
# megabyte, a deep structure, or anything that grows when serialised.
MAX_EXTRA_KEYS = 64
MAX_EXTRA_TEXT = 2000
MAX_EXTRA_ITEMS = 100
_SCALARS = (str, int, float, bool, date, datetime)


def clean_extras(extras: dict[str, Any]) -> dict[str, Any]:
    """The extra keys worth keeping: scalars and flat lists of scalars, strings clipped.

    Mappings and nested lists are left out (no check reads them). Raises ValueError for more
    than ``MAX_EXTRA_KEYS`` keys, so a pathological brief is refused rather than half-read.
    """
    if len(extras) > MAX_EXTRA_KEYS:
        raise ValueError(f"a brief has at most {MAX_EXTRA_KEYS} keys besides the known ones")
    kept: dict[str, Any] = {}
    for key, value in extras.items():
        if value is None or isinstance(value, _SCALARS):
            kept[str(key)] = _clip(value)
        elif isinstance(value, list) and all(
            item is None or isinstance(item, _SCALARS) for item in value
        ):
            kept[str(key)] = [_clip(item) for item in value[:MAX_EXTRA_ITEMS]]
    return kept


def _clip(value: Any) -> Any:
    return value[:MAX_EXTRA_TEXT] if isinstance(value, str) else value


BRIEF_KEYS = {"title", "language", "audience", "words", "keywords", "synonyms", "required_sections"}


def parse_brief(data: dict[str, Any], origin: str) -> Brief:
    """Validate front matter or a brief file; a bad value is one clear InputError."""
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "brief"
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(f"{origin}: invalid brief: {where}: {message}") from None
