"""The verdict and score: plain rules over findings, never a model's opinion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reviewer.models import CheckResult, Finding, Verdict

PENALTY = {"error": 20, "warning": 5, "info": 1}
PENALTY_CAP = {"error": 60, "warning": 30, "info": 10}


def verdict_for(
    findings: Iterable[Finding], checks: Mapping[str, CheckResult], waived: set[str] | None = None
) -> Verdict:
    """blocked: an error finding not waived. needs_review: a warning, or a check that could not
    run (status error) or was skipped without being switched off. Otherwise ready."""
    waived = waived or set()
    active = [f for f in findings if f.id not in waived]
    if any(f.severity == "error" for f in active):
        return "blocked"
    if any(f.severity == "warning" for f in active):
        return "needs_review"
    for result in checks.values():
        if result.status == "error":
            return "needs_review"
        if result.status == "skipped" and not result.disabled:
            return "needs_review"
    return "ready"


def unchecked_reason(
    findings: Iterable[Finding], checks: Mapping[str, CheckResult], waived: set[str] | None = None
) -> str | None:
    """Why a draft without open error or warning findings still needs review: the checks that
    could not run or were skipped without being switched off, with their own summary
    (``critique skipped: no language model configured: …``). None when findings explain it."""
    waived = waived or set()
    if any(f.severity in ("error", "warning") for f in findings if f.id not in waived):
        return None
    reasons = [
        f"{name} {result.status}: {result.summary}"
        for name, result in checks.items()
        if result.status == "error" or (result.status == "skipped" and not result.disabled)
    ]
    return "; ".join(reasons) or None


def score_for(findings: Iterable[Finding], waived: set[str] | None = None) -> int:
    """100 minus capped penalties per severity (20 per error, 5 per warning, 1 per info)."""
    waived = waived or set()
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        if finding.id not in waived:
            counts[finding.severity] += 1
    penalty = sum(min(PENALTY[s] * n, PENALTY_CAP[s]) for s, n in counts.items())
    return max(0, 100 - penalty)


def status_for(findings: list[Finding]) -> str:
    severities = {f.severity for f in findings}
    if "error" in severities:
        return "fail"
    if "warning" in severities:
        return "warn"
    return "pass"


def summary_for(findings: list[Finding]) -> str:
    if not findings:
        return "no findings"
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return ", ".join(parts)
