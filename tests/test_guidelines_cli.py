"""`reviewer guidelines list/show` and `reviewer review --guidelines DIR`, as people run them."""

from __future__ import annotations

import json

from tests.guidelines_helpers import FAST_CONFIG, cli, write_guideline

HOUSE = """\
---
id: house-style
title: House style
severity: error
rules:
  - id: no-synergy
    type: phrases
    message: "We do not write '{match}'."
    phrases:
      de: ["Synergieeffekte"]
      en: ["synergies"]
---
# House style

Say what actually improves.
"""


def test_list_shows_the_default_pack(tmp_path):
    result = cli("guidelines", "list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert "claims-evidence.unsupported" in rows["claims-evidence"]["rules"]
    assert rows["prompt-injection"]["severity"] == "error"
    text = cli("guidelines", "list", cwd=tmp_path)
    assert text.returncode == 0 and "filler-phrases" in text.stdout


def test_show_prints_rules_and_body(tmp_path):
    result = cli("guidelines", "show", "claims-evidence", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "claims-evidence.unsupported" in result.stdout and "What counts as a claim" in result.stdout
    )
    as_json = json.loads(cli("guidelines", "show", "filler-phrases", "--json", cwd=tmp_path).stdout)
    assert as_json["id"] == "filler-phrases" and as_json["body"]


def test_show_unknown_id_exits_2(tmp_path):
    result = cli("guidelines", "show", "no-such-guideline", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        "unknown guideline 'no-such-guideline'" in result.stderr
        and "Traceback" not in result.stderr
    )


def test_custom_folder_from_option_and_config(tmp_path):
    write_guideline(tmp_path / "house", "house.md", HOUSE)
    listed = json.loads(
        cli("guidelines", "list", "--json", "--guidelines", "house", cwd=tmp_path).stdout
    )
    assert "house-style" in [row["id"] for row in listed]
    (tmp_path / "reviewer.toml").write_text(
        '[guidelines]\npaths = ["house"]\nreplace_defaults = true\n', encoding="utf-8"
    )
    listed = json.loads(cli("guidelines", "list", "--json", cwd=tmp_path).stdout)
    assert [row["id"] for row in listed] == ["house-style"]


def test_review_with_guidelines_option_reports_custom_rule(tmp_path):
    write_guideline(tmp_path / "house", "house.md", HOUSE)
    (tmp_path / "reviewer.toml").write_text(FAST_CONFIG, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text(
        "---\nlanguage: en\n---\n# Title\n\nWe found synergies everywhere.\n", encoding="utf-8"
    )
    result = cli("review", str(draft), "-f", "json", "--guidelines", "house", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # an error-level finding fails the run
    report = json.loads(result.stdout)
    (finding,) = [f for f in report["findings"] if f["category"] == "house-style"]
    assert finding["rule"] == "house-style.no-synergy" and finding["check"] == "guidelines"
    assert finding["text"] == "synergies" and finding["severity"] == "error"
    assert report["checks"]["guidelines"]["status"] == "fail"


def test_broken_guideline_file_exits_2_with_file_and_line(tmp_path):
    write_guideline(
        tmp_path / "broken",
        "bad.md",
        "---\nid: bad\ntitle: Bad\nrules:\n  - id: r\n    type: pattern\n    message: m\n    patterns:\n      en: ['(unclosed']\n---\n",
    )
    (tmp_path / "reviewer.toml").write_text(FAST_CONFIG, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("# Title\n\nText.\n", encoding="utf-8")
    for args in (
        ("review", str(draft), "--guidelines", "broken"),
        ("guidelines", "list", "--guidelines", "broken"),
    ):
        result = cli(*args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "bad.md: line 9: bad regular expression" in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
