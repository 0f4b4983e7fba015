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
