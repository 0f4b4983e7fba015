"""The report contract (schema_version 1, see README "JSON report").

Other tools parse these fields: add fields freely, never rename or drop the contract ones.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Severity = Literal["info", "warning", "error"]
Status = Literal["pass", "warn", "fail", "skipped", "error"]
Verdict = Literal["ready", "needs_review", "blocked"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def at_or_above(severity: str, level: str) -> bool:
    """True when ``severity`` is ``level`` or worse: the one threshold test, for exit codes,
    JUnit failures, batch summaries and display filters alike."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[level]


class Finding(BaseModel):
    """One problem at one place (or in the whole document when ``start`` is None)."""

    model_config = ConfigDict(extra="allow")

    id: str
    check: str
    rule: str
    severity: Severity
    message: str
    category: str = ""
    text: str = ""
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    suggestion: str | None = None


class CheckResult(BaseModel):
    """How one check went, in one word and one sentence."""

    model_config = ConfigDict(extra="allow")

    status: Status
    summary: str
    disabled: bool = Field(
        default=False,
        description="skipped on purpose ([checks] off or --no-critique): does not hold the "
        "verdict back from ready",
    )


class Report(BaseModel):
    """Everything one review of one draft found."""

    model_config = ConfigDict(extra="allow")

    schema_version: int = SCHEMA_VERSION
    source: str
    content_sha256: str
    language: str
    word_count: int
    verdict: Verdict
    score: int
    checks: dict[str, CheckResult]
    metrics: dict[str, Any] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    suppressed: list[Finding] = Field(
        default_factory=list,
        description="Findings silenced by reviewer-disable comments or per-path ignores; not in the verdict.",
    )
    brief: dict[str, Any] | None = None
    notes: list[str] = Field(default_factory=list)
    tool: dict[str, str] = Field(default_factory=dict)

    def findings_at_or_above(self, level: str) -> list[Finding]:
        return [f for f in self.findings if at_or_above(f.severity, level)]
