"""SARIF 2.1.0 output: valid against the official schema, one rule per rule id, exact regions."""

from __future__ import annotations

import json

import pytest

from reviewer.models import Finding, Report
from reviewer.render.sarif import render_sarif, sarif_log
from tests.batch_helpers import reviewed_drafts, validate_sarif


@pytest.fixture(scope="module")
def pairs():
    return reviewed_drafts()


def test_real_reports_validate_against_the_schema(pairs, tmp_path):
    text = render_sarif(
        [report for _, report in pairs],
        failures=[("bad/empty.md", "bad/empty.md: file is empty")],
        base_dir=tmp_path,
    )
    log = json.loads(text)
    validate_sarif(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == tmp_path.resolve().as_uri() + "/"
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notifications] == ["bad/empty.md: file is empty"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_one_rule_per_rule_id_and_results_point_at_them(pairs):
    reports = [report for _, report in pairs]
    run = sarif_log(reports)["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert set(rule_ids) == {f.rule for r in reports for f in r.findings}
    assert len(run["results"]) == sum(len(r.findings) for r in reports)
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]


def test_rule_descriptions_come_from_the_registry(pairs):
    from reviewer.config import Config
    from reviewer.registry import catalog

    known = catalog(Config())
    reports = [report for _, report in pairs]
    rules = sarif_log(reports, rules=known)["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for descriptor in rules:
        rule = known[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["fullDescription"]["text"] == rule.explanation
        assert descriptor["help"]["text"] == rule.fix
        assert rule.explanation in descriptor["help"]["markdown"]
        assert descriptor["properties"]["check"] == rule.check


def test_regions_are_the_findings_lines_and_columns(pairs):
    docs = {doc.source: doc for doc, _ in pairs}
    run = sarif_log([report for _, report in pairs])["runs"][0]
    artifacts = run["artifacts"]
    checked = 0
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        doc = docs[artifacts[location["artifactLocation"]["index"]]["location"]["uri"]]
        region = location.get("region")
        if region is None:
            continue
        # cut the region out of the text by line and column (code points, end column exclusive)
        lines = doc.content.split("\n")
        if region["startLine"] == region["endLine"]:
            quoted = lines[region["startLine"] - 1][
                region["startColumn"] - 1 : region["endColumn"] - 1
            ]
        else:
            quoted = "\n".join(
                [lines[region["startLine"] - 1][region["startColumn"] - 1 :]]
                + lines[region["startLine"] : region["endLine"] - 1]
                + [lines[region["endLine"] - 1][: region["endColumn"] - 1]]
            )
        assert quoted == region["snippet"]["text"]
        checked += 1
    assert checked >= 10


def test_edge_casesvalidate_sarif(tmp_path):
    content = "# Tïtel 🙂\n\nZeile eins\nZeile zwei mit Jana Albrecht\n"
    start = content.index("Zeile eins")
    end = content.index("Jana") + 4
    findings = [
        Finding(
            id="a-1",
            check="readability",
            rule="readability.long_sentence",
            severity="info",
            message="multi-line",
            text=content[start:end],
            start=start,
            end=end,
            line=3,
            column=1,
        ),
        Finding(
            id="a-2",
            check="structure",
            rule="structure.word_count",
            severity="warning",
            message="document level",
        ),
        Finding(
            id="a-3",
            check="pii",
            rule="pii.person",
            severity="error",
            message="name",
            category="PERSON",
            text="Jana Albrecht",
            start=end - 4,
            end=end + 9,
            line=4,
            column=16,
            suggestion="Remove it.",
        ),
    ]
    report = Report(
        source=str(tmp_path / "with space" / "ümlaut draft.md"),
        content_sha256="0" * 64,
        language="de",
        word_count=8,
        verdict="blocked",
        score=55,
        checks={},
        findings=findings,
    )
    relative = report.model_copy(update={"source": "docs/über uns.md"})
    log = sarif_log([report, relative], base_dir=tmp_path)
    validate_sarif(log)
    results = log["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 1,
        "endLine": 4,
        "endColumn": 20,
        "snippet": {"text": content[start:end]},
    }
    assert "region" not in results[1]["locations"][0]["physicalLocation"]
    assert results[2]["level"] == "error" and results[2]["partialFingerprints"] == {
        "reviewerFindingId/v1": "a-3"
    }
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert uris[0].startswith("file:///") and "%20" in uris[0]
    assert uris[1] == "docs/%C3%BCber%20uns.md"
    assert log["runs"][0]["artifacts"][1]["location"]["uriBaseId"] == "SRCROOT"
    # the rule's default level is the most severe level seen for it
    log = sarif_log(
        [
            report.model_copy(
                update={
                    "findings": [findings[1], findings[1].model_copy(update={"severity": "error"})]
                }
            )
        ]
    )
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == "error"


def test_empty_batch_is_valid():
    validate_sarif(sarif_log([]))
