"""One critique, start to end: prepare → cache → model (one re-ask) → verified findings.

The sync and async entry points share every step except the model call itself. Any failure ends
as status ``error`` with a ``critique.error`` finding — never a silent pass, never an exception
out of the entry points, so a batch keeps going.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewer.checks.base import CheckOutput, ReviewOptions
from reviewer.checks.critique import cache as cache_mod
from reviewer.checks.critique.findings import interpret
from reviewer.checks.critique.model import (
    MalformedReply,
    malformed,
    parse_reply,
    structured,
    structured_model,
)
from reviewer.checks.critique.prompt import (
    PromptSet,
    chat_template,
    format_findings,
    load_prompts,
    prompt_values,
)
from reviewer.checks.critique.redaction import Outgoing, plain, pseudonymized
from reviewer.checks.critique.resolve import SKIP_HINT, ResolvedSettings, model_configured, resolve
from reviewer.checks.critique.rules import CHECK, ERROR
from reviewer.checks.critique.schema import CritiqueResult
from reviewer.errors import ReviewerError
from reviewer.scoring import summary_for

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

    from reviewer.checks.guidelines.pack import Guideline
    from reviewer.config import Config
    from reviewer.document import Document
    from reviewer.models import Finding

log = logging.getLogger(__name__)


class CritiqueFailed(Exception):
    """A reason the critique could not produce a result, worded for the report."""


@dataclass
class Job:
    """Everything prepared for one model call."""

    doc: Document
    settings: ResolvedSettings
    model: (
        Runnable | None
    )  # with structured output; None until needed (a cache hit builds no client)
    prompts: PromptSet
    guidelines: list[Guideline]
    outgoing: Outgoing
    values: dict[str, Any]
    key: cache_mod.CacheKey
    cache: cache_mod.AnswerCache | None
    details: dict[str, Any] = field(default_factory=dict)
    calls: int = 0
    results: dict[str, Any] = field(default_factory=dict)  # the local checks' results


# --- entry points --------------------------------------------------------------------------------
def run(
    doc: Document,
    config: Config,
    findings: list[Finding],
    options: ReviewOptions,
    results: dict[str, Any] | None = None,
) -> CheckOutput:
    job: Job | None = None
    try:
        settings = _settings(config, options)
        if settings is None:
            return CheckOutput(status="skipped", summary=SKIP_HINT)
        job = _prepare(doc, config, findings, options, settings)
        job.results = results or {}
        answer = _cached(job)
        if answer is None:
            job.model = job.model or structured_model(settings)
            answer = _store(job, _ask_sync(job))
        return _finish(job, answer)
    except Exception as exc:  # noqa: BLE001 - the contract: report, never raise
        return _failure(doc, exc, job)


async def run_async(
    doc: Document,
    config: Config,
    findings: list[Finding],
    options: ReviewOptions,
    results: dict[str, Any] | None = None,
) -> CheckOutput:
    """Like ``run``, with at most ``max_concurrency`` drafts past the semaphore per event loop.

    Preparing (redaction, prompt, cache lookup) happens inside the semaphore too: done for a whole
    batch up front it would block the loop while the first answers wait to be read. The CPU work
    stays on the loop — a few milliseconds per draft; thread hops cost more than they save."""
    job: Job | None = None
    try:
        settings = _settings(config, options)
        if settings is None:
            return CheckOutput(status="skipped", summary=SKIP_HINT)
        reply = None
        async with _semaphore(settings.max_concurrency):
            job = _prepare(doc, config, findings, options, settings)
            job.results = results or {}
            answer = _cached(job)
            if answer is None:
                job.model = job.model or structured_model(settings, for_async=True)
                reply = await _ask_async(job)
        if reply is not None:
            await asyncio.sleep(0)  # let the next draft's request go out before our bookkeeping
            answer = _store(job, reply)
        return _finish(job, answer)
    except Exception as exc:  # noqa: BLE001 - the contract: report, never raise
        return _failure(doc, exc, job)


# --- preparation ---------------------------------------------------------------------------------
def _settings(config: Config, options: ReviewOptions) -> ResolvedSettings | None:
    """None when no model is configured (and none handed in): the check is skipped."""
    injected = options.model
    if injected is None and not model_configured(config):
        return None
    return resolve(config, injected=_model_name(injected) if injected is not None else None)


def _prepare(
    doc: Document,
    config: Config,
    findings: list[Finding],
    options: ReviewOptions,
    settings: ResolvedSettings,
) -> Job:
    injected = options.model
    prompts = load_prompts(settings.prompts_dir)
    guidelines = _guidelines(config, doc.language)

    if settings.redact:
        if not config.checks.pii:
            raise CritiqueFailed(
                "redaction is on but the pii check is disabled: enable [checks] pii, or set [critique] "
                "redact = false to send personal data to the model"
            )
        outgoing = pseudonymized(doc, findings)
    else:
        outgoing = plain(doc)
    if len(outgoing.text) > settings.max_input_chars:
        raise CritiqueFailed(
            f"the draft has {len(outgoing.text)} characters, more than [critique] max_input_chars "
            f"({settings.max_input_chars})"
        )
    context = [f for f in findings if f.check != CHECK]
    findings_text = format_findings(context, settings.context_findings, outgoing.guard)
    values = prompt_values(doc, outgoing.text, guidelines, findings_text, outgoing.guard)
    leaks = outgoing.leaks([str(v) for k, v in values.items() if k != "schema"])
    if leaks:  # by construction impossible; this is the last line of defence
        raise CritiqueFailed(
            f"refusing to send: {len(leaks)} personal data item(s) still in the prompt"
        )

    key = cache_mod.CacheKey(
        model=f"{settings.provider}:{settings.model}@{settings.endpoint}",
        prompt_version=prompts.label,
        guidelines_hash=cache_mod.fingerprint(
            (g.id, g.title, g.severity, g.body) for g in guidelines
        ),
        text_hash=cache_mod.fingerprint(
            [
                doc.sha256,
                {k: v for k, v in values.items() if k not in ("schema", "guidelines")},
                settings.temperature,
                settings.structured_output,
                settings.redact,
            ]
        ),
    )
    use_cache = settings.cache and options.use_cache
    return Job(
        doc=doc,
        settings=settings,
        model=structured(injected, settings.structured_output) if injected is not None else None,
        prompts=prompts,
        guidelines=guidelines,
        outgoing=outgoing,
        values=values,
        key=key,
        cache=cache_mod.for_folder(settings.cache_dir) if use_cache else None,
        details={
            "model": settings.model,
            "provider": settings.provider,
            "endpoint": settings.endpoint,
            "prompt_version": prompts.version,
            "prompt_sha256": prompts.sha256[:12],
            "guidelines": [g.id for g in guidelines],
            "redacted": outgoing.redacted if settings.redact else None,
            "cache": "off" if not use_cache else "miss",
        },
    )


def _model_name(model: Any) -> str:
    return str(
        getattr(model, "model_name", None) or getattr(model, "model", None) or type(model).__name__
    )


def _guidelines(config: Config, language: str) -> list[Guideline]:
    from reviewer.checks.guidelines.pack import guidelines_for, load_guidelines

    return guidelines_for(load_guidelines(config), language)


def _cached(job: Job) -> CritiqueResult | None:
    if job.cache is None:
        return None
    stored = job.cache.get(job.key)
    if stored is None:
        return None
    try:
        answer = CritiqueResult.model_validate(stored)
    except ValueError:
        return None
    job.details["cache"] = "hit"
    return answer


# --- the model call ------------------------------------------------------------------------------
def _ask_sync(job: Job) -> CritiqueResult:
    chain = chat_template(job.prompts) | job.model  # prompt | chat model with structured output
    job.calls += 1
    try:
        return parse_reply(_guarded(chain.invoke, job.values))
    except MalformedReply as bad:
        log.info("critique: malformed reply (%s); asking once more", bad)
        job.calls += 1
        reask = _reask(job, chat_template(job.prompts).format_messages(**job.values), bad)
        return _parse_second(lambda: _guarded(job.model.invoke, reask), bad)


async def _ask_async(job: Job) -> CritiqueResult:
    chain = chat_template(job.prompts) | job.model
    job.calls += 1
    try:
        return parse_reply(await _guarded_async(chain.ainvoke, job.values))
    except MalformedReply as bad:
        log.info("critique: malformed reply (%s); asking once more", bad)
        job.calls += 1
        reask = _reask(job, chat_template(job.prompts).format_messages(**job.values), bad)
        try:
            second = await _guarded_async(job.model.ainvoke, reask)
        except MalformedReply as again:
            raise _twice(again, bad) from None
        return _parse_second(lambda: second, bad)


def _guarded(call, argument):
    """Run the chain; a reply that is not JSON becomes MalformedReply (other errors pass)."""
    try:
        return call(argument)
    except Exception as exc:
        bad = malformed(exc)
        if bad is None:
            raise
        raise bad from None


async def _guarded_async(call, argument):
    try:
        return await call(argument)
    except Exception as exc:
        bad = malformed(exc)
        if bad is None:
            raise
        raise bad from None


def _reask(job: Job, messages: list, bad: MalformedReply) -> list:
    from langchain_core.messages import AIMessage, HumanMessage

    return [
        *messages,
        AIMessage(content=bad.raw_text[:8000] or "(empty reply)"),
        HumanMessage(content=job.prompts.reask_message(str(bad))),
    ]


def _parse_second(get, first: MalformedReply) -> CritiqueResult:
    try:
        return parse_reply(get())
    except MalformedReply as again:
        raise _twice(again, first) from None


def _twice(again: MalformedReply, first: MalformedReply) -> CritiqueFailed:
    return CritiqueFailed(f"the model's reply was malformed twice: {again} (first: {first})")


_semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[int, asyncio.Semaphore]] = (
    weakref.WeakKeyDictionary()
)


def _semaphore(limit: int) -> asyncio.Semaphore:
    """At most ``max_concurrency`` model calls in flight per event loop, whoever calls us."""
    per_loop = _semaphores.setdefault(asyncio.get_running_loop(), {})
    if limit not in per_loop:
        per_loop[limit] = asyncio.Semaphore(limit)
    return per_loop[limit]


# --- results -------------------------------------------------------------------------------------
def _restored(job: Job, answer: CritiqueResult) -> CritiqueResult:
    """Placeholders back to the original personal data, in every text the model wrote."""
    if not job.outgoing.mapping:
        return answer

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return job.outgoing.restore(node)
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        return node

    return CritiqueResult.model_validate(walk(answer.model_dump()))


def _store(job: Job, reply: CritiqueResult) -> CritiqueResult:
    """The model's reply with personal data restored, saved for the next run."""
    answer = _restored(job, reply)
    if job.cache is not None:
        job.cache.put(job.key, answer.model_dump())
    return answer


def _finish(job: Job, answer: CritiqueResult) -> CheckOutput:
    result = interpret(
        job.doc,
        answer,
        job.guidelines,
        restore=lambda text: text,
        results=job.results,
    )
    dropped = len(result.dropped_quotes)
    details = {
        **job.details,
        "model_calls": job.calls,
        "dropped_quotes": dropped,
        "dropped": result.dropped_quotes[:20],
        "guideline_verdicts": result.verdicts,
        "depth": result.depth,
        "sections": result.sections,
        "keyword_fit": result.keyword_fit,
    }
    if result.unknown_guidelines:
        details["unknown_guidelines"] = sorted(set(result.unknown_guidelines))
    if result.unknown_keywords:
        details["unknown_keywords"] = sorted(set(result.unknown_keywords))
    notes = [f"model {job.settings.model}"]
    if details["cache"] == "hit":
        notes.append("cached")
    if dropped:
        notes.append(f"{dropped} unverifiable quote{'s' if dropped != 1 else ''} dropped")
    return CheckOutput(
        findings=result.findings,
        metrics={"critique_dropped_quotes": dropped, "critique_model_calls": job.calls},
        summary=f"{summary_for(result.findings)} ({'; '.join(notes)})",
        details=details,
    )


def _failure(doc: Document, exc: Exception, job: Job | None) -> CheckOutput:
    settings = job.settings if job is not None else None
    reason = describe(exc, settings)
    log.debug("critique failed", exc_info=exc)
    details = dict(job.details) if job is not None else {}
    details["model_calls"] = job.calls if job is not None else 0
    details["reason"] = reason
    finding = doc.finding(
        ERROR,
        message=f"The LLM critique could not run: {reason}.",
        category="error",
        suggestion="Fix the cause and review again; until then a person must check the draft against the guidelines.",
    )
    return CheckOutput(
        findings=[finding],
        metrics={"critique_model_calls": details["model_calls"]},
        status="error",
        summary=f"critique failed: {reason}",
        details=details,
    )


def describe(exc: BaseException, settings: ResolvedSettings | None) -> str:
    """One line for the report that says what went wrong and where."""
    if isinstance(exc, CritiqueFailed | ReviewerError):
        return str(exc)
    try:
        import openai
    except ImportError:  # pragma: no cover - a declared dependency; the report must still come out
        return f"{type(exc).__name__}: {_short(str(exc))}"

    where = settings.endpoint if settings else "the model endpoint"
    retries = f" after {settings.retries} retries" if settings and settings.retries else ""
    if isinstance(exc, openai.APITimeoutError):
        timeout = f" within {settings.timeout:g} s" if settings else ""
        return f"no answer from {where}{timeout}{retries}"
    if isinstance(exc, openai.RateLimitError):
        return f"rate limited by {where} (HTTP 429){retries}"
    if isinstance(exc, openai.AuthenticationError):
        return f"{where} rejected the API key (HTTP 401)"
    if isinstance(exc, openai.NotFoundError):
        model = f"model {settings.model!r} " if settings else ""
        return f"{model}not found at {where} (HTTP 404)"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code} from {where}{retries}: {_short(exc.message)}"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot connect to {where}{retries}"
    return f"{type(exc).__name__}: {_short(str(exc))}"


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
