"""Turn the model's answer into findings: verified quotes, capped severities, nothing else.

The model proposes; this module decides what counts. A quote must be in the draft (restored from
placeholders first), a guideline id must be one we sent, and no finding is more severe than its
guideline allows. What the model says about the draft as a whole ("approve", "looks great") has no
field to land in, so it cannot move the verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewer.checks.critique.quotes import QuoteFinder
from reviewer.checks.critique.rules import CLAIM, DEPTH, guideline_rule
from reviewer.models import SEVERITY_RANK

if TYPE_CHECKING:
    from reviewer.checks.base import Rule
    from reviewer.checks.critique.schema import CritiqueResult
    from reviewer.checks.guidelines.pack import Guideline
    from reviewer.document import Document
    from reviewer.models import Finding


@dataclass
class Interpretation:
    findings: list[Finding] = field(default_factory=list)
    dropped_quotes: list[dict[str, str]] = field(default_factory=list)
    unknown_guidelines: list[str] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    depth: str | None = None


def cap(severity: str, ceiling: str) -> str:
    return severity if SEVERITY_RANK[severity] <= SEVERITY_RANK[ceiling] else ceiling


def interpret(
    doc: Document,
    result: CritiqueResult,
    guidelines: list[Guideline],
    restore: Callable[[str], str],
) -> Interpretation:
    """Findings from a validated answer. ``restore`` puts personal data back into the model's text."""
    out = Interpretation()
    finder = QuoteFinder(doc.body, doc.body_start)
    known = {g.id: g for g in guidelines}
    seen: set[tuple[str, int, int]] = set()

    def add(
        rule: Rule,
        category: str,
        quote: str,
        severity: str,
        message: str,
        suggestion: str,
        **extra: Any,
    ):
        original = restore(quote)
        span = finder.locate(original, rule.id)
        if span is None:
            out.dropped_quotes.append({"rule": rule.id, "quote": original[:200]})
            return
        if (rule.id, *span) in seen:
            return
        seen.add((rule.id, *span))
        out.findings.append(
            doc.finding(
                rule,
                severity=cap(severity, rule.severity),
                message=restore(message).strip() or "The language model flagged this passage.",
                category=category,
                start=span[0],
                end=span[1],
                suggestion=restore(suggestion).strip() or None,
                **extra,
            )
        )

    for assessment in result.guidelines:
        guideline = known.get(assessment.guideline_id)
        if guideline is None:
            out.unknown_guidelines.append(assessment.guideline_id)
            continue
        out.verdicts[guideline.id] = assessment.verdict
        rule = guideline_rule(guideline)
        for item in assessment.findings:
            add(
                rule,
                guideline.id,
                item.quote,
                item.severity,
                item.explanation,
                item.suggestion,
            )

    for claim in result.claims:
        add(
            CLAIM,
            "claim",
            claim.quote,
            claim.severity,
            claim.explanation,
            claim.suggestion,
            assessment=claim.assessment,
        )

    depth = result.depth
    out.depth = depth.rating
    if depth.rating != "adequate":
        out.findings.append(
            doc.finding(
                DEPTH,
                severity=cap(depth.severity, DEPTH.severity),
                message=restore(depth.explanation).strip()
                or f"Depth for the audience: {depth.rating}.",
                category="depth",
                suggestion=restore(depth.suggestion).strip() or None,
                assessment=depth.rating,
            )
        )
    return out
