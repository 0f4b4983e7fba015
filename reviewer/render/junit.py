"""JUnit XML: one test case per draft, so any CI server shows a batch as a test run.

A draft fails its test case when it has findings at or above the ``fail_on`` level (the same
rule as the exit code); a draft that could not be read is an error. All findings of a draft are
listed in its ``system-out``, so the CI page shows them without opening other files.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import PurePath

from reviewer.models import Finding, Report
from reviewer.registry import Rule, catalog

# Characters XML 1.0 does not allow, even escaped: a draft's text must not break the report.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(
    reports: Iterable[tuple[Report, float | None]],
    *,
    failures: Iterable[tuple[str, str]] = (),
    fail_on: str = "error",
    suite_name: str = "reviewer",
    rules: dict[str, Rule] | None = None,
) -> str:
    """``reports`` are ``(report, seconds)`` pairs; ``failures`` are ``(source, message)``;
    ``rules`` is the registry's catalog (default: the built-in rules) for each rule's title."""
    known = rules if rules is not None else catalog()
    suite = ET.Element("testsuite", name=suite_name)
    tests = failed = errors = 0
    total_time = 0.0
    for report, seconds in reports:
        tests += 1
        total_time += seconds or 0.0
        case = _case(report.source, seconds)
        blocking = report.findings_at_or_above(fail_on)
        if blocking:
            failed += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=_clean(
                    f"{len(blocking)} finding(s) at or above {fail_on}; verdict {report.verdict}, score {report.score}"
                ),
                type=report.verdict,
            )
            failure.text = _clean("\n".join(_line(f, known) for f in blocking))
        if report.findings:
            ET.SubElement(case, "system-out").text = _clean(
                "\n".join(_line(f, known) for f in report.findings)
            )
        suite.append(case)
    for source, message in failures:
        tests += 1
        errors += 1
        case = _case(source, None)
        ET.SubElement(case, "error", message=_clean(message), type="InputError")
        suite.append(case)
    counts = {
        "tests": str(tests),
        "failures": str(failed),
        "errors": str(errors),
        "time": f"{total_time:.3f}",
    }
    suite.attrib.update({**counts, "skipped": "0"})
    root = ET.Element("testsuites", name=suite_name, **counts)
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(source: str, seconds: float | None) -> ET.Element:
    path = PurePath(source)
    folder = ".".join(part for part in path.parent.parts if part not in ("/", "."))
    case = ET.Element(
        "testcase",
        name=_clean(source),
        classname=_clean(f"reviewer.{folder}" if folder else "reviewer"),
    )
    case.set("file", _clean(source))
    case.set("time", f"{seconds or 0.0:.3f}")
    return case


def _line(finding: Finding, rules: dict[str, Rule]) -> str:
    where = f"{finding.line}:{finding.column}" if finding.line is not None else "-"
    text = f" \u201c{' '.join(finding.text.split())[:160]}\u201d" if finding.text else ""
    rule = rules.get(finding.rule)
    tag = f"{finding.rule}: {rule.title}" if rule is not None else finding.rule
    return f"{where} {finding.severity} {finding.message} [{tag}]{text}"


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)
