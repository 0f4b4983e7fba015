"""Resolve the critique settings: ``[critique]`` in the config, then the environment on top.

Kept apart from ``reviewer.config`` on purpose: the config loader reads files only, so the same
file reviews the same way everywhere; the environment (a CI secret, a developer's local Ollama) is
applied here, at the one place that talks to a model. API keys are only ever read from the
environment, never from a config file that might be committed.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from reviewer.checks.critique.settings import CritiqueSettings
from reviewer.config import Config
from reviewer.errors import ConfigError

Provider = Literal["openai", "azure", "openai-compatible"]

SKIP_HINT = (
    "no language model configured: set [critique] model (and provider/base_url) in reviewer.toml, "
    "or REVIEWER_MODEL (with OPENAI_API_KEY, REVIEWER_BASE_URL or AZURE_OPENAI_ENDPOINT) in the environment"
)

# Environment variable -> (CritiqueSettings field, type). These win over the config file.
_OVERRIDES: dict[str, tuple[str, type]] = {
    "REVIEWER_PROVIDER": ("provider", str),
    "REVIEWER_MODEL": ("model", str),
    "REVIEWER_BASE_URL": ("base_url", str),
    "REVIEWER_TEMPERATURE": ("temperature", float),
    "REVIEWER_TIMEOUT": ("timeout", float),
    "REVIEWER_MAX_CONCURRENCY": ("max_concurrency", int),
    "REVIEWER_RETRIES": ("retries", int),
    "REVIEWER_CACHE_DIR": ("cache_dir", str),
}


@dataclass(frozen=True)
class ResolvedSettings:
    """Everything needed to talk to one model, after config and environment are merged."""

    provider: str  # a Provider, or "injected" for a model object handed in by the caller
    model: str
    base_url: str | None
    api_key: str | None
    azure_endpoint: str | None
    azure_deployment: str | None
    api_version: str | None
    temperature: float
    timeout: float
    max_concurrency: int
    retries: int
    structured_output: str
    redact: bool
    cache: bool
    cache_dir: Path
    prompts_dir: Path | None
    max_input_chars: int
    context_findings: int

    @property
    def endpoint(self) -> str:
        """Where requests go, for the report and for the loopback decision."""
        if self.provider == "azure":
            return self.azure_endpoint or ""
        if self.provider == "injected":
            return "in-process"
        return self.base_url or "https://api.openai.com/v1"

    def client_key(self) -> tuple:
        """What identifies one configured client (the API key itself is hashed, never stored)."""
        import hashlib

        key_hash = hashlib.sha256((self.api_key or "").encode()).hexdigest()[:12]
        return (
            self.provider,
            self.model,
            self.base_url,
            self.azure_endpoint,
            self.azure_deployment,
            self.api_version,
            self.temperature,
            self.timeout,
            self.retries,
            self.structured_output,
            key_hash,
        )


def model_configured(config: Config, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return bool(env.get("REVIEWER_MODEL") or config.critique.model)


def resolve(
    config: Config, env: Mapping[str, str] | None = None, *, injected: str | None = None
) -> ResolvedSettings:
    """Merge ``config.critique`` with the environment; a bad value is a ConfigError.

    ``injected`` names a chat model handed in by the caller (tests, embedding applications):
    no endpoint to check, and redaction applies unless switched off, since we cannot tell where
    such a model sends the text."""
    env = os.environ if env is None else env
    section = _with_overrides(config.critique, env)
    if injected is not None:
        return _settings(
            config,
            section,
            provider="injected",
            model=section.model or injected,
            redact=bool(section.redact),
        )
    if not section.model:
        raise ConfigError(SKIP_HINT)
    base_url = section.base_url or env.get("OPENAI_BASE_URL") or None
    azure_endpoint = section.azure_endpoint or env.get("AZURE_OPENAI_ENDPOINT") or None
    provider = section.provider or _infer_provider(section, base_url, azure_endpoint, env)
    api_key = _api_key(section, provider, env)
    if provider == "openai" and not api_key:
        raise ConfigError(
            f"critique: provider 'openai' needs an API key in {section.api_key_env or 'OPENAI_API_KEY'}"
        )
    if provider == "azure":
        if not azure_endpoint:
            raise ConfigError(
                "critique: provider 'azure' needs [critique] azure_endpoint or AZURE_OPENAI_ENDPOINT"
            )
        if not api_key:
            raise ConfigError(
                f"critique: provider 'azure' needs an API key in {section.api_key_env or 'AZURE_OPENAI_API_KEY'}"
            )
    if provider == "openai-compatible" and not base_url:
        raise ConfigError(
            "critique: provider 'openai-compatible' needs [critique] base_url or REVIEWER_BASE_URL"
        )
    for name, url in (("base_url", base_url), ("azure_endpoint", azure_endpoint)):
        if url and urlparse(url).scheme not in ("http", "https"):
            raise ConfigError(f"critique: {name} must be an http(s) URL, not {url!r}")
    endpoint = (azure_endpoint if provider == "azure" else base_url) or "https://api.openai.com/v1"
    redact = section.redact == "always" or (section.redact is True and not is_loopback(endpoint))
    azure = provider == "azure"
    return _settings(
        config,
        section,
        provider=provider,
        model=section.model,
        redact=redact,
        api_key=api_key,
        base_url=None if azure else base_url,
        azure_endpoint=azure_endpoint if azure else None,
        azure_deployment=(
            section.azure_deployment or env.get("AZURE_OPENAI_DEPLOYMENT") or section.model
        )
        if azure
        else None,
        api_version=(section.api_version or env.get("OPENAI_API_VERSION")) if azure else None,
    )


def _settings(
    config: Config,
    section: CritiqueSettings,
    *,
    provider: str,
    model: str,
    redact: bool,
    api_key: str | None = None,
    base_url: str | None = None,
    azure_endpoint: str | None = None,
    azure_deployment: str | None = None,
    api_version: str | None = None,
) -> ResolvedSettings:
    return ResolvedSettings(
        provider=provider,
        model=model,
        base_url=base_url,
        api_key=api_key,
        azure_endpoint=azure_endpoint,
        azure_deployment=azure_deployment,
        api_version=api_version,
        temperature=section.temperature,
        timeout=section.timeout,
        max_concurrency=section.max_concurrency,
        retries=section.retries,
        structured_output=section.structured_output,
        redact=redact,
        cache=section.cache,
        cache_dir=_cache_dir(config, section),
        prompts_dir=_relative(config, section.prompts_dir),
        max_input_chars=section.max_input_chars,
        context_findings=section.context_findings,
    )


def is_loopback(url: str) -> bool:
    """True when ``url`` points at this machine (127.0.0.0/8, ::1, localhost): nothing leaves it."""
    host = (urlparse(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _with_overrides(section: CritiqueSettings, env: Mapping[str, str]) -> CritiqueSettings:
    updates: dict[str, object] = {}
    for variable, (field, kind) in _OVERRIDES.items():
        raw = env.get(variable)
        if raw is None or raw.strip() == "":
            continue
        try:
            updates[field] = kind(raw.strip())
        except ValueError:
            raise ConfigError(
                f"environment: {variable}={raw!r} is not a valid {kind.__name__}"
            ) from None
    if not updates:
        return section
    from pydantic import ValidationError

    try:
        return CritiqueSettings.model_validate({**section.model_dump(), **updates})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        variable = next((v for v, (f, _) in _OVERRIDES.items() if f == field), field)
        raise ConfigError(f"environment: {variable}: {first['msg']}") from None


def _infer_provider(
    section: CritiqueSettings,
    base_url: str | None,
    azure_endpoint: str | None,
    env: Mapping[str, str],
) -> Provider:
    if section.base_url or env.get("REVIEWER_BASE_URL"):
        return "openai-compatible"
    if section.azure_endpoint:
        return "azure"
    if azure_endpoint and not env.get("OPENAI_API_KEY"):
        return "azure"
    if base_url:  # only OPENAI_BASE_URL: the openai client would use it too
        return "openai-compatible"
    return "openai"


def _api_key(section: CritiqueSettings, provider: Provider, env: Mapping[str, str]) -> str | None:
    if section.api_key_env:
        return env.get(section.api_key_env) or None
    if provider == "azure":
        return env.get("AZURE_OPENAI_API_KEY") or env.get("OPENAI_API_KEY") or None
    return env.get("OPENAI_API_KEY") or None


def _relative(config: Config, value: str | None) -> Path | None:
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else config.base_dir / path


def _cache_dir(config: Config, section: CritiqueSettings) -> Path:
    """The configured folder; else ``.reviewer/cache`` in the project that has a config file;
    else the user's cache folder (platformdirs), so a one-off review does not litter the cwd."""
    configured = _relative(config, section.cache_dir)
    if configured is not None:
        return configured
    if config.origin:
        return config.base_dir / ".reviewer" / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("reviewer"))
