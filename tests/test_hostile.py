"""Hostile and unusual input (issue 21): bounded time and memory, clear one-line refusals.

Each test here is the regression test of one defect the probe found; timing figures live in
``bench/hostile.py``, not here.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from reviewer.brief import MAX_EXTRA_KEYS, parse_brief
from reviewer.document import brief_from_text, parse_document
from reviewer.errors import InputError
from reviewer.parsing.safe_yaml import load_yaml
from reviewer.web import create_app
from tests.hostile_helpers import billion_laughs, run_capped
from tests.web_helpers import BASE, web_config

# --- 1. YAML bombs in front matter and briefs --------------------------------------------------


def test_billion_laughs_front_matter_is_refused_in_one_line():
    bomb = billion_laughs()
    assert len(bomb) < 800
    with pytest.raises(
        InputError, match=r"draft\.md: front matter refused: its YAML aliases expand"
    ):
        parse_document(bomb, "draft.md")


def test_recursive_alias_is_refused():
    with pytest.raises(InputError, match="refers to the node that contains it"):
        load_yaml("a: &a [1, *a]\n", "brief.yaml", what="brief")


def test_ordinary_anchors_still_work():
    data = load_yaml("base: &b {min: 10}\nwords:\n  <<: *b\n  max: 20\n", "brief.yaml")
    assert data["words"] == {"min": 10, "max": 20}


def test_brief_file_size_is_limited():
    big = "title: x\nnotes: " + "y" * (70 * 1024) + "\n"
    with pytest.raises(InputError, match="brief is larger than 64 KiB"):
        brief_from_text(big, "brief.yaml", front_matter=False)


def test_extra_brief_keys_are_kept_flat_and_clipped():
    brief = parse_brief(
        {"title": "T", "status": "draft", "tags": ["a", "b"], "nested": {"deep": [1, [2]]},
         "long": "z" * 10_000},
        "brief.yaml",
    )  # fmt: skip
    dumped = brief.model_dump(exclude_none=True)
    assert dumped["status"] == "draft" and dumped["tags"] == ["a", "b"]
    assert "nested" not in dumped
    assert len(dumped["long"]) < 10_000


def test_too_many_extra_brief_keys_are_refused():
    data = {f"k{i}": i for i in range(MAX_EXTRA_KEYS + 1)}
    with pytest.raises(InputError, match="at most"):
        parse_brief({"title": "T", **data}, "brief.yaml")


def test_cli_refuses_the_bomb_within_bounds(tmp_path):
    draft = tmp_path / "bomb.md"
    draft.write_text(billion_laughs(), encoding="utf-8")
    result = run_capped("review", str(draft), "--no-critique", "--format", "json")
    assert result.returncode == 2, result.stderr[-2000:]
    assert b"aliases expand" in result.stderr
    assert b"Traceback" not in result.stderr


def test_batch_reports_the_bomb_and_goes_on(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a_bomb.md").write_text(billion_laughs(), encoding="utf-8")
    (folder / "b_fine.md").write_text("# Fine\n\nA short and harmless draft.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_capped("batch", str(folder), "--out", str(out), "--no-critique", "--jobs", "1")
    assert b"Traceback" not in result.stderr, result.stderr[-2000:]
    text = (out / "summary.jsonl").read_text(encoding="utf-8")
    assert "b_fine.md" in text and "aliases expand" in text


def test_api_refuses_the_bomb(tmp_path):
    with TestClient(create_app(web_config(tmp_path)), base_url=BASE) as client:
        response = client.post("/api/review", json={"content": billion_laughs()})
        assert response.status_code in (400, 422), response.text[:500]
        assert "aliases expand" in response.text
        brief_bomb = billion_laughs().split("---\n")[1]
        response = client.post(
            "/api/review", json={"content": "# T\n\nText.\n", "brief": brief_bomb}
        )
        assert response.status_code in (400, 422), response.text[:500]
        assert "aliases expand" in response.text


# --- 2. catastrophic regular expressions in guidelines -----------------------------------------

REDOS_GUIDELINE = """\
---
id: slow
title: A guideline with a catastrophic pattern
languages: [en]
rules:
  - id: backtracks
    type: pattern
    patterns: {en: ["(a|aa)+$", "(\\\\w+\\\\s?)*$"]}
    message: "never matches in time"
  - id: fine
    type: pattern
    patterns: {en: ["\\\\bsynergy\\\\b"]}
    message: "say what you mean"
---
"""

REDOS_DRAFT = "# Title\n\nWe love synergy.\n\n" + "a" * 40 + "!\n\n" + "word " * 30 + "!\n"


def _redos_config(tmp_path):
    from reviewer.checks import CHECK_NAMES
    from reviewer.config import Config

    folder = tmp_path / "guidelines"
    folder.mkdir()
    (folder / "slow.md").write_text(REDOS_GUIDELINE, encoding="utf-8")
    config = Config()
    for name in CHECK_NAMES:
        setattr(config.checks, name, name == "guidelines")
    config.guidelines.paths = [str(folder)]
    config.guidelines.replace_defaults = True
    config.guidelines.rule_time_budget = 0.05
    return config


def test_catastrophic_pattern_is_stopped_and_named(tmp_path, parse):
    from reviewer.pipeline import review

    report = review(parse(REDOS_DRAFT, language="en"), _redos_config(tmp_path))
    result = report.checks["guidelines"]
    assert result.status == "error"
    assert "slow.backtracks" in result.summary
    # the other rule of the same guideline still ran
    assert [f.rule for f in report.findings] == ["slow.fine"]


def test_review_time_limit_stops_checks_not_started(tmp_path, parse):
    from reviewer.pipeline import run_checks

    config = _redos_config(tmp_path)
    partial = run_checks(parse(REDOS_DRAFT, language="en"), config, deadline=0.0)
    result = partial.checks["guidelines"]
    assert result.status == "error" and "time limit" in result.summary
