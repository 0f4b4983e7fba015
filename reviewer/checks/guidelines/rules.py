"""Guideline rules as registry rules: the rules of the guidelines check come from files.

A guideline file declares its rules in YAML (``pack``); this module gives each one the same
shape as a built-in rule, so ``reviewer rules``, SARIF and the renderers describe them alike and
``[rules]`` can override their severity.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reviewer.checks.base import Example, Rule
from reviewer.checks.guidelines.pack import Guideline, RuleBase, load_guidelines

if TYPE_CHECKING:
    from reviewer.config import Config

CHECK = "guidelines"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def pack_rules(config: Config) -> tuple[Rule, ...]:
    """Every rule of every guideline this configuration loads (all languages)."""
    return tuple(
        registry_rule(guideline, rule)
        for guideline in load_guidelines(config)
        for rule in guideline.rules
    )


def registry_rule(guideline: Guideline, rule: RuleBase) -> Rule:
    languages = rule.languages()
    if languages is None or "*" in languages:
        langs = tuple(guideline.languages)
    else:
        langs = tuple(lang for lang in guideline.languages if lang in languages)
    return Rule(
        id=guideline.rule_id(rule),
        check=CHECK,
        severity=guideline.severity_of(rule),
        title=rule.title or guideline.title,
        explanation=_plain(rule.message) + " " + guideline_summary(guideline),
        fix=_plain(rule.suggestion or "See the guideline."),
        example=_first_example(rule.example),
        counter_example=_first_example(rule.counter_example),
        languages=langs or tuple(guideline.languages),
        origin=str(guideline.path),
    )


def guideline_summary(guideline: Guideline) -> str:
    """The first paragraph of the guideline's body: why the guideline exists, for people."""
    for paragraph in guideline.body.split("\n\n"):
        text = " ".join(paragraph.split())
        if text and not text.startswith("#"):
            return text
    return guideline.title


def _plain(template: str) -> str:
    """A message template as documentation: placeholders such as ``{match}`` become "…"."""
    return _PLACEHOLDER.sub("…", template).strip()


def _first_example(by_language: dict[str, str]) -> Example | None:
    for language, text in by_language.items():
        return Example(text, language=language if language != "*" else "en")
    return None
