"""The Store: every read and write of revisions, decisions, waivers and the audit log.

Each public method is one transaction. Decisions use optimistic concurrency: the revision is read,
checked, then changed with ``UPDATE … WHERE id = :id AND version = :read_version``; when another
editor got there first the update touches no row and the loser gets a ConflictError naming who
won. On SQLite the write lock is taken up front (``BEGIN IMMEDIATE``), so there the loser already
reads the winner's decision and gets InvalidTransition, a ConflictError too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Select, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, defer

from reviewer.errors import InputError
from reviewer.models import Report
from reviewer.render.order import plural
from reviewer.scoring import verdict_for
from reviewer.store import states
from reviewer.store.database import (
    WRITE,
    check_connection,
    first_line,
    make_engine,
    migrate,
    resolve,
    safe_url,
)
from reviewer.store.errors import (
    BlockedError,
    ConflictError,
    InvalidTransition,
    NotFoundError,
    StoreError,
)
from reviewer.store.identity import author_of, document_key, title_of
from reviewer.store.schema import AuditRow, DocumentRow, RevisionRow, WaiverRow, utcnow
from reviewer.store.views import AuditEntryView, RevisionView, WaiverView

if TYPE_CHECKING:
    from reviewer.config import Config
    from reviewer.document import Document

VERDICTS = ("ready", "needs_review", "blocked")
SUBMIT_ATTEMPTS = 5
_migrated: set[str] = set()  # URLs whose schema this process already checked


def open_store(
    config: Config | None = None, url: str | None = None, *, create: bool = True
) -> Store:
    """Open (and if needed create and migrate) the review store; see the package docstring."""
    resolved, _reason, default_root = resolve(config, url)
    timeout = config.store.busy_timeout if config is not None else 30.0
    engine = make_engine(resolved, create=create, busy_timeout=timeout)
    try:
        check_connection(engine, resolved)
        if resolved not in _migrated:
            _migrate(engine, resolved)
            _migrated.add(resolved)
    except BaseException:
        engine.dispose()
        raise
    # The default store keys document paths relative to its project (or the folder holding
    # .reviewer/), so the same file gets the same key from any folder below it.
    root = default_root or (config.base_dir if config is not None else Path.cwd())
    return Store(engine, resolved, root)


def _migrate(engine: Engine, url: str) -> None:
    try:
        migrate(engine, url)
    except DBAPIError as exc:
        raise StoreError(
            f"cannot prepare the review store {safe_url(url)}: {first_line(exc.orig)}"
        ) from None


# Ids are 64-bit signed integers in SQLite and PostgreSQL; a larger one cannot exist.
MAX_ID = 2**63 - 1


class Store:
    """Revisions, decisions, waivers and the audit log in one database. Thread-safe; one per
    process (open a new one after ``fork``)."""

    def __init__(self, engine: Engine, url: str, root: Path) -> None:
        self.engine = engine
        self.url = url
        self.root = root
        self._writer = engine.execution_options(**{WRITE: True})

    # --- lifecycle ----------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    @contextlib.contextmanager
    def _session(self, *, write: bool) -> Iterator[Session]:
        """One transaction; database failures become one-line StoreErrors.

        IntegrityError passes through: callers turn a lost race on a unique key into a retry or
        a ConflictError."""
        try:
            with (
                Session(self._writer if write else self.engine, expire_on_commit=False) as session,
                session.begin(),
            ):
                yield session
        except IntegrityError:
            raise
        except DBAPIError as exc:
            raise StoreError(f"review store {safe_url(self.url)}: {first_line(exc.orig)}") from None

    # --- submitting ---------------------------------------------------------------------
    def key_for(self, doc: Document) -> str:
        """The document key a submission of ``doc`` would use."""
        return document_key(doc, self.root)

    def submit(self, doc: Document, report: Report, *, by: str | None = None) -> RevisionView:
        """Store ``doc`` and its report as the document's next revision (one transaction)."""
        if report.content_sha256 != doc.sha256:
            raise InputError(
                f"{doc.source}: the report was made for other content (sha256 differs); review it again"
            )
        key = self.key_for(doc)
        by = by.strip() or None if by else None
        for attempt in range(SUBMIT_ATTEMPTS):
            try:
                with self._session(write=True) as session:
                    return self._submit(session, doc, report, key, by)
            except IntegrityError:
                # Another process created the document or took the revision number first
                # (PostgreSQL only; SQLite serialises writers): read again and retry.
                if attempt == SUBMIT_ATTEMPTS - 1:
                    raise ConflictError(
                        f"{doc.source}: kept colliding with concurrent submissions of {key}"
                    ) from None
        raise AssertionError("unreachable")

    def _submit(
        self, s: Session, doc: Document, report: Report, key: str, by: str | None
    ) -> RevisionView:
        now = utcnow()
        document = s.scalar(select(DocumentRow).where(DocumentRow.key == key))
        if document is None:
            document = DocumentRow(key=key, created_at=now)
            s.add(document)
            s.flush()
        latest = s.scalar(
            select(RevisionRow)
            .where(RevisionRow.document_id == document.id)
            .order_by(RevisionRow.number.desc())
            .limit(1)
        )
        if latest is not None and latest.content_sha256 == doc.sha256:
            return self._full_view(s, latest, key, unchanged=True)

        finding_ids = {f.id for f in report.findings}
        carried = (
            [w for w in self._waivers(s, latest.id) if w.finding_id in finding_ids]
            if latest
            else []
        )
        effective = verdict_for(
            report.findings, report.checks, waived={w.finding_id for w in carried}
        )
        counts = _counts(report)
        revision = RevisionRow(
            document_id=document.id,
            number=latest.number + 1 if latest else 1,
            status="pending",
            version=1,
            source=doc.source,
            title=title_of(doc),
            language=report.language,
            author=author_of(doc),
            verdict=report.verdict,
            effective_verdict=effective,
            score=report.score,
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
            content=doc.content,
            content_sha256=doc.sha256,
            brief=report.brief if report.brief is not None else _brief(doc),
            report=report.model_dump(mode="json"),
            submitted_by=by,
            submitted_at=now,
        )
        s.add(revision)
        s.flush()
        s.add(
            _audit(
                revision,
                "submit",
                by,
                None,
                "pending",
                now,
                note=f"submission {revision.number} of {key}",
            )
        )
        for waiver in carried:
            s.add(
                WaiverRow(
                    revision_id=revision.id,
                    finding_id=waiver.finding_id,
                    reason=waiver.reason,
                    by=waiver.by,
                    at=now,
                    carried_from=latest.id if latest else None,
                )
            )
            # The waiver stays the decision of the person who made it; the submitter only
            # brought the unchanged finding along.
            s.add(
                _audit(
                    revision,
                    "waive",
                    waiver.by,
                    "pending",
                    "pending",
                    now,
                    finding_id=waiver.finding_id,
                    note=f"carried over from revision {waiver.revision_id} on resubmission"
                    f"{f' by {by}' if by else ''}: {waiver.reason}",
                )
            )
        older = s.scalars(
            select(RevisionRow).where(
                RevisionRow.document_id == document.id,
                RevisionRow.status == "pending",
                RevisionRow.id != revision.id,
            )
        ).all()
        for old in older:
            if self._change(s, old, status="superseded"):
                s.add(
                    _audit(
                        old,
                        "supersede",
                        by,
                        "pending",
                        "superseded",
                        now,
                        note=f"superseded by revision {revision.id}",
                    )
                )
        s.flush()
        return self._full_view(s, revision, key)

    # --- reading ------------------------------------------------------------------------
    def get(self, revision_id: int) -> RevisionView:
        """The full revision: content, report, brief, waivers."""
        with self._session(write=False) as s:
            revision, key = self._load(s, revision_id)
            return self._full_view(s, revision, key)

    def queue(
        self,
        *,
        status: str | None = None,
        verdict: str | None = None,
        language: str | None = None,
        author: str | None = None,
        limit: int | None = None,
        after: int | None = None,
    ) -> list[RevisionView]:
        """Revisions oldest first, filtered; ``verdict`` means the verdict after waivers.

        Pages by id: ``after`` is the last id of the previous page (a cursor, so a page costs
        the same at row 100,000 as at row 1, and rows added meanwhile do not shift it)."""
        query = _summary_query()
        if after is not None:
            query = query.where(RevisionRow.id > after)
        if status is not None:
            _one_of(status, states.STATUSES, "status")
            query = query.where(RevisionRow.status == status)
        if verdict is not None:
            _one_of(verdict, VERDICTS, "verdict")
            query = query.where(RevisionRow.effective_verdict == verdict)
        if language is not None:
            query = query.where(RevisionRow.language == language)
        if author is not None:
            query = query.where(RevisionRow.author == author)
        query = query.order_by(RevisionRow.id)
        if limit is not None:
            query = query.limit(limit)
        with self._session(write=False) as s:
            return self._after_waivers(
                s, [_summary(row, key) for row, key in s.execute(query).all()]
            )

    def history(self, document: int | str) -> list[RevisionView]:
        """All revisions of a document (id or key), oldest first."""
        if isinstance(document, int) and not 0 < document <= MAX_ID:
            raise NotFoundError(f"no document {document!r} in the review store")
        condition = (
            DocumentRow.id == document if isinstance(document, int) else DocumentRow.key == document
        )
        with self._session(write=False) as s:
            rows = s.execute(_summary_query().where(condition).order_by(RevisionRow.number)).all()
            if not rows and s.scalar(select(DocumentRow.id).where(condition)) is None:
                raise NotFoundError(f"no document {document!r} in the review store")
            return self._after_waivers(s, [_summary(row, key) for row, key in rows])

    def check_approved(self, content_sha256: str) -> RevisionView | None:
        """The most recent approved revision with exactly this content, or None."""
        query = (
            _summary_query()
            .where(RevisionRow.content_sha256 == content_sha256, RevisionRow.status == "approved")
            .order_by(RevisionRow.decided_at.desc(), RevisionRow.id.desc())
            .limit(1)
        )
        with self._session(write=False) as s:
            row = s.execute(query).first()
            return _summary(*row) if row else None

    def revisions_with_content(self, content_sha256: str) -> list[RevisionView]:
        """Every revision (of any document) with exactly this content, newest first."""
        query = (
            _summary_query()
            .where(RevisionRow.content_sha256 == content_sha256)
            .order_by(RevisionRow.id.desc())
        )
        with self._session(write=False) as s:
            return [_summary(row, key) for row, key in s.execute(query).all()]

    def audit(self, revision_id: int | None = None) -> list[AuditEntryView]:
        """The audit log (of one revision, or all), oldest first."""
        query = select(AuditRow).order_by(AuditRow.id)
        with self._session(write=False) as s:
            if revision_id is not None:
                self._load(s, revision_id)
                query = query.where(AuditRow.revision_id == revision_id)
            return [_audit_view(row) for row in s.scalars(query)]

    # --- deciding -----------------------------------------------------------------------
    def approve(
        self,
        revision_id: int,
        *,
        by: str,
        note: str | None = None,
        override_reason: str | None = None,
        expected_version: int | None = None,
    ) -> RevisionView:
        """Approve a pending revision. A blocked one needs every error finding waived, or an
        ``override_reason`` (recorded as action ``override``)."""
        return self._decide(
            revision_id,
            "approve",
            by=by,
            note=_optional(note),
            override_reason=_optional(override_reason),
            expected_version=expected_version,
        )

    def reject(
        self, revision_id: int, *, by: str, note: str, expected_version: int | None = None
    ) -> RevisionView:
        """Reject a pending revision; the note says why."""
        return self._decide(
            revision_id,
            "reject",
            by=by,
            note=_required(note, "rejecting needs a note saying why (--note)"),
            expected_version=expected_version,
        )

    def request_changes(
        self, revision_id: int, *, by: str, note: str, expected_version: int | None = None
    ) -> RevisionView:
        """Send a pending revision back to its author; the note says what to change."""
        return self._decide(
            revision_id,
            "request_changes",
            by=by,
            note=_required(note, "requesting changes needs a note saying what to change (--note)"),
            expected_version=expected_version,
        )

    def reopen(
        self, revision_id: int, *, by: str, note: str, expected_version: int | None = None
    ) -> RevisionView:
        """Put the latest decided revision of a document back to pending (revokes an approval)."""
        return self._decide(
            revision_id,
            "reopen",
            by=by,
            note=_required(note, "reopening needs a note saying why (--note)"),
            expected_version=expected_version,
        )

    def _decide(
        self,
        revision_id: int,
        action: str,
        *,
        by: str,
        note: str | None,
        override_reason: str | None = None,
        expected_version: int | None = None,
    ) -> RevisionView:
        by = _required(by, "a decision needs the name of the person making it (--by NAME)")
        try:
            self._decide_once(revision_id, action, by, note, override_reason, expected_version)
        except _LostRace:
            # Read the winner's decision only now, after the losing transaction has ended.
            current = self.get(revision_id)
            raise ConflictError(
                f"revision {revision_id} was changed by someone else at the same moment "
                f"({_describe_view(current)}); nothing was changed by you"
            ) from None
        return self.get(revision_id)

    def _decide_once(
        self,
        revision_id: int,
        action: str,
        by: str,
        note: str | None,
        override_reason: str | None,
        expected_version: int | None,
    ) -> None:
        with self._session(write=True) as s:
            revision, key = self._load(s, revision_id)
            self._require(s, revision, action, expected_version)
            if action == "approve":
                action = self._approval_kind(s, revision, override_reason)
            if action == "reopen":
                self._require_latest(s, revision)
            target = states.target_state(action, revision.status)
            now = utcnow()
            decided = target != "pending"
            changed = self._change(
                s,
                revision,
                status=target,
                decided_by=by if decided else None,
                decided_at=now if decided else None,
                decision_note=note if decided else None,
                override_reason=override_reason if action == "override" else None,
            )
            if not changed:
                raise _LostRace()
            entry_note = (
                f"override: {override_reason}" + (f"; {note}" if note else "")
                if action == "override"
                else note
            )
            s.add(_audit(revision, action, by, revision.status, target, now, note=entry_note))

    def waive(self, revision_id: int, finding_id: str, *, by: str, reason: str) -> WaiverView:
        """Record that one finding of a pending revision does not block it, and why."""
        by = _required(by, "a waiver needs the name of the person waiving (--by NAME)")
        reason = _required(reason, "a waiver needs a reason (--reason)")
        finding_id = finding_id.strip()
        try:
            with self._session(write=True) as s:
                revision, _key = self._load(s, revision_id)
                self._require(s, revision, "waive", None)
                report = Report.model_validate(revision.report)
                if finding_id not in {f.id for f in report.findings}:
                    raise NotFoundError(
                        f"revision {revision_id} has no finding {finding_id!r} (see `reviewer show {revision_id}`)"
                    )
                existing = {w.finding_id: w for w in self._waivers(s, revision.id)}
                if finding_id in existing:
                    other = existing[finding_id]
                    raise ConflictError(
                        f"finding {finding_id} on revision {revision_id} is already waived by {other.by}: {other.reason}"
                    )
                effective = verdict_for(
                    report.findings, report.checks, waived={*existing, finding_id}
                )
                if not self._change(s, revision, effective_verdict=effective):
                    raise _LostRace()
                now = utcnow()
                waiver = WaiverRow(
                    revision_id=revision.id, finding_id=finding_id, reason=reason, by=by, at=now
                )
                s.add(waiver)
                s.add(
                    _audit(
                        revision,
                        "waive",
                        by,
                        revision.status,
                        revision.status,
                        now,
                        finding_id=finding_id,
                        note=reason,
                    )
                )
                s.flush()
                return _waiver_view(waiver)
        except (IntegrityError, _LostRace):
            raise ConflictError(
                f"revision {revision_id} changed while waiving {finding_id} (someone else acted at the same moment); "
                "reload it and try again"
            ) from None

    # --- helpers ------------------------------------------------------------------------
    def _load(self, s: Session, revision_id: int) -> tuple[RevisionRow, str]:
        if not 0 < revision_id <= MAX_ID:  # the database would overflow, not say "not found"
            raise NotFoundError(f"no revision {revision_id} in the review store")
        row = s.execute(
            select(RevisionRow, DocumentRow.key)
            .join(DocumentRow, DocumentRow.id == RevisionRow.document_id)
            .where(RevisionRow.id == revision_id)
        ).first()
        if row is None:
            raise NotFoundError(f"no revision {revision_id} in the review store")
        return row[0], row[1]

    def _require(
        self, s: Session, revision: RevisionRow, action: str, expected_version: int | None
    ) -> None:
        if expected_version is not None and revision.version != expected_version:
            raise ConflictError(
                f"revision {revision.id} changed since you loaded it ({_describe(revision)}); "
                "reload it and decide again"
            )
        try:
            states.target_state(action, revision.status)
        except InvalidTransition:
            raise InvalidTransition(
                states.refusal(action, revision.id, revision.status, _decided(revision))
            ) from None

    def _require_latest(self, s: Session, revision: RevisionRow) -> None:
        newest = s.scalar(
            select(RevisionRow.id)
            .where(RevisionRow.document_id == revision.document_id)
            .order_by(RevisionRow.number.desc())
            .limit(1)
        )
        if newest != revision.id:
            raise InvalidTransition(
                f"revision {revision.id} is not the latest of its document (revision {newest} is); "
                "only the latest revision can be reopened"
            )

    def _approval_kind(self, s: Session, revision: RevisionRow, override_reason: str | None) -> str:
        if revision.effective_verdict != "blocked":
            if override_reason is not None:
                raise InputError(
                    f"revision {revision.id} is not blocked; approve it without --override"
                )
            return "approve"
        if override_reason is None:
            report = Report.model_validate(revision.report)
            waived = {w.finding_id for w in self._waivers(s, revision.id)}
            open_errors = [
                f for f in report.findings if f.severity == "error" and f.id not in waived
            ]
            raise BlockedError(
                f"revision {revision.id} is blocked by {plural(len(open_errors), 'error finding')} "
                f"not waived: {', '.join(f.id for f in open_errors)}; waive each with a reason "
                f"(reviewer waive {revision.id} FINDING_ID --by NAME --reason ...; see reviewer show {revision.id}) "
                "or approve with --override --reason ...",
                revision.id,
                open_errors,
            )
        return "override"

    def _change(self, s: Session, revision: RevisionRow, **values: object) -> bool:
        """Conditional update on the version read earlier; False when someone else changed it."""
        result = s.execute(
            update(RevisionRow)
            .where(RevisionRow.id == revision.id, RevisionRow.version == revision.version)
            .values(version=revision.version + 1, **values)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def _waivers(self, s: Session, revision_id: int) -> list[WaiverRow]:
        return list(
            s.scalars(
                select(WaiverRow).where(WaiverRow.revision_id == revision_id).order_by(WaiverRow.id)
            )
        )

    def _after_waivers(self, s: Session, views: list[RevisionView]) -> list[RevisionView]:
        """Fill ``open_counts`` of summary views: only revisions with waivers (few) need their
        report read, to learn the severity of what was waived."""
        ids = [v.id for v in views]
        waived: dict[int, set[str]] = {}
        for start in range(0, len(ids), 500):  # stay below the databases' parameter limits
            rows = s.execute(
                select(WaiverRow.revision_id, WaiverRow.finding_id).where(
                    WaiverRow.revision_id.in_(ids[start : start + 500])
                )
            )
            for revision_id, finding_id in rows:
                waived.setdefault(revision_id, set()).add(finding_id)
        if not waived:
            return views
        reports = dict(
            s.execute(
                select(RevisionRow.id, RevisionRow.report).where(RevisionRow.id.in_(list(waived)))
            ).all()
        )
        return [
            v.model_copy(
                update={"open_counts": _open_counts(reports[v.id]["findings"], waived[v.id])}
            )
            if v.id in waived
            else v
            for v in views
        ]

    def _full_view(
        self, s: Session, revision: RevisionRow, key: str, *, unchanged: bool = False
    ) -> RevisionView:
        s.refresh(revision)
        waivers = tuple(_waiver_view(w) for w in self._waivers(s, revision.id))
        waived = {w.finding_id for w in waivers}
        return _summary(revision, key).model_copy(
            update={
                "open_counts": _open_counts(revision.report["findings"], waived),
                "content": revision.content,
                "brief": revision.brief,
                "report": Report.model_validate(revision.report),
                "waivers": waivers,
                "unchanged": unchanged,
            }
        )


class _LostRace(Exception):
    """The conditional update matched no row: another transaction changed the revision."""


# --- row -> view ------------------------------------------------------------------------
def _summary_query() -> Select:
    """Summary rows leave the large columns (content, brief, report) in the database: decoding
    every report's JSON was over half the time of a 1,000-row queue."""
    return (
        select(RevisionRow, DocumentRow.key)
        .join(DocumentRow, DocumentRow.id == RevisionRow.document_id)
        .options(defer(RevisionRow.content), defer(RevisionRow.brief), defer(RevisionRow.report))
    )


def _summary(row: RevisionRow, key: str) -> RevisionView:
    return RevisionView(
        id=row.id,
        document_id=row.document_id,
        document_key=key,
        number=row.number,
        status=row.status,
        version=row.version,
        source=row.source,
        title=row.title,
        language=row.language,
        author=row.author,
        verdict=row.verdict,
        effective_verdict=row.effective_verdict,
        score=row.score,
        finding_counts={"error": row.errors, "warning": row.warnings, "info": row.infos},
        open_counts={"error": row.errors, "warning": row.warnings, "info": row.infos},
        content_sha256=row.content_sha256,
        submitted_by=row.submitted_by,
        submitted_at=_utc(row.submitted_at),
        decided_by=row.decided_by,
        decided_at=_utc(row.decided_at) if row.decided_at else None,
        decision_note=row.decision_note,
        override_reason=row.override_reason,
    )


def _waiver_view(row: WaiverRow) -> WaiverView:
    return WaiverView(
        id=row.id,
        revision_id=row.revision_id,
        finding_id=row.finding_id,
        reason=row.reason,
        by=row.by,
        at=_utc(row.at),
        carried_from=row.carried_from,
    )


def _audit_view(row: AuditRow) -> AuditEntryView:
    return AuditEntryView(
        id=row.id,
        at=_utc(row.at),
        actor=row.actor,
        action=row.action,
        revision_id=row.revision_id,
        document_id=row.document_id,
        from_state=row.from_state,
        to_state=row.to_state,
        content_sha256=row.content_sha256,
        finding_id=row.finding_id,
        note=row.note,
    )


def _audit(
    revision: RevisionRow,
    action: str,
    actor: str | None,
    from_state: str | None,
    to_state: str | None,
    at: datetime,
    *,
    finding_id: str | None = None,
    note: str | None = None,
) -> AuditRow:
    return AuditRow(
        at=at,
        actor=actor,
        action=action,
        revision_id=revision.id,
        document_id=revision.document_id,
        from_state=from_state,
        to_state=to_state,
        content_sha256=revision.content_sha256,
        finding_id=finding_id,
        note=note,
    )


def _describe(revision: RevisionRow) -> str:
    if revision.status in states.DECIDED:
        return f"it was {_decided(revision)}"
    return f"it is {states.label(revision.status)}"


def _decided(revision: RevisionRow) -> str:
    when = _utc(revision.decided_at).strftime("%Y-%m-%d %H:%M UTC") if revision.decided_at else "?"
    return f"{states.label(revision.status)} by {revision.decided_by} at {when}"


def _describe_view(view: RevisionView) -> str:
    if view.status in states.DECIDED:
        when = view.decided_at.strftime("%Y-%m-%d %H:%M UTC") if view.decided_at else "?"
        return f"it is now {states.label(view.status)} by {view.decided_by} at {when}"
    return f"it is now {states.label(view.status)}"


def _counts(report: Report) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in report.findings:
        counts[finding.severity] += 1
    return counts


def _open_counts(findings: list[dict], waived: set[str]) -> dict[str, int]:
    """Findings per severity that no waiver covers (from a stored report's JSON)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        if finding["id"] not in waived:
            counts[finding["severity"]] += 1
    return counts


def _brief(doc: Document) -> dict | None:
    return doc.brief.model_dump(mode="json", exclude_none=True) if doc.brief is not None else None


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything is stored in UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _required(value: str | None, message: str) -> str:
    cleaned = _optional(value)
    if cleaned is None:
        raise InputError(message)
    return cleaned


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    return cleaned or None


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise InputError(f"unknown {what} {value!r}; use one of: {', '.join(allowed)}")
