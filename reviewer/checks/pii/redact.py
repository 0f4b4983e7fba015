"""Replace personal data with consistent placeholders, and put it back.

The LLM critique sends text off the machine; it must not carry names, addresses or bank details.
``pseudonymize`` swaps every detected item for a placeholder such as ``<PERSON_1>`` — the same
original string always gets the same placeholder, so the model can still tell people apart — and
``Pseudonymized.restore`` maps the model's answer back to the original wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

_PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*?)_(\d+)>")


@dataclass
class Pseudonymized:
    """Text with placeholders, and how to undo them."""

    text: str  # the text with placeholders
    mapping: dict[str, str] = field(default_factory=dict)  # "<PERSON_1>" -> original string

    def restore(self, text: str) -> str:
        """Placeholders back to originals; placeholders this mapping does not know stay as they are."""
        if not self.mapping:
            return text
        return _PLACEHOLDER.sub(lambda m: self.mapping.get(m.group(0), m.group(0)), text)


def pseudonymize(text: str, spans: Iterable[tuple[int, int, str]]) -> Pseudonymized:
    """Replace each span ``(start, end, entity_type)`` of ``text`` by a numbered placeholder.

    The same original string gets the same placeholder throughout (``<PERSON_1>`` stays the same
    person); numbers count per entity type in order of first appearance. Overlapping spans are
    resolved first (the longer one wins) so every replacement is unambiguous and reversible. The
    replacement itself is done by presidio-anonymizer, the same engine ``reviewer redact`` uses.
    """
    chosen = _without_overlaps(text, spans)
    if not chosen:
        return Pseudonymized(text=text, mapping={})

    placeholders: dict[tuple[str, str], str] = {}  # (entity_type, original) -> placeholder
    counters: dict[str, int] = {}
    for start, end, entity in chosen:
        key = (entity, text[start:end])
        if key not in placeholders:
            counters[entity] = counters.get(entity, 0) + 1
            placeholders[key] = f"<{_label(entity)}_{counters[entity]}>"

    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    def operator_for(entity: str) -> OperatorConfig:
        # presidio hands the custom operator the original span text; look its placeholder up.
        return OperatorConfig(
            "custom", {"lambda": lambda original: placeholders[(entity, original)]}
        )

    results = [RecognizerResult(entity_type=e, start=s, end=t, score=1.0) for s, t, e in chosen]
    operators = {entity: operator_for(entity) for entity in {e for _, _, e in chosen}}
    anonymized = _anonymizer().anonymize(
        text=text, analyzer_results=results, operators=operators, merge_entities_with_spaces=False
    )
    mapping = {placeholder: original for (_, original), placeholder in placeholders.items()}
    return Pseudonymized(text=anonymized.text, mapping=mapping)


def _label(entity: str) -> str:
    """Entity types become placeholder labels the restore pattern recognises (A-Z, digits, _)."""
    label = re.sub(r"[^A-Z0-9_]+", "_", entity.upper()).strip("_")
    return label if label and label[0].isalpha() else f"PII_{label}".rstrip("_")


def _without_overlaps(
    text: str, spans: Iterable[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Valid, non-overlapping spans in text order; of two overlapping spans the longer is kept."""
    valid = [
        (int(s), int(e), str(t))
        for s, e, t in spans
        if 0 <= int(s) < int(e) <= len(text) and str(t)
    ]
    valid.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
    kept: list[tuple[int, int, str]] = []
    for span in valid:
        if all(span[1] <= other[0] or span[0] >= other[1] for other in kept):
            kept.append(span)
    return sorted(kept)


@cache
def _anonymizer():
    """One AnonymizerEngine per process: cheap to build, but no reason to build it per call."""
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


def redact(text: str, language: str, settings=None, *, start: int = 0) -> Pseudonymized:
    """Detect personal data in ``text[start:]`` and pseudonymize it; ``text[:start]`` (the front
    matter) stays exactly as it is. ``settings`` is a ``PiiSettings`` (defaults when None)."""
    from reviewer.checks.pii.detect import find_pii

    detections = find_pii(text, language, settings, start=start)
    return pseudonymize(text, [(d.start, d.end, d.entity) for d in detections])
