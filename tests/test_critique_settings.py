"""Which model, where, with which key, redacted or not: config plus environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.checks.base import ReviewOptions
from reviewer.checks.critique.engine import run as run_critique
from reviewer.checks.critique.resolve import is_loopback, resolve
from reviewer.config import Config, config_from_dict
from reviewer.errors import ConfigError
from tests.critique_helpers import draft


def config(**critique) -> Config:
    return config_from_dict(
        {"critique": critique}, origin="reviewer.toml", base_dir=Path("/project")
    )


def test_openai_needs_a_model_and_a_key():
    settings = resolve(config(model="gpt-4o-mini"), {"OPENAI_API_KEY": "sk-test"})
    assert (settings.provider, settings.endpoint, settings.api_key) == (
        "openai",
        "https://api.openai.com/v1",
        "sk-test",
    )
    assert settings.redact is True
    with pytest.raises(ConfigError, match="needs an API key in OPENAI_API_KEY"):
        resolve(config(model="gpt-4o-mini"), {})
    with pytest.raises(ConfigError, match=r"\[critique\] model"):
        resolve(config(), {"OPENAI_API_KEY": "sk-test"})


def test_environment_overrides_the_file():
    env = {
        "REVIEWER_MODEL": "llama3.1",
        "REVIEWER_BASE_URL": "http://localhost:11434/v1",
        "REVIEWER_TIMEOUT": "5",
    }
    settings = resolve(config(model="gpt-4o", timeout=60), env)
    assert settings.provider == "openai-compatible"
    assert settings.model == "llama3.1"
    assert settings.base_url == "http://localhost:11434/v1"
    assert settings.timeout == 5.0
    assert settings.api_key is None  # a local server needs none
    assert settings.redact is False  # loopback: nothing leaves the machine


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"REVIEWER_TEMPERATURE": "warm"}, "REVIEWER_TEMPERATURE='warm' is not a valid float"),
        ({"REVIEWER_PROVIDER": "anthropic"}, "REVIEWER_PROVIDER"),
        ({"REVIEWER_MAX_CONCURRENCY": "0"}, "REVIEWER_MAX_CONCURRENCY"),
        ({"REVIEWER_BASE_URL": "localhost:11434"}, "must be an http(s) URL"),
    ],
)
def test_bad_environment_values_are_clear_errors(env, message):
    with pytest.raises(ConfigError) as caught:
        resolve(config(model="m"), {**env, "OPENAI_API_KEY": "k"})
    assert message in str(caught.value)


def test_bad_environment_reports_an_error_status_instead_of_raising(monkeypatch, tmp_path):
    monkeypatch.setenv("REVIEWER_MODEL", "m")
    monkeypatch.setenv("REVIEWER_TEMPERATURE", "warm")
    out = run_critique(draft(), Config(), [], ReviewOptions())
    assert out.status == "error" and "REVIEWER_TEMPERATURE" in out.summary


def test_azure_from_the_standard_variables():
    env = {
        "AZURE_OPENAI_ENDPOINT": "https://contoso.openai.azure.com",
        "AZURE_OPENAI_API_KEY": "az-key",
        "OPENAI_API_VERSION": "2024-10-21",
    }
    settings = resolve(config(model="gpt-4o"), env)
    assert settings.provider == "azure"
    assert (settings.azure_deployment, settings.api_version, settings.api_key) == (
        "gpt-4o",
        "2024-10-21",
        "az-key",
    )
    assert settings.endpoint == "https://contoso.openai.azure.com" and settings.redact is True
    with pytest.raises(ConfigError, match="needs an API key in AZURE_OPENAI_API_KEY"):
        resolve(
            config(model="gpt-4o", provider="azure", azure_endpoint="https://x.openai.azure.com"),
            {},
        )


def test_api_key_variable_is_configurable():
    settings = resolve(
        config(model="m", base_url="https://llm.example.org/v1", api_key_env="TEAM_LLM_KEY"),
        {"TEAM_LLM_KEY": "t"},
    )
    assert settings.api_key == "t" and settings.redact is True


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8000/v1", True),
        ("http://127.8.9.10/v1", True),
        ("http://localhost:11434/v1", True),
        ("http://[::1]:8080/v1", True),
        ("https://api.openai.com/v1", False),
        ("http://192.168.1.20:11434/v1", False),
        ("http://127.0.0.1.nip.io/v1", False),
    ],
)
def test_loopback_detection(url, loopback):
    assert is_loopback(url) is loopback


@pytest.mark.parametrize(
    ("redact", "url", "expected"),
    [
        (True, "http://127.0.0.1:1/v1", False),
        (True, "https://llm.internal.example/v1", True),
        ("always", "http://127.0.0.1:1/v1", True),
        (False, "https://llm.internal.example/v1", False),
    ],
)
def test_redaction_decision(redact, url, expected):
    assert resolve(config(model="m", base_url=url, redact=redact), {}).redact is expected


def test_cache_folder_defaults(monkeypatch, tmp_path):
    assert resolve(config(model="m", base_url="http://localhost:1/v1"), {}).cache_dir == Path(
        "/project/.reviewer/cache"
    )
    assert resolve(
        config(model="m", base_url="http://localhost:1/v1", cache_dir="c"), {}
    ).cache_dir == Path("/project/c")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    no_file = Config()
    no_file.critique.model = "m"
    no_file.critique.base_url = "http://localhost:1/v1"
    assert resolve(no_file, {}).cache_dir == tmp_path / "reviewer"
    assert resolve(no_file, {"REVIEWER_CACHE_DIR": str(tmp_path / "x")}).cache_dir == tmp_path / "x"


def test_unknown_critique_key_in_the_file_is_rejected():
    with pytest.raises(ConfigError, match="unknown key 'critique.modle'"):
        config(modle="gpt-4o")
