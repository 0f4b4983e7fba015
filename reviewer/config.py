"""Configuration from ``reviewer.toml`` or ``[tool.reviewer]`` in ``pyproject.toml``.

Every section is a strict pydantic model: an unknown key or a bad value is a ConfigError that
names the file and the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reviewer.errors import ConfigError


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ChecksSettings(Section):
    """Turn whole checks on or off."""

    pii: bool = True
    readability: bool = True
    keywords: bool = True
    structure: bool = True
    guidelines: bool = True
    critique: bool = True


class StructureSettings(Section):
    require_title: bool = True
    flag_skipped_levels: bool = True
    word_count_severity: Literal["info", "warning", "error"] = "warning"
    missing_section_severity: Literal["info", "warning", "error"] = "warning"
    empty_section_severity: Literal["info", "warning", "error"] = "warning"


class PiiSettings(Section):
    entities: list[str] = Field(
        default_factory=lambda: [
            "PERSON",
            "EMAIL_ADDRESS",
            "PHONE_NUMBER",
            "IBAN_CODE",
            "CREDIT_CARD",
            "IP_ADDRESS",
            "LOCATION",
            "DE_TAX_ID",
        ]
    )
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    allow: list[str] = Field(default_factory=list, description="strings or /regex/ never reported")
    spacy_model: dict[str, str] = Field(
        default_factory=dict, description="language -> installed spaCy model name, e.g. {de = 'de_core_news_lg'}"
    )


class ReadabilitySettings(Section):
    long_sentence_words: dict[str, int] = Field(default_factory=lambda: {"de": 20, "en": 20})
    long_sentence_share: float = 0.25
    paragraph_words: int = 150
    section_words: int = 300
    passive_share: float = 0.10
    min_flesch: float | None = None


class KeywordsSettings(Section):
    stuffing_density: float = 3.0
    low_density: float = 0.5


class GuidelinesSettings(Section):
    paths: list[str] = Field(default_factory=list, description="extra guideline folders")
    replace_defaults: bool = False
    ignore: dict[str, list[str]] = Field(
        default_factory=dict, description="path glob -> rule ids (or '*') to suppress there"
    )


class CritiqueSettings(Section):
    provider: Literal["openai", "azure", "openai-compatible"] | None = None
    model: str | None = None
    base_url: str | None = None
    temperature: float = 0.0
    timeout: float = 60.0
    max_concurrency: int = Field(default=4, ge=1)
    redact: bool = True
    cache: bool = True


class StoreSettings(Section):
    url: str | None = None


class Config(Section):
    fail_on: Literal["info", "warning", "error"] = "error"
    checks: ChecksSettings = Field(default_factory=ChecksSettings)
    structure: StructureSettings = Field(default_factory=StructureSettings)
    pii: PiiSettings = Field(default_factory=PiiSettings)
    readability: ReadabilitySettings = Field(default_factory=ReadabilitySettings)
    keywords: KeywordsSettings = Field(default_factory=KeywordsSettings)
    guidelines: GuidelinesSettings = Field(default_factory=GuidelinesSettings)
    critique: CritiqueSettings = Field(default_factory=CritiqueSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)

    # Where the configuration came from; relative paths in it are relative to this folder.
    base_dir: Path = Field(default_factory=Path.cwd, exclude=True)
    origin: str | None = Field(default=None, exclude=True)


def load_config(path: str | None = None, *, start: Path | None = None) -> Config:
    """Load an explicit config file, or find ``reviewer.toml`` / ``pyproject.toml`` upwards."""
    if path is not None:
        file = Path(path)
        if not file.is_file():
            raise ConfigError(f"{path}: config file not found")
        return _load_file(file, explicit=True)
    folder = (start or Path.cwd()).resolve()
    for candidate_dir in (folder, *folder.parents):
        candidate = candidate_dir / "reviewer.toml"
        if candidate.is_file():
            return _load_file(candidate, explicit=True)
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file():
            config = _load_file(pyproject, explicit=False)
            if config is not None:
                return config
        if (candidate_dir / ".git").exists():
            break
    return Config()


def _load_file(file: Path, *, explicit: bool) -> Config | None:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read: {exc}") from None
    if file.name == "pyproject.toml":
        section = data.get("tool", {}).get("reviewer")
        if section is None:
            return Config() if explicit else None
        data = section
    return config_from_dict(data, origin=str(file), base_dir=file.parent.resolve())


def config_from_dict(data: dict[str, Any], *, origin: str = "config", base_dir: Path | None = None) -> Config:
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        if first["type"] == "extra_forbidden":
            raise ConfigError(f"{origin}: unknown key '{where}'") from None
        raise ConfigError(f"{origin}: {where}: {first['msg']}") from None
    config.base_dir = base_dir or Path.cwd()
    config.origin = origin
    return config
