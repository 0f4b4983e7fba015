"""The editor's commands: submit, queue, show, approve, reject, request-changes, reopen, waive,
check-approved, audit and triage. The tool flags; a person decides — every decision needs --by.

Heavy imports (SQLAlchemy, the pipeline) happen inside the commands so ``reviewer --help`` stays
fast.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from reviewer.commands.common import ConfigOpt, MinSeverityOpt, SortChoice, SortOpt, flag

if TYPE_CHECKING:
    from reviewer.config import Config
    from reviewer.document import Document
    from reviewer.models import Report
    from reviewer.store import Store

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL or SQLite file (default: $REVIEWER_DATABASE_URL, then url in the store section of the config, then the nearest .reviewer/ folder upward, the project's, or your user data folder; see 'reviewer where').",
    ),
]
ByOpt = Annotated[str, typer.Option("--by", help="Your name: who makes this decision (required).")]
IdArg = Annotated[int, typer.Argument(help="Revision id (see 'reviewer queue').", min=1)]


class ListFormat(StrEnum):
    text = "text"
    json = "json"


class AuditFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


class StatusFilter(StrEnum):
    pending = "pending"
    approved = "approved"
    rejected = "rejected"
    changes_requested = "changes_requested"
    superseded = "superseded"
    all = "all"


class VerdictFilter(StrEnum):
    ready = "ready"
    needs_review = "needs_review"
    blocked = "blocked"


def _settings(config: str | None) -> Config:
    from reviewer.config import load_config

    return load_config(config)


def _open(config: str | None, db: str | None, *, create: bool = True) -> Store:
    from reviewer.store import open_store

    return open_store(_settings(config), db, create=create)


def _console(*, stderr: bool = False):  # noqa: ANN202 - rich is imported lazily
    from reviewer.commands.common import console

    return console(stderr=stderr)


def submit_and_tell(
    doc: Document,
    report: Report,
    settings: Config,
    *,
    by: str | None = None,
    store: Store | None = None,
) -> None:
    """``reviewer review FILE --submit``: store the revision, say so on stderr (stdout may be JSON)."""
    from reviewer.store import open_store

    owned = store is None
    store = store or open_store(settings)
    try:
        view = store.submit(doc, report, by=by or _user())
    finally:
        if owned:
            store.close()
    typer.echo(_submitted_message(view), err=True)


def _submitted_message(view) -> str:  # noqa: ANN001
    from reviewer.commands.store_output import label, revision_line

    if view.unchanged:
        return f"unchanged: {view.source} is already {revision_line(view)}"
    return (
        f"submitted {view.source} as {revision_line(view)}, verdict {label(view.effective_verdict)}"
    )


def _user() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def submit(
    files: Annotated[list[str], typer.Argument(help="Drafts to review and store for approval.")],
    by: Annotated[
        str | None, typer.Option("--by", help="Who submits (default: your login name).")
    ] = None,
    brief: Annotated[
        str | None,
        typer.Option("--brief", help="Brief as a YAML file (or a .md with front matter)."),
    ] = None,
    language: Annotated[str | None, typer.Option("--language", help="Force 'de' or 'en'.")] = None,
    no_critique: Annotated[bool, flag("--no-critique", "Skip the LLM critique.")] = False,
    no_cache: Annotated[bool, flag("--no-cache", "Ask the language model again.")] = False,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Review drafts and store each as a new revision awaiting a person's decision.

    Each file is one transaction: a file that cannot be read is reported and skipped, the others
    are stored (exit 2 if any failed)."""
    from reviewer.checks.base import ReviewOptions
    from reviewer.document import load_document
    from reviewer.errors import ReviewerError
    from reviewer.pipeline import review as run_review
    from reviewer.store import open_store

    settings = _settings(config)
    options = ReviewOptions(use_cache=not no_cache, run_critique=not no_critique)
    failed = 0
    with open_store(settings, db) as store:
        for file in files:
            try:
                doc = load_document(file, brief_path=brief, language=language)
                report = run_review(doc, settings, options)
                view = store.submit(doc, report, by=by or _user())
            except ReviewerError as exc:
                failed += 1
                typer.echo(f"reviewer: error: {exc}", err=True)
                continue
            typer.echo(_submitted_message(view))
    if failed:
        raise typer.Exit(2)


def queue(
    status: Annotated[
        StatusFilter, typer.Option("--status", help="Which revisions ('all' for every state).")
    ] = StatusFilter.pending,
    verdict: Annotated[
        VerdictFilter | None, typer.Option("--verdict", help="Only this verdict (after waivers).")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="Only drafts in this language.")
    ] = None,
    author: Annotated[
        str | None,
        typer.Option("--author", help="Only drafts by this author (front matter 'author')."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")] = None,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """List revisions waiting for a decision (oldest first)."""
    from reviewer.commands import store_output

    with _open(config, db) as store:
        views = store.queue(
            status=None if status is StatusFilter.all else status.value,
            verdict=verdict.value if verdict else None,
            language=language,
            author=author,
            limit=limit,
        )
    if format is ListFormat.json:
        typer.echo(store_output.queue_json(views))
    else:
        store_output.print_queue(views, _console())


def show(
    revision_id: IdArg,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
    min_severity: MinSeverityOpt = None,
    sort: SortOpt = SortChoice.severity,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """One revision: its findings and waivers, the document's revisions and the audit trail."""
    from reviewer.commands import store_output

    with _open(config, db) as store:
        view = store.get(revision_id)
        history = store.history(view.document_id)
        audit = store.audit(revision_id)
    if format is ListFormat.json:
        typer.echo(store_output.show_json(view, history, audit))
    else:
        store_output.print_revision(
            view,
            _console(),
            history=history,
            audit=audit,
            min_severity=min_severity.value if min_severity else "info",
            sort=sort.value,
        )


def approve(
    revision_id: IdArg,
    by: ByOpt,
    note: Annotated[
        str | None, typer.Option("--note", help="Optional note for the record.")
    ] = None,
    override: Annotated[
        bool, flag("--override", "Approve a blocked revision anyway (needs --reason).")
    ] = False,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why the override is justified (recorded).")
    ] = None,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Approve a pending revision. Blocked ones need each error finding waived, or --override --reason."""
    from reviewer.errors import InputError

    if override and not (reason and reason.strip()):
        raise InputError(
            "--override needs --reason saying why the blocking findings are acceptable"
        )
    if reason and not override:
        raise InputError("--reason is for --override; use --note for a note on a normal approval")
    with _open(config, db) as store:
        view = store.approve(
            revision_id, by=by, note=note, override_reason=reason if override else None
        )
    _tell(view, "approved" + (" with override" if view.override_reason else ""), by)


def reject(
    revision_id: IdArg,
    by: ByOpt,
    note: Annotated[str, typer.Option("--note", help="Why it is rejected (required).")],
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Reject a pending revision: it must not be published."""
    with _open(config, db) as store:
        view = store.reject(revision_id, by=by, note=note)
    _tell(view, "rejected", by)


def request_changes(
    revision_id: IdArg,
    by: ByOpt,
    note: Annotated[str, typer.Option("--note", help="What to change (required).")],
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Send a pending revision back to its author with a note."""
    with _open(config, db) as store:
        view = store.request_changes(revision_id, by=by, note=note)
    _tell(view, "sent back for changes", by)


def reopen(
    revision_id: IdArg,
    by: ByOpt,
    note: Annotated[str, typer.Option("--note", help="Why the decision is revoked (required).")],
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Put the latest decided revision of a document back to pending (e.g. revoke an approval)."""
    with _open(config, db) as store:
        view = store.reopen(revision_id, by=by, note=note)
    _tell(view, "reopened", by)


def waive(
    revision_id: IdArg,
    finding_id: Annotated[str, typer.Argument(help="Finding id, as shown by 'reviewer show ID'.")],
    by: ByOpt,
    reason: Annotated[
        str, typer.Option("--reason", help="Why this finding is acceptable (required).")
    ],
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Waive one finding of a pending revision, with a reason (e.g. 'consent on file')."""
    from reviewer.commands.store_output import label

    with _open(config, db) as store:
        store.waive(revision_id, finding_id, by=by, reason=reason)
        view = store.get(revision_id)
    typer.echo(
        f"waived {finding_id} on revision {revision_id}; verdict now {label(view.effective_verdict)}"
    )


def check_approved(
    files: Annotated[list[str], typer.Argument(help="Files about to be published.")],
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Exit 0 only if the exact content of every FILE was approved; else exit 1 and say why."""
    from reviewer.store.errors import MissingStoreError
    from reviewer.store.gate import check_file

    try:
        store = _open(config, db, create=False)
    except MissingStoreError as exc:
        for file in files:
            typer.echo(f"{file}: not approved: {exc}", err=True)
        raise typer.Exit(1) from None
    all_approved = True
    with store:
        for file in files:
            result = check_file(store, file)
            all_approved &= result.approved
            typer.echo(result.reason, err=not result.approved)
    raise typer.Exit(0 if all_approved else 1)


def audit(
    revision_id: Annotated[int | None, typer.Argument(help="Only this revision.", min=1)] = None,
    format: Annotated[
        AuditFormat, typer.Option("--format", "-f", help="Output format.")
    ] = AuditFormat.text,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """The append-only audit log: who did what, when, from which state to which."""
    from reviewer.commands import store_output

    with _open(config, db) as store:
        entries = store.audit(revision_id)
    if format is AuditFormat.json:
        typer.echo(store_output.audit_json(entries))
    elif format is AuditFormat.csv:
        typer.echo(store_output.audit_csv(entries), nl=False)
    else:
        for entry in entries:
            typer.echo(store_output.audit_line(entry))


def triage(
    by: ByOpt,
    verdict: Annotated[
        VerdictFilter | None, typer.Option("--verdict", help="Only this verdict (after waivers).")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="Only drafts in this language.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")] = None,
    config: ConfigOpt = None,
    db: DbOpt = None,
) -> None:
    """Walk the pending revisions one by one: approve, reject, request changes, waive, skip."""
    from reviewer.commands.triage import run_triage

    with _open(config, db) as store:
        run_triage(
            store,
            by=by,
            console=_console(),
            verdict=verdict.value if verdict else None,
            language=language,
            limit=limit,
        )


def where(config: ConfigOpt = None, db: DbOpt = None) -> None:
    """Say which review store (and config file) the commands run here use, and why."""
    from pathlib import Path

    from reviewer.store.database import resolve, safe_url

    settings = _settings(config)
    url, reason, _root = resolve(settings, db)
    typer.echo(f"store:  {safe_url(url)}")
    typer.echo(f"why:    {reason}")
    if url.startswith("sqlite:///"):
        exists = Path(url.removeprefix("sqlite:///")).is_file()
        typer.echo(
            "state:  " + ("exists" if exists else "not created yet (the first submit creates it)")
        )
    typer.echo(f"config: {settings.origin or 'none found (built-in defaults)'}")


def _tell(view, what: str, by: str) -> None:  # noqa: ANN001
    typer.echo(f"revision {view.id} ({view.document_key}) {what} by {by.strip()}")


def register(app: typer.Typer) -> None:
    app.command()(submit)
    app.command()(queue)
    app.command()(show)
    app.command()(approve)
    app.command()(reject)
    app.command("request-changes")(request_changes)
    app.command()(reopen)
    app.command()(waive)
    app.command("check-approved")(check_approved)
    app.command()(audit)
    app.command()(triage)
    app.command()(where)
