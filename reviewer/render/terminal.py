"""The readable terminal report: the worst findings first, coloured by severity, with line:column,
then one line per check.

Findings are one list, not grouped by check: an editor looks for what blocks publishing before
anything else. ``min_severity`` hides the lesser findings (the CLI hides ``info`` by default) and
the report says how many it hid.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from reviewer.checks import CHECK_NAMES
from reviewer.models import Finding, Report
from reviewer.render.order import SEVERITIES, SortOrder, hidden_note, plural, shown

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STATUS_STYLE = {
    "pass": "green",
    "warn": "yellow",
    "fail": "bold red",
    "skipped": "dim",
    "error": "bold magenta",
}
VERDICT_STYLE = {"ready": "bold green", "needs_review": "bold yellow", "blocked": "bold red"}
QUOTE_LIMIT = 100


def render_terminal(
    report: Report,
    console: Console,
    *,
    min_severity: str = "info",
    sort: str = SortOrder.severity,
) -> None:
    counts = {s: 0 for s in SEVERITIES}
    for finding in report.findings:
        counts[finding.severity] += 1
    console.print(
        Text.assemble(
            (report.source, "bold"),
            f"  {report.language}  {report.word_count} words  score ",
            (str(report.score), "bold"),
            "  verdict ",
            (report.verdict.replace("_", " "), VERDICT_STYLE[report.verdict]),
            "  ",
            *_counts_text(counts),
        )
    )
    result = shown(report.findings, min_severity=min_severity, sort=sort)
    if result.findings:
        console.print()
    previous = None
    for finding in result.findings:
        # The same advice right under itself (three PII finds, two claims) is said once.
        repeated = previous is not None and finding.suggestion == previous.suggestion
        print_finding(console, finding, advice=not repeated)
        previous = finding
    note = hidden_note(result)
    if note:
        console.print(f"\n[dim]{escape(note)}[/dim]")
    console.print()
    for name in (*CHECK_NAMES, *(n for n in report.checks if n not in CHECK_NAMES)):
        check = report.checks.get(name)
        if check is None:
            continue
        console.print(
            Text.assemble(
                (name.ljust(12), "bold"),
                (check.status.ljust(8), STATUS_STYLE[check.status]),
                check.summary,
            )
        )
    if report.suppressed:
        console.print(
            f"[dim]{len(report.suppressed)} finding(s) suppressed by comments or config[/dim]"
        )
    for text in report.notes:
        console.print(f"[dim]note: {escape(text)}[/dim]")


def print_finding(
    console: Console, finding: Finding, *, prefix: str = "  ", advice: bool = True
) -> None:
    """One finding: ``line:col  severity  message  [rule]``, then the quoted text and (with
    ``advice``) the suggested fix."""
    where = f"{finding.line}:{finding.column}" if finding.line else "-"
    indent = " " * (len(prefix) + 8)
    console.print(
        Text.assemble(
            prefix,
            (where.ljust(8), "dim"),
            (finding.severity.ljust(8), SEVERITY_STYLE[finding.severity]),
            finding.message,
            (f"  [{finding.rule}]", "dim"),
        )
    )
    if finding.text:
        console.print(f"{indent}[dim]›[/dim] [italic]{escape(quote(finding.text))}[/italic]")
    if finding.suggestion and advice:
        console.print(f"{indent}[dim]→ {escape(finding.suggestion)}[/dim]")


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The quoted span on one line, shortened to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _counts_text(counts: dict[str, int]) -> list[tuple[str, str] | str]:
    parts: list[tuple[str, str] | str] = []
    for n, severity in enumerate(SEVERITIES):
        if n:
            parts.append(", ")
        style = SEVERITY_STYLE[severity] if counts[severity] else "dim"
        parts.append((plural(counts[severity], severity), style))
    return parts
