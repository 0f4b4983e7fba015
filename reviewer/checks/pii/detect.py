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
    raw = [
        result
        for offset, chunk in chunks(segment)
        for result in _shifted(engine.analyze(chunk, language, list(settings.entities)), offset)
    ]
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
    # a name inside an e-mail address ("jill.reed@…") is that address, reported or let pass with it
    mailboxes = [(r.start, r.end) for r in raw if r.entity_type == "EMAIL_ADDRESS"]
    kept = [
        d
        for d in kept
        if d.entity != "PERSON" or not any(s < d.end and d.start < e for s, e in mailboxes)
    ]
    confident = [d for d in kept if d.score >= threshold]
    allow = AllowList.parse(settings.allow)
    if allow:
        confident = [d for d in confident if not allow.allows(segment, d)]
    return [
        Detection(d.start + start, d.end + start, d.entity, round(d.score, 2), d.text, d.reason)
        for d in resolve_overlaps(confident)
    ]


CHUNK_CHARS = (
    20_000  # well below spaCy's 1,000,000-character limit (E088) and presidio's regex timeouts
)


def chunks(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """``(offset, piece)`` covering every character of ``text`` exactly once, cut at a paragraph
    break, else a line break, else a space near ``size`` (a hard cut only in a run of
    ``size`` characters without any), so that long documents are checked to the end."""
    size = size or CHUNK_CHARS
    out: list[tuple[int, str]] = []
    position = 0
    while len(text) - position > size:
        window = text[position : position + size]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator, size // 2)
            if cut != -1:
                cut += len(separator)
                break
        cut = cut if cut > 0 else size
        out.append((position, window[:cut]))
        position += cut
    out.append((position, text[position:]))
    return out


def _shifted(results, offset: int):
    """presidio results of a chunk, moved to the chunk's place in the whole text."""
    for result in results:
        result.start += offset
        result.end += offset
    return results


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
