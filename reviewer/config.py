"""Configuration from ``reviewer.toml`` or ``[tool.reviewer]`` in ``pyproject.toml``.

Every section is a strict pydantic model: an unknown key or a bad value is a ConfigError that
names the file and the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from reviewer.errors import ConfigError
from reviewer.pii.entities import SUPPORTED_ENTITIES


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
        import re

        for entry in value:
            if len(entry) >= 2 and entry.startswith("/") and entry.endswith("/"):
                try:
                    re.compile(entry[1:-1])
                except re.error as exc:
                    raise ValueError(
                        f"{entry!r} is not a valid regular expression: {exc}"
                    ) from None
        return value


class ReadabilityBand(Section):
    """A readability target for one kind of audience (see README "readability").

    A number applies to both languages; a table sets it per language, e.g. ``{de = 45, en = 50}``.
    """

    flesch_min: float | dict[str, float] | None = None
    flesch_max: float | dict[str, float] | None = None
    keywords: list[str] = Field(
        default_factory=list,
        description="words in the brief's audience that pick this band (case-insensitive; up to 3 letters: whole "
        "words, longer: any part of a word, so 'leiter' finds 'Instandhaltungsleiter')",
    )


def _default_bands() -> dict[str, ReadabilityBand]:
    # Flesch 60+ is "standard/plain", 50-60 "fairly difficult", 30-50 "difficult" (Flesch 1948;
    # Amstad's German scale is calibrated to the same bands). B2B copy aims at 50 unless it
    # addresses specialists (30) or the general public (60).
    return {
        "general": ReadabilityBand(
            flesch_min=60,
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
            flesch_min=50,
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
            flesch_min=30,
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
    span_severity: Literal["info", "warning"] = Field(
        default="info", description="long sentences, paragraphs, sections and passive sentences"
    )
    target_severity: Literal["info", "warning", "error"] = Field(
        default="warning", description="Flesch reading ease outside the audience's band"
    )
    share_severity: Literal["info", "warning", "error"] = Field(
        default="info",
        description="share of long or passive sentences above its target (each sentence is marked too)",
    )
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


class KeywordsSettings(Section):
    """Brief keywords: presence, placement, density, stuffing and fit to the topic."""

    stuffing_density: float = Field(
        default=3.0, gt=0, description="% of words above which a keyword is stuffed (error)"
    )
    stuffing_min_occurrences: int = Field(
        default=3, ge=1, description="fewer uses are never stuffing, however short the text"
    )
    low_density: float = Field(
        default=0.5, ge=0, description="% of words below which a used keyword is rare (info)"
    )
    check_title: bool = Field(
        default=True, description="report keywords missing from the title heading (info)"
    )
    check_intro: bool = Field(
        default=True, description="report keywords missing from the introduction (info)"
    )
    placement: Literal["all", "first"] = Field(
        default="all",
        description="which keywords belong in title and intro: all, or only the first (focus) keyword",
    )
    intro_words: int = Field(
        default=100,
        ge=1,
        description="the intro: paragraphs before the first subheading, up to about this many words",
    )
    relevance: bool = Field(
        default=True, description="judge whether each keyword fits the topic of the text"
    )
    relevance_threshold: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="relevance evidence below this makes a keyword unrelated (warning)",
    )
    key_phrases: int = Field(
        default=20, ge=1, le=100, description="YAKE key phrases that describe the topic"
    )
    suggestions: int = Field(
        default=3, ge=0, le=10, description="alternative keywords offered for an unrelated one"
    )


class GuidelinesSettings(Section):
    """Written guidelines (README "guidelines") and per-path ignores, which apply to every check."""

    paths: list[str] = Field(
        default_factory=list,
        description="extra guideline folders or files, relative to the config's folder",
    )
    replace_defaults: bool = Field(
        default=False, description="true: only `paths`, without the default pack"
    )
    ignore: dict[str, list[str]] = Field(
        default_factory=dict,
        description="path glob -> rule ids, checks, guideline ids or prefixes ('*' = all) suppressed there",
    )


class CritiqueSettings(Section):
    """The LLM critique. Environment variables override these (see reviewer.critique.settings)."""

    provider: Literal["openai", "azure", "openai-compatible"] | None = Field(
        default=None,
        description="None: azure with azure_endpoint, openai-compatible with base_url, else openai",
    )
    model: str | None = Field(
        default=None, description="model name (Azure: the deployment unless azure_deployment)"
    )
    base_url: str | None = Field(
        default=None, description="OpenAI-compatible server, e.g. http://localhost:11434/v1"
    )
    api_key_env: str | None = Field(
        default=None,
        description="variable holding the API key; default OPENAI_API_KEY (AZURE_OPENAI_API_KEY for azure)",
    )
    azure_endpoint: str | None = None
    azure_deployment: str | None = None
    api_version: str | None = None
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    timeout: float = Field(default=60.0, gt=0.0, description="seconds per request")
    max_concurrency: int = Field(default=4, ge=1, le=256)
    retries: int = Field(
        default=3, ge=0, le=10, description="retries on 429/5xx/timeouts, exponential backoff"
    )
    structured_output: Literal["json_schema", "function_calling", "json_mode"] = "json_schema"
    redact: bool | Literal["always"] = Field(
        default=True,
        description="true: pseudonymize PII for non-loopback endpoints; 'always': for every endpoint",
    )
    cache: bool = True
    cache_dir: str | None = Field(
        default=None,
        description="default: .reviewer/cache next to the config file, else the user cache dir",
    )
    prompts_dir: str | None = Field(default=None, description="folder with critique.*.md templates")
    max_input_chars: int = Field(default=60_000, ge=1000)
    context_findings: int = Field(
        default=60, ge=0, description="deterministic findings passed as context"
    )
    claim_severity: Literal["info", "warning", "error"] = Field(
        default="error", description="cap for critique.claim"
    )
    depth_severity: Literal["info", "warning", "error"] = Field(
        default="warning", description="cap for critique.depth"
    )


class StoreSettings(Section):
    """Where decisions are kept. ``$REVIEWER_DATABASE_URL`` wins over ``url``; without either the
    store is SQLite at ``.reviewer/reviews.db`` next to the config file (or in the current folder)."""

    url: str | None = Field(
        default=None, description="sqlite:///path.db, a file path, or postgresql://user@host/db"
    )
    busy_timeout: float = Field(
        default=30.0, gt=0, description="seconds a SQLite writer waits for another"
    )


class WebSettings(Section):
    """``reviewer serve``: where it listens and who may act. The access token is never read from
    a file in the repository: pass ``--token`` or set ``$REVIEWER_WEB_TOKEN``."""

    host: str = Field(
        default="127.0.0.1", description="any non-loopback address needs a token or users"
    )
    port: int = Field(default=8000, ge=1, le=65535)
    users: str | None = Field(
        default=None, description="users file (name:scrypt hash per line), relative to the config"
    )
    session_hours: float = Field(default=12.0, gt=0, description="how long a sign-in lasts")
    critique: bool = Field(
        default=True, description="run the LLM critique on pasted drafts (when configured)"
    )


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
    web: WebSettings = Field(default_factory=WebSettings)

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


def config_from_dict(
    data: dict[str, Any], *, origin: str = "config", base_dir: Path | None = None
) -> Config:
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
