"""The ``guidelines`` check: run every rule of every guideline that applies to the draft's language.

Rule ids in findings are ``<guideline id>.<rule id>`` — the id people write in suppression
comments — and ``category`` is the guideline id, so the critique and the UI can group by guideline.
"""

from __future__ import annotations

from reviewer.checks import CheckOutput
from reviewer.config import Config
from reviewer.document import Document
from reviewer.guidelines import guidelines_for, load_guidelines
from reviewer.models import Finding
from reviewer.rules import engine_for

CHECK = "guidelines"


def run(doc: Document, config: Config) -> CheckOutput:
    guidelines = guidelines_for(load_guidelines(config), doc.language)
    findings: list[Finding] = []
    rules_run = 0
    for guideline in guidelines:
        for rule in guideline.rules:
            if not rule.applies_to(doc.language):
                continue
            rules_run += 1
            for hit in engine_for(rule.type)(doc, rule, doc.language):
                findings.append(
                    doc.finding(
                        check=CHECK,
                        rule=guideline.rule_id(rule),
                        severity=guideline.severity_of(rule),
                        message=hit.message,
                        category=guideline.id,
                        start=hit.start,
                        end=hit.end,
                        suggestion=hit.suggestion,
                        **hit.extra,
                    )
                )
    claims = sum(1 for f in findings if getattr(f, "claim_kinds", None))
    output = CheckOutput(findings=findings, metrics={"unsupported_claims": claims})
    output.details["guidelines"] = [g.id for g in guidelines]
    if not guidelines:
        output.summary = f"no guidelines apply to language '{doc.language}'"
    elif not findings:
        output.summary = f"{len(guidelines)} guidelines, {rules_run} rules: nothing found"
    return output
