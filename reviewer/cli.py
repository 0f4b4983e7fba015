"""The `reviewer` command. Keep imports here light: `reviewer --help` must start fast."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup, TyperOption

from reviewer import __version__

app = typer.Typer(
    name="reviewer",
    help="Review AI-drafted B2B marketing copy before it is published.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reviewer {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Review AI-drafted B2B marketing copy before it is published."""


def _register_commands() -> None:
    from reviewer.commands import redact, review

    review.register(app)
    redact.register(app)
    from reviewer.commands import store

    store.register(app)
    from reviewer.commands import batch

    batch.register(app)
    from reviewer.commands import serve

    serve.register(app)
    from reviewer.commands import guidelines, rules

    guidelines.register(app)
    rules.register(app)


_register_commands()


def plain_flags(command: TyperCommand | TyperGroup) -> TyperCommand | TyperGroup:
    """Clear the type typer prints after every on/off option in ``--help`` (``--help <bool>``),
    which reads as if the flag took a value: for each command and group, ``--help`` included.
    One walk over the built tree rather than a ``metavar`` on each option (typer's ``--help`` has
    no other handle)."""
    options = [*command.params, command.get_help_option(typer.Context(command))]
    for option in options:
        if isinstance(option, TyperOption) and option.is_bool_flag and option.metavar is None:
            option.metavar = ""
    for sub in getattr(command, "commands", {}).values():
        plain_flags(sub)
    return command


def run() -> None:
    """The installed ``reviewer`` command and ``python -m reviewer``: ``main``, then leave
    without the interpreter's teardown (``reviewer.process.leave``; ~0.15 s of a single
    review). Tests and other callers in a process of their own use ``main``."""
    from reviewer.process import exit_status, leave

    try:
        main()
        status = 0
    except SystemExit as exc:
        status = exit_status(exc.code)
    leave(status)


def main() -> None:
    from reviewer.errors import ReviewerError
    from reviewer.process import tune_process

    tune_process()  # this process is ours: garbage collector and regex cache for its work

    try:
        plain_flags(typer.main.get_command(app))()
    except ReviewerError as exc:
        typer.echo(f"reviewer: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("reviewer: interrupted", err=True)
        sys.exit(130)
