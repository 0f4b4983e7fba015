"""Regular expressions, for what a phrase list cannot say. A named group ``span`` narrows the
reported span to the part that matters.

Patterns are ``regex`` module patterns (compiled in ``pack.PatternRule``) and match under the
rule's time budget (``budget.remaining()``): a catastrophic pattern raises RuleTimeout instead of
holding the review for minutes."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from reviewer.checks.guidelines.budget import RuleTimeout, remaining
from reviewer.checks.guidelines.engines import (
    Hit,
    first_of_overlapping,
    has_any,
    lowered_matching_text,
    make_hit,
    matching_text,
    text_regions,
)
from reviewer.checks.guidelines.engines.phrases import drop_exceptions
from reviewer.parsing.regex_analysis import required_words_regex

if TYPE_CHECKING:
    from reviewer.checks.guidelines.pack import PatternRule
    from reviewer.document import Document


def find(doc: Document, rule: PatternRule, language: str) -> list[Hit]:
    spans: list[tuple[int, int]] = []
    text = matching_text(doc)
    lowered = lowered_matching_text(doc)
    regions = text_regions(doc, rule.scope)
    for pattern in rule.compiled_patterns(language):
        words = None if lowered is None else _required_words(pattern)
        if words is not None:
            # Only the words the draft holds can be in a region; none: the pattern cannot match.
            words = frozenset(w for w in words if w in lowered)
            if not words:
                continue
        for start, end in regions:
            if words is not None and not has_any(lowered, words, start, end):  # type: ignore[arg-type]
                continue
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


@lru_cache(maxsize=1024)
def _required_words(pattern: regex.Pattern[str]) -> frozenset[str] | None:
    """Lowered words one of which a text needs for ``pattern`` to match in it (None: unknown).
    A region without them is not scanned: same matches, less work (most regions hold none)."""
    return required_words_regex(pattern.pattern)
