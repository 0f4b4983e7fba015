"""The rule registry: every rule is declared once, documented, and its examples are true.

Each rule's ``example`` must make its check report it and its ``counter_example`` must not, so a
rule's documentation cannot drift away from what the code does. Every finding the tool produces
on the labelled drafts, the seed and the examples must name a registered rule.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from reviewer.checks import CHECK_NAMES, all_checks, get_check
from reviewer.checks.base import Example, ReviewOptions
from reviewer.checks.guidelines.pack import load_guidelines
from reviewer.config import Config, config_from_dict
from reviewer.document import load_document, parse_document
from reviewer.errors import ConfigError
from reviewer.parsing.language import LANGUAGES
from reviewer.pipeline import review
from reviewer.registry import builtin_rules, catalog, find_rule, rules_for
from tests.conftest import EVAL_DIR, EXAMPLES, SEED
from tests.critique_fakes import fake_model
from tests.critique_helpers import claim, reply, violation

CONFIG = Config()
ALL_RULES = rules_for(CONFIG)
LOCAL_RULES = [r for r in ALL_RULES if get_check(r.check).stage == "local"]
CRITIQUE_RULES = [r for r in ALL_RULES if r.check == "critique"]


def _local_config() -> Config:
    config = Config()
    config.checks.critique = False
    return config


def _fired(example: Example, config: Config | None = None, model=None) -> set[str]:
    doc = parse_document(example.text, "example.md", language=example.language)
    options = ReviewOptions(use_cache=False, run_critique=model is not None, model=model)
    report = review(doc, config or _local_config(), options)
    return {finding.rule for finding in report.findings}


# --- declarations ------------------------------------------------------------------------------


def test_every_check_package_declares_itself_under_its_own_name():
    for name, spec in zip(CHECK_NAMES, all_checks(), strict=True):
        assert spec.name == name
        assert importlib.import_module(f"reviewer.checks.{name}").CHECK is spec
        for rule in spec.rules:
            assert rule.check == name, rule.id
            assert rule.id.startswith(f"{name}."), rule.id


def test_rule_ids_are_unique():
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    builtin = [rule.id for rule in builtin_rules()]
    assert len(builtin) == len(set(builtin))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_is_documented(rule):
    assert rule.severity in ("info", "warning", "error")
    assert rule.title.strip() and "\n" not in rule.title
    assert len(rule.explanation.split()) >= 5, "explain why the rule matters"
    assert rule.fix.strip()
    assert set(rule.languages) <= set(LANGUAGES) and rule.languages
    assert rule.example is not None, "a rule needs an example that triggers it"
    assert rule.counter_example is not None, "and a similar one that does not"


# --- examples ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", LOCAL_RULES, ids=lambda r: r.id)
def test_example_triggers_the_rule(rule):
    assert rule.id in _fired(rule.example), rule.example.text


@pytest.mark.parametrize("rule", LOCAL_RULES, ids=lambda r: r.id)
def test_counter_example_does_not_trigger_the_rule(rule):
    assert rule.id not in _fired(rule.counter_example), rule.counter_example.text


def _pack_examples():
    """Every language's example of every guideline rule (the registry shows only the first)."""
    cases = []
    for guideline in load_guidelines(CONFIG):
        for rule in guideline.rules:
            rule_id = guideline.rule_id(rule)
            for language, text in rule.example.items():
                cases.append(
                    pytest.param(rule_id, language, text, True, id=f"{rule_id}-{language}")
                )
            for language, text in rule.counter_example.items():
                cases.append(
                    pytest.param(rule_id, language, text, False, id=f"{rule_id}-{language}-not")
                )
    return cases


@pytest.mark.parametrize("rule_id, language, text, fires", _pack_examples())
def test_guideline_examples_in_every_language(rule_id, language, text, fires):
    assert (rule_id in _fired(Example(text, language))) is fires


def _first_sentence(example: Example) -> str:
    doc = parse_document(example.text, "example.md", language=example.language)
    return doc.sentences[0].text


def _scripted_answer(rule_id: str, example: Example):
    """What a model would answer to make ``rule_id`` fire on ``example`` (None: a failure)."""
    quote = _first_sentence(example)
    if rule_id == "critique.claim":
        return reply(claims=[claim(quote)])
    if rule_id == "critique.depth":
        return reply(
            depth={
                "rating": "too_shallow",
                "severity": "warning",
                "explanation": "Generic.",
                "suggestion": "Add an example.",
            }
        )
    if rule_id == "critique.error":
        return None
    if rule_id == "critique.section_depth":
        section = {"heading": "", "depth": "too_shallow", "quote": quote, "suggestion": "Add one."}
        return reply(sections=[section])
    if rule_id == "critique.keyword_fit":
        doc = parse_document(example.text, "example.md", language=example.language)
        verdict = {"fit": "off-topic", "quote": quote, "reason": "An aside."}
        return reply(keywords=[{"keyword": k, **verdict} for k in doc.brief.keywords])
    return reply(guidelines=[violation(rule_id.removeprefix("critique."), quote)])


@pytest.mark.parametrize("rule", CRITIQUE_RULES, ids=lambda r: r.id)
def test_critique_rules_fire_when_the_model_says_so(rule, tmp_path):
    config = _local_config()
    config.checks.critique = True
    config.critique.cache = False
    config.critique.retries = 0
    answer = _scripted_answer(rule.id, rule.example)
    model = fake_model(answer) if answer is not None else fake_model("not json", "still not json")
    assert rule.id in _fired(rule.example, config, model)
    assert rule.id not in _fired(rule.counter_example, config, fake_model(reply()))


# --- every finding is registered ---------------------------------------------------------------


def _drafts() -> list[Path]:
    return [*sorted(EVAL_DIR.glob("*.md")), SEED, *sorted(EXAMPLES.glob("*.md"))]


@pytest.mark.parametrize("path", _drafts(), ids=lambda p: p.name)
def test_every_finding_names_a_registered_rule(path):
    known = catalog(CONFIG)
    report = review(load_document(str(path)), _local_config())
    unknown = {f.rule for f in [*report.findings, *report.suppressed]} - set(known)
    assert not unknown
    for finding in report.findings:
        assert known[finding.rule].check == finding.check


# --- severity is configuration -----------------------------------------------------------------


def test_rules_setting_changes_severity_and_switches_rules_off():
    text = "# Title\n\nIn today's fast-paced world, invoicing takes too long.\n"
    doc = parse_document(text, "d.md", language="en")
    base = review(doc, _local_config())
    assert "filler-phrases.opener" in {f.rule for f in base.findings}

    config = config_from_dict(
        {"checks": {"critique": False}, "rules": {"filler-phrases.opener": "error"}}
    )
    [opener] = [f for f in review(doc, config).findings if f.rule == "filler-phrases.opener"]
    assert opener.severity == "error"
    assert review(doc, config).verdict == "blocked"

    off = config_from_dict(
        {"checks": {"critique": False}, "rules": {"filler-phrases.opener": "off"}}
    )
    assert "filler-phrases.opener" not in {f.rule for f in review(doc, off).findings}


def test_unknown_rule_id_in_the_config_is_an_error_with_a_suggestion():
    with pytest.raises(ConfigError, match=r"unknown rule id 'pii\.persn'.*pii\.person"):
        config_from_dict({"rules": {"pii.persn": "warning"}}, origin="reviewer.toml")
    with pytest.raises(ConfigError, match="rules.pii.person"):
        config_from_dict({"rules": {"pii.person": "fatal"}})


def test_old_guidelines_ignore_key_says_where_it_went():
    with pytest.raises(ConfigError, match=r"top-level \[ignore\]"):
        config_from_dict({"guidelines": {"ignore": {"*.txt": ["*"]}}})


def test_catalog_reflects_configured_severities():
    config = config_from_dict({"rules": {"keywords.stuffed": "warning"}})
    assert catalog(config)["keywords.stuffed"].severity == "warning"
    assert catalog(Config())["keywords.stuffed"].severity == find_rule("keywords.stuffed").severity
