"""One finding per line: ``path:line:col: severity [rule] message``, as Ruff and Vale print.

Editors (Vim's errorformat, VS Code problem matchers), grep and CI logs read this without a
parser. A finding about the whole draft points at 1:1. The message is flattened to one line.
"""

from __future__ import annotations

from reviewer.models import Finding, Report


def render_line(report: Report, findings: list[Finding] | None = None) -> str:
    """The lines of ``findings`` (default: all of the report's, in its order); "" for none."""
    items = report.findings if findings is None else findings
    return "".join(finding_line(report.source, f) + "\n" for f in items)


def finding_line(source: str, finding: Finding) -> str:
    line = finding.line or 1
    column = finding.column or 1
    message = " ".join(finding.message.split())
    return f"{source}:{line}:{column}: {finding.severity} [{finding.rule}] {message}"
