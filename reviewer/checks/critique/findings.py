"""Turn the model's answer into findings: verified quotes, capped severities, nothing else.

The model proposes; this module decides what counts. A quote must be in the draft (restored from
placeholders first), a guideline id must be one we sent, and no finding is more severe than its
guideline allows. What the model says about the draft as a whole ("approve", "looks great") has no
field to land in, so it cannot move the verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from reviewer.checks.critique.quotes import QuoteFinder
from reviewer.checks.critique.rules import (
    CLAIM,
    DEPTH,
    KEYWORD_FIT,
    SECTION_DEPTH,
    guideline_rule,
)
from reviewer.models import SEVERITY_RANK

if TYPE_CHECKING:
    from reviewer.checks.base import Rule
    from reviewer.checks.critique.schema import CritiqueResult, KeywordFit, SectionDepth
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
    sections: list[dict[str, Any]] = field(default_factory=list)
    keyword_fit: list[dict[str, Any]] = field(default_factory=list)
    unknown_keywords: list[str] = field(default_factory=list)


def cap(severity: str, ceiling: str) -> str:
    return severity if SEVERITY_RANK[severity] <= SEVERITY_RANK[ceiling] else ceiling


def interpret(
    doc: Document,
    result: CritiqueResult,
    guidelines: list[Guideline],
    restore: Callable[[str], str],
    results: dict[str, Any] | None = None,
) -> Interpretation:
    """Findings from a validated answer. ``restore`` puts personal data back into the model's text;
    ``results`` are the local checks' results, whose judgements (substance per section, keyword
    fit) are shown next to the model's."""
    out = Interpretation()
    finder = QuoteFinder(doc.body, doc.body_start)
    known = {g.id: g for g in guidelines}
    seen: set[tuple[str, int, int]] = set()

    def verified(rule: Rule, quote: str) -> tuple[int, int] | None:
        original = restore(quote)
        span = finder.locate(original, rule.id)
        if span is None:
            out.dropped_quotes.append({"rule": rule.id, "quote": original[:200]})
        return span

    def add(
        rule: Rule,
        category: str,
        quote: str,
        severity: str,
        message: str,
        suggestion: str,
        *,
        span: tuple[int, int] | None = None,
        **extra: Any,
    ):
        span = span or verified(rule, quote)
        if span is None or (rule.id, *span) in seen:
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

    answer = _Answer(doc, out, verified, add, restore, results or {})
    _sections(answer, result.sections)
    _keywords(answer, result.keywords)

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


Verify = Callable[["Rule", str], "tuple[int, int] | None"]


class _Answer(NamedTuple):
    """What the per-section and keyword interpreters share with ``interpret``."""

    doc: Document
    out: Interpretation
    verified: Verify
    add: Callable[..., None]
    restore: Callable[[str], str]
    results: dict[str, Any]


def _sections(answer: _Answer, items: list[SectionDepth]) -> None:
    """Per-section depth: the quote decides which section the rating is about (the model's
    heading may be misspelt); the substance check's measures of that section go alongside."""
    doc, out, verified, add, restore, results = answer
    offline = {s["title"]: s for s in _extra(results.get("substance"), "sections")}
    for item in items:
        span = verified(SECTION_DEPTH, item.quote)
        if span is None:
            continue
        title = _section_title(doc, span[0])
        measured = offline.get(title)
        out.sections.append(
            {
                "section": title,
                "depth": item.depth,
                "quote": doc.content[span[0] : span[1]],
                "start": span[0],
                "end": span[1],
                "suggestion": restore(item.suggestion).strip() or None,
                "substance": None
                if measured is None
                else {
                    k: measured.get(k)
                    for k in ("shallow", "details_per_100_words", "generic_share")
                },
            }
        )
        if item.depth != "adequate":
            what = "too shallow" if item.depth == "too_shallow" else "too advanced"
            add(
                SECTION_DEPTH,
                "section_depth",
                item.quote,
                SECTION_DEPTH.severity,
                f'Section "{title}" is {what} for the audience (language model).',
                item.suggestion,
                span=span,
                section=title,
                assessment=item.depth,
            )


def _keywords(answer: _Answer, items: list[KeywordFit]) -> None:
    """One verdict per brief keyword, next to the keywords check's own fit. A verdict whose quote
    is not in the draft is dropped like any other finding; keywords not in the brief are ignored."""
    doc, out, verified, add, restore, results = answer
    brief = list(doc.brief.keywords) if doc.brief and doc.brief.keywords else []
    wanted = {_key(k): k for k in brief}
    rule_based = {
        _key(entry.get("keyword", "")): (entry.get("fit") or {}).get("verdict")
        for entry in _extra(results.get("keywords"), "keywords")
    }
    judged: dict[str, dict[str, Any]] = {}
    for item in items:
        keyword = wanted.get(_key(item.keyword))
        if keyword is None:
            out.unknown_keywords.append(item.keyword)
            continue
        if keyword in judged:
            continue
        span = verified(KEYWORD_FIT, item.quote)
        if span is None:
            continue
        reason = restore(item.reason).strip()
        judged[keyword] = {
            "verdict": item.fit,
            "quote": doc.content[span[0] : span[1]],
            "start": span[0],
            "end": span[1],
            "reason": reason or None,
        }
        if item.fit != "fits":
            add(
                KEYWORD_FIT,
                keyword,
                item.quote,
                KEYWORD_FIT.severity,
                f'The language model finds the keyword "{keyword}" {item.fit}'
                + (f": {reason}" if reason else "."),
                "",
                span=span,
                keyword=keyword,
                assessment=item.fit,
                rule_based_fit=rule_based.get(_key(keyword)),
            )
    for keyword in brief:
        out.keyword_fit.append(
            {
                "keyword": keyword,
                "fit": rule_based.get(_key(keyword)),
                "model_fit": judged.get(keyword),
            }
        )


def _key(keyword: str) -> str:
    return " ".join(str(keyword).split()).casefold()


def _extra(result: Any, name: str) -> list[dict[str, Any]]:
    """A list from a local check's details (``CheckResult`` extras), or nothing."""
    value = getattr(result, name, None) if result is not None else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _section_title(doc: Document, offset: int) -> str:
    title = ""
    for section in doc.sections:
        if section.heading.start > offset:
            break
        title = section.title
    return title or "(before the first heading)"
