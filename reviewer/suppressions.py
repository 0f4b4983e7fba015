"""Linter-style suppressions: inline comments and per-path ignores from the config.

Suppressed findings are not dropped: the report lists them under ``suppressed``.
"""

from __future__ import annotations

from reviewer.config import Config
from reviewer.document import Document
from reviewer.models import Finding


def apply_suppressions(doc: Document, config: Config, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Return ``(kept, suppressed)``."""
    return findings, []
