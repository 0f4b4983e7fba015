"""`reviewer guidelines list` and `reviewer guidelines show ID`: what the review enforces.

Both load the same guidelines the review would (default pack + config + --guidelines), so a
broken guideline file fails here too, with file and line (exit 2).
"""

from __future__ import annotations

from typing import Annotated

import typer

from reviewer.commands.common import ConfigOpt

guidelines_app = typer.Typer(
    name="guidelines",
    help="List and show the written guidelines the review enforces.",
    no_args_is_help=True,
)

GuidelinesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--guidelines", help="Extra guideline folder (repeatable), as for `reviewer review`."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _load(config: str | None, guidelines: list[str] | None):
    from reviewer.checks.guidelines.pack import load_guidelines
    from reviewer.config import load_config

    settings = load_config(config)
    if guidelines:
        settings.guidelines.paths = [*settings.guidelines.paths, *guidelines]
    return settings, load_guidelines(settings)


@guidelines_app.command("list")
def list_guidelines(
    config: ConfigOpt = None,
    guidelines: GuidelinesOption = None,
    language: Annotated[
        str | None, typer.Option("--language", help="Only guidelines for 'de' or 'en'.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List guideline ids, titles, severities, languages and rule ids."""
    from reviewer.checks.guidelines.pack import guidelines_for

    _, loaded = _load(config, guidelines)
    if language:
        loaded = guidelines_for(loaded, language)
    if as_json:
        import json

        rows = [
            {
                "id": g.id,
                "title": g.title,
                "severity": g.severity,
                "languages": g.languages,
                "rules": [g.rule_id(r) for r in g.rules],
                "path": str(g.path),
            }
            for g in loaded
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, highlight=False)
    for column in ("id", "title", "severity", "languages", "rules"):
        table.add_column(column, overflow="fold")
    for g in loaded:
        rules = "\n".join(f"{r.id} ({r.type})" for r in g.rules) or "(LLM critique only)"
        table.add_row(g.id, g.title, g.severity, ", ".join(g.languages), rules)
    console = Console(highlight=False)
    console.print(table)
    console.print(
        f"{len(loaded)} guidelines. Rule ids in findings and suppressions: <guideline id>.<rule id>."
    )


@guidelines_app.command("show")
def show_guideline(
    guideline_id: Annotated[
        str, typer.Argument(metavar="ID", help="Guideline id, as in `reviewer guidelines list`.")
    ],
    config: ConfigOpt = None,
    guidelines: GuidelinesOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one guideline: its rules and the text the LLM critique reads."""
    from reviewer.checks.guidelines.pack import find_guideline

    _, loaded = _load(config, guidelines)
    guideline = find_guideline(loaded, guideline_id)
    if as_json:
        typer.echo(guideline.model_dump_json(indent=2))
        return
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(highlight=False)
    console.print(f"[bold]{guideline.title}[/bold]  ({guideline.id})")
    console.print(
        f"severity {guideline.severity} · languages {', '.join(guideline.languages)} · {guideline.path}"
    )
    for rule in guideline.rules:
        langs = ", ".join(sorted(rule.languages() or {"*"}))
        console.print(
            f"  rule [bold]{guideline.rule_id(rule)}[/bold]: {rule.type}, {guideline.severity_of(rule)}, {langs}",
            markup=True,
        )
    console.print()
    console.print(Markdown(guideline.body))


def register(app: typer.Typer) -> None:
    app.add_typer(guidelines_app, name="guidelines")
