"""Stable finding ids: the same finding on the same text gets the same id on every run.

An id depends on the rule, the category, the quoted text and which occurrence of that quote it is
— not on offsets, so editing an unrelated paragraph keeps waivers and decisions attached.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from reviewer.models import Finding


def assign_ids(findings: list[Finding]) -> list[Finding]:
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in sorted(findings, key=lambda f: (f.start if f.start is not None else -1, f.rule)):
        key = (finding.rule, finding.category, " ".join(finding.text.split()).casefold())
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha1("\x1f".join((*key, str(occurrence))).encode("utf-8")).hexdigest()[:10]
        finding.id = f"{finding.check}-{digest}"
    return findings
