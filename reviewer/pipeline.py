"""Run the checks on a Document and build the Report: the one place where findings meet."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from reviewer import __version__
from reviewer.checks import DETERMINISTIC_CHECKS, CheckOutput, load_check
from reviewer.config import Config
from reviewer.document import Document
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


def review(doc: Document, config: Config, options: ReviewOptions | None = None) -> Report:
    options = options or ReviewOptions()
    checks: dict[str, CheckResult] = {}
    metrics: dict[str, Any] = {}
    findings: list[Finding] = []
    for name in DETERMINISTIC_CHECKS:
        if not getattr(config.checks, name):
            checks[name] = _disabled()
            continue
        output = _run_safely(name, lambda name=name: load_check(name)(doc, config))
        findings += output.findings
        metrics.update(output.metrics)
        checks[name] = _result(output)
    findings, suppressed = apply_suppressions(doc, config, findings)
    assign_ids(findings + suppressed)

    if not config.checks.critique:
        checks["critique"] = _disabled()
    elif not options.run_critique:
        checks["critique"] = CheckResult(status="skipped", summary="critique not requested for this run")
    else:
        from reviewer.critique import run_critique

        output = _run_safely("critique", lambda: run_critique(doc, config, list(findings), options))
        critique_findings, critique_suppressed = apply_suppressions(doc, config, output.findings)
        assign_ids(critique_findings + critique_suppressed)
        findings += critique_findings
        suppressed += critique_suppressed
        metrics.update(output.metrics)
        checks["critique"] = _result(output)

    findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.check, f.rule))
    return Report(
        source=doc.source,
        content_sha256=doc.sha256,
        language=doc.language,
        word_count=doc.word_count,
        verdict=verdict_for(findings, checks),
        score=score_for(findings),
        checks=checks,
        metrics=metrics,
        findings=findings,
        suppressed=suppressed,
        brief=doc.brief.model_dump(exclude_none=True) if doc.brief else None,
        notes=[] if doc.brief else ["no brief given: length, keyword and required-section checks did not run"],
        tool={"name": "reviewer", "version": __version__},
    )


def _run_safely(name: str, call) -> CheckOutput:
    """A failing check becomes status 'error' in the report; the other checks still run."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - one check's bug must not lose the whole review
        log.debug("check %s failed", name, exc_info=True)
        return CheckOutput(status="error", summary=f"check could not run: {type(exc).__name__}: {exc}")


def _result(output: CheckOutput) -> CheckResult:
    return CheckResult(
        status=output.status or status_for(output.findings),
        summary=output.summary or summary_for(output.findings),
        **output.details,
    )


def _disabled() -> CheckResult:
    return CheckResult(status="skipped", summary="disabled in the configuration", disabled=True)
