"""SARIF 2.1.0: the findings of many drafts in the format code-scanning dashboards read.

Built from plain dicts: the object model packages for SARIF are unmaintained, and the tests
validate every log against the official 2.1.0 JSON schema instead. One rule per rule id, described
from the rule registry (title, explanation, how to fix, default level); each result points at its draft with line and column (1-based, counted in Unicode code points, which
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
from reviewer.registry import Rule, catalog

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
    rules: dict[str, Rule] | None = None,
) -> str:
    log = sarif_log(reports, failures=failures, base_dir=base_dir, rules=rules)
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def sarif_log(
    reports: Iterable[Report],
    *,
    failures: Iterable[tuple[str, str]] = (),
    base_dir: Path | None = None,
    rules: dict[str, Rule] | None = None,
) -> dict[str, Any]:
    """A SARIF log with one run. ``failures`` are ``(source, message)`` of unreadable drafts;
    relative sources are resolved against ``base_dir`` (default: the current folder). ``rules``
    is the registry's catalog for the configuration used (default: the built-in rules)."""
    known = rules if rules is not None else catalog()
    base = (base_dir or Path.cwd()).resolve()
    descriptors: dict[str, dict[str, Any]] = {}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for report in reports:
        artifact = {
            "location": _artifact_location(report.source),
            "properties": _report_properties(report),
        }
        artifacts.append(artifact)
        for finding in report.findings:
            rule_index = _rule_index(descriptors, finding, known.get(finding.rule))
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
                "rules": list(descriptors.values()),
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


def _rule_index(descriptors: dict[str, dict[str, Any]], finding: Finding, rule: Rule | None) -> int:
    """Index of the finding's rule in ``descriptors`` (insertion-ordered), adding it when new.

    A rule's default level is its configured severity, raised to the most severe level any of
    its findings had (the critique's findings carry the model's severity)."""
    descriptor = descriptors.get(finding.rule)
    if descriptor is None:
        descriptor = descriptors[finding.rule] = _descriptor(finding, rule)
    if (
        SEVERITY_RANK[finding.severity]
        > _RANK_OF_LEVEL[descriptor["defaultConfiguration"]["level"]]
    ):
        descriptor["defaultConfiguration"]["level"] = LEVEL[finding.severity]
    return list(descriptors).index(finding.rule)


def _descriptor(finding: Finding, rule: Rule | None) -> dict[str, Any]:
    """A reportingDescriptor from the registry; a rule the registry does not know (a finding
    from another configuration's guideline file) still gets a description from its id."""
    if rule is None:
        tail = finding.rule.split(".", 1)[-1].replace("_", " ")
        title, explanation, fix = f"{finding.check}: {tail}", "", ""
        level, languages = LEVEL[finding.severity], []
    else:
        title, explanation, fix = rule.title, rule.explanation, rule.fix
        level, languages = LEVEL[rule.severity], list(rule.languages)
    descriptor: dict[str, Any] = {
        "id": finding.rule,
        "name": _pascal(finding.rule),
        "shortDescription": {"text": title},
        "help": {
            "text": fix or title,
            "markdown": f"**{title}**\n\n{explanation}\n\n**How to fix:** {fix or title}".strip(),
        },
        "defaultConfiguration": {"level": level},
        "properties": {"check": finding.check, "tags": [finding.check], "languages": languages},
    }
    if explanation:
        descriptor["fullDescription"] = {"text": explanation}
    return descriptor


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
