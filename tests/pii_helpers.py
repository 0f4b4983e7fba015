"""Helpers for the pii tests: detect in a sentence and return (entity, text) pairs."""

from __future__ import annotations

from reviewer.checks.pii.detect import find_pii
from reviewer.checks.pii.settings import PiiSettings


def found(text: str, language: str, **settings) -> set[tuple[str, str]]:
    """(entity, text) of everything detected in ``text`` with the given PiiSettings overrides."""
    return {(d.entity, d.text) for d in find_pii(text, language, PiiSettings(**settings))}


def kinds(text: str, language: str, **settings) -> list[str]:
    return [d.entity for d in find_pii(text, language, PiiSettings(**settings))]
