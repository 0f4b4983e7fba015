"""The default pack on the labelled dev set: the targets from issue 6 as a regression guard.

bench/guidelines_eval.py prints the same figures; this test fails when a change drops below them.
"""

from __future__ import annotations

from reviewer.checks import run_check
from reviewer.config import Config
from reviewer.document import load_document
from tests.conftest import eval_cases


def run(doc, config):
    return run_check("guidelines", doc, config)


def _found(doc, findings, label: str, category: str) -> bool:
    spans = [(f.start, f.end) for f in findings if f.category == category]
    at = doc.content.find(label, doc.body_start)
    assert at != -1, f"label not in text: {label}"
    return any(s < at + len(label) and at < e for s, e in spans)


def test_dev_set_recall_injections_and_clean_files():
    config = Config()
    phrases = claims = phrases_found = claims_found = 0
    for name, path, expect in eval_cases():
        doc = load_document(str(path))
        findings = run(doc, config).findings
        for label in expect.get("banned_phrases", []):
            phrases += 1
            phrases_found += _found(doc, findings, label, "filler-phrases")
        for label in expect.get("unsupported_claims", []):
            claims += 1
            claims_found += _found(doc, findings, label, "claims-evidence")
        if expect.get("injection"):
            assert _found(doc, findings, expect["injection"], "prompt-injection"), name
        if expect["verdict"] == "ready":
            assert [f for f in findings if f.severity == "error"] == [], name
        if not expect.get("unsupported_claims"):
            assert [f.text for f in findings if f.category == "claims-evidence"] == [], name
    assert phrases and claims
    assert phrases_found / phrases >= 0.9
    assert claims_found / claims >= 0.7


def test_no_price_date_version_or_year_from_the_dev_set_triggers_a_claim():
    import re

    offer = re.compile(r"\d")
    for name, path, expect in eval_cases():
        doc = load_document(str(path))
        triggers = [
            t
            for f in run(doc, Config()).findings
            if f.category == "claims-evidence"
            for t in f.model_extra["triggers"]
        ]
        for decoy in expect.get("not_pii", []):
            if not offer.search(decoy) or "@" in decoy:
                continue
            at = doc.content.find(decoy, doc.body_start)
            while at != -1:
                assert not any(t["start"] < at + len(decoy) and at < t["end"] for t in triggers), (
                    name,
                    decoy,
                )
                at = doc.content.find(decoy, at + 1)
