"""Markdown reports: readable in a pull-request comment, a wiki or a plain editor.

Text quoted from the draft goes into code spans, so whatever the draft contains (Markdown,
HTML, pipes) shows as written and cannot change the layout of the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from reviewer.checks import CHECK_NAMES
from reviewer.models import Report
from reviewer.render.order import SortOrder, hidden_note, shown

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
VERDICT_LABEL = {
    "ready": "ready",
    "needs_review": "needs review",
    "blocked": "blocked",
    None: "error",
}


def render_markdown(
    report: Report, *, min_severity: str = "info", sort: str = SortOrder.severity
) -> str:
    """One draft: headline, checks table, then its findings, the worst first, with line:column."""
    lines = [
        f"# Review: {escape_inline(report.source)}",
        "",
        f"**Verdict: {VERDICT_LABEL[report.verdict]}** · score {report.score} · {report.language} · "
        f"{report.word_count} words",
        "",
        "| check | status | summary |",
        "|---|---|---|",
    ]
    names = [
        *(n for n in CHECK_NAMES if n in report.checks),
        *(n for n in report.checks if n not in CHECK_NAMES),
    ]
    for name in names:
        result = report.checks[name]
        lines.append(f"| {name} | {result.status} | {cell(result.summary)} |")
    for note in report.notes:
        lines += ["", f"> {escape_inline(note)}"]
    result = shown(report.findings, min_severity=min_severity, sort=sort)
    if result.findings:
        lines += ["", f"## Findings ({len(result.findings)})", ""]
    for f in result.findings:
        where = f"{f.line}:{f.column}" if f.line is not None else "document"
        lines.append(f"- **{f.severity}** {where} {escape_inline(f.message)} (`{f.rule}`)")
        if f.text:
            lines.append(f"  - text: {code_span(f.text)}")
        if f.suggestion:
            lines.append(f"  - suggestion: {escape_inline(f.suggestion)}")
    note = hidden_note(result)
    if note:
        lines += ["", f"_{escape_inline(note)}_"]
    if report.suppressed:
        lines += [
            "",
            f"_{len(report.suppressed)} finding(s) suppressed by comments or configuration._",
        ]
    return "\n".join(lines) + "\n"


def render_summary_markdown(rows: Iterable[Mapping[str, Any]]) -> str:
    """A batch as one table (rows as in ``summary.jsonl``), e.g. for a CI job summary."""
    rows = list(rows)
    header = ["file", "verdict", "score", *CHECK_NAMES]
    lines = [
        f"# reviewer batch: {len(rows)} files",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for row in rows:
        if row.get("status") == "error":
            cells = [
                cell(row["source"]),
                "error: " + cell(row.get("error") or ""),
                "",
                *[""] * len(CHECK_NAMES),
            ]
        else:
            counts = row.get("counts") or {}
            cells = [
                cell(row["source"]),
                VERDICT_LABEL.get(row.get("verdict"), str(row.get("verdict"))),
                str(row.get("score", "")),
                *(str(counts.get(name, 0)) for name in CHECK_NAMES),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def escape_inline(text: str) -> str:
    """Backslash-escape the characters that would start Markdown or HTML markup."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def cell(text: str) -> str:
    """Text for a table cell: one line, pipes escaped."""
    return escape_inline(text)


def code_span(text: str, limit: int = 200) -> str:
    """A code span that holds any text: the fence is one backtick longer than the longest run inside."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"
