"""Which action may follow which state: the whole state machine of a revision in one place.

``pending`` is the only undecided state. A person moves it to ``approved``, ``rejected`` or
``changes_requested``; a newer submission of the same document moves it to ``superseded``.
``reopen`` is the one way back (to revoke a decision on the document's latest revision).
"""

from __future__ import annotations

from reviewer.store.errors import InvalidTransition

DECIDED = ("approved", "rejected", "changes_requested")
STATUSES = ("pending", *DECIDED, "superseded")

#: action -> (states it may start from, state it leads to; None = unchanged)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "approve": (("pending",), "approved"),
    "override": (("pending",), "approved"),
    "reject": (("pending",), "rejected"),
    "request_changes": (("pending",), "changes_requested"),
    "supersede": (("pending",), "superseded"),
    "waive": (("pending",), None),
    "reopen": (DECIDED, "pending"),
}


def label(state: str) -> str:
    """A state or verdict as people read it: ``changes_requested`` -> ``changes requested``."""
    return state.replace("_", " ")


def target_state(action: str, current: str) -> str:
    """The state after ``action``, or InvalidTransition when it is not allowed from ``current``."""
    allowed, target = TRANSITIONS[action]
    if current not in allowed:
        raise InvalidTransition(f"{action} is not allowed on a revision that is {current}")
    return target or current


def refusal(action: str, revision_id: int, status: str, decided: str) -> str:
    """Why ``action`` cannot happen now, and what to do instead. ``decided`` says who decided
    and when ("approved by alice at …") for decided revisions."""
    if status == "superseded":
        return (
            f"revision {revision_id} was superseded by a newer revision of its document; "
            "act on the newest one (reviewer queue)"
        )
    if status == "pending":
        return f"revision {revision_id} is pending: there is no decision to reopen"
    if action == "waive":
        return f"revision {revision_id} was already {decided}; findings can only be waived while it is pending"
    return f"revision {revision_id} was already {decided}; reopen it first to change the decision"
