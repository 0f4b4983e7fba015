"""Regular expressions, for what a phrase list cannot say. A named group ``span`` narrows the
reported span to the part that matters.

Patterns are ``regex`` module patterns (compiled in ``pack.PatternRule``) and match under the
rule's time budget (``budget.remaining()``): a catastrophic pattern raises RuleTimeout instead of
holding the review for minutes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.checks.guidelines.budget import RuleTimeout, remaining
from reviewer.checks.guidelines.engines import (
    Hit,
    first_of_overlapping,
    make_hit,
    matching_text,
    text_regions,
)
from reviewer.checks.guidelines.engines.phrases import drop_exceptions

if TYPE_CHECKING:
    from reviewer.checks.guidelines.pack import PatternRule
    from reviewer.document import Document


def find(doc: Document, rule: PatternRule, language: str) -> list[Hit]:
    spans: list[tuple[int, int]] = []
    text = matching_text(doc)
    for pattern in rule.compiled_patterns(language):
        for start, end in text_regions(doc, rule.scope):
            try:
                matches = list(pattern.finditer(text, start, end, timeout=remaining()))
            except TimeoutError:
                raise RuleTimeout(rule.id) from None
            for match in matches:
                group = "span" if "span" in pattern.groupindex and match.start("span") >= 0 else 0
                if match.end(group) > match.start(group):
                    spans.append((match.start(group), match.end(group)))
    spans = drop_exceptions(doc, spans, rule.compiled_exceptions(language), rule.scope)
    return [make_hit(doc, rule, start, end) for start, end in first_of_overlapping(spans)]
