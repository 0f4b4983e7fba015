"""Speed work that must not change results or drag heavy stacks onto the review path (issue 18).

Timings live in ``bench/speed.py``; these tests hold what the speed-ups rely on."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from reviewer.checks.readability.hanta import load_tagger
from reviewer.process import paused_gc

SENTENCES = {
    "morphmodel_ger.pgz": [
        "Die Rechnung wird jeden Monat von unserem Team geprüft .",
        "Gestern wurden die neuen Sensoren in der Halle montiert und getestet .",
        "Wir werden zufriedener , weil wir alles geprüft haben .",
        "Die Schnittstellenbeschreibung wurde überarbeitet .",
    ],
    "morphmodel_en.pgz": [
        "The invoice is checked every month by our team .",
        "Yesterday the new sensors were mounted and tested in the hall .",
        "We're thrilled to announce the onboarding dashboard .",
        "Was the report approved ?",
    ],
}


@pytest.mark.parametrize("model", sorted(SENTENCES))
def test_faster_tagger_tags_as_hanta_does(model: str) -> None:
    from HanTa.HanoverTagger import HanoverTagger

    plain = HanoverTagger(model)
    fast = load_tagger(model)
    assert fast.reachability == plain.reachability
    assert fast.atomic_class == plain.atomic_class
    for sentence in SENTENCES[model]:
        words = sentence.split()
        expected = plain.tag_sent(words, taglevel=0)
        assert fast.tag_sent(words, taglevel=0) == expected
        assert fast.tag_sent(words, taglevel=0) == expected  # again, from the memo


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


HEAVY = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "fastapi",
    "uvicorn",
    "langchain_core",
    "langchain_openai",
    "openai",
    "reviewer.web",
    "reviewer.store",
)

PROBE = """
import json, sys
from reviewer.api import review_text
report = review_text("# Angebot\\n\\nDie Rechnung wird von uns geprüft. Rufen Sie an.", critique=False)
print(json.dumps({"verdict": report.verdict, "modules": sorted(sys.modules)}))
"""


def test_review_path_imports_no_web_store_or_llm_stack() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=300
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["verdict"]  # the review really ran
    loaded = [
        name
        for name in result["modules"]
        if any(name == heavy or name.startswith(heavy + ".") for heavy in HEAVY)
    ]
    assert loaded == []


LANGUAGE_SAMPLES = [
    "Die Rechnung wird jeden Monat von unserem Team geprüft.",
    "Our onboarding team answers within one working day.",
    "Kurz: ok.",
    "Cloud-Hosting für den Mittelstand – secure, fast und DSGVO-konform.",
    "",
    "12345 !!!",
]


def test_cached_language_model_classifies_as_the_packaged_one(monkeypatch, tmp_path) -> None:
    import numpy as np

    from reviewer.parsing import langid_model

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = langid_model.load_identifier(("de", "en"))  # from the package; writes the cache
    written = list(tmp_path.rglob("*.npz"))
    assert len(written) == 1
    cached = langid_model.load_identifier(("de", "en"))  # from the cache
    assert cached.nb_classes == fresh.nb_classes == ["de", "en"]
    for text in LANGUAGE_SAMPLES:
        assert np.array_equal(cached._decide(text), fresh._decide(text))
        assert cached.classify(text) == fresh.classify(text)


def test_unreadable_language_cache_falls_back_to_the_package(monkeypatch, tmp_path) -> None:
    from reviewer.parsing import langid_model

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    langid_model.load_identifier(("de", "en"))
    (written,) = tmp_path.rglob("*.npz")
    written.write_bytes(b"not an archive")
    identifier = langid_model.load_identifier(("de", "en"))
    assert identifier.classify("Die Rechnung wird geprüft.")[0] == "de"
