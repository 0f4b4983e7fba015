"""The readable terminal report: grouped by check, coloured by severity, with line:column."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from reviewer.checks import CHECK_NAMES
from reviewer.models import Report

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STATUS_STYLE = {
    "pass": "green",
    "warn": "yellow",
    "fail": "bold red",
    "skipped": "dim",
    "error": "bold magenta",
}
VERDICT_STYLE = {"ready": "bold green", "needs_review": "bold yellow", "blocked": "bold red"}


def render_terminal(report: Report, console: Console) -> None:
    console.print(
        Text.assemble(
            (report.source, "bold"),
            f"  {report.language}  {report.word_count} words  score ",
            (str(report.score), "bold"),
            "  verdict ",
            (report.verdict.replace("_", " "), VERDICT_STYLE[report.verdict]),
        )
    )
    for name in (*CHECK_NAMES, *(n for n in report.checks if n not in CHECK_NAMES)):
        result = report.checks.get(name)
        if result is None:
            continue
        console.print(
            Text.assemble(
                ("\n" + name, "bold"),
                "  ",
                (result.status, STATUS_STYLE[result.status]),
                "  ",
                result.summary,
            )
        )
        for finding in (f for f in report.findings if f.check == name):
            where = f"{finding.line}:{finding.column}" if finding.line else "-"
            line = Text.assemble(
                ("  " + where.ljust(8), "dim"),
                (finding.severity.ljust(8), SEVERITY_STYLE[finding.severity]),
                finding.message,
                (f"  [{finding.rule}]", "dim"),
            )
            console.print(line)
            if finding.text:
                quoted = " ".join(finding.text.split())
                if len(quoted) > 120:
                    quoted = quoted[:117] + "…"
                console.print(f"          [dim]›[/dim] [italic]{escape(quoted)}[/italic]")
            if finding.suggestion:
                console.print(f"          [dim]→ {escape(finding.suggestion)}[/dim]")
    if report.suppressed:
        console.print(
            f"\n[dim]{len(report.suppressed)} finding(s) suppressed by comments or config[/dim]"
        )
    for note in report.notes:
        console.print(f"[dim]note: {escape(note)}[/dim]")
