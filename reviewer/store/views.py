"""Plain, immutable views of what the store holds: what callers get instead of ORM objects.

Views are detached from any session, so the CLI, the web UI and the batch runner can keep them
around, serialise them (``model_dump(mode="json")``) and never trigger a lazy database load.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from reviewer.models import Report, Verdict

RevisionStatus = Literal["pending", "approved", "rejected", "changes_requested", "superseded"]
AuditAction = Literal[
    "submit", "supersede", "waive", "approve", "override", "reject", "request_changes", "reopen"
]


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class WaiverView(View):
    """A person's decision that one finding does not block this revision, and why."""

    id: int
    revision_id: int
    finding_id: str
    reason: str
    by: str
    at: datetime
    carried_from: int | None = None
    """Revision id this waiver was carried over from on resubmission (the finding id — rule,
    category and quoted text — was unchanged), or None when a person waived it here."""


class RevisionView(View):
    """One submitted revision of a document and where it stands.

    ``queue`` and ``history`` fill the summary fields only (``content``, ``report`` and
    ``brief`` are None, ``waivers`` is empty) so listing a long queue stays cheap; ``get`` and
    ``submit`` fill everything.
    """

    id: int
    document_id: int
    document_key: str
    """``id:<front-matter id>`` or ``path:<path relative to the project>``."""
    number: int
    """1, 2, 3, … within its document."""
    status: RevisionStatus
    version: int
    """Bumped by every change; pass it back as ``expected_version`` to detect a stale page."""
    source: str
    title: str | None = None
    language: str
    author: str | None = None
    verdict: Verdict
    """The verdict of the stored report, before waivers."""
    effective_verdict: Verdict
    """The verdict after this revision's waivers (``reviewer.scoring.verdict_for``)."""
    score: int
    finding_counts: dict[str, int]
    """Findings per severity in the report: ``{"error": 2, "warning": 5, "info": 0}``."""
    open_counts: dict[str, int] | None = None
    """Findings per severity that are not waived (what still needs attention); the same as
    ``finding_counts`` while nothing is waived. Filled by every read of the store."""
    content_sha256: str
    submitted_by: str | None = None
    submitted_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    override_reason: str | None = None
    """Set when a blocked revision was approved without waiving every error finding."""
    content: str | None = None
    brief: dict[str, Any] | None = None
    report: Report | None = None
    waivers: tuple[WaiverView, ...] = ()
    unchanged: bool = False
    """Only on ``submit``'s answer: True when this exact content already was the document's
    latest revision, so nothing new was stored."""

    @property
    def waived_ids(self) -> set[str]:
        return {w.finding_id for w in self.waivers}


class AuditEntryView(View):
    """One row of the append-only audit log: who did what, when, from which state to which."""

    id: int
    at: datetime
    actor: str | None
    action: AuditAction
    revision_id: int
    document_id: int
    from_state: str | None
    to_state: str | None
    content_sha256: str
    finding_id: str | None = None
    note: str | None = None
