"""Run the checks on a Document and build the Report: the one place where findings meet.

Three steps, so that a batch can run the CPU checks in worker processes and the LLM critique
with bounded async concurrency in the parent: ``run_checks`` → ``add_critique`` (or
``add_critique_async``) → ``build_report``. ``review`` chains them for one document.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from reviewer import __version__
from reviewer.checks import DETERMINISTIC_CHECKS, CheckOutput, load_check
from reviewer.config import Config
from reviewer.document import Document
from reviewer.errors import ConfigError
from reviewer.finding_ids import assign_ids
from reviewer.models import CheckResult, Finding, Report
from reviewer.scoring import score_for, status_for, summary_for, verdict_for
from reviewer.suppressions import apply_suppressions

log = logging.getLogger(__name__)


@dataclass
class ReviewOptions:
    """Per-run choices that are not configuration (they come from command-line flags)."""

    use_cache: bool = True
    run_critique: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PartialReview:
    """Results so far; picklable, so worker processes can hand it back to the parent."""

    checks: dict[str, CheckResult] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)


def review(doc: Document, config: Config, options: ReviewOptions | None = None) -> Report:
    options = options or ReviewOptions()
    partial = run_checks(doc, config)
    add_critique(doc, config, partial, options)
    return build_report(doc, partial)


def run_checks(doc: Document, config: Config) -> PartialReview:
    """The deterministic checks (CPU only, no network)."""
    partial = PartialReview()
    findings: list[Finding] = []
    for name in DETERMINISTIC_CHECKS:
        if not getattr(config.checks, name):
            partial.checks[name] = _disabled()
            continue
        output = _run_safely(name, lambda name=name: load_check(name)(doc, config))
        findings += output.findings
        partial.metrics.update(output.metrics)
        partial.checks[name] = _result(output)
    partial.findings, partial.suppressed = apply_suppressions(doc, config, findings)
    assign_ids(partial.findings + partial.suppressed)
    return partial


def critique_needed(config: Config, options: ReviewOptions, partial: PartialReview) -> bool:
    """True when the critique should call the model; otherwise records why it was skipped."""
    if not config.checks.critique:
        partial.checks["critique"] = _disabled()
        return False
    if not options.run_critique:
        # An explicit choice of the person running the review, like [checks] critique = false:
        # recorded in the report, and it does not hold the verdict back from `ready`.
        partial.checks["critique"] = CheckResult(
            status="skipped", summary="switched off for this run (--no-critique)", disabled=True
        )
        return False
    return True


def add_critique(
    doc: Document, config: Config, partial: PartialReview, options: ReviewOptions
) -> PartialReview:
    if critique_needed(config, options, partial):
        from reviewer.critique import run_critique

        output = _run_safely(
            "critique", lambda: run_critique(doc, config, list(partial.findings), options)
        )
        merge_critique(doc, config, partial, output)
    return partial


async def add_critique_async(
    doc: Document, config: Config, partial: PartialReview, options: ReviewOptions
) -> PartialReview:
    if critique_needed(config, options, partial):
        from reviewer.critique import run_critique_async

        try:
            output = await run_critique_async(doc, config, list(partial.findings), options)
        except Exception as exc:  # noqa: BLE001 - same contract as _run_safely
            log.debug("critique failed", exc_info=True)
            output = CheckOutput(
                status="error", summary=f"check could not run: {type(exc).__name__}: {exc}"
            )
        merge_critique(doc, config, partial, output)
    return partial


def merge_critique(
    doc: Document, config: Config, partial: PartialReview, output: CheckOutput
) -> None:
    kept, suppressed = apply_suppressions(doc, config, output.findings)
    assign_ids(kept + suppressed)
    partial.findings += kept
    partial.suppressed += suppressed
    partial.metrics.update(output.metrics)
    partial.checks["critique"] = _result(output)


def build_report(doc: Document, partial: PartialReview) -> Report:
    findings = sorted(
        located(doc, partial.findings),
        key=lambda f: (f.start if f.start is not None else -1, f.check, f.rule),
    )
    ordered_checks = {
        name: partial.checks[name]
        for name in (*DETERMINISTIC_CHECKS, "critique")
        if name in partial.checks
    }
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


def _run_safely(name: str, call) -> CheckOutput:
    """A failing check becomes status 'error' in the report; the other checks still run."""
    try:
        return call()
    except ConfigError:
        raise  # a broken configuration or guideline file stops the run (exit 2), as for the CLI
    except Exception as exc:  # noqa: BLE001 - one check's bug must not lose the whole review
        log.debug("check %s failed", name, exc_info=True)
        return CheckOutput(
            status="error", summary=f"check could not run: {type(exc).__name__}: {exc}"
        )


def _result(output: CheckOutput) -> CheckResult:
    return CheckResult(
        status=output.status or status_for(output.findings),
        summary=output.summary or summary_for(output.findings),
        **output.details,
    )


def _disabled() -> CheckResult:
    return CheckResult(status="skipped", summary="disabled in the configuration", disabled=True)
