"""End to end on the labelled dev set: every check together gives the labelled verdict.

The critique is switched off in the configuration (a deliberate choice, so `ready` is possible);
the verdict comes from the deterministic findings alone, as the labels assume.
"""

from __future__ import annotations

import pytest

from reviewer.document import load_document
from reviewer.pipeline import review
from tests.conftest import eval_cases

CASES = eval_cases()


@pytest.mark.parametrize("name, path, expect", CASES, ids=[c[0] for c in CASES])
def test_verdict_matches_label(name, path, expect, config):
    doc = load_document(str(path))
    report = review(doc, config)
    errors = [f"{f.rule}: {f.text or f.message}" for f in report.findings if f.severity == "error"]
    warnings = [
        f"{f.rule}: {f.text or f.message}" for f in report.findings if f.severity == "warning"
    ]
    assert report.verdict == expect["verdict"], {"errors": errors, "warnings": warnings}
    for result in report.checks.values():
        assert result.status != "error", result.summary
    for finding in report.findings:
        if finding.start is not None:
            assert doc.content[finding.start : finding.end] == finding.text
