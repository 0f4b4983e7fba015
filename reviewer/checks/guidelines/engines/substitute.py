"""Terminology: a deprecated term and the term to use instead ("Mannstunden" → "Personenstunden").

All terms are searched as one pattern (the longest wins where two overlap, "Blacklisting" before
"Blacklist"); only a match is compared with each term to find its preferred replacement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.checks.guidelines.engines import Hit, make_hit, matching_text
from reviewer.checks.guidelines.engines.phrases import drop_exceptions, find_spans

if TYPE_CHECKING:
    from reviewer.checks.guidelines.pack import SubstituteRule
    from reviewer.document import Document


def find(doc: Document, rule: SubstituteRule, language: str) -> list[Hit]:
    combined, terms = rule.compiled_terms(language)
    spans = find_spans(doc, combined, rule.scope)
    spans = drop_exceptions(doc, spans, rule.compiled_exceptions(language), rule.scope)
    text = matching_text(doc)
    hits = []
    for start, end in spans:
        matched = text[start:end]
        term, preferred = next(
            ((t, p) for t, p, own in terms if own and own.fullmatch(matched)), (matched, "")
        )
        values = {"term": term, "preferred": preferred}
        hits.append(
            make_hit(doc, rule, start, end, values, {"preferred": preferred}, f'Use "{preferred}".')
        )
    return hits
