"""The command line as people and scripts use it: exit codes, JSON contract, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EVAL_DIR, REPO

CLEAN_DE = EVAL_DIR / "de_04_versandkarton-produktseite.md"


def run(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess:
    # No model endpoint from the developer's shell may leak in: these runs are offline.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("REVIEWER_", "OPENAI_", "AZURE_OPENAI_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        env=env,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("reviewer ")


def test_json_report_contract(tmp_path):
    result = run("review", str(CLEAN_DE), "--format", "json", "--no-critique", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr.decode()
    report = json.loads(result.stdout)
    for key in (
        "schema_version",
        "source",
        "content_sha256",
        "language",
        "word_count",
        "verdict",
        "score",
        "checks",
        "metrics",
        "findings",
    ):
        assert key in report
    assert report["schema_version"] == 1
    assert report["language"] == "de"
    assert report["verdict"] in ("ready", "needs_review", "blocked")
    assert 0 <= report["score"] <= 100
    assert set(report["checks"]) == {
        "pii",
        "readability",
        "keywords",
        "structure",
        "guidelines",
        "substance",
        "critique",
    }
    content = CLEAN_DE.read_text(encoding="utf-8")
    for finding in report["findings"]:
        if finding["start"] is not None:
            assert content[finding["start"] : finding["end"]] == finding["text"]


def test_finding_ids_are_stable_across_runs(tmp_path):
    draft = EVAL_DIR / "de_02_iiot-fallstudie.md"
    first = json.loads(
        run("review", str(draft), "-f", "json", "--no-critique", cwd=tmp_path).stdout
    )
    second = json.loads(
        run("review", str(draft), "-f", "json", "--no-critique", cwd=tmp_path).stdout
    )
    assert [f["id"] for f in first["findings"]] == [f["id"] for f in second["findings"]]
    assert len({f["id"] for f in first["findings"]}) == len(first["findings"])


def test_fail_on_controls_exit_code(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("---\nwords: {min: 100}\n---\n# Titel\n\nViel zu kurz.\n", encoding="utf-8")
    assert (
        run("review", str(draft), "--fail-on", "error", "--no-critique", cwd=tmp_path).returncode
        == 0
    )
    assert (
        run("review", str(draft), "--fail-on", "warning", "--no-critique", cwd=tmp_path).returncode
        == 1
    )


def test_stdin_and_separate_brief(tmp_path):
    brief = tmp_path / "brief.yaml"
    brief.write_text("language: en\nwords: {min: 50}\n", encoding="utf-8")
    result = run(
        "review",
        "-",
        "--brief",
        str(brief),
        "-f",
        "json",
        "--no-critique",
        stdin=b"# Title\n\nShort text here.\n",
        cwd=tmp_path,
    )
    report = json.loads(result.stdout)
    assert report["source"] == "<stdin>"
    assert report["language"] == "en"
    assert any(f["rule"] == "structure.word_count" for f in report["findings"])


def _bad_inputs(tmp_path: Path) -> dict[str, list[str]]:
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.md").write_bytes(
        "# Überschrift\n\nGrüße aus Köln, schöne Straße.\n".encode("latin-1")
    )
    (tmp_path / "bad_utf8.md").write_bytes(b"# T\n\nabc \xff\xfe\xfd \x80\x81 def\n" * 3)
    (tmp_path / "bad_yaml.md").write_text("---\ntitle: a: b\n---\n# T\n", encoding="utf-8")
    (tmp_path / "words.md").write_text(
        "---\nwords: {min: 900, max: 600}\n---\n# T\n", encoding="utf-8"
    )
    (tmp_path / "unknown.toml").write_text(
        "[readability]\nlong_sentense_words = 3\n", encoding="utf-8"
    )
    (tmp_path / "ok.md").write_text("# T\n\nText.\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return {
        "missing file": ["review", str(tmp_path / "nope.md")],
        "directory": ["review", str(tmp_path / "folder")],
        "empty file": ["review", str(tmp_path / "empty.md")],
        "binary file": ["review", str(tmp_path / "binary.md")],
        "invalid utf-8": ["review", str(tmp_path / "bad_utf8.md")],
        "front matter not yaml": ["review", str(tmp_path / "bad_yaml.md")],
        "words.min > words.max": ["review", str(tmp_path / "words.md")],
        "unknown config key": [
            "review",
            str(tmp_path / "ok.md"),
            "--config",
            str(tmp_path / "unknown.toml"),
        ],
        "missing config": [
            "review",
            str(tmp_path / "ok.md"),
            "--config",
            str(tmp_path / "nope.toml"),
        ],
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing file",
        "directory",
        "empty file",
        "binary file",
        "invalid utf-8",
        "front matter not yaml",
        "words.min > words.max",
        "unknown config key",
        "missing config",
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, case):
    result = run(*_bad_inputs(tmp_path)[case], "--no-critique", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reviewer: error: ")


def test_legacy_encoding_is_detected(tmp_path):
    _bad_inputs(tmp_path)
    result = run("review", str(tmp_path / "latin1.md"), "-f", "json", "--no-critique", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr.decode()
    assert json.loads(result.stdout)["word_count"] == 6


def test_decode_windows_1252_and_refuse_broken_utf8():
    from reviewer.errors import InputError
    from reviewer.reading import decode

    text = "Grüße aus Köln – „schön“ für 5 €.\n"
    assert decode(text.encode("cp1252"), "x") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "x") == text  # BOM dropped
    assert decode(text.replace("\n", "\r\n").encode("utf-8"), "x") == text  # CRLF normalised
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode("Grüße ".encode() + b"\xff\xfe broken", "x")


def test_config_from_pyproject_is_used(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reviewer]\nfail_on = "warning"\n', encoding="utf-8"
    )
    (tmp_path / "d.md").write_text(
        "---\nwords: {min: 100}\n---\n# Titel\n\nViel zu kurz.\n", encoding="utf-8"
    )
    assert run("review", "d.md", "--no-critique", cwd=tmp_path).returncode == 1


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys, reviewer.cli; heavy = {'presidio_analyzer', 'spacy', 'langchain_core', 'sqlalchemy', "
        "'textstat', 'yake', 'fastapi', 'openai', 'pysbd', 'markdown_it', 'reviewer.models'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_review_renders_every_report_format(tmp_path):
    import xml.etree.ElementTree as ET

    draft = EVAL_DIR / "en_02_cloud-hosting-case-study.md"
    outputs = {}
    for fmt in ("json", "md", "html", "sarif", "junit"):
        result = run("review", str(draft), "-f", fmt, "--no-critique", cwd=tmp_path)
        assert result.returncode == 1, result.stderr.decode()  # the draft has error findings
        outputs[fmt] = result.stdout.decode()
    report = json.loads(outputs["json"])
    person = next(f for f in report["findings"] if f["category"] == "PERSON")
    assert person["text"] in outputs["md"]
    assert "<mark" in outputs["html"] and f">{person['text']}</mark>" in outputs["html"]
    sarif = json.loads(outputs["sarif"])
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == len(report["findings"])
    suite = ET.fromstring(outputs["junit"])
    assert suite.find(".//failure") is not None


def test_clean_draft_is_ready_only_when_critique_is_off_on_purpose(tmp_path):
    draft = EVAL_DIR / "en_03_recruiting-landing-page.md"
    switched_off = json.loads(
        run("review", str(draft), "-f", "json", "--no-critique", cwd=tmp_path).stdout
    )
    assert switched_off["verdict"] == "ready"
    unconfigured = run("review", str(draft), "-f", "json", cwd=tmp_path)
    report = json.loads(unconfigured.stdout)
    assert report["checks"]["critique"]["status"] == "skipped"
    assert "no language model configured" in report["checks"]["critique"]["summary"]
    assert report["verdict"] == "needs_review"
