"""The JSON API: the same actions as the pages, for scripts and other tools (see /openapi.json).

Handlers are plain ``def``: the store and the checks block, so FastAPI runs them in its thread
pool and the event loop stays free.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import yaml
from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response, status
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from reviewer.models import Report
from reviewer.store.views import AuditEntryView, RevisionView, WaiverView
from reviewer.web.actions import decide, previous_revision
from reviewer.web.auth import Auth, clean_name
from reviewer.web.diff import diff_lines, diff_text
from reviewer.web.drafts import PASTED, Draft, make_draft, reviewed

_bearer = HTTPBearer(
    auto_error=False, description="The access token given to `reviewer serve --token`."
)
_basic = HTTPBasic(auto_error=False, description="A name and password from the users file.")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def api_access(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    basic: Annotated[HTTPBasicCredentials | None, Depends(_basic)],
) -> str | None:
    """Check the caller's credentials; the signed-in name when a users file is in use."""
    auth: Auth = request.app.state.auth
    if auth.mode == "open":
        return None
    if auth.mode == "token":
        if bearer is None:
            raise HTTPException(
                401,
                "send the access token as 'Authorization: Bearer TOKEN'",
                {"WWW-Authenticate": "Bearer"},
            )
        if not auth.check_secret("", bearer.credentials):
            raise HTTPException(401, "wrong access token", {"WWW-Authenticate": "Bearer"})
        return None
    if basic is None:
        raise HTTPException(
            401,
            "sign in with HTTP Basic auth (a name and password from the users file)",
            {"WWW-Authenticate": "Basic"},
        )
    if not auth.check_secret(basic.username, basic.password):
        raise HTTPException(401, "wrong name or password", {"WWW-Authenticate": "Basic"})
    return basic.username


def acting_user(
    signed_in: Annotated[str | None, Depends(api_access)],
    x_reviewer_user: Annotated[
        str | None,
        Header(
            description="Who is acting (recorded in the audit log); not needed with Basic auth."
        ),
    ] = None,
) -> str:
    """The name recorded with an action."""
    if signed_in is not None:
        return signed_in
    return clean_name(x_reviewer_user)


router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(api_access)])
Actor = Annotated[str, Depends(acting_user)]


# Rows per page of GET /api/revisions: a page answers in milliseconds at any store size.
API_PAGE = 100
MAX_PAGE = 1000


class ErrorOut(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorOut,
        "description": "Bad input: a missing note, reason or name, an unknown filter value",
    },
    401: {"model": ErrorOut, "description": "Missing or wrong credentials"},
    404: {"model": ErrorOut, "description": "No such revision or finding"},
    409: {
        "model": ErrorOut,
        "description": "The revision's state does not allow this, or someone else changed it first",
    },
}


class ApproveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = None
    override_reason: str | None = Field(
        default=None,
        description="Approve a blocked revision without waiving every error finding (recorded as 'override').",
    )
    expected_version: int | None = Field(
        default=None, description="The version you saw; 409 when it changed since."
    )


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Text = Field(description="Why: for the author and the audit log.")
    expected_version: int | None = Field(
        default=None, description="The version you saw; 409 when it changed since."
    )


class WaiveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    finding_id: Text
    reason: Text


class DraftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: str = Field(
        min_length=1, description="The draft, Markdown or plain text (front matter allowed)."
    )
    brief: str | dict[str, Any] | None = Field(
        default=None, description="The brief as YAML text or an object."
    )
    source: str = Field(
        default=PASTED, description="A file name for the report (.txt reads as plain text)."
    )
    document_id: str = Field(
        default="",
        description="Identifies the document across revisions unless the front matter has an 'id'.",
    )
    language: Literal["de", "en"] | None = None


class DiffOut(BaseModel):
    revision_id: int
    against_id: int | None
    diff: str = Field(
        description="Unified diff of the two drafts; empty when there is nothing to compare."
    )


@router.get("/revisions", operation_id="list_revisions", summary="The queue", responses=ERRORS)
def list_revisions(
    request: Request,
    response: Response,
    status_: Annotated[
        str | None,
        Query(
            alias="status", description="pending, approved, rejected, changes_requested, superseded"
        ),
    ] = None,
    verdict: Annotated[
        str | None, Query(description="effective verdict: ready, needs_review, blocked")
    ] = None,
    language: str | None = None,
    author: str | None = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description="rows per page, oldest first")
    ] = API_PAGE,
    after: Annotated[
        int | None,
        Query(
            ge=0,
            description="cursor: the last id of the previous page (its X-Next-Cursor header)",
        ),
    ] = None,
) -> list[RevisionView]:
    """One page of the queue. When more rows follow, the ``X-Next-Cursor`` header holds the
    ``after`` value for the next page and ``Link`` its URL (``rel="next"``)."""
    rows = request.app.state.store.queue(
        status=status_,
        verdict=verdict,
        language=language,
        author=author,
        limit=limit + 1,  # one more tells whether there is a next page
        after=after,
    )
    if len(rows) > limit:
        rows = rows[:limit]
        cursor = str(rows[-1].id)
        response.headers["X-Next-Cursor"] = cursor
        next_url = request.url.include_query_params(after=cursor, limit=limit)
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return rows


@router.get(
    "/revisions/{revision_id}",
    operation_id="get_revision",
    summary="One revision with its draft, report and waivers",
    responses=ERRORS,
)
def get_revision(request: Request, revision_id: int) -> RevisionView:
    return request.app.state.store.get(revision_id)


@router.get(
    "/revisions/{revision_id}/history",
    operation_id="revision_history",
    summary="All revisions of this revision's document",
    responses=ERRORS,
)
def revision_history(request: Request, revision_id: int) -> list[RevisionView]:
    store = request.app.state.store
    return store.history(store.get(revision_id).document_id)


@router.get(
    "/revisions/{revision_id}/diff",
    operation_id="revision_diff",
    summary="Diff against another revision (default: the previous one)",
    responses=ERRORS,
)
def revision_diff(request: Request, revision_id: int, against: int | None = None) -> DiffOut:
    store = request.app.state.store
    current = store.get(revision_id)
    if against is None:
        before = previous_revision(store.history(current.document_id), revision_id)
        other = store.get(before.id) if before else None
    else:
        other = store.get(against)
    if other is None:
        return DiffOut(revision_id=revision_id, against_id=None, diff="")
    lines = diff_lines(
        other.content or "",
        current.content or "",
        old_name=f"revision {other.id}",
        new_name=f"revision {current.id}",
    )
    return DiffOut(revision_id=revision_id, against_id=other.id, diff=diff_text(lines))


@router.post(
    "/revisions/{revision_id}/approve",
    operation_id="approve_revision",
    summary="Approve",
    responses=ERRORS,
)
def approve(request: Request, revision_id: int, body: ApproveIn, by: Actor) -> RevisionView:
    return decide(
        request.app.state.store,
        revision_id,
        "approve",
        by=by,
        note=body.note,
        override_reason=body.override_reason,
        expected_version=body.expected_version,
    )


@router.post(
    "/revisions/{revision_id}/reject",
    operation_id="reject_revision",
    summary="Reject (note required)",
    responses=ERRORS,
)
def reject(request: Request, revision_id: int, body: NoteIn, by: Actor) -> RevisionView:
    return decide(
        request.app.state.store,
        revision_id,
        "reject",
        by=by,
        note=body.note,
        expected_version=body.expected_version,
    )


@router.post(
    "/revisions/{revision_id}/request-changes",
    operation_id="request_changes",
    summary="Request changes (note required)",
    responses=ERRORS,
)
def request_changes(request: Request, revision_id: int, body: NoteIn, by: Actor) -> RevisionView:
    return decide(
        request.app.state.store,
        revision_id,
        "request_changes",
        by=by,
        note=body.note,
        expected_version=body.expected_version,
    )


@router.post(
    "/revisions/{revision_id}/reopen",
    operation_id="reopen_revision",
    summary="Reopen the latest decided revision (note required)",
    responses=ERRORS,
)
def reopen(request: Request, revision_id: int, body: NoteIn, by: Actor) -> RevisionView:
    return decide(
        request.app.state.store,
        revision_id,
        "reopen",
        by=by,
        note=body.note,
        expected_version=body.expected_version,
    )


@router.post(
    "/revisions/{revision_id}/waivers",
    operation_id="waive_finding",
    summary="Waive one finding (reason required)",
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
def waive(request: Request, revision_id: int, body: WaiveIn, by: Actor) -> WaiverView:
    return request.app.state.store.waive(revision_id, body.finding_id, by=by, reason=body.reason)


@router.get(
    "/audit", operation_id="audit_log", summary="The audit log, oldest first", responses=ERRORS
)
def audit(request: Request, revision_id: int | None = None) -> list[AuditEntryView]:
    return request.app.state.store.audit(revision_id)


@router.post(
    "/review",
    operation_id="review_draft",
    summary="Review a draft at once (nothing is stored)",
    responses=ERRORS,
)
def review(request: Request, body: DraftIn) -> Report:
    _doc, report = reviewed(
        _draft(body), request.app.state.config, request.app.state.reviews, require_id=False
    )
    return report


@router.post(
    "/submissions",
    operation_id="submit_draft",
    summary="Review a draft and submit it for approval",
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
def submit(request: Request, body: DraftIn, by: Actor) -> RevisionView:
    doc, report = reviewed(_draft(body), request.app.state.config, request.app.state.reviews)
    return request.app.state.store.submit(doc, report, by=by)


def _draft(body: DraftIn) -> Draft:
    brief = body.brief
    brief_text = (
        yaml.safe_dump(brief, allow_unicode=True, sort_keys=False)
        if isinstance(brief, dict)
        else (brief or "")
    )
    return make_draft(
        body.content,
        source=body.source,
        brief_text=brief_text,
        document_id=body.document_id,
        language=body.language,
    )
