"""`reviewer rules` and `reviewer rules explain ID`, as a person runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from reviewer.config import Config
from reviewer.registry import rules_for


def reviewer(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_rules_lists_every_rule_the_tool_can_emit(tmp_path):
    result = reviewer("rules", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = {rule["id"]: rule for rule in json.loads(result.stdout)}
    assert set(listed) == {rule.id for rule in rules_for(Config())}
    person, phone = listed["pii.person"], listed["pii.phone_number"]
    assert person["severity"] == "warning" and person["check"] == "pii"
    assert phone["severity"] == "error" and phone["check"] == "pii"
    assert person["example"]["text"] and person["counter_example"]["text"]


def test_rules_filters_and_follows_the_config(tmp_path):
    (tmp_path / "reviewer.toml").write_text(
        '[rules]\n"structure.word_count" = "error"\n', encoding="utf-8"
    )
    text = reviewer("rules", "--check", "structure", "--severity", "error", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == ["structure.word_count"]
    assert "Length outside the brief" in lines[0]
    german = reviewer("rules", "--language", "de", "--format", "json", cwd=tmp_path)
    assert all("de" in rule["languages"] for rule in json.loads(german.stdout))


def test_explain_prints_the_documentation_with_examples(tmp_path):
    result = reviewer("rules", "explain", "structure.empty_section", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("structure.empty_section: Empty section")
    assert "How to fix:" in result.stdout
    assert "Reported (en):" in result.stdout and "Not reported (en):" in result.stdout


def test_explain_unknown_rule_suggests_the_closest(tmp_path):
    result = reviewer("rules", "explain", "pii.persn", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown rule 'pii.persn'" in result.stderr and "pii.person" in result.stderr
    assert "Traceback" not in result.stderr
