"""Find personal data in a text: presidio's raw results, then reviewer's precision rules.

This is the one entry point the ``pii`` check, ``reviewer redact`` and the LLM critique share::

    detections = find_pii(doc.content, doc.language, config.pii, start=doc.body_start)
"""

from __future__ import annotations

from reviewer.checks.pii import precision
from reviewer.checks.pii.allow import AllowList
from reviewer.checks.pii.engine import get_engine
from reviewer.checks.pii.precision import Detection
from reviewer.checks.pii.settings import PiiSettings

# When two detections overlap, the higher rank wins (then the longer, then the higher score):
# an IBAN contains digit groups that look like phone or card numbers, an address may contain a
# street named after a person.
_RANK = {
    "IBAN_CODE": 5,
    "CREDIT_CARD": 4,
    "EMAIL_ADDRESS": 4,
    "IP_ADDRESS": 3,
    "LOCATION": 3,
    "PHONE_NUMBER": 2,
}


def find_pii(
    text: str,
    language: str,
    settings: PiiSettings | None = None,
    *,
    start: int = 0,
    end: int | None = None,
) -> list[Detection]:
    """Personal data in ``text[start:end]``, with offsets into ``text``, sorted by position.

    ``settings`` is the ``[pii]`` section (defaults when None)."""
    settings = settings or PiiSettings()
    segment = text[start:end]
    engine = get_engine(settings.spacy_model)
    raw = engine.analyze(segment, language, list(settings.entities))
    kept: list[Detection] = []
    for result in raw:
        det = Detection(
            result.start,
            result.end,
            result.entity_type,
            result.score,
            segment[result.start : result.end],
        )
        if det.entity == "PERSON":
            det = precision.strip_titles(segment, det)
            ok = bool(det.text.strip())
        elif det.entity == "PHONE_NUMBER":
            metadata = result.recognition_metadata or {}
            ok = precision.keep_phone(segment, det, metadata.get("phone_type", "UNKNOWN"))[0]
        else:
            det = precision.name_identity_document(segment, det)
            ok = precision.keep(segment, det, language)[0]
        if ok:
            kept.append(det)

    threshold = settings.score_threshold
    if "PERSON" in settings.entities:
        persons = [d for d in kept if d.entity == "PERSON"]
        kept += precision.other_mentions(segment, resolve_overlaps(persons), threshold)
    confident = [d for d in kept if d.score >= threshold]
    allow = AllowList.parse(settings.allow)
    if allow:
        confident = [d for d in confident if not allow.allows(segment, d)]
    return [
        Detection(d.start + start, d.end + start, d.entity, round(d.score, 2), d.text, d.reason)
        for d in resolve_overlaps(confident)
    ]


def resolve_overlaps(detections: list[Detection]) -> list[Detection]:
    """Non-overlapping detections in text order; see ``_RANK`` for who wins."""
    ordered = sorted(
        detections, key=lambda d: (-_RANK.get(d.entity, 1), -(d.end - d.start), -d.score, d.start)
    )
    chosen: list[Detection] = []
    # characters taken by a chosen detection: comparing with every chosen one was quadratic
    taken = bytearray(max((d.end for d in detections), default=0) + 1)
    for det in ordered:
        if not any(taken[det.start : max(det.end, det.start + 1)]):
            chosen.append(det)
            taken[det.start : det.end] = b"\x01" * (det.end - det.start)
    return sorted(chosen, key=lambda d: (d.start, d.end))
