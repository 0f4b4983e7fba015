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
NoCritiqueOpt = Annotated[
    bool, typer.Option("--no-critique", help="Skip the LLM critique for this run.")
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Ask the language model again instead of using its cache."),
]
