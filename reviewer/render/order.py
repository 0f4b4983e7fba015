"""Which findings a person reads first, and which they asked not to see.

The report keeps its findings in document order (the JSON, SARIF and JUnit stay that way). Pages
and terminals people read show the worst first: errors, then warnings, then notes, each group in
document order, so the one error of a long draft is not the eighth item of a scrolling list.
``--sort position`` (and the web page's toggle) gives the document order back.
``--min-severity`` hides the lesser findings from the display only, and says how many it hid.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from reviewer.models import SEVERITY_RANK, Finding, at_or_above

SEVERITIES = ("error", "warning", "info")


class SortOrder(StrEnum):
    severity = "severity"
    position = "position"


def ordered(findings: Iterable[Finding], sort: str = SortOrder.severity) -> list[Finding]:
    """Errors first, then warnings, then notes; within a group the report's (document) order."""
    items = list(findings)
    if sort == SortOrder.position:
        return items
    return sorted(items, key=lambda f: -SEVERITY_RANK[f.severity])  # stable: keeps position order


@dataclass(frozen=True)
class Shown:
    """The findings to display and how many of each severity were left out."""

    findings: list[Finding]
    hidden: dict[str, int] = field(default_factory=dict)

    @property
    def hidden_total(self) -> int:
        return sum(self.hidden.values())


def shown(
    findings: Sequence[Finding], *, min_severity: str = "info", sort: str = SortOrder.severity
) -> Shown:
    """``findings`` at or above ``min_severity``, in display order, with counts of the rest."""
    hidden: dict[str, int] = {}
    kept = []
    for finding in findings:
        if at_or_above(finding.severity, min_severity):
            kept.append(finding)
        else:
            hidden[finding.severity] = hidden.get(finding.severity, 0) + 1
    return Shown(ordered(kept, sort), {s: hidden[s] for s in SEVERITIES if s in hidden})


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``, ``0 warnings``; ``info`` stays ``info`` (a mass noun)."""
    if count == 1 or word == "info":
        return f"{count} {word}"
    return f"{count} {word}s"


def hidden_note(result: Shown, flag: str = "--min-severity info") -> str | None:
    """``not shown: 5 info (show with --min-severity info)``, or None when nothing was hidden."""
    if not result.hidden_total:
        return None
    parts = ", ".join(plural(n, s) for s, n in result.hidden.items())
    return f"not shown: {parts} (show with {flag})"
