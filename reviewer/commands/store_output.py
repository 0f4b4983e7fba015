"""How the store's views look in a terminal, as JSON and as CSV (queue, show, audit)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from reviewer.models import Finding
from reviewer.render.order import hidden_note, shown
from reviewer.render.terminal import SEVERITY_STYLE, VERDICT_STYLE, quote
from reviewer.store.states import label
from reviewer.store.views import AuditEntryView, RevisionView

STATUS_STYLE = {
    "pending": "bold yellow",
    "approved": "bold green",
    "rejected": "bold red",
    "changes_requested": "magenta",
    "superseded": "dim",
}
SUMMARY_ONLY = {"content", "report", "brief", "waivers", "unchanged"}
AUDIT_FIELDS = (
    "id",
    "at",
    "actor",
    "action",
    "revision_id",
    "document_id",
    "from_state",
    "to_state",
    "content_sha256",
    "finding_id",
    "note",
)


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"


def revision_line(view: RevisionView) -> str:
    """One line naming a revision, for command confirmations and check-approved."""
    return (
        f"revision {view.id} ({view.document_key}, submission {view.number}, {label(view.status)})"
    )


# --- queue ------------------------------------------------------------------------------
def queue_json(views: Sequence[RevisionView]) -> str:
    return json.dumps(
        [v.model_dump(mode="json", exclude=SUMMARY_ONLY) for v in views],
        indent=2,
        ensure_ascii=False,
    )


def print_queue(views: Sequence[RevisionView], console: Console) -> None:
    if not views:
        console.print("[dim]nothing in the queue[/dim]")
        return
    rows = [
        (
            str(v.id),
            v.title or v.document_key,
            Text(label(v.status), STATUS_STYLE[v.status]),
            Text(label(v.effective_verdict), VERDICT_STYLE[v.effective_verdict]),
            "{error}/{warning}/{info}".format(**(v.open_counts or v.finding_counts)),
            v.author or "-",
            v.submitted_at.strftime("%m-%d %H:%M"),
        )
        for v in views
    ]
    # Counts after waivers: what still needs attention (the JSON has the report's raw counts).
    headers = ("revision", "document", "status", "verdict", "E/W/I open", "author", "submitted")
    widths = [
        max(len(header), *(len(str(row[n])) for row in rows)) for n, header in enumerate(headers)
    ]
    others = sum(w for n, w in enumerate(widths) if n != 1) + len(headers)
    if console.is_terminal:
        widths[1] = max(12, min(widths[1], console.width - others))  # the title gives way
    else:
        console.width = max(console.width, sum(widths) + len(headers) * 2)  # piped: whole titles
    table = Table(box=None, pad_edge=False, header_style="bold", collapse_padding=True)
    for header, width in zip(headers, widths, strict=True):
        table.add_column(header, no_wrap=True, overflow="ellipsis", width=width)
    for row in rows:
        table.add_row(*(escape(cell) if isinstance(cell, str) else cell for cell in row))
    console.print(table, soft_wrap=False)


# --- show -------------------------------------------------------------------------------
def show_json(
    view: RevisionView, history: Sequence[RevisionView], audit: Sequence[AuditEntryView]
) -> str:
    data = view.model_dump(mode="json", exclude={"unchanged"})
    data["history"] = [h.model_dump(mode="json", exclude=SUMMARY_ONLY) for h in history]
    data["audit"] = [a.model_dump(mode="json") for a in audit]
    return json.dumps(data, indent=2, ensure_ascii=False)


def print_revision(
    view: RevisionView,
    console: Console,
    *,
    history: Sequence[RevisionView] = (),
    audit: Sequence[AuditEntryView] = (),
    min_severity: str = "info",
    sort: str = "severity",
) -> None:
    """Header, decision, findings with their waivers, the document's revisions, the audit trail."""
    console.print(
        Text.assemble(
            (f"revision {view.id}", "bold"),
            f"  {view.document_key}, submission {view.number}  ",
            (label(view.status), STATUS_STYLE[view.status]),
            "  verdict ",
            (label(view.effective_verdict), VERDICT_STYLE[view.effective_verdict]),
            f" (report: {label(view.verdict)})" if view.verdict != view.effective_verdict else "",
            f"  score {view.score}",
        )
    )
    details = [
        f"source {view.source}",
        f"language {view.language}",
        f"author {view.author or '-'}",
        f"submitted {when(view.submitted_at)} by {view.submitted_by or '-'}",
        f"sha256 {view.content_sha256[:16]}…",
    ]
    if view.title:
        console.print(escape(view.title))
    console.print("[dim]" + escape("  ·  ".join(details)) + "[/dim]")
    if view.decided_by:
        console.print(
            Text.assemble(
                (label(view.status), STATUS_STYLE[view.status]),
                f" by {view.decided_by} at {when(view.decided_at)}",
                f": {view.decision_note}" if view.decision_note else "",
            )
        )
    if view.override_reason:
        console.print(Text(f"override: {view.override_reason}", "bold red"))
    print_findings(view, console, min_severity=min_severity, sort=sort)
    if history and len(history) > 1:
        console.print("\n[bold]revisions of this document[/bold]")
        for h in history:
            marker = "→" if h.id == view.id else " "
            console.print(
                f" {marker} revision {h.id}  submission {h.number}  {label(h.status)}  {label(h.effective_verdict)}  "
                f"{when(h.submitted_at)}" + (f"  by {escape(h.decided_by)}" if h.decided_by else "")
            )
    if audit:
        console.print("\n[bold]audit[/bold]")
        for entry in audit:
            console.print("  " + escape(audit_line(entry)))


def print_findings(
    view: RevisionView,
    console: Console,
    *,
    numbered: bool = False,
    min_severity: str = "info",
    sort: str = "severity",
) -> list[Finding]:
    """The findings, errors first (``sort``), each with its waiver; returns them in the order
    shown, so a number typed in ``triage`` means the finding printed with it."""
    report = view.report
    if report is None:
        return []
    waivers = {w.finding_id: w for w in view.waivers}
    if not report.findings:
        console.print("\n[green]no findings[/green]")
        return []
    result = shown(report.findings, min_severity=min_severity, sort=sort)
    still_open = sum(1 for f in report.findings if f.id not in waivers)
    console.print(
        f"\n[bold]findings[/bold] ({len(report.findings)}, {still_open} not waived)"
        if waivers
        else f"\n[bold]findings[/bold] ({len(report.findings)})"
    )
    for n, finding in enumerate(result.findings, 1):
        where = f"{finding.line}:{finding.column}" if finding.line else "-"
        prefix = f"{n:>3}. " if numbered else "  "
        indent = " " * (len(prefix) + 8)
        console.print(
            Text.assemble(
                prefix,
                (finding.severity.ljust(8), SEVERITY_STYLE[finding.severity]),
                (where.ljust(8), "dim"),
                finding.message,
                (f"  [{finding.id}]", "dim"),
            )
        )
        if finding.text:
            console.print(f"{indent}[dim]›[/dim] [italic]{escape(quote(finding.text))}[/italic]")
        waiver = waivers.get(finding.id)
        if waiver is not None:
            carried = (
                f", carried over from revision {waiver.carried_from}" if waiver.carried_from else ""
            )
            console.print(
                f"{indent}[green]waived[/green] by {escape(waiver.by)}{carried}: "
                f"{escape(waiver.reason)}"
            )
    note = hidden_note(result)
    if note:
        console.print(f"[dim]{escape(note)}[/dim]")
    return result.findings


# --- audit ------------------------------------------------------------------------------
def audit_line(entry: AuditEntryView) -> str:
    move = f"{entry.from_state or '-'} → {entry.to_state or '-'}"
    parts = [
        when(entry.at),
        f"revision {entry.revision_id}",
        entry.action,
        move,
        f"by {entry.actor or '-'}",
        f"sha256 {entry.content_sha256[:12]}",
    ]
    if entry.finding_id:
        parts.append(f"finding {entry.finding_id}")
    if entry.note:
        parts.append(f"“{entry.note}”")
    return "  ".join(parts)


def audit_json(entries: Sequence[AuditEntryView]) -> str:
    return json.dumps([e.model_dump(mode="json") for e in entries], indent=2, ensure_ascii=False)


def audit_csv(entries: Sequence[AuditEntryView]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=AUDIT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = entry.model_dump(mode="json")
        writer.writerow({k: "" if row[k] is None else row[k] for k in AUDIT_FIELDS})
    return buffer.getvalue()
