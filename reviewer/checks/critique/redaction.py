"""Keep personal data on the machine: placeholders out, originals back in.

The ``pii`` check found the spans; ``reviewer.checks.pii.redact.pseudonymize`` replaces them (presidio-
anonymizer). On top of that a guard replaces any *other* occurrence of a detected original in
anything we send (a second mention the detector missed, a brief field, a finding's message), so the
string the pii check flagged once is nowhere in the request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.document import Document
    from reviewer.models import Finding


@dataclass
class Outgoing:
    """The draft as it will be sent, and how to turn the model's text back into the original."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)  # placeholder -> original
    _pattern: re.Pattern[str] | None = None

    @property
    def redacted(self) -> int:
        return len(self.mapping)

    def guard(self, text: str) -> str:
        """Replace detected originals in any other outgoing string by their placeholders."""
        if self._pattern is None or not text:
            return text
        reverse = {original: placeholder for placeholder, original in self.mapping.items()}
        return self._pattern.sub(lambda m: reverse[m.group(0)], text)

    def leaks(self, texts: list[str]) -> list[str]:
        """Detected originals still present in what would be sent: the last check before sending."""
        if self._pattern is None:
            return []
        return sorted({m.group(0) for text in texts for m in self._pattern.finditer(text)})

    def restore(self, text: str) -> str:
        if not self.mapping or not text:
            return text
        from reviewer.checks.pii.redact import Pseudonymized

        return Pseudonymized(text=self.text, mapping=self.mapping).restore(text)


def plain(doc: Document) -> Outgoing:
    """No redaction (a loopback endpoint, or ``redact = false``)."""
    return Outgoing(text=doc.body)


def pseudonymized(doc: Document, findings: list[Finding]) -> Outgoing:
    """The body with every pii finding inside it replaced by a placeholder."""
    from reviewer.checks.pii.redact import pseudonymize

    spans = [
        (f.start - doc.body_start, f.end - doc.body_start, f.category or "PII")
        for f in findings
        if f.check == "pii"
        and f.start is not None
        and f.end is not None
        and f.start >= doc.body_start
    ]
    result = pseudonymize(doc.body, spans)
    outgoing = Outgoing(text=result.text, mapping=dict(result.mapping))
    outgoing._pattern = _originals_pattern(outgoing.mapping)
    outgoing.text = outgoing.guard(outgoing.text)
    return outgoing


def _originals_pattern(mapping: dict[str, str]) -> re.Pattern[str] | None:
    originals = sorted({o for o in mapping.values() if o.strip()}, key=len, reverse=True)
    if not originals:
        return None
    # Longest first, and not inside a longer word: "Kiel" must not hit "Kieler".
    alternatives = "|".join(re.escape(o) for o in originals)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
