"""What can go wrong in the store, as errors the CLI turns into one clear line (exit 2)."""

from __future__ import annotations

from reviewer.errors import ReviewerError


class StoreError(ReviewerError):
    """The review store cannot do what was asked (unreachable database, broken URL, …)."""


class MissingStoreError(StoreError):
    """``open_store(create=False)`` found no SQLite file: nothing was ever submitted here."""


class NotFoundError(StoreError):
    """No revision, document or finding with that id."""


class ConflictError(StoreError):
    """Someone else changed the revision first; reload it and decide again."""


class InvalidTransition(ConflictError):
    """The revision's state does not allow this action (e.g. approving a rejected revision,
    approving a blocked one without waivers or an override)."""


class BlockedError(InvalidTransition):
    """Approving a revision with error findings nobody has waived. Carries those findings (only
    the open ones: waived errors no longer block) so each place can say what to do in its own
    terms — commands in the terminal, buttons on the web page."""

    def __init__(self, message: str, revision_id: int, open_errors: list) -> None:
        super().__init__(message)
        self.revision_id = revision_id
        self.open_errors = open_errors  # list[reviewer.models.Finding]


StateError = InvalidTransition
