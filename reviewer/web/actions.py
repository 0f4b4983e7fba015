"""The decisions people take on a revision, in one place for the pages and the JSON API.

Both call the store the same way, so a decision made in the browser and one made by a script are
recorded alike (the store writes the audit row with the person's name).
"""

from __future__ import annotations

from typing import Literal

from reviewer.errors import InputError
from reviewer.store.views import RevisionView

Decision = Literal["approve", "reject", "request_changes", "reopen"]
DECISIONS: tuple[str, ...] = ("approve", "reject", "request_changes", "reopen")
LABELS = {
    "approve": "approved",
    "reject": "rejected",
    "request_changes": "sent back for changes",
    "reopen": "reopened",
}


def decide(
    store,  # noqa: ANN001 - reviewer.store.Store, imported lazily by the app
    revision_id: int,
    action: str,
    *,
    by: str,
    note: str | None,
    override_reason: str | None = None,
    expected_version: int | None = None,
) -> RevisionView:
    """Apply one decision; the store checks the state machine, notes and waivers."""
    note = (note or "").strip() or None
    override_reason = (override_reason or "").strip() or None
    if action == "approve":
        return store.approve(
            revision_id,
            by=by,
            note=note,
            override_reason=override_reason,
            expected_version=expected_version,
        )
    if override_reason is not None:
        raise InputError("an override reason only goes with an approval")
    if note is None:
        raise InputError(
            f"a note is required to {action.replace('_', ' ')}: say why, for the author and the audit log"
        )
    if action == "reject":
        return store.reject(revision_id, by=by, note=note, expected_version=expected_version)
    if action == "request_changes":
        return store.request_changes(
            revision_id, by=by, note=note, expected_version=expected_version
        )
    if action == "reopen":
        return store.reopen(revision_id, by=by, note=note, expected_version=expected_version)
    raise InputError(f"unknown action {action!r}; use one of: {', '.join(DECISIONS)}")


def previous_revision(history: list[RevisionView], revision_id: int) -> RevisionView | None:
    """The revision before ``revision_id`` in its document's history (None for the first)."""
    for before, current in zip(history, history[1:], strict=False):
        if current.id == revision_id:
            return before
    return None
