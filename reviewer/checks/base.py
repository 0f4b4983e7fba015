"""The vocabulary every check speaks: its declaration, its rules, its input and its output.

A check package imports only this module (and its own engine) from the check machinery, so the
check registry (``reviewer.checks``), the rule registry (``reviewer.registry``), the configuration
and the pipeline can all read check declarations without import cycles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Callable

    from langchain_core.language_models import BaseChatModel

    from reviewer.config import Config
    from reviewer.document import Document
    from reviewer.models import Finding, Severity, Status
    from reviewer.settings import Section

Stage = Literal["local", "model"]


@dataclass(frozen=True, slots=True)
class Example:
    """A short draft that shows a rule at work. ``text`` may open with a front-matter brief
    (``---`` … ``---``) when the rule needs one (keywords, word counts, required sections)."""

    text: str
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of finding, declared once: findings point at it by ``id``; ``reviewer rules``,
    SARIF, JUnit and the HTML and terminal reports take its texts from here.

    ``severity`` is the default; ``[rules]`` in the configuration overrides it per id.
    ``example`` must make the rule fire and ``counter_example`` must not (a test runs both
    through the check), so the documentation cannot drift away from what the code does.
    """

    id: str
    check: str
    severity: Severity
    title: str
    explanation: str
    fix: str
    example: Example | None = None
    counter_example: Example | None = None
    languages: tuple[str, ...] = ("de", "en")
    origin: str = "built-in"  # or the guideline file a rule was loaded from

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``reviewer rules --format json``."""
        return {
            "id": self.id,
            "check": self.check,
            "severity": self.severity,
            "languages": list(self.languages),
            "title": self.title,
            "explanation": self.explanation,
            "fix": self.fix,
            "example": _example_dict(self.example),
            "counter_example": _example_dict(self.counter_example),
            "origin": self.origin,
        }


def _example_dict(example: Example | None) -> dict[str, str] | None:
    return None if example is None else {"text": example.text, "language": example.language}


@dataclass
class ReviewOptions:
    """Choices for one run that are not configuration (they come from flags or API arguments).

    ``model`` is a LangChain chat model to use for the critique instead of the configured one
    (tests and library callers hand in their own); ``run_critique=False`` is the person's explicit
    choice (``--no-critique``) and, like ``[checks] critique = false``, does not hold the verdict
    back from ``ready``.
    """

    use_cache: bool = True
    run_critique: bool = True
    model: BaseChatModel | None = None


@dataclass
class CheckContext:
    """What a check's ``run`` receives. ``findings`` are the earlier checks' findings (the
    critique sends them to the model as context); local checks usually ignore them. ``results``
    are the local checks' results by name (``CheckResult``), given to the model stage so the
    critique can show its judgements next to theirs."""

    doc: Document
    config: Config
    options: ReviewOptions = field(default_factory=ReviewOptions)
    findings: list[Finding] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)
    deadline: float | None = None  # time.monotonic() by which the whole review should be done


@dataclass
class CheckOutput:
    """What a check returns. ``status``/``summary`` default to what the findings say."""

    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    summary: str | None = None
    status: Status | None = None
    details: dict[str, Any] = field(default_factory=dict)  # goes to checks.<name> in the report


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A check's declaration, in its package's ``__init__.py`` (which stays cheap to import).

    ``run`` (and ``run_async`` for model checks) name ``module:function`` so that the engine is
    imported only when the check runs. ``stage`` "local" checks are CPU-only and run in batch
    workers; "model" checks call a language model, see the local findings, and run in the parent.
    ``pack_rules`` names a function ``(config) -> tuple[Rule, ...]`` for rules that come from
    files (the guideline pack) rather than code.
    """

    name: str
    title: str
    description: str
    run: str
    rules: tuple[Rule, ...] = ()
    settings: type[Section] | None = None
    stage: Stage = "local"
    run_async: str | None = None
    pack_rules: str | None = None

    def entry(self) -> Callable[[CheckContext], CheckOutput]:
        return _resolve(self.run)

    def async_entry(self) -> Callable[..., Any] | None:
        return _resolve(self.run_async) if self.run_async else None

    def rules_for(self, config: Config | None) -> tuple[Rule, ...]:
        """The built-in rules, plus those loaded from files for this configuration."""
        if self.pack_rules is None or config is None:
            return self.rules
        return self.rules + tuple(_resolve(self.pack_rules)(config))


def _resolve(target: str) -> Any:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)
