"""The chat model and its structured-output wrapper.

Clients are built once per configuration (per event loop for async use: an HTTP connection pool
belongs to the loop that opened it). Retries with exponential backoff on 429/5xx/timeouts,
honouring ``Retry-After``, are the ``openai`` client's own (``max_retries``), so every provider
gets the same, well-tested behaviour.
"""

from __future__ import annotations

import asyncio
import json
import threading
import weakref
from typing import TYPE_CHECKING, Any

from reviewer.checks.critique.schema import CritiqueResult, json_schema

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.runnables import Runnable

    from reviewer.checks.critique.resolve import ResolvedSettings

_lock = threading.Lock()
_sync_models: dict[tuple, Runnable] = {}
_loop_models: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[tuple, Runnable]] = (
    weakref.WeakKeyDictionary()
)


def structured_model(settings: ResolvedSettings, *, for_async: bool = False) -> Runnable:
    """The configured model with structured output, built once per configuration (and event loop)."""
    key = settings.client_key()
    with _lock:
        models = (
            _loop_models.setdefault(asyncio.get_running_loop(), {}) if for_async else _sync_models
        )
        if key not in models:
            models[key] = structured(
                _build(settings, for_async=for_async), settings.structured_output
            )
        return models[key]


def _build(settings: ResolvedSettings, *, for_async: bool) -> BaseChatModel:
    import openai

    common: dict[str, Any] = {
        "temperature": settings.temperature,
        "timeout": settings.timeout,
        "max_retries": settings.retries,
    }
    if for_async:
        # A pool of its own for this event loop; langchain's shared default would outlive it.
        common["http_async_client"] = openai.DefaultAsyncHttpxClient(timeout=settings.timeout)
    if settings.provider == "azure":
        from langchain_openai import AzureChatOpenAI

        return AzureChatOpenAI(
            azure_endpoint=settings.azure_endpoint,
            azure_deployment=settings.azure_deployment,
            api_version=settings.api_version,
            api_key=settings.api_key,
            model=settings.model,
            **common,
        )
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.model,
        base_url=settings.base_url,
        # Local servers (Ollama, llama.cpp, vLLM) accept any key; the client insists on one.
        api_key=settings.api_key or "not-needed",
        **common,
    )


def structured(model: BaseChatModel, method: str = "json_schema") -> Runnable:
    """``model`` with structured output: messages in, the reply's JSON object (a dict) out.

    The schema goes in as a JSON-schema dict (not the pydantic class), so the reply is parsed by
    LangChain's JSON parser and validated by ``parse_reply`` for every provider alike — a reply
    that is not JSON raises ``OutputParserException`` carrying the text, which we re-ask about.
    Models without native structured output (LangChain's fake chat models, some local wrappers)
    get the same contract from ``model | JsonOutputParser()``: the schema is in the prompt too.
    """
    try:
        return model.with_structured_output(_schema_for(method), method=method)
    except NotImplementedError:
        from langchain_core.output_parsers import JsonOutputParser

        return model | JsonOutputParser()


def _schema_for(method: str) -> dict[str, Any]:
    schema = json_schema()
    if method == "json_schema":
        return {
            "name": "critique",
            "description": CritiqueResult.__doc__ or "",
            "schema": schema,
            "strict": True,
        }
    schema["title"] = "critique"
    schema["description"] = "The review of the draft against the guidelines."
    return schema


class MalformedReply(Exception):
    """The model answered, but not with a usable object."""

    def __init__(self, reason: str, raw_text: str):
        super().__init__(reason)
        self.raw_text = raw_text


def malformed(exc: Exception) -> MalformedReply | None:
    """The MalformedReply for a parser's exception, or None when ``exc`` is something else."""
    from langchain_core.exceptions import OutputParserException

    if isinstance(exc, OutputParserException):
        raw = exc.llm_output if isinstance(exc.llm_output, str) else ""
        return MalformedReply(f"not valid JSON ({_first_line(exc)})", raw)
    return None


def parse_reply(parsed: Any) -> CritiqueResult:
    """Validate the structured output; raise MalformedReply with a reason the model can act on."""
    from pydantic import BaseModel, ValidationError

    raw_text = (
        json.dumps(parsed, ensure_ascii=False, default=str)[:8000] if parsed is not None else ""
    )
    if parsed is None:
        raise MalformedReply("no JSON object in the reply", raw_text)
    if isinstance(parsed, BaseModel):
        parsed = parsed.model_dump()
    if not isinstance(parsed, dict):
        raise MalformedReply(f"expected a JSON object, got {type(parsed).__name__}", raw_text)
    try:
        return CritiqueResult.model_validate(parsed)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'reply'}: {error['msg']}"
            for error in exc.errors()[:5]
        )
        raise MalformedReply(f"does not match the schema ({problems})", raw_text) from None


def _first_line(error: Any) -> str:
    text = str(error).strip().splitlines()
    return text[0][:300] if text else type(error).__name__
