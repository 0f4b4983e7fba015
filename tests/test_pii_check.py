"""The `pii` check as the pipeline runs it, and the eval-set targets (recall, precision, decoys)."""

from __future__ import annotations

import pytest

from reviewer.checks import run_check
from reviewer.checks.pii.detect import find_pii
from reviewer.checks.pii.evaluation import Score, load_cases, score_document
from reviewer.checks.pii.settings import PiiSettings
from reviewer.config import Config
from reviewer.document import load_document
from tests.conftest import EVAL_DIR


def run(doc, config):
    return run_check("pii", doc, config)


DRAFT = """---
title: "Kundenstimme"
language: de
---

# Kundenstimme

„Seit der Umstellung sparen wir jeden Tag Zeit“, sagt Dr. Björn Kessler, Leiter Einkauf.
Sie erreichen ihn privat unter b.kessler@example.net. Fragen an info@beispiel-software.de.
"""


def test_findings_follow_the_contract(parse):
    doc = parse(DRAFT)
    output = run(doc, Config())
    assert [(f.rule, f.category, f.text) for f in output.findings] == [
        ("pii.person", "PERSON", "Björn Kessler"),
        ("pii.email_address", "EMAIL_ADDRESS", "b.kessler@example.net"),
    ]
    severities = {f.rule: f.severity for f in output.findings}
    assert severities == {"pii.person": "warning", "pii.email_address": "error"}
    for finding in output.findings:
        assert finding.check == "pii"
        assert doc.content[finding.start : finding.end] == finding.text
        assert finding.line == doc.line_col(finding.start)[0]
        assert "GDPR" in finding.message and "consent" in finding.suggestion
    assert output.summary.startswith("2 personal data items")


def test_clean_draft_passes(parse):
    doc = parse(
        "# Produkt\n\nUnser Versandkarton kostet 1,15 € pro Stück. Fragen an info@beispiel.de.\n"
    )
    output = run(doc, Config())
    assert output.findings == [] and output.summary == "no personal data found"


def test_allow_list_from_config_silences_a_finding(parse):
    config = Config()
    config.pii.allow = ["Björn Kessler"]
    assert [f.category for f in run(parse(DRAFT), config).findings] == ["EMAIL_ADDRESS"]


def test_pipeline_blocks_a_draft_with_personal_data(parse, config):
    from reviewer.pipeline import review

    report = review(parse(DRAFT), config)
    assert report.checks["pii"].status == "fail"
    assert report.verdict == "blocked"


CASES = load_cases(EVAL_DIR)


def test_eval_set_targets():
    """Recall >= 0.95, precision >= 0.90 and no decoy flagged on the labelled dev set."""
    assert CASES, f"no labelled cases in {EVAL_DIR}"
    settings = PiiSettings()
    score = Score()
    for name, path, expect in CASES:
        doc = load_document(str(path))
        score_document(
            score,
            name,
            doc.content,
            doc.body_start,
            expect,
            find_pii(doc.content, doc.language, settings, start=doc.body_start),
        )
    assert score.overall.labelled > 0
    assert score.overall.recall >= 0.95, score.missed
    assert score.overall.precision >= 0.90, score.false_positives
    assert score.decoys_flagged == []


@pytest.mark.parametrize("name, path, expect", CASES, ids=[c[0] for c in CASES])
def test_each_labelled_item_is_found(name, path, expect):
    doc = load_document(str(path))
    detected = {
        (d.entity, d.text) for d in find_pii(doc.content, doc.language, start=doc.body_start)
    }
    for item in expect["pii"]:
        assert (item["type"], item["text"]) in detected
