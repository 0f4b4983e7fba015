"""The rule registry: every rule the tool can report, with its documentation, in one place.

Built-in rules are declared in their check's package (``reviewer/checks/<name>/rules.py``);
rules that come from files (the guideline pack, and the critique's rule per guideline) are added
for the configuration that loads them. ``reviewer rules``, SARIF, JUnit, HTML and the terminal
read their titles and explanations from here, and the pipeline applies ``[rules]`` severities.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import TYPE_CHECKING

from reviewer.checks import all_checks
from reviewer.checks.base import Example, Rule
from reviewer.errors import ConfigError

if TYPE_CHECKING:
    from reviewer.config import Config
    from reviewer.models import Finding

__all__ = [
    "Example",
    "Rule",
    "apply_rule_settings",
    "builtin_rules",
    "catalog",
    "check_rule_settings",
    "find_rule",
    "rules_for",
]


def builtin_rules() -> tuple[Rule, ...]:
    """The rules declared in code, in check order."""
    return tuple(rule for spec in all_checks() for rule in spec.rules)


def rules_for(config: Config | None = None) -> tuple[Rule, ...]:
    """Every rule this configuration can report: built-in ones plus those its guideline files
    declare (a later duplicate id, e.g. a project guideline overriding a default, wins)."""
    by_id: dict[str, Rule] = {}
    for spec in all_checks():
        for rule in spec.rules_for(config):
            by_id[rule.id] = rule
    return tuple(by_id.values())


def catalog(config: Config | None = None) -> dict[str, Rule]:
    """Rule id -> rule, as this configuration reports them (``[rules]`` severities applied).
    Renderers describe findings with it; without a configuration only built-in rules are known."""
    rules = {rule.id: rule for rule in rules_for(config)}
    for rule_id, setting in (config.rules if config is not None else {}).items():
        if rule_id in rules and setting != "off":
            rules[rule_id] = dataclasses.replace(rules[rule_id], severity=setting)
    return rules


def find_rule(rule_id: str, config: Config | None = None) -> Rule | None:
    """The rule with this id (built-in first, then from the configuration's files)."""
    for rule in builtin_rules():
        if rule.id == rule_id:
            return rule
    if config is None:
        return None
    return next((rule for rule in rules_for(config) if rule.id == rule_id), None)


def check_rule_settings(config: Config) -> None:
    """Every id in ``[rules]`` must name a rule: a typo must not silently do nothing."""
    known = {rule.id for rule in rules_for(config)}
    for rule_id in config.rules:
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else " (`reviewer rules` lists them)"
            origin = config.origin or "config"
            raise ConfigError(f"{origin}: [rules] unknown rule id '{rule_id}'{hint}")


def apply_rule_settings(findings: list[Finding], config: Config) -> list[Finding]:
    """Findings with ``[rules]`` severities applied; rules set to "off" are dropped."""
    if not config.rules:
        return findings
    kept = []
    for finding in findings:
        setting = config.rules.get(finding.rule)
        if setting == "off":
            continue
        if setting is not None:
            finding.severity = setting
        kept.append(finding)
    return kept
