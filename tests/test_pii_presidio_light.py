"""presidio's recognizers without spaCy (issue 18): the default engine must not import spaCy,
and code that wants the whole of presidio afterwards still gets it."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import sys
from reviewer.checks.pii.detect import find_pii
found = find_pii("Rufen Sie Anna Schmidt an: 0176 2291845, anna@example.de.", "de")
print(sorted(d.entity for d in found))
print("spacy" in sys.modules, "presidio_analyzer.analyzer_engine" in sys.modules)
from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from reviewer.checks.pii.engine import get_engine
print(AnalyzerEngine.__module__, NlpArtifacts.__module__, "spacy" in sys.modules)
print(type(get_engine().analyze("Anna Schmidt, 0176 2291845", "de", ["PHONE_NUMBER"])[0]) is RecognizerResult)
"""


def _run() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_default_engine_finds_pii_without_importing_spacy_and_presidio_stays_whole():
    found, light, whole, result_type = _run()
    assert found == "['EMAIL_ADDRESS', 'PERSON', 'PHONE_NUMBER']"
    assert light == "False False"  # neither spaCy nor presidio's AnalyzerEngine was imported
    # asking for the rest of presidio afterwards runs its real package __init__ (and spaCy)
    assert whole == (
        "presidio_analyzer.analyzer_engine presidio_analyzer.nlp_engine.nlp_artifacts True"
    )
    assert result_type == "True"  # results are presidio's RecognizerResult


def test_context_enhancer_without_its_deep_copy_scores_as_with_it(monkeypatch):
    """The engine lets presidio's context enhancer update the call's own results in place
    (``engine._Fresh``); with a plain list (presidio's deep copy) every score is the same."""
    from reviewer.checks.pii import engine

    texts = [
        ("Telefon: 0176 2291845, Fax 030 1234567, IBAN DE02 1203 0000 0000 2020 51.", "de"),
        ("Call me on 415-555-0137 or mail anna@example.com; my IP is 203.0.113.7.", "en"),
    ]
    entities = ["PHONE_NUMBER", "IBAN_CODE", "EMAIL_ADDRESS", "IP_ADDRESS"]

    def scored() -> list[list[tuple[str, int, int, float]]]:
        return [
            sorted(
                (r.entity_type, r.start, r.end, r.score)
                for r in engine.get_engine().analyze(text, language, entities)
            )
            for text, language in texts
        ]

    fast = scored()
    monkeypatch.setattr(engine, "_Fresh", list)
    assert scored() == fast
    assert all(fast)  # each text has findings the enhancer scored
