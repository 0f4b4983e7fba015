"""JUnit XML: parses, one test case per draft, failures follow --fail-on, errors for bad files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reviewer.models import Finding, Report
from reviewer.render.junit import render_junit
from tests.batch_helpers import reviewed_drafts


def _report(source: str, *severities: str, text: str = "") -> Report:
    findings = [
        Finding(
            id=f"{source}-{n}",
            check="guidelines",
            rule="guidelines.x",
            severity=s,
            message=f"finding {n}",
            text=text,
            start=0 if text else None,
            end=len(text) if text else None,
            line=1 if text else None,
            column=1 if text else None,
        )
        for n, s in enumerate(severities)
    ]
    return Report(
        source=source,
        content_sha256="0" * 64,
        language="en",
        word_count=1,
        verdict="ready",
        score=100,
        checks={},
        findings=findings,
    )


def test_one_case_per_file_with_failures_and_errors():
    reports = [
        (_report("a.md", "error", "info"), 0.5),
        (_report("docs/b.md", "warning"), 0.25),
        (_report("c.md"), None),
    ]
    xml = render_junit(reports, failures=[("bad.md", "bad.md: file is empty")], fail_on="error")
    root = ET.fromstring(xml.encode("utf-8"))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["a.md", "docs/b.md", "c.md", "bad.md"]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "1")
    assert root.get("tests") == "4" and root.get("time") == "0.750"
    failure = cases[0].find("failure")
    assert failure is not None and "1 finding(s) at or above error" in failure.get("message")
    assert cases[1].find("failure") is None and "finding 0" in cases[1].find("system-out").text
    assert cases[1].get("classname") == "reviewer.docs"
    assert cases[3].find("error").get("message") == "bad.md: file is empty"
    # a stricter level turns the warning into a failure
    root = ET.fromstring(render_junit(reports, fail_on="warning"))
    assert root.get("failures") == "2"


def test_control_characters_from_a_draft_do_not_break_the_xml():
    xml = render_junit([(_report("x.md", "error", text="bad \x0b\x1b char & <tag>"), 1.0)])
    case = ET.fromstring(xml).find("testsuite/testcase")
    assert "&" in case.find("failure").text and "<tag>" in case.find("failure").text


def test_real_reports_parse():
    pairs = reviewed_drafts()
    root = ET.fromstring(render_junit([(report, 0.1) for _, report in pairs], fail_on="error"))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(pairs)
    blocked = sum(1 for _, r in pairs if any(f.severity == "error" for f in r.findings))
    assert int(root.get("failures")) == blocked > 0
