"""The public Python API: only names from ``reviewer`` itself, and the README's example runs."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import reviewer
from tests.conftest import EXAMPLES, REPO
from tests.critique_fakes import fake_model
from tests.critique_helpers import claim, reply

DRAFT = "# Spring offer\n\nCall Jana Albrecht on +49 171 2345678 for a quote.\n"


def test_public_names_are_importable_and_documented():
    for name in reviewer.__all__:
        value = getattr(reviewer, name)
        if callable(value) and not isinstance(value, type):
            assert value.__doc__, f"reviewer.{name} needs a docstring"
    with pytest.raises(AttributeError):
        reviewer.no_such_name  # noqa: B018


def test_import_reviewer_is_light():
    code = (
        "import sys, reviewer; heavy = {'presidio_analyzer', 'spacy', 'langchain_core', "
        "'pydantic', 'sqlalchemy'} & set(sys.modules); print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_review_text_with_a_brief_mapping():
    report = reviewer.review_text(
        DRAFT, language="en", brief={"title": "Spring offer", "keywords": ["quote"]}, critique=False
    )
    assert isinstance(report, reviewer.Report)
    assert report.verdict == "blocked"
    assert {"pii.person", "pii.phone_number"} <= {f.rule for f in report.findings}
    assert report.brief["keywords"] == ["quote"]
    assert report.checks["critique"].disabled


def test_review_file_with_a_brief_file_and_a_config_file(tmp_path):
    draft = tmp_path / "offer.md"
    draft.write_text(DRAFT, encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text("title: Spring offer\nlanguage: en\nwords: {min: 200}\n", encoding="utf-8")
    config = tmp_path / "reviewer.toml"
    config.write_text('[rules]\n"pii.phone_number" = "warning"\n', encoding="utf-8")

    report = reviewer.review_file(draft, brief=brief, config=config, critique=False)
    severities = {f.rule: f.severity for f in report.findings}
    assert severities["pii.phone_number"] == "warning"
    assert severities["structure.word_count"] == "warning"


def test_model_is_a_typed_argument(tmp_path):
    config = reviewer.Config()
    config.critique.cache = False
    text = "# Offer\n\nOur tool cuts costs by 90 % for everyone.\n"
    model = fake_model(reply(claims=[claim("Our tool cuts costs by 90 % for everyone.")]))
    report = reviewer.review_text(text, language="en", config=config, model=model)
    assert "critique.claim" in {f.rule for f in report.findings}
    assert report.checks["critique"].status != "skipped"


def test_bad_input_raises_the_public_errors(tmp_path):
    with pytest.raises(reviewer.InputError, match="no such file"):
        reviewer.review_file(tmp_path / "missing.md")
    with pytest.raises(reviewer.InputError, match="'de' or 'en'"):
        reviewer.review_text(DRAFT, language="fr")
    with pytest.raises(reviewer.ConfigError):
        reviewer.review_text(DRAFT, config=tmp_path / "missing.toml")


def test_rules_are_part_of_the_api():
    rule = reviewer.find_rule("pii.person")
    assert isinstance(rule, reviewer.Rule) and rule.severity == "warning"
    ids = {r.id for r in reviewer.rules_for(reviewer.Config())}
    assert {"pii.person", "structure.word_count", "filler-phrases.opener"} <= ids


def _readme_python_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use from Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README's 'Use from Python' section has no python example"
    return match.group(1)


def test_readme_example_runs(tmp_path):
    example = _readme_python_example()
    (tmp_path / "examples").symlink_to(EXAMPLES)
    result = subprocess.run(
        [sys.executable, "-c", example], cwd=tmp_path, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stderr
    assert "blocked" in result.stdout
