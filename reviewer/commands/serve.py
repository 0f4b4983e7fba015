"""`reviewer serve`: the web UI for editors and copywriters, on the same store as the CLI."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from reviewer.commands.common import ConfigOpt

TOKEN_ENV = "REVIEWER_WEB_TOKEN"


def serve(
    host: Annotated[
        str | None,
        typer.Option(
            "--host",
            help="Address to listen on (default 127.0.0.1, or web.host in the config). Any other than loopback needs --token or --users.",
        ),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(
            "--port", min=1, max=65535, help="Port (default 8000, or web.port in the config)."
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help=f"Access token people sign in with (default: ${TOKEN_ENV}).",
            show_default=False,
        ),
    ] = None,
    users: Annotated[
        str | None,
        typer.Option(
            "--users", help="Users file (name:scrypt-hash lines) (default web.users in the config)."
        ),
    ] = None,
    add_user: Annotated[
        str | None,
        typer.Option(
            "--add-user",
            metavar="NAME",
            help="Add NAME (or change their password) in the --users file, then exit.",
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the web UI: queue, revision pages, decisions, diffs, audit log, paste-a-draft, JSON API."""
    from reviewer.config import load_config
    from reviewer.errors import ConfigError
    from reviewer.web.auth import Auth, check_bind, load_users
    from reviewer.web.auth import add_user as add_user_to

    settings = load_config(config)
    users_file = users or (
        str(settings.base_dir / settings.web.users) if settings.web.users else None
    )
    if add_user is not None:
        if users_file is None:
            raise ConfigError("--add-user needs --users FILE (or [web] users in the config)")
        password = typer.prompt(
            f"Password for {add_user}", hide_input=True, confirmation_prompt=True
        )
        add_user_to(users_file, add_user, password)
        typer.echo(f"{add_user} can now sign in (users file {users_file})")
        return
    token = token if token is not None else os.environ.get(TOKEN_ENV)
    if token is not None and not token.strip():
        raise ConfigError("the access token is empty")
    if token and users_file:
        raise ConfigError("use either an access token or a users file, not both")
    auth = Auth(token=token or None, users=load_users(users_file) if users_file else {})
    host = host or settings.web.host
    port = port or settings.web.port
    check_bind(host, auth)
    _check_free(host, port)

    import uvicorn

    from reviewer.web import create_app

    app = create_app(settings, token=auth.token, users=auth.users)
    where = f"[{host}]" if ":" in host else host
    typer.echo(
        f"reviewer: serving on http://{where}:{port}/ ({auth.mode} access; store {app.state.store!r})",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


def _check_free(host: str, port: int) -> None:
    """One clear line (exit 2) when the address is taken or not ours, instead of uvicorn's log."""
    import socket

    from reviewer.errors import ConfigError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, _type, _proto, _name, address = infos[0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def register(app: typer.Typer) -> None:
    app.command()(serve)
