"""`reviewer rules` and `reviewer rules explain ID`: every rule the review can report.

Built-in rules and the rules of the guideline files the configuration loads, from the rule
registry, with the severity the configuration gives them (like `ruff rule`).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from reviewer.commands.common import ConfigOpt, Level

rules_app = typer.Typer(
    name="rules",
    help="List every rule the review can report, or explain one.",
    invoke_without_command=True,
)


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


FormatOpt = Annotated[
    RulesFormat, typer.Option("--format", "-f", help="Text for people, or JSON for tools.")
]


def _catalog(config: str | None):
    from reviewer.config import load_config
    from reviewer.registry import catalog

    return catalog(load_config(config))


@rules_app.callback()
def list_rules(
    ctx: typer.Context,
    check: Annotated[str | None, typer.Option("--check", help="Only this check's rules.")] = None,
    severity: Annotated[
        Level | None, typer.Option("--severity", help="Only rules of this severity.")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="Only rules for 'de' or 'en'.")
    ] = None,
    format: FormatOpt = RulesFormat.text,
    config: ConfigOpt = None,
) -> None:
    """List rules: id, severity, check, languages and title."""
    if ctx.invoked_subcommand is not None:
        return
    rules = [
        rule
        for rule in _catalog(config).values()
        if (check is None or rule.check == check)
        and (severity is None or rule.severity == severity.value)
        and (language is None or language in rule.languages)
    ]
    if format is RulesFormat.json:
        typer.echo(json.dumps([rule.as_dict() for rule in rules], indent=2, ensure_ascii=False))
        return
    width = max((len(rule.id) for rule in rules), default=10)
    for rule in rules:
        langs = ",".join(rule.languages)
        typer.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {langs:<5}  {rule.title}")
    typer.echo(f"{len(rules)} rule{'s' if len(rules) != 1 else ''}", err=True)


@rules_app.command("explain")
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. pii.person.")],
    format: FormatOpt = RulesFormat.text,
    config: ConfigOpt = None,
) -> None:
    """Explain one rule: what it finds, why it matters, how to fix it, with examples."""
    import difflib

    from reviewer.errors import InputError

    known = _catalog(config)
    rule = known.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(known), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `reviewer rules` lists them"
        raise InputError(f"unknown rule {rule_id!r}{hint}")
    if format is RulesFormat.json:
        typer.echo(json.dumps(rule.as_dict(), indent=2, ensure_ascii=False))
        return
    lines = [
        f"{rule.id}: {rule.title}",
        f"check {rule.check} · severity {rule.severity} · languages {', '.join(rule.languages)}"
        + (f" · from {rule.origin}" if rule.origin != "built-in" else ""),
        "",
        rule.explanation,
        "",
        f"How to fix: {rule.fix}",
    ]
    for label, example in (("Reported", rule.example), ("Not reported", rule.counter_example)):
        if example is not None:
            body = "\n".join("    " + line for line in example.text.rstrip("\n").split("\n"))
            lines += ["", f"{label} ({example.language}):", body]
    typer.echo("\n".join(lines))


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app)
