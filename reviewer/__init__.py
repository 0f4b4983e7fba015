"""reviewer: catch what AI-drafted B2B marketing copy gets wrong before it is published.

The public Python API (see README "Use from Python")::

    from reviewer import review_file, review_text, review_document, load_config, Config
    from reviewer import parse_document, load_document, Brief, Document, Report, Finding
    from reviewer import rules_for, find_rule, Rule, ReviewerError, InputError, ConfigError

Names are imported on first use, so ``import reviewer`` (and ``reviewer --help``) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "review_text": "reviewer.api",
    "review_file": "reviewer.api",
    "review_document": "reviewer.api",
    "load_config": "reviewer.config",
    "config_from_dict": "reviewer.config",
    "Config": "reviewer.config",
    "parse_document": "reviewer.document",
    "load_document": "reviewer.document",
    "load_brief": "reviewer.document",
    "Document": "reviewer.document",
    "Brief": "reviewer.brief",
    "Report": "reviewer.models",
    "Finding": "reviewer.models",
    "CheckResult": "reviewer.models",
    "Rule": "reviewer.registry",
    "Example": "reviewer.registry",
    "rules_for": "reviewer.registry",
    "find_rule": "reviewer.registry",
    "ReviewerError": "reviewer.errors",
    "InputError": "reviewer.errors",
    "ConfigError": "reviewer.errors",
}

__all__ = [  # the same names as _EXPORTS (a test keeps them in step)
    "__version__",
    "review_text",
    "review_file",
    "review_document",
    "load_config",
    "config_from_dict",
    "Config",
    "parse_document",
    "load_document",
    "load_brief",
    "Document",
    "Brief",
    "Report",
    "Finding",
    "CheckResult",
    "Rule",
    "Example",
    "rules_for",
    "find_rule",
    "ReviewerError",
    "InputError",
    "ConfigError",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reviewer' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from reviewer.api import review_document, review_file, review_text
    from reviewer.brief import Brief
    from reviewer.config import Config, config_from_dict, load_config
    from reviewer.document import Document, load_brief, load_document, parse_document
    from reviewer.errors import ConfigError, InputError, ReviewerError
    from reviewer.models import CheckResult, Finding, Report
    from reviewer.registry import Example, Rule, find_rule, rules_for
