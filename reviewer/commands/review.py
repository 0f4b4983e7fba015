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
    SortChoice,
    SortOpt,
    console,
    exit_code_for,
    flag,
)


class ReviewFormat(StrEnum):
    text = "text"
    line = "line"
    json = "json"
    md = "md"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    docx = "docx"


def review(
    file: Annotated[
        str,
        typer.Argument(help="Draft to review (.md, .txt, .docx or .html); '-' reads stdin."),
    ],
    brief: Annotated[
        str | None,
        typer.Option("--brief", help="Brief as a YAML file (or a .md with front matter)."),
    ] = None,
    format: Annotated[
        ReviewFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output: terminal text, one line per finding (path:line:col: severity [rule] message), the JSON report, Markdown, self-contained HTML, SARIF 2.1.0, JUnit XML, or (for a .docx draft) a commented copy of the Word document.",
        ),
    ] = ReviewFormat.text,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="With --format docx: where to write the commented copy (default: DRAFT.reviewed.docx beside the draft).",
        ),
    ] = None,
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
    min_severity: Annotated[
        Level | None,
        typer.Option(
            "--min-severity",
            help="Show only findings at or above this level, and say how many were hidden (default: warning for the text report, info for the others; exit codes are unchanged).",
        ),
    ] = None,
    sort: SortOpt = SortChoice.severity,
    submit: Annotated[
        bool, flag("--submit", "Store this revision and its report for human approval.")
    ] = False,
) -> None:
    """Review one draft: PII, readability, keywords, structure, guidelines and LLM critique."""
    from reviewer.api import review_document
    from reviewer.config import load_config
    from reviewer.document import load_document
    from reviewer.errors import InputError

    if output is not None and format is not ReviewFormat.docx:
        raise InputError("--output goes with --format docx (other formats print to stdout)")
    settings = load_config(config)
    if guidelines:
        settings.guidelines.paths = [*settings.guidelines.paths, *guidelines]
    doc = load_document(file, brief_path=brief, language=language)
    if format is ReviewFormat.docx and doc.origin != "docx":
        raise InputError(
            f"{file}: --format docx writes comments into a Word draft; this is not a .docx"
        )
    report = review_document(doc, config=settings, critique=not no_critique, use_cache=not no_cache)
    threshold = fail_on.value if fail_on else settings.fail_on
    shown_from = _min_severity(format, min_severity)
    if format is ReviewFormat.text:
        from reviewer.render.terminal import render_terminal

        render_terminal(report, console(), min_severity=shown_from, sort=sort.value)
    elif format is ReviewFormat.line:
        from reviewer.render.line import render_line
        from reviewer.render.order import shown

        visible = shown(report.findings, min_severity=shown_from, sort=sort.value)
        typer.echo(render_line(report, visible.findings), nl=False)
    elif format is ReviewFormat.docx:
        from reviewer.render.docx import commented_path, render_docx

        target = output or str(commented_path(file))
        count = render_docx(report, file, target)
        typer.echo(f"{report.verdict}: wrote {count} comment(s) to {target}")
    else:
        text = _render(format, report, doc.content, threshold, settings, shown_from, sort.value)
        typer.echo(text, nl=False)
    if submit:
        from reviewer.commands.store import submit_and_tell

        submit_and_tell(doc, report, settings)
    raise typer.Exit(exit_code_for([report], threshold))


def _min_severity(format: ReviewFormat, chosen: Level | None) -> str:
    """The text report hides notes unless asked (it is read top to bottom, in a terminal); the
    other formats show everything unless asked, and the machine formats always do."""
    if chosen is not None:
        return chosen.value
    return "warning" if format is ReviewFormat.text else "info"


def _render(
    format: ReviewFormat,
    report,  # noqa: ANN001
    content: str,
    fail_on: str,
    settings,  # noqa: ANN001
    min_severity: str = "info",
    sort: str = "severity",
) -> str:
    """The machine and document formats, the same renderers `reviewer batch` writes with.
    ``min_severity`` and ``sort`` apply to the formats people read (Markdown, HTML)."""
    from reviewer.registry import catalog

    if format is ReviewFormat.json:
        from reviewer.render.json import render_json

        return render_json(report) + "\n"
    if format is ReviewFormat.md:
        from reviewer.render.markdown import render_markdown

        return render_markdown(report, min_severity=min_severity, sort=sort)
    if format is ReviewFormat.html:
        from reviewer.render.html import render_html

        return render_html(report, content, rules=catalog(settings), sort=sort)
    if format is ReviewFormat.sarif:
        from reviewer.render.sarif import render_sarif

        return render_sarif([report], rules=catalog(settings))
    from reviewer.render.junit import render_junit

    return render_junit([(report, None)], fail_on=fail_on, rules=catalog(settings))


def register(app: typer.Typer) -> None:
    app.command()(review)
