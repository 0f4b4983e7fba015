"""The Python API: review drafts from your own code, with exactly what the CLI computes.

::

    from reviewer import review_file, review_text

    report = review_text("# Offer\\n\\nCall Jana Albrecht on +49 171 2345678.", critique=False)
    print(report.verdict)                       # "blocked"
    for finding in report.findings_at_or_above("warning"):
        print(finding.rule, finding.text)

``config`` is a :class:`Config`, a path to ``reviewer.toml`` / ``pyproject.toml``, or None for the
built-in defaults (the CLI instead looks for a config file upwards from the current folder; call
``load_config()`` to do the same). ``model`` is a LangChain chat model for the critique, used
instead of the configured one; ``critique=False`` skips the critique on purpose, like
``--no-critique``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.brief import Brief, parse_brief
from reviewer.checks.base import ReviewOptions
from reviewer.config import Config, load_config
from reviewer.document import Document, load_document, parse_document
from reviewer.models import Report
from reviewer.parsing.language import require_language
from reviewer.pipeline import review

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

BriefInput = Brief | Mapping[str, Any]


def review_text(
    text: str,
    *,
    source: str = "<text>",
    brief: BriefInput | None = None,
    language: str | None = None,
    config: Config | str | Path | None = None,
    model: BaseChatModel | None = None,
    critique: bool = True,
    use_cache: bool = True,
) -> Report:
    """Review a draft given as text. ``source`` names it in the report (a ``.txt`` name reads it
    as plain text); a ``brief`` given here wins over the text's front matter."""
    doc = parse_document(
        text,
        source,
        brief=_brief(brief, "brief"),
        language=require_language(language, "language"),
    )
    return review_document(doc, config=config, model=model, critique=critique, use_cache=use_cache)


def review_file(
    path: str | Path,
    *,
    brief: BriefInput | str | Path | None = None,
    language: str | None = None,
    config: Config | str | Path | None = None,
    model: BaseChatModel | None = None,
    critique: bool = True,
    use_cache: bool = True,
) -> Report:
    """Review a draft file. ``brief`` may also be the path of a YAML brief (or of a Markdown
    file whose front matter is the brief)."""
    from_file = isinstance(brief, str | Path)
    doc = load_document(
        str(path),
        brief_path=str(brief) if from_file else None,
        brief=None if from_file else _brief(brief, "brief"),
        language=require_language(language, "language"),
    )
    return review_document(doc, config=config, model=model, critique=critique, use_cache=use_cache)


def review_document(
    doc: Document,
    *,
    config: Config | str | Path | None = None,
    model: BaseChatModel | None = None,
    critique: bool = True,
    use_cache: bool = True,
) -> Report:
    """Review an already parsed :class:`Document` (see ``parse_document``/``load_document``)."""
    options = ReviewOptions(use_cache=use_cache, run_critique=critique, model=model)
    return review(doc, _config(config), options)


def _config(config: Config | str | Path | None) -> Config:
    if config is None:
        return Config()
    if isinstance(config, str | Path):
        return load_config(str(config))
    return config


def _brief(brief: Any, origin: str) -> Brief | None:
    if brief is None or isinstance(brief, Brief):
        return brief
    return parse_brief(dict(brief), origin)


__all__ = ["review_document", "review_file", "review_text"]
