"""SARIF 2.1.0: the findings of many drafts in the format code-scanning dashboards read.

Built from plain dicts: the object model packages for SARIF are unmaintained, and the tests
validate every log against the official 2.1.0 JSON schema instead. One rule per rule id; each
result points at its draft with line and column (1-based, counted in Unicode code points, which
the run declares with ``columnKind``); document-level findings point at the file only. Drafts
that could not be read become error notifications of the invocation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from reviewer import __version__
from reviewer.models import SEVERITY_RANK, Finding, Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_RANK_OF_LEVEL = {"note": 0, "warning": 1, "error": 2}
BASE_ID = "SRCROOT"
FINGERPRINT = "reviewerFindingId/v1"


def render_sarif(
    reports: Iterable[Report],
    *,
    failures: Iterable[tuple[str, str]] = (),
    base_dir: Path | None = None,
) -> str:
    return (
        json.dumps(
            sarif_log(reports, failures=failures, base_dir=base_dir), indent=2, ensure_ascii=False
        )
        + "\n"
    )


def sarif_log(
    reports: Iterable[Report],
    *,
    failures: Iterable[tuple[str, str]] = (),
    base_dir: Path | None = None,
) -> dict[str, Any]:
    """A SARIF log with one run. ``failures`` are ``(source, message)`` of unreadable drafts;
    relative sources are resolved against ``base_dir`` (default: the current folder)."""
    base = (base_dir or Path.cwd()).resolve()
    rules: dict[str, dict[str, Any]] = {}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for report in reports:
        artifact = {
            "location": _artifact_location(report.source),
            "properties": _report_properties(report),
        }
        artifacts.append(artifact)
        for finding in report.findings:
            rule_index = _rule_index(rules, finding)
            results.append(_result(finding, rule_index, artifact["location"], len(artifacts) - 1))
    notifications = [
        {
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(source)}}],
        }
        for source, message in failures
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "reviewer",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": list(rules.values()),
            }
        },
        "originalUriBaseIds": {BASE_ID: {"uri": base.as_uri().rstrip("/") + "/"}},
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule_index(rules: dict[str, dict[str, Any]], finding: Finding) -> int:
    """Index of the finding's rule in ``rules`` (insertion-ordered), adding the rule when new.

    A rule's default level is the most severe level any of its findings had."""
    rule = rules.get(finding.rule)
    if rule is None:
        tail = finding.rule.split(".", 1)[-1].replace("_", " ")
        rules[finding.rule] = {
            "id": finding.rule,
            "name": _pascal(finding.rule),
            "shortDescription": {"text": f"{finding.check}: {tail}"},
            "defaultConfiguration": {"level": LEVEL[finding.severity]},
            "properties": {"check": finding.check, "tags": [finding.check]},
        }
    elif SEVERITY_RANK[finding.severity] > _RANK_OF_LEVEL[rule["defaultConfiguration"]["level"]]:
        rule["defaultConfiguration"]["level"] = LEVEL[finding.severity]
    return list(rules).index(finding.rule)


def _result(
    finding: Finding, rule_index: int, location: dict[str, Any], artifact_index: int
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {**location, "index": artifact_index}}
    if finding.line is not None and finding.column is not None:
        end_line, end_column = _end_of(finding)
        region: dict[str, Any] = {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": end_line,
            "endColumn": end_column,
        }
        if finding.text:
            region["snippet"] = {"text": finding.text}
        physical["region"] = region
    properties: dict[str, Any] = {"check": finding.check, "severity": finding.severity}
    if finding.category:
        properties["category"] = finding.category
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {
            "text": finding.message
            + (f" Suggestion: {finding.suggestion}" if finding.suggestion else "")
        },
        "locations": [{"physicalLocation": physical}],
        "properties": properties,
    }
    if finding.id:
        result["partialFingerprints"] = {FINGERPRINT: finding.id}
    return result


def _end_of(finding: Finding) -> tuple[int, int]:
    """SARIF's end column is the column just after the region; derived from the quoted text."""
    assert finding.line is not None and finding.column is not None
    text = finding.text
    if "\n" not in text:
        return finding.line, finding.column + len(text)
    return finding.line + text.count("\n"), len(text.rsplit("\n", 1)[1]) + 1


def _artifact_location(source: str) -> dict[str, Any]:
    path = Path(source)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(PurePosixPath(*path.parts).as_posix()), "uriBaseId": BASE_ID}


def _report_properties(report: Report) -> dict[str, Any]:
    return {
        "verdict": report.verdict,
        "score": report.score,
        "language": report.language,
        "contentSha256": report.content_sha256,
    }


def _pascal(rule: str) -> str:
    return "".join(
        part[:1].upper() + part[1:] for part in rule.replace(".", "_").split("_") if part
    )
