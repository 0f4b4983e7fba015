"""Pieces the commands share: exit codes, --fail-on levels and the options several commands take."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from reviewer.models import Report

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class Level(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


def exit_code_for(reports: list[Report], fail_on: str) -> int:
    """1 when any finding is at or above ``fail_on``, else 0 (the linters' convention)."""
    if any(report.findings_at_or_above(fail_on) for report in reports):
        return EXIT_FINDINGS
    return EXIT_OK


# Options several commands share, declared once so their names and help stay the same.
ConfigOpt = Annotated[
    str | None, typer.Option("--config", help="reviewer.toml or pyproject.toml to use.")
]


def _language(value: str | None) -> str | None:
    from reviewer.parsing.language import require_language

    return require_language(value)


LanguageOpt = Annotated[
    str | None,
    typer.Option(
        "--language",
        callback=_language,
        help="Force 'de' or 'en' instead of the brief or detection.",
    ),
]


def flag(name: str, help: str) -> typer.models.OptionInfo:  # noqa: A002 - typer's own keyword
    """An on/off option (``--help`` shows it without a type: ``reviewer.cli.plain_flags``)."""
    return typer.Option(name, help=help)


NoCritiqueOpt = Annotated[bool, flag("--no-critique", "Skip the LLM critique for this run.")]
NoCacheOpt = Annotated[
    bool, flag("--no-cache", "Ask the language model again instead of using its cache.")
]
MinSeverityOpt = Annotated[
    Level | None,
    typer.Option(
        "--min-severity",
        help="Show only findings at or above this level, and say how many were hidden (display only: exit codes and machine formats are unchanged).",
    ),
]


class SortChoice(StrEnum):
    severity = "severity"
    position = "position"


SortOpt = Annotated[
    SortChoice,
    typer.Option(
        "--sort", help="Order of the findings: errors first (severity) or as in the draft."
    ),
]


def console(*, stderr: bool = False):  # noqa: ANN201 - rich is imported lazily
    """A rich Console that wraps lines only on a terminal: piped into a file or a CI log, a long
    message stays one line, so file names and rule ids are never cut in two."""
    from rich.console import Console

    out = Console(highlight=False, stderr=stderr)
    out.soft_wrap = not out.is_terminal
    return out
