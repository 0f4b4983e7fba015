"""The decisions people take on a revision, in one place for the pages and the JSON API.

Both call the store the same way, so a decision made in the browser and one made by a script are
recorded alike (the store writes the audit row with the person's name).
"""

from __future__ import annotations

import re
from typing import Literal

from reviewer.errors import InputError, ReviewerError
from reviewer.store.errors import BlockedError
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


# "(--note)", "(see `reviewer show 3`)", "(reviewer queue)": hints for the terminal.
_CLI_HINT = re.compile(r"\s*\((?:--|see `?reviewer |reviewer )[^)]*\)")


def web_message(exc: ReviewerError) -> str:
    """The store's refusal in the words of the page: buttons and fields, not commands."""
    if isinstance(exc, BlockedError):
        return blocked_message(exc)
    return _CLI_HINT.sub("", str(exc))


def blocked_message(exc: BlockedError) -> str:
    """Names only the error findings still open (waived ones no longer block) and says how to
    go on with the buttons of this page."""
    from reviewer.render.order import plural

    named = "; ".join(
        f"“{f.message.split('. ')[0].rstrip('.')}”"
        + (f" at line {f.line}:{f.column}" if f.line else "")
        for f in exc.open_errors
    )
    return (
        f"Not approved: {plural(len(exc.open_errors), 'error finding')} "
        f"{'is' if len(exc.open_errors) == 1 else 'are'} not waived ({named}). "
        "Waive each one with a reason (the Waive button at the finding, listed first), "
        "or write an override reason and press Approve again."
    )


def api_blocked_message(exc: BlockedError) -> str:
    """The refusal for a JSON client: the open findings by id and the endpoints that go on."""
    from reviewer.render.order import plural

    rid = exc.revision_id
    ids = ", ".join(f.id for f in exc.open_errors)
    return (
        f"revision {rid} is blocked: {plural(len(exc.open_errors), 'error finding')} "
        f"not waived ({ids}). Waive each with POST /api/revisions/{rid}/waivers "
        '{"finding_id": ..., "reason": ...}, or approve with an "override_reason".'
    )


def previous_revision(history: list[RevisionView], revision_id: int) -> RevisionView | None:
    """The revision before ``revision_id`` in its document's history (None for the first)."""
    for before, current in zip(history, history[1:], strict=False):
        if current.id == revision_id:
            return before
    return None
