"""The FastAPI application: pages for people, a JSON API for scripts, one store behind both."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from reviewer import __version__
from reviewer.config import Config
from reviewer.errors import InputError, ReviewerError
from reviewer.reading import MAX_BYTES, shown
from reviewer.render.order import plural
from reviewer.store.errors import ConflictError, NotFoundError
from reviewer.web.auth import Auth, is_loopback
from reviewer.web.drafts import ReviewCache
from reviewer.web.session import CsrfFailed, LoginRequired, csrf_token, pop_flashes, signed_in_user

if TYPE_CHECKING:
    from reviewer.store import Store

HERE = Path(__file__).parent
SECRET_ENV = "REVIEWER_WEB_SECRET"

# Content-Security-Policy: the pages load nothing from elsewhere and run no inline code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}

DESCRIPTION = """\
Review AI-drafted marketing copy and decide on it. Every action is recorded in the audit log with
the acting person's name.

Authentication: with an access token send `Authorization: Bearer TOKEN` and the acting person's
name in `X-Reviewer-User`; with a users file use HTTP Basic auth (the name is the user's); without
either (loopback only) send just `X-Reviewer-User` on actions.
"""


FORM_FIELD_BYTES = MAX_BYTES + MAX_BYTES // 4


def create_app(
    config: Config,
    *,
    token: str | None = None,
    users: Mapping[str, str] | None = None,
    store: Store | None = None,
) -> FastAPI:
    """Build the web UI on the configured store.

    ``token``: shared access token; ``users``: name -> scrypt hash (see ``reviewer.web.auth``).
    Without either, only loopback ``Host`` names are answered. ``store``: an open store to use
    (default: ``open_store(config)``, closed when the app shuts down)."""
    from reviewer.store import open_store

    auth = Auth(token=token or None, users=dict(users or {}))
    own_store = store is None
    store = store if store is not None else open_store(config)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if own_store:
            store.close()

    app = FastAPI(
        title="reviewer",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI would load scripts from a CDN; /openapi.json documents the API
        redoc_url=None,
        lifespan=lifespan,
        # A pasted draft may be as large as a file (5 MiB, reviewer.reading.MAX_BYTES; browsers
        # send CRLF, hence the margin); Starlette's default of 1 MB per form field refused 1-5 MiB
        # drafts with a bare 400. make_draft gives the clear "over 5 MiB" message.
        form_limits={"max_part_size": FORM_FIELD_BYTES},
    )
    app.state.config = config
    app.state.store = store
    app.state.auth = auth
    app.state.reviews = ReviewCache()
    app.state.templates = _templates()

    app.add_middleware(
        SessionMiddleware,
        secret_key=os.environ.get(SECRET_ENV) or secrets.token_urlsafe(32),
        session_cookie="reviewer_session",
        max_age=int(config.web.session_hours * 3600),
        same_site="lax",
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN202 - Starlette middleware
        if auth.mode == "open" and not _loopback_host(request):
            # Nobody signs in, so only this machine's names may reach the app: a page elsewhere
            # cannot rebind its own host name to 127.0.0.1 and drive it.
            return PlainTextResponse(
                "This server answers only to loopback host names (127.0.0.1, localhost, [::1]); "
                "start it with --token or --users to serve other names.",
                status_code=400,
            )
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    _add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from reviewer.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _templates() -> Jinja2Templates:
    from reviewer.store.states import DECIDED

    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.globals.update(
        csrf_token=csrf_token, current_user=signed_in_user, pop_flashes=pop_flashes, decided=DECIDED
    )
    env.filters["when"] = lambda value: value.strftime("%Y-%m-%d %H:%M UTC") if value else ""
    env.filters["plural"] = plural
    env.filters["words"] = lambda value: str(value or "").replace("_", " ")
    env.filters["urlencode_params"] = lambda params, **extra: urlencode({**dict(params), **extra})
    env.filters["location"] = lambda f: (
        f"{f.line}:{f.column}" if f.line is not None else "whole draft"
    )
    return templates


def _loopback_host(request: Request) -> bool:
    return is_loopback(request.url.hostname or "")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def api_status(exc: ReviewerError) -> int:
    """HTTP status for a store or input error (the JSON API's contract)."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConflictError):
        return 409
    if isinstance(exc, InputError):
        return 400
    from reviewer.store.errors import StoreError

    return 503 if isinstance(exc, StoreError) else 400


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)

    @app.exception_handler(CsrfFailed)
    async def _csrf(request: Request, _exc: CsrfFailed) -> Response:
        return error_page(
            request,
            403,
            "This form has expired or did not come from this site (missing or wrong CSRF token). "
            "Go back, reload the page and try again.",
        )

    @app.exception_handler(ReviewerError)
    async def _reviewer_error(request: Request, exc: ReviewerError) -> Response:
        status = api_status(exc)
        if _is_api(request):
            from reviewer.store.errors import BlockedError
            from reviewer.web.actions import api_blocked_message

            if isinstance(exc, BlockedError):
                body = {
                    "detail": api_blocked_message(exc),
                    "open_findings": [f.id for f in exc.open_errors],
                }
                return JSONResponse(body, status_code=status)
            return JSONResponse({"detail": str(exc)}, status_code=status)
        return error_page(request, status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        messages = [_validation_message(error) for error in exc.errors()]
        if _is_api(request):
            return JSONResponse(
                {"detail": "; ".join(messages), "errors": _jsonable(exc.errors())}, status_code=422
            )
        return error_page(request, 422, "; ".join(messages))


def _validation_message(error: Mapping) -> str:
    where = ".".join(
        str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path", "form")
    )
    message = shown(str(error.get("msg", "invalid value"))).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _jsonable(errors: list) -> list:
    """The errors without the ``input`` they quote: that may be the whole (5 MiB) body, or text
    JSON cannot hold (a lone surrogate made this handler itself fail)."""
    from fastapi.encoders import jsonable_encoder

    quiet = [{key: value for key, value in e.items() if key != "input"} for e in errors]
    return jsonable_encoder(quiet, custom_encoder={Exception: lambda exc: shown(str(exc))})


def error_page(request: Request, status: int, message: str) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )
