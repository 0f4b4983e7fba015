"""`reviewer review FILE`: one draft, one report."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from reviewer.commands.common import (
    ConfigOpt,
    LanguageOpt,
    Level,
    NoCacheOpt,
    NoCritiqueOpt,
    exit_code_for,
)


class ReviewFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"
    sarif = "sarif"
    junit = "junit"


def review(
    file: Annotated[str, typer.Argument(help="Draft to review (.md or .txt); '-' reads stdin.")],
    brief: Annotated[
        str | None,
        typer.Option("--brief", help="Brief as a YAML file (or a .md with front matter)."),
    ] = None,
    format: Annotated[
        ReviewFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output: terminal text, the JSON report, Markdown, self-contained HTML, SARIF 2.1.0 or JUnit XML.",
        ),
    ] = ReviewFormat.text,
    fail_on: Annotated[
        Level | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this level (default: error, or fail_on in the config).",
        ),
    ] = None,
    config: ConfigOpt = None,
    language: LanguageOpt = None,
    guidelines: Annotated[
        list[str] | None, typer.Option("--guidelines", help="Extra guideline folder (repeatable).")
    ] = None,
    no_cache: NoCacheOpt = False,
    no_critique: NoCritiqueOpt = False,
    submit: Annotated[
        bool,
        typer.Option("--submit", help="Store this revision and its report for human approval."),
    ] = False,
) -> None:
    """Review one draft: PII, readability, keywords, structure, guidelines and LLM critique."""
    from reviewer.api import review_document
    from reviewer.config import load_config
    from reviewer.document import load_document

    settings = load_config(config)
    if guidelines:
        settings.guidelines.paths = [*settings.guidelines.paths, *guidelines]
    doc = load_document(file, brief_path=brief, language=language)
    report = review_document(doc, config=settings, critique=not no_critique, use_cache=not no_cache)
    threshold = fail_on.value if fail_on else settings.fail_on
    if format is ReviewFormat.text:
        from rich.console import Console

        from reviewer.render.terminal import render_terminal

        render_terminal(report, Console(highlight=False))
    else:
        typer.echo(_render(format, report, doc.content, threshold, settings), nl=False)
    if submit:
        from reviewer.commands.store import submit_and_tell

        submit_and_tell(doc, report, settings)
    raise typer.Exit(exit_code_for([report], threshold))


def _render(format: ReviewFormat, report, content: str, fail_on: str, settings) -> str:
    """The machine and document formats, the same renderers `reviewer batch` writes with."""
    from reviewer.registry import catalog

    if format is ReviewFormat.json:
        from reviewer.render.json import render_json

        return render_json(report) + "\n"
    if format is ReviewFormat.md:
        from reviewer.render.markdown import render_markdown

        return render_markdown(report)
    if format is ReviewFormat.html:
        from reviewer.render.html import render_html

        return render_html(report, content, rules=catalog(settings))
    if format is ReviewFormat.sarif:
        from reviewer.render.sarif import render_sarif

        return render_sarif([report], rules=catalog(settings))
    from reviewer.render.junit import render_junit

    return render_junit([(report, None)], fail_on=fail_on, rules=catalog(settings))


def register(app: typer.Typer) -> None:
    app.command()(review)
