"""The review store: revisions, human decisions, waivers and an append-only audit log.

The tool flags; a person decides. This package keeps every submitted revision of a draft — the
exact content and its sha256, the brief, the full report — and every decision about it, in SQLite
(default) or PostgreSQL, so that ``reviewer check-approved FILE`` can gate publishing on "this
exact text was approved by a named person".

This docstring is the contract other modules (``reviewer batch --submit``, the web UI) build on.

Opening
-------
``open_store(config=None, url=None, *, create=True) -> Store``
    Where: ``url`` argument > ``$REVIEWER_DATABASE_URL`` > ``[store] url`` in the config >
    SQLite at ``<project>/.reviewer/reviews.db`` (project = folder of the config file, else the
    current directory). ``postgresql://…`` means ``postgresql+psycopg://…``; a value without
    ``://`` is a SQLite file path. Runs pending Alembic migrations (under a lock, so several
    processes may open a fresh database at once). ``create=False`` raises ``StoreError`` instead
    of creating a missing SQLite file. Use as a context manager or call ``close()``. A Store is
    safe to share between threads; in a new process, open a new Store.

Documents and revisions
-----------------------
A document is identified by front-matter ``id`` (key ``id:<id>``) or else by its path relative
to the project (key ``path:docs/a.md``). Each ``submit`` adds a revision numbered 1, 2, … within
the document, in one transaction (content, hash, brief, report, audit row — all or nothing).
Submitting content identical to the document's latest revision stores nothing and returns that
revision with ``unchanged=True``. Waivers of the previous revision whose finding id still occurs
are carried over to the new revision (``WaiverView.carried_from``; finding ids depend on rule,
category and quoted text, not on offsets).

States
------
``pending`` → ``approved`` | ``rejected`` | ``changes_requested`` (a person's decision, ``by``
required) or ``superseded`` (automatically, when a newer revision of the same document is
submitted while this one is still pending). Decided revisions keep their decision when newer
revisions arrive. ``reopen`` puts the document's *latest* decided revision back to ``pending``
(e.g. to revoke an approval); it needs a note. Nothing else moves a revision.

A revision whose effective verdict is ``blocked`` (an error finding not waived) cannot be approved
unless every error finding is waived with a reason, or ``override_reason`` is given — recorded as
action ``override`` in the audit log. ``override_reason`` on a revision that is not blocked is an
``InputError``.

API (all return plain frozen pydantic views from ``reviewer.store.views``, never ORM objects)
-----------------------------------------------------------------------------------------------
``Store.submit(doc, report, *, by=None) -> RevisionView``
``Store.queue(*, status=None, verdict=None, language=None, author=None, limit=None)
-> list[RevisionView]``
    Oldest first. ``status``/``verdict`` None means any; ``verdict`` filters on the
    *effective* verdict. Summary views (no content/report).
``Store.get(revision_id) -> RevisionView``                       full view; ``NotFoundError``
``Store.history(document) -> list[RevisionView]``
    ``document`` is a document id (int) or key (``"id:…"``/``"path:…"``); oldest first.
``Store.key_for(doc) -> str``                                    the document key a submit would use
``Store.approve(revision_id, *, by, note=None, override_reason=None, expected_version=None)``
``Store.reject(revision_id, *, by, note, expected_version=None)``
``Store.request_changes(revision_id, *, by, note, expected_version=None)``
``Store.reopen(revision_id, *, by, note, expected_version=None)``
    Each returns the updated ``RevisionView``.
``Store.waive(revision_id, finding_id, *, by, reason) -> WaiverView``
    Only on pending revisions; the finding must be in the stored report.
``Store.check_approved(content_sha256) -> RevisionView | None``
    The most recent approved revision with exactly this content, else None.
``Store.revisions_with_content(content_sha256) -> list[RevisionView]``   newest first
``Store.audit(revision_id=None) -> list[AuditEntryView]``        oldest first

``reviewer.store.states`` holds the state machine: ``STATUSES``, ``DECIDED``, ``TRANSITIONS``
and ``label(state)`` (``changes_requested`` → ``changes requested``).

Errors (all ``reviewer.errors.ReviewerError``, so the CLI prints one line and exits 2)
----------------------------------------------------------------------------------------
``StoreError`` (database unreachable, bad URL) ⊃ ``MissingStoreError`` (``create=False`` and no
SQLite file), ``NotFoundError``, ``ConflictError`` ⊃
``InvalidTransition`` (alias ``StateError``). Two people deciding the same revision at once:
exactly one wins, the other gets ``ConflictError``/``InvalidTransition`` naming who decided.
Missing ``by``/``note``/``reason`` is ``reviewer.errors.InputError``.

Audit
-----
Append-only: the store never updates or deletes audit rows, the ORM refuses to, and database
triggers (SQLite and PostgreSQL) abort any UPDATE or DELETE on ``audit_log``. Actions: ``submit``,
``supersede``, ``waive``, ``approve``, ``override``, ``reject``, ``request_changes``, ``reopen``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewer.store.errors import (
    ConflictError,
    InvalidTransition,
    MissingStoreError,
    NotFoundError,
    StateError,
    StoreError,
)
from reviewer.store.views import AuditEntryView, RevisionStatus, RevisionView, WaiverView

if TYPE_CHECKING:
    from reviewer.store.service import Store, open_store

__all__ = [
    "AuditEntryView",
    "ConflictError",
    "InvalidTransition",
    "MissingStoreError",
    "NotFoundError",
    "RevisionStatus",
    "RevisionView",
    "StateError",
    "Store",
    "StoreError",
    "WaiverView",
    "open_store",
]


def __getattr__(name: str) -> Any:
    # SQLAlchemy loads only when a store is really used, so importing the views and errors
    # (e.g. in the CLI or the web UI's templates) stays cheap.
    if name in ("Store", "open_store"):
        from reviewer.store import service

        return getattr(service, name)
    raise AttributeError(f"module 'reviewer.store' has no attribute {name!r}")
