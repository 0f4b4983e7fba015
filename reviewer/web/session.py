"""The browser side of access: the signed session cookie, CSRF tokens and one-shot messages.

The session lives in a cookie signed by Starlette's ``SessionMiddleware`` (itsdangerous), so the
server keeps no session table. It holds the signed-in name, a tag of the credential used (so a
changed token or a removed user ends old sessions), the CSRF token, and flash messages.

CSRF: every form carries the session's random token in a hidden field and every POST from a page
must send it back (synchronizer token). A page on another site cannot read the token, so it
cannot forge a decision; a POST without it gets 403.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import Form, Request

from reviewer.web.auth import Auth

CSRF_FIELD = "csrf_token"


class LoginRequired(Exception):
    """Raised by page dependencies; the app answers with a redirect to the sign-in page."""


class CsrfFailed(Exception):
    """A page POST without the session's CSRF token."""


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use (templates put it into every form)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def verify_csrf(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """Dependency of every page POST: the form's token must equal the session's."""
    expected = request.session.get("csrf")
    if (
        not expected
        or not csrf_token
        or not hmac.compare_digest(csrf_token.encode(), expected.encode())
    ):
        raise CsrfFailed()


def credential_tag(auth: Auth, name: str) -> str:
    """A short fingerprint of what let ``name`` in; when it changes, the session is void."""
    if auth.mode == "users":
        material = auth.users.get(name, "")
    elif auth.mode == "token":
        material = auth.token or ""
    else:
        material = "open"
    return hashlib.sha256(f"{auth.mode}\0{material}".encode()).hexdigest()[:16]


def sign_in(request: Request, auth: Auth, name: str) -> None:
    """Start a fresh session for ``name`` (new CSRF token: no token from before sign-in survives)."""
    request.session.clear()
    request.session["user"] = name
    request.session["tag"] = credential_tag(auth, name)
    request.session["csrf"] = secrets.token_urlsafe(32)


def signed_in_user(request: Request) -> str | None:
    auth: Auth = request.app.state.auth
    name = request.session.get("user")
    if not name or request.session.get("tag") != credential_tag(auth, name):
        return None
    if auth.mode == "users" and name not in auth.users:
        return None
    return name


def page_user(request: Request) -> str:
    """Dependency of every page: the signed-in name, or a redirect to the sign-in page."""
    name = signed_in_user(request)
    if name is None:
        raise LoginRequired()
    return name


def flash(request: Request, kind: str, text: str) -> None:
    """A message shown once, on the next page rendered (after a POST's redirect)."""
    request.session.setdefault("flash", [])
    request.session["flash"] = [*request.session["flash"], [kind, text]][-5:]


def pop_flashes(request: Request) -> list[tuple[str, str]]:
    return [tuple(item) for item in request.session.pop("flash", [])]


def safe_next(target: str | None) -> str:
    """Only same-site paths after sign-in, never ``//evil.example`` or a full URL."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/queue"
    return target
