"""A batch that says why a file needs review when no finding does (a check was skipped)."""

from __future__ import annotations

import json

from tests.store_helpers import run_cli

CONFIG = "[checks]\npii = false\nreadability = false\nkeywords = false\nguidelines = false\n"
CLEAN = '---\ntitle: "Kurz"\nlanguage: de\n---\n# Kurz\n\nEin kurzer klarer Satz.\n'


def test_needs_review_without_findings_says_why(tmp_path):
    (tmp_path / "reviewer.toml").write_text(CONFIG, encoding="utf-8")
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(CLEAN.replace("Kurz", name[0].upper()), encoding="utf-8")
    result = run_cli("batch", "a.md", "b.md", "-o", "out", cwd=tmp_path, env={"COLUMNS": ""})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "2 files: 2 needs review" in lines
    why = [line for line in lines if line.startswith("needs review without errors or warnings")]
    # Said once for both files, on one line even when piped.
    assert len(why) == 1 and "(2 files): critique skipped: no language model configured" in why[0]
    rows = [json.loads(line) for line in (tmp_path / "out" / "summary.jsonl").open()]
    assert all(row["reason"].startswith("critique skipped") for row in rows)

    switched_off = run_cli("batch", "a.md", "-o", "out2", "--no-critique", cwd=tmp_path)
    assert "1 file: 1 ready" in switched_off.stdout
    assert "needs review without" not in switched_off.stdout


def test_piped_summary_never_folds_a_file_name(tmp_path):
    (tmp_path / "reviewer.toml").write_text(CONFIG, encoding="utf-8")
    name = "ein_sehr_langer_dateiname_fuer_das_whitepaper_zum_thema_vertrieb_de.md"
    (tmp_path / name).write_text(CLEAN, encoding="utf-8")
    result = run_cli("batch", name, "-o", "out", "--no-critique", cwd=tmp_path, env={"COLUMNS": ""})
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "ein_sehr" in line)
    assert name in row and "ready" in row
