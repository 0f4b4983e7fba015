"""Run the checks on a Document and build the Report: the one place where findings meet.

Three steps, so that a batch can run the CPU checks in worker processes and the model checks
(the LLM critique) with bounded async concurrency in the parent: ``run_checks`` (the "local"
stage) → ``run_model_checks`` (or ``run_model_checks_async``) → ``build_report``. ``review``
chains them for one document. Which checks exist and in which order comes from the check
registry (``reviewer.checks``); this module knows no check by name.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reviewer import __version__
from reviewer.checks import local_checks, model_checks
from reviewer.checks.base import CheckContext, CheckOutput, CheckSpec, ReviewOptions
from reviewer.config import Config
from reviewer.document import Document
from reviewer.errors import ConfigError
from reviewer.finding_ids import assign_ids
from reviewer.models import CheckResult, Finding, Report
from reviewer.registry import apply_rule_settings
from reviewer.scoring import apply_policy, score_for, status_for, summary_for, verdict_for
from reviewer.suppressions import apply_suppressions

__all__ = [
    "PartialReview",
    "ReviewOptions",
    "build_report",
    "review",
    "run_checks",
    "run_model_checks",
    "run_model_checks_async",
]

log = logging.getLogger(__name__)


@dataclass
class PartialReview:
    """Results so far; picklable, so worker processes can hand it back to the parent."""

    checks: dict[str, CheckResult] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)


def review(doc: Document, config: Config, options: ReviewOptions | None = None) -> Report:
    options = options or ReviewOptions()
    deadline = time.monotonic() + config.time_limit
    partial = run_checks(doc, config, options, deadline=deadline)
    run_model_checks(doc, config, partial, options, deadline=deadline)
    return build_report(doc, partial)


def run_checks(
    doc: Document,
    config: Config,
    options: ReviewOptions | None = None,
    *,
    deadline: float | None = None,
) -> PartialReview:
    """The local checks (CPU only, no network), in registry order, within ``config.time_limit``
    (or by ``deadline``, a ``time.monotonic()`` value): a check not started in time is an error."""
    options = options or ReviewOptions()
    if deadline is None:
        deadline = time.monotonic() + config.time_limit
    partial = PartialReview()
    findings: list[Finding] = []
    for spec in local_checks():
        if not getattr(config.checks, spec.name):
            partial.checks[spec.name] = _switched_off("disabled in the configuration")
            continue
        if time.monotonic() >= deadline:
            partial.checks[spec.name] = _result(_out_of_time(config))
            continue
        ctx = CheckContext(doc, config, options, list(findings), deadline=deadline)
        output = _run_safely(spec.name, lambda spec=spec, ctx=ctx: spec.entry()(ctx))
        findings += output.findings
        partial.metrics.update(output.metrics)
        partial.checks[spec.name] = _result(output)
    _merge(doc, config, partial, findings)
    return partial


def run_model_checks(
    doc: Document,
    config: Config,
    partial: PartialReview,
    options: ReviewOptions,
    *,
    deadline: float | None = None,
) -> PartialReview:
    """The checks that ask a language model; they see the local findings."""
    for spec, ctx in _model_steps(doc, config, partial, options, deadline):
        output = _run_safely(spec.name, lambda spec=spec, ctx=ctx: spec.entry()(ctx))
        _add(doc, config, partial, spec.name, output)
    return partial


async def run_model_checks_async(
    doc: Document,
    config: Config,
    partial: PartialReview,
    options: ReviewOptions,
    *,
    deadline: float | None = None,
) -> PartialReview:
    """Like ``run_model_checks``, for many drafts on one event loop (batch): a check with an
    async entry is awaited, so one slow model answer does not hold the other drafts up."""
    for spec, ctx in _model_steps(doc, config, partial, options, deadline):
        entry = spec.async_entry()
        if entry is None:
            output = _run_safely(spec.name, lambda spec=spec, ctx=ctx: spec.entry()(ctx))
        else:
            try:
                output = await entry(ctx)
            except Exception as exc:  # noqa: BLE001 - same contract as _run_safely
                output = _failed(spec.name, exc)
        _add(doc, config, partial, spec.name, output)
    return partial


def _model_steps(
    doc: Document,
    config: Config,
    partial: PartialReview,
    options: ReviewOptions,
    deadline: float | None,
) -> Iterator[tuple[CheckSpec, CheckContext]]:
    """Each model check to run with its context, for the sync and the async loop alike.

    A check not started by ``deadline`` is recorded as out of time instead of yielded. The
    context is built only when the caller asks for the next step, after it has added the
    previous check's output, so each check sees the findings of the ones before it."""
    for spec in _model_checks_to_run(config, partial, options):
        if deadline is not None and time.monotonic() >= deadline:
            _add(doc, config, partial, spec.name, _out_of_time(config))
            continue
        yield (
            spec,
            CheckContext(
                doc, config, options, list(partial.findings), dict(partial.checks), deadline
            ),
        )


def _model_checks_to_run(
    config: Config, partial: PartialReview, options: ReviewOptions
) -> list[CheckSpec]:
    """Model checks to run; the others get their reason recorded in ``partial``."""
    runnable = []
    for spec in model_checks():
        if not getattr(config.checks, spec.name):
            partial.checks[spec.name] = _switched_off("disabled in the configuration")
        elif not options.run_critique:
            # An explicit choice of the person running the review, like [checks] critique = false:
            # recorded in the report, and it does not hold the verdict back from `ready`.
            partial.checks[spec.name] = _switched_off("switched off for this run (--no-critique)")
        else:
            runnable.append(spec)
    return runnable


def _add(
    doc: Document, config: Config, partial: PartialReview, name: str, output: CheckOutput
) -> None:
    partial.metrics.update(output.metrics)
    partial.checks[name] = _result(output)
    _merge(doc, config, partial, output.findings)


def _merge(doc: Document, config: Config, partial: PartialReview, findings: list[Finding]) -> None:
    """Severities from ``[rules]`` and the verdict policy, then suppressions, then stable ids."""
    findings = apply_policy(apply_rule_settings(findings, config), config)
    kept, suppressed = apply_suppressions(doc, config, findings)
    assign_ids(kept + suppressed)
    partial.findings += kept
    partial.suppressed += suppressed


def build_report(doc: Document, partial: PartialReview) -> Report:
    findings = sorted(
        located(doc, partial.findings),
        key=lambda f: (f.start if f.start is not None else -1, f.check, f.rule),
    )
    order = [spec.name for spec in (*local_checks(), *model_checks())]
    ordered_checks = {name: partial.checks[name] for name in order if name in partial.checks}
    return Report(
        source=doc.source,
        content_sha256=doc.sha256,
        language=doc.language,
        word_count=doc.word_count,
        verdict=verdict_for(findings, ordered_checks),
        score=score_for(findings),
        checks=ordered_checks,
        metrics=partial.metrics,
        findings=findings,
        suppressed=located(doc, partial.suppressed),
        brief=doc.brief.model_dump(exclude_none=True) if doc.brief else None,
        notes=[*doc.notes]
        + (
            []
            if doc.brief
            else ["no brief given: length, keyword and required-section checks did not run"]
        ),
        tool={"name": "reviewer", "version": __version__},
    )


def located(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Findings of a Word draft with ``location``: the paragraph (in the Word document's
    reading order, see reviewer.parsing.docx) and the character range their text sits at."""
    if doc.paragraphs is None:
        return findings
    return [
        f.model_copy(update={"location": where})
        if (where := doc.locate(f.start, f.end)) is not None
        else f
        for f in findings
    ]


def _run_safely(name: str, call: Callable[[], CheckOutput]) -> CheckOutput:
    """A failing check becomes status 'error' in the report; the other checks still run."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - one check's bug must not lose the whole review
        return _failed(name, exc)


def _failed(name: str, exc: Exception) -> CheckOutput:
    """The output of a check that raised. A broken configuration or guideline file
    (``ConfigError``) is not the check's failure: it stops the run (exit 2), as for the CLI."""
    if isinstance(exc, ConfigError):
        raise exc
    log.debug("check %s failed", name, exc_info=True)
    return _crashed(exc)


def _out_of_time(config: Config) -> CheckOutput:
    return CheckOutput(
        status="error",
        summary=f"not run: the review's time limit ({config.time_limit:g} s, time_limit) was reached",
    )


def _crashed(exc: Exception) -> CheckOutput:
    return CheckOutput(status="error", summary=f"check could not run: {type(exc).__name__}: {exc}")


def _result(output: CheckOutput) -> CheckResult:
    return CheckResult(
        status=output.status or status_for(output.findings),
        summary=output.summary or summary_for(output.findings),
        **output.details,
    )


def _switched_off(reason: str) -> CheckResult:
    return CheckResult(status="skipped", summary=reason, disabled=True)
