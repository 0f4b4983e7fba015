"""The pages people use: queue, revision, diff, audit log, paste-a-draft, sign-in.

Every page needs a signed-in name (in open mode, just a typed name); every POST needs the
session's CSRF token. A decision that the store refuses (a missing note, a blocked revision, a
conflict) re-renders the page with the message and the typed note kept, so nothing is lost.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from reviewer.errors import ReviewerError
from reviewer.models import SEVERITY_RANK, Finding, Report
from reviewer.reading import MAX_BYTES
from reviewer.render.html import highlight_html, numbered, severity_counts
from reviewer.store.states import DECIDED, STATUSES
from reviewer.store.views import RevisionView
from reviewer.web.actions import DECISIONS, LABELS, decide, previous_revision, web_message
from reviewer.web.app import api_status
from reviewer.web.auth import Auth, clean_name
from reviewer.web.diff import diff_lines
from reviewer.web.drafts import (
    MAX_UPLOAD_BYTES,
    Draft,
    decode_upload,
    document_id_of,
    make_draft,
    read_upload,
    reviewed,
)
from reviewer.web.session import flash, page_user, safe_next, sign_in, verify_csrf

router = APIRouter(include_in_schema=False)
User = Annotated[str, Depends(page_user)]
Csrf = Depends(verify_csrf)
VERDICTS = ("ready", "needs_review", "blocked")
QUEUE_PAGE = 100  # rows per queue page (oldest first, as they wait longest); "Next page" for more


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    return request.app.state.templates.TemplateResponse(
        request, template, context, status_code=status_code
    )


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- signing in ------------------------------------------------------------------------------


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return render(
        request,
        "login.html",
        {"next": safe_next(next), "mode": request.app.state.auth.mode, "name": ""},
    )


@router.post("/login", dependencies=[Csrf])
def login(
    request: Request,
    name: Annotated[str, Form()] = "",
    secret: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/queue",
) -> Response:
    auth: Auth = request.app.state.auth
    try:
        cleaned = clean_name(name)
    except ReviewerError as exc:
        return render(
            request,
            "login.html",
            {"next": safe_next(next), "mode": auth.mode, "name": name, "error": str(exc)},
            400,
        )
    if not auth.check_secret(cleaned, secret):
        error = "wrong name or password" if auth.mode == "users" else "wrong access token"
        return render(
            request,
            "login.html",
            {"next": safe_next(next), "mode": auth.mode, "name": name, "error": error},
            401,
        )
    sign_in(request, auth, cleaned)
    return redirect(safe_next(next))


@router.post("/logout", dependencies=[Csrf])
def logout(request: Request) -> Response:
    request.session.clear()
    return redirect("/login")


# --- the queue -------------------------------------------------------------------------------


@router.get("/")
def home(_user: User) -> Response:
    return redirect("/queue")


@router.get("/queue")
def queue(
    request: Request,
    _user: User,
    status: str = "pending",
    verdict: str = "",
    language: str = "",
    author: str = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = QUEUE_PAGE,
    after: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    filters = {
        "status": status,
        "verdict": verdict,
        "language": language.strip(),
        "author": author.strip(),
    }
    rows = request.app.state.store.queue(
        status=None if status in ("", "any") else status,
        verdict=verdict or None,
        language=filters["language"] or None,
        author=filters["author"] or None,
        limit=limit + 1,  # one more tells whether there are more
        after=after,  # the cursor: the last id of the previous page
    )
    return render(
        request,
        "queue.html",
        {
            "rows": rows[:limit],
            "more": len(rows) > limit,
            "limit": limit,
            "filters": filters,
            "statuses": STATUSES,
            "verdicts": VERDICTS,
        },
    )


# --- one revision ----------------------------------------------------------------------------


def revision_context(
    request: Request, revision_id: int, sort: str = "severity", waived: str = ""
) -> dict[str, Any]:
    store = request.app.state.store
    revision: RevisionView = store.get(revision_id)
    history = store.history(revision.document_id)
    report = revision.report
    findings = list(report.findings) if report else []
    waivers = {w.finding_id: w for w in revision.waivers}
    return {
        "rev": revision,
        "report": report,
        "findings": findings,
        # Within a severity the waived ones go last: what still needs a decision is on top.
        "items": numbered(findings, sort)
        if sort == "position"
        else sorted(
            numbered(findings),
            key=lambda pair: (-SEVERITY_RANK[pair[1].severity], pair[1].id in waivers),
        ),
        "sort": "position" if sort == "position" else "severity",
        "open_errors": [f for f in findings if f.severity == "error" and f.id not in waivers],
        "just_waived": waived,
        "draft": highlight_html(revision.content or "", findings)
        if revision.content is not None
        else None,
        "counts": severity_counts(findings),
        "waivers": waivers,
        "history": history,
        "previous": previous_revision(history, revision.id),
        "audit": store.audit(revision.id),
        "can_decide": revision.status == "pending",
        "can_reopen": revision.status in DECIDED and history[-1].id == revision.id,
        "form": {},
        "error": None,
    }


@router.get("/revisions/{revision_id}")
def revision_page(
    request: Request, revision_id: int, _user: User, sort: str = "severity", waived: str = ""
) -> Response:
    """``sort=position`` lists the findings in document order; ``waived=ID`` confirms a waiver
    at that finding (the waive form comes back here, to the same place in the list)."""
    return render(request, "revision.html", revision_context(request, revision_id, sort, waived))


@router.post("/revisions/{revision_id}/decision", dependencies=[Csrf])
def decision(
    request: Request,
    revision_id: int,
    user: User,
    action: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
    override_reason: Annotated[str, Form()] = "",
    expected_version: Annotated[int | None, Form()] = None,
) -> Response:
    if action not in DECISIONS:
        return _revision_error(
            request, revision_id, 400, f"unknown action {action!r}", {"note": note}
        )
    try:
        decide(
            request.app.state.store,
            revision_id,
            action,
            by=user,
            note=note,
            override_reason=override_reason,
            expected_version=expected_version,
        )
    except ReviewerError as exc:
        # Re-rendering loads the revision again: an unknown id becomes the 404 page there.
        form = {"note": note, "override_reason": override_reason}
        return _revision_error(request, revision_id, api_status(exc), web_message(exc), form)
    flash(request, "ok", f"Revision {revision_id} {LABELS[action]} by {user}.")
    return redirect(f"/revisions/{revision_id}")


@router.post("/revisions/{revision_id}/waive", dependencies=[Csrf])
def waive(
    request: Request,
    revision_id: int,
    user: User,
    finding_id: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
    sort: Annotated[str, Form()] = "severity",
) -> Response:
    store = request.app.state.store
    try:
        store.waive(revision_id, finding_id, by=user, reason=reason)
    except ReviewerError as exc:
        form = {"waive_finding": finding_id, "waive_reason": reason}
        return _revision_error(request, revision_id, api_status(exc), web_message(exc), form)
    # Back to the same finding, which now says it is waived: the editor goes on from there.
    findings = [f.id for f in store.get(revision_id).report.findings]
    anchor = f"#item-{findings.index(finding_id)}" if finding_id in findings else ""
    query = urlencode({"waived": finding_id, **({"sort": sort} if sort == "position" else {})})
    return redirect(f"/revisions/{revision_id}?{query}{anchor}")


def _revision_error(
    request: Request, revision_id: int, status: int, message: str, form: dict[str, str]
) -> Response:
    context = revision_context(request, revision_id)
    context.update(error=message, form=form)
    return render(request, "revision.html", context, status)


@router.get("/revisions/{revision_id}/diff")
def diff_page(
    request: Request, revision_id: int, _user: User, against: int | None = None
) -> Response:
    store = request.app.state.store
    current = store.get(revision_id)
    history = store.history(current.document_id)
    if against is None:
        before = previous_revision(history, revision_id)
        against = before.id if before else None
    other = store.get(against) if against is not None else None
    lines = (
        diff_lines(
            other.content or "",
            current.content or "",
            old_name=f"revision {other.id} (submission {other.number})",
            new_name=f"revision {current.id} (submission {current.number})",
        )
        if other is not None
        else []
    )
    return render(
        request, "diff.html", {"rev": current, "other": other, "history": history, "lines": lines}
    )


# --- audit log -------------------------------------------------------------------------------


@router.get("/audit")
def audit_page(
    request: Request,
    _user: User,
    revision: Annotated[str, Query()] = "",
    actor: str = "",
    action: str = "",
) -> Response:
    revision_id = int(revision) if revision.strip().isdigit() else None
    entries = request.app.state.store.audit(revision_id)
    if actor.strip():
        entries = [e for e in entries if (e.actor or "").casefold() == actor.strip().casefold()]
    if action:
        entries = [e for e in entries if e.action == action]
    filters = {"revision": revision.strip(), "actor": actor.strip(), "action": action}
    return render(request, "audit.html", {"entries": list(reversed(entries)), "filters": filters})


# --- paste or upload a draft -----------------------------------------------------------------


@router.get("/new")
def new_form(request: Request, _user: User) -> Response:
    return render(request, "new.html", {"form": {}, "error": None})


@router.post("/new", dependencies=[Csrf])
def new_review(
    request: Request,
    _user: User,
    content: Annotated[str, Form()] = "",
    brief: Annotated[str, Form()] = "",
    document_id: Annotated[str, Form()] = "",
    language: Annotated[str, Form()] = "",
    draft_file: Annotated[UploadFile | None, File()] = None,
    brief_file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    form = {"content": content, "brief": brief, "document_id": document_id, "language": language}
    try:
        source = "pasted.md"
        if _has_file(draft_file):
            source, content, own_brief = read_upload(
                draft_file.file.read(MAX_UPLOAD_BYTES + 1), draft_file.filename
            )
            brief = brief or own_brief
        if _has_file(brief_file):
            brief = decode_upload(brief_file.file.read(MAX_BYTES + 1), brief_file.filename)[1]
        draft = make_draft(
            content, source=source, brief_text=brief, document_id=document_id, language=language
        )
        doc, report = reviewed(
            draft, request.app.state.config, request.app.state.reviews, require_id=False
        )
    except ReviewerError as exc:
        return render(request, "new.html", {"form": form, "error": str(exc)}, 400)
    return render(
        request, "report.html", _report_context(draft, doc.content, report, document_id_of(doc))
    )


@router.post("/submit", dependencies=[Csrf])
def submit(
    request: Request,
    user: User,
    content: Annotated[str, Form()] = "",
    brief: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "pasted.md",
    document_id: Annotated[str, Form()] = "",
    language: Annotated[str, Form()] = "",
) -> Response:
    form = {"content": content, "brief": brief, "document_id": document_id, "language": language}
    try:
        draft = make_draft(
            content, source=source, brief_text=brief, document_id=document_id, language=language
        )
    except ReviewerError as exc:
        return render(request, "new.html", {"form": form, "error": str(exc)}, 400)
    try:
        doc, report = reviewed(draft, request.app.state.config, request.app.state.reviews)
        revision = request.app.state.store.submit(doc, report, by=user)
    except ReviewerError as exc:
        # Show the report again with the message (e.g. "give the draft a document id"): the
        # copywriter fixes the field and submits again without pasting anything twice.
        try:
            doc, report = reviewed(
                draft, request.app.state.config, request.app.state.reviews, require_id=False
            )
        except ReviewerError:
            return render(request, "new.html", {"form": form, "error": str(exc)}, api_status(exc))
        context = _report_context(draft, doc.content, report, document_id_of(doc))
        context["error"] = str(exc)
        return render(request, "report.html", context, api_status(exc))
    if revision.unchanged:
        flash(
            request,
            "info",
            f"This exact draft already is revision {revision.id} ({revision.document_key}, submission {revision.number}); nothing new was stored.",
        )
    else:
        flash(
            request,
            "ok",
            f"Submitted for approval as revision {revision.id} ({revision.document_key}, submission {revision.number}).",
        )
    return redirect(f"/revisions/{revision.id}")


def _report_context(
    draft: Draft, content: str, report: Report, doc_id: str | None
) -> dict[str, Any]:
    findings: list[Finding] = list(report.findings)
    return {
        "report": report,
        "findings": findings,
        "draft": highlight_html(content, findings),
        "items": numbered(findings),
        "sort": "severity",
        "open_errors": [f for f in findings if f.severity == "error"],
        "just_waived": "",
        "counts": severity_counts(findings),
        "waivers": {},
        "submission": draft,
        "document_id": doc_id or "",
        "error": None,
    }


def _has_file(upload: UploadFile | None) -> bool:
    return upload is not None and bool(upload.filename)
