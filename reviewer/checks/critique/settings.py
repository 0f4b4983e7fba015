"""``[critique]``: which language model reviews the draft, and how it is called.

Environment variables override these when the critique resolves its settings (``resolve``), so
the same file reviews the same way everywhere while a CI secret or a local Ollama can step in.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from reviewer.settings import Section


class CritiqueSettings(Section):
    """The LLM critique. Environment variables override these (see reviewer.checks.critique.resolve)."""

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
    # 25 s × (1 + 1 retry) bounds a review against an endpoint that never answers to about a
    # minute (it was 60 s × 4 tries: four minutes).
    timeout: float = Field(default=25.0, gt=0.0, description="seconds per request")
    max_concurrency: int = Field(default=4, ge=1, le=256)
    retries: int = Field(
        default=1, ge=0, le=10, description="retries on 429/5xx/timeouts, exponential backoff"
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
