"""Configuration from ``reviewer.toml`` or ``[tool.reviewer]`` in ``pyproject.toml``.

Every section is a strict pydantic model: an unknown key or a bad value is a ConfigError that
names the file and the key, so a typo never silently does nothing. The sections of the checks come
from the check registry (``reviewer.checks``): each check package declares its own settings model,
and ``Config`` is assembled from them, so adding a check adds its ``[section]`` and its switch in
``[checks]`` without touching this file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, create_model

from reviewer.checks import all_checks
from reviewer.errors import ConfigError
from reviewer.models import Severity
from reviewer.registry import check_rule_settings
from reviewer.settings import Section

RuleSetting = Literal["info", "warning", "error", "off"]


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


class ConfigBase(Section):
    """What every configuration has besides the checks' own sections."""

    fail_on: Severity = "error"
    rules: dict[str, RuleSetting] = Field(
        default_factory=dict,
        description='rule id -> severity or "off", e.g. {"keywords.stuffed" = "warning"} '
        "(`reviewer rules` lists the ids)",
    )
    ignore: dict[str, list[str]] = Field(
        default_factory=dict,
        description="path glob -> rule ids, checks, guideline ids or prefixes ('*' = all) "
        "suppressed there, for every check",
    )
    time_limit: float = Field(
        default=300.0,
        gt=0,
        description="seconds one review may take; checks not started by then report an error",
    )
    store: StoreSettings = Field(default_factory=StoreSettings)
    web: WebSettings = Field(default_factory=WebSettings)

    # Where the configuration came from; relative paths in it are relative to this folder.
    base_dir: Path = Field(default_factory=Path.cwd, exclude=True)
    origin: str | None = Field(default=None, exclude=True)


def _assemble() -> tuple[type[Section], type[ConfigBase]]:
    """``[checks]`` (one switch per registered check) and Config (one section per check)."""
    checks = all_checks()
    switches = create_model(
        "ChecksSettings",
        __base__=Section,
        __module__=__name__,
        __doc__="Turn whole checks on or off.",
        **{spec.name: (bool, True) for spec in checks},
    )
    sections: dict[str, Any] = {"checks": (switches, Field(default_factory=switches))}
    for spec in checks:
        if spec.settings is not None:
            sections[spec.name] = (spec.settings, Field(default_factory=spec.settings))
    config = create_model(
        "Config",
        __base__=ConfigBase,
        __module__=__name__,
        __doc__="The whole configuration: the common sections and one section per check.",
        **sections,
    )
    return switches, config


ChecksSettings, Config = _assemble()


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
    """Validate a parsed configuration; ``[rules]`` ids are checked against the rule registry."""
    if isinstance(data.get("guidelines"), dict) and "ignore" in data["guidelines"]:
        raise ConfigError(
            f"{origin}: 'guidelines.ignore' is now the top-level [ignore] table (it applies to "
            "every check): move the entries there"
        )
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
    if config.rules:
        check_rule_settings(config)
    return config
