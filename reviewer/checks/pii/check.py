"""The pii check's entry: presidio with reviewer's offline recognizers, findings per item.

Publishing a customer's private phone number or bank details without consent breaks the GDPR,
so such an item is an error that blocks the draft until it is removed or consent is recorded and
the finding waived; a name alone is a warning (see ``rules``).
"""

from __future__ import annotations

from collections import Counter

from reviewer.checks.base import CheckContext, CheckOutput
from reviewer.checks.pii.detect import find_pii
from reviewer.checks.pii.engine import get_engine
from reviewer.checks.pii.rules import BY_ENTITY, PERSON
from reviewer.document import Document
from reviewer.models import Finding


def run(ctx: CheckContext) -> CheckOutput:
    doc, settings = ctx.doc, ctx.config.pii
    detections = find_pii(doc.content, doc.language, settings, start=doc.body_start)
    findings = [_finding(doc, d.start, d.end, d.entity, d.score) for d in detections]
    counts = Counter(d.entity for d in detections)
    output = CheckOutput(findings=findings, metrics={"pii_items": len(findings)})
    output.details["counts"] = dict(sorted(counts.items()))
    notes = get_engine(settings.spacy_model).notes
    if notes:
        output.details["notes"] = list(notes)
    if findings:
        kinds = ", ".join(f"{n} {kind.lower()}" for kind, n in sorted(counts.items()))
        output.summary = (
            f"{len(findings)} personal data item{'s' if len(findings) != 1 else ''} ({kinds})"
        )
    else:
        output.summary = "no personal data found"
    return output


def _finding(doc: Document, start: int, end: int, entity: str, score: float) -> Finding:
    rule = BY_ENTITY.get(entity, PERSON)
    return doc.finding(
        rule,
        message=(
            f"{rule.title} in the text. Publishing personal data without the person's consent "
            "breaks the GDPR (Art. 6) and exposes them to spam, fraud or unwanted contact."
        ),
        category=entity,
        start=start,
        end=end,
        suggestion=rule.fix,
        score=score,
    )
