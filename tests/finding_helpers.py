"""Findings built by hand, for tests that need a report with particular findings in it (store,
web, critique context) rather than the output of a check."""

from __future__ import annotations

from typing import Any

from reviewer.checks.base import Rule
from reviewer.document import Document
from reviewer.models import Finding


def make_finding(
    doc: Document, *, check: str, rule: str, severity: str, message: str, **kwargs: Any
) -> Finding:
    """A finding of an ad-hoc rule ``rule`` (registered or not) with ``doc.finding``'s offsets."""
    adhoc = Rule(id=rule, check=check, severity=severity, title=rule, explanation="", fix="")
    return doc.finding(adhoc, message=message, **kwargs)
