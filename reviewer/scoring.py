"""The verdict and score: plain rules over findings, never a model's opinion.

The verdict policy (README "Verdict and score"): only publication risks block. A finding may keep
the severity ``error`` when it is

- personal data that reaches or identifies a private person beyond a name: a personal e-mail
  address, phone number, postal address, bank or card number, IP address (the ``pii.*`` rules
  declared ``error``) — until waived;
- an unsupported claim of the error kind (``claims-evidence.unsupported``, ``critique.claim``,
  the critique's findings against ``claims-evidence``);
- text addressed to an AI reviewer (``prompt-injection.*``);
- a rule of a guideline file declared ``error`` (the team marks it as a publication risk), or any
  rule a team sets to ``"error"`` in ``[rules]``.

Everything else (keyword stuffing, readability, structure, filler) is at most a ``warning``: a
fixable issue for the editor, not a reason to stop publication. A person's name alone is
*declared* a warning (``pii.person`` in the pii check's rules), so ``reviewer rules`` and the
verdict say the same; the policy needs no exception for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from reviewer.models import CheckResult, Finding, Verdict

if TYPE_CHECKING:
    from reviewer.config import Config

# Checks whose error findings may block: personal data, guideline rules (the files say which are
# errors: claims, injection, a team's own), and the critique, whose findings against a guideline
# (``critique.<guideline id>``) it caps at that guideline's severity and whose claims
# (``critique.claim``) are unsupported claims; its other rules are warnings by declaration.
BLOCKING_CHECKS = frozenset({"pii", "guidelines", "critique"})


def may_block(finding: Finding, config: Config | None = None) -> bool:
    """Whether the verdict policy lets this finding be an error."""
    if config is not None and config.rules.get(finding.rule) == "error":
        return True  # the team marked it as an error
    return finding.check in BLOCKING_CHECKS


def apply_policy(findings: list[Finding], config: Config | None = None) -> list[Finding]:
    """Findings with the verdict policy applied: an error that may not block becomes a warning."""
    for finding in findings:
        if finding.severity == "error" and not may_block(finding, config):
            finding.severity = "warning"
    return findings


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
