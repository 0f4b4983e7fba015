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
CheckName = Literal["pii", "readability", "keywords", "structure", "guidelines", "critique"]

CHECK_NAMES: tuple[str, ...] = (
    "pii",
    "readability",
    "keywords",
    "structure",
    "guidelines",
    "critique",
)
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


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
        threshold = SEVERITY_RANK[level]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= threshold]
