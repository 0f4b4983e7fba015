"""The check registry: which checks exist, in which order they run.

Each check is one package under ``reviewer/checks/`` holding its engine, its settings, its rules
and its entry point together; its ``__init__.py`` declares a ``CHECK`` (see
``reviewer.checks.base.CheckSpec``). Adding a check means adding its package and its name to ``CHECK_NAMES``:
the configuration (``[checks]`` and its own section), the rule registry, ``reviewer rules``, the
pipeline and the renderers all read this list.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

from reviewer.checks.base import (
    CheckContext,
    CheckOutput,
    CheckSpec,
    Example,
    ReviewOptions,
    Rule,
)

if TYPE_CHECKING:
    from reviewer.config import Config
    from reviewer.document import Document

__all__ = [
    "CHECK_NAMES",
    "CheckContext",
    "CheckOutput",
    "CheckSpec",
    "Example",
    "ReviewOptions",
    "Rule",
    "all_checks",
    "get_check",
    "local_checks",
    "model_checks",
    "run_check",
]

# The checks by name, in run order; each is the package ``reviewer.checks.<name>``. The model
# stage (the critique) comes last and sees every local finding.
CHECK_NAMES: tuple[str, ...] = (
    "structure",
    "pii",
    "readability",
    "keywords",
    "guidelines",
    "substance",
    "critique",
)


@cache
def all_checks() -> tuple[CheckSpec, ...]:
    """Every check's declaration, in run order (imports only the packages' light ``__init__``)."""
    return tuple(import_module(f"reviewer.checks.{name}").CHECK for name in CHECK_NAMES)


def get_check(name: str) -> CheckSpec:
    for spec in all_checks():
        if spec.name == name:
            return spec
    raise KeyError(f"unknown check {name!r}")


def local_checks() -> tuple[CheckSpec, ...]:
    return tuple(spec for spec in all_checks() if spec.stage == "local")


def model_checks() -> tuple[CheckSpec, ...]:
    return tuple(spec for spec in all_checks() if spec.stage == "model")


def run_check(
    name: str, doc: Document, config: Config, options: ReviewOptions | None = None
) -> CheckOutput:
    """Run one check alone on a document, for tests, benchmarks and tools. The pipeline adds
    what a whole review needs on top: ``[rules]`` severities, suppressions, stable ids."""
    return get_check(name).entry()(CheckContext(doc, config, options or ReviewOptions()))
