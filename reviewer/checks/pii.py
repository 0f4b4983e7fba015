"""Personal data in the body: names, e-mail addresses, phone numbers, IBANs, cards, IPs, street
addresses and German identity numbers of private persons.

Publishing a customer's name, private phone number or bank details without consent breaks the
GDPR, so every item is an error that blocks the draft until it is removed or consent is recorded
and the finding waived. Detection: presidio with reviewer's offline recognizers (``reviewer.pii``).
"""

from __future__ import annotations

from collections import Counter

from reviewer.checks import CheckOutput
from reviewer.config import Config
from reviewer.document import Document
from reviewer.models import Finding

CHECK = "pii"

# What each kind of item is, in the message ("… of a private person …").
_WHAT = {
    "PERSON": "Name of a private person",
    "EMAIL_ADDRESS": "Personal e-mail address",
    "PHONE_NUMBER": "Personal phone number",
    "IBAN_CODE": "Bank account number (IBAN)",
    "CREDIT_CARD": "Credit card number",
    "IP_ADDRESS": "IP address of a person's connection",
    "LOCATION": "Private street address",
    "DE_TAX_ID": "German tax identification number",
    "DE_TAX_NUMBER": "German tax number",
    "DE_PASSPORT": "Passport number",
    "DE_ID_CARD": "Identity card number",
    "DE_SOCIAL_SECURITY": "Social security number",
    "DE_HEALTH_INSURANCE": "Health insurance number",
    "DE_FUEHRERSCHEIN": "Driving licence number",
}


def run(doc: Document, config: Config) -> CheckOutput:
    from reviewer.pii.detect import find_pii
    from reviewer.pii.engine import get_engine

    settings = config.pii
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
    what = _WHAT.get(entity, f"Personal data ({entity})")
    return doc.finding(
        check=CHECK,
        rule=f"pii.{entity.lower()}",
        severity="error",
        message=(
            f"{what} in the text. Publishing personal data without the person's consent breaks "
            "the GDPR (Art. 6) and exposes them to spam, fraud or unwanted contact."
        ),
        category=entity,
        start=start,
        end=end,
        suggestion=(
            "Remove it or replace it with a role or a generic company contact; if the person has "
            "agreed in writing, record the consent and waive this finding."
        ),
        score=score,
    )
