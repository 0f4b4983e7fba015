"""The checks. Each is one module with ``run(doc, config) -> CheckOutput``.

Modules are imported only when their check runs, so ``reviewer --help`` stays fast and a broken
optional engine cannot stop the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from reviewer.config import Config
    from reviewer.document import Document
    from reviewer.models import Finding, Status


@dataclass
class CheckOutput:
    """What a check returns. ``status``/``summary`` default to what the findings say."""

    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    summary: str | None = None
    status: Status | None = None
    details: dict[str, Any] = field(default_factory=dict)  # goes to checks.<name> in the report


class Check(Protocol):
    def __call__(self, doc: Document, config: Config) -> CheckOutput: ...


# Order matters: the critique (not listed here, see reviewer.pipeline) sees these findings.
DETERMINISTIC_CHECKS: dict[str, str] = {
    "structure": "reviewer.checks.structure",
    "pii": "reviewer.checks.pii",
    "readability": "reviewer.checks.readability",
    "keywords": "reviewer.checks.keywords",
    "guidelines": "reviewer.checks.guidelines",
}


def load_check(name: str) -> Check:
    return import_module(DETERMINISTIC_CHECKS[name]).run
