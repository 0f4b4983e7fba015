"""The ``guidelines`` check: run every rule of every guideline that applies to the draft's language.

Rule ids in findings are ``<guideline id>.<rule id>`` — the id people write in suppression
comments — and ``category`` is the guideline id, so the critique and the UI can group by guideline.
"""

from __future__ import annotations

from reviewer.checks.base import CheckContext, CheckOutput
from reviewer.checks.guidelines.budget import RuleTimeout, rule_deadline
from reviewer.checks.guidelines.engines import PREFILTER, engine_for
from reviewer.checks.guidelines.pack import guidelines_for, load_guidelines
from reviewer.checks.guidelines.rules import registry_rule
from reviewer.models import Finding

# Drafts this process reviews before the required-words prefilter is worth its one-off cost
# (see ``engines.PREFILTER``); tests set it to 0.
PREFILTER_AFTER = 1
_reviewed = 0


def run(ctx: CheckContext) -> CheckOutput:
    global _reviewed
    doc = ctx.doc
    doc.memos[PREFILTER] = _reviewed >= PREFILTER_AFTER
    _reviewed += 1  # a race between threads only moves the switch by a draft: same results
    guidelines = guidelines_for(load_guidelines(ctx.config), doc.language)
    findings: list[Finding] = []
    rules_run = 0
    budget = ctx.config.guidelines.rule_time_budget
    stopped: list[str] = []  # rules over their time budget: an error, the other rules still run
    for guideline in guidelines:
        for rule in guideline.rules:
            if not rule.applies_to(doc.language):
                continue
            rules_run += 1
            try:
                with rule_deadline(budget, ctx.deadline):
                    hits = engine_for(rule.type)(doc, rule, doc.language)
            except RuleTimeout:
                stopped.append(registry_rule(guideline, rule).id)
                continue
            if not hits:
                continue  # most rules find nothing: their registry form is built only when needed
            registered = registry_rule(guideline, rule)
            for hit in hits:
                findings.append(
                    doc.finding(
                        registered,
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
    if stopped:
        output.status = "error"
        output.summary = (
            f"stopped after {budget:g} s (pattern too slow on this draft, rewrite it): "
            + ", ".join(stopped)
        )
        output.details["timed_out_rules"] = stopped
    elif not guidelines:
        output.summary = f"no guidelines apply to language '{doc.language}'"
    elif not findings:
        output.summary = f"{len(guidelines)} guidelines, {rules_run} rules: nothing found"
    return output
