"""The prompt: versioned template files from ``prompts/`` and the values that fill them.

The templates are files so reviewers of the product can read and change what the model is told
without touching code; their version (front matter) and a hash of their text go into the report
and into the cache key, so an edited prompt never serves stale answers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.errors import ConfigError
from reviewer.parsing.frontmatter import split_front_matter
from reviewer.resources import data_dir

if TYPE_CHECKING:
    from langchain_core.prompts import ChatPromptTemplate

    from reviewer.checks.guidelines.pack import Guideline
    from reviewer.document import Document
    from reviewer.models import Finding

PARTS = ("system", "user", "reask")
LANGUAGE_NAMES = {"de": "German", "en": "English"}


@dataclass(frozen=True)
class PromptSet:
    """The three templates of one prompt version."""

    version: str  # e.g. "critique-v1"
    sha256: str  # of the three template texts
    system: str
    user: str
    reask: str

    @property
    def label(self) -> str:
        return f"{self.version}+{self.sha256[:8]}"

    def reask_message(self, error: str) -> str:
        return self.reask.format(error=error)


@lru_cache(maxsize=8)
def chat_template(prompts: PromptSet) -> ChatPromptTemplate:
    """The LangChain template of a prompt set, built once."""
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages([("system", prompts.system), ("human", prompts.user)])


def load_prompts(folder: Path | None = None) -> PromptSet:
    """Read ``critique.{system,user,reask}.md`` from ``folder`` (default: the bundled prompts)."""
    return _load(str(folder or _bundled()))


@lru_cache(maxsize=1)
def _bundled() -> Path:
    return data_dir("prompts")


@lru_cache(maxsize=8)
def _load(folder: str) -> PromptSet:
    texts: dict[str, str] = {}
    versions: set[str] = set()
    for part in PARTS:
        path = Path(folder) / f"critique.{part}.md"
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(
                f"{path}: cannot read prompt template: {exc.strerror or exc}"
            ) from None
        meta, body_start = split_front_matter(raw, str(path))
        if not meta or "version" not in meta:
            raise ConfigError(f"{path}: prompt template needs front matter with 'version'")
        versions.add(f"{meta.get('prompt', 'critique')}-v{meta['version']}")
        texts[part] = raw[body_start:].strip() + "\n"
    if len(versions) != 1:
        raise ConfigError(
            f"{folder}: critique prompt templates disagree on their version: {sorted(versions)}"
        )
    digest = hashlib.sha256("\x1e".join(texts[p] for p in PARTS).encode("utf-8")).hexdigest()
    prompts = PromptSet(version=versions.pop(), sha256=digest, **texts)
    _check_variables(prompts, folder)
    return prompts


def _check_variables(prompts: PromptSet, folder: str) -> None:
    """A typo such as ``{drfat}`` would otherwise fail on the first review, far from the edit."""
    try:
        template = chat_template(prompts)
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"{folder}: critique prompt template is invalid: {exc}") from None
    unknown = set(template.input_variables) - set(PROMPT_VARIABLES)
    if unknown:
        raise ConfigError(f"{folder}: critique prompt uses unknown variables: {sorted(unknown)}")
    if "draft" not in template.input_variables or "boundary" not in template.input_variables:
        raise ConfigError(
            f"{folder}: critique prompt must contain {{draft}} between {{boundary}} markers"
        )


PROMPT_VARIABLES = (
    "boundary",
    "draft",
    "findings",
    "guidelines",
    "schema",
    "language_name",
    "title",
    "audience",
    "words",
    "keywords",
    "required_sections",
)


def boundary_for(draft: str) -> str:
    """A marker derived from the draft itself: the draft cannot contain its own hash, so a line
    in the draft can never close the data block early."""
    return "DRAFT-" + hashlib.sha256(draft.encode("utf-8")).hexdigest()[:16].upper()


def format_guidelines(guidelines: list[Guideline]) -> str:
    return _format_guidelines(tuple((g.id, g.title, g.severity, g.body) for g in guidelines))


@lru_cache(maxsize=32)
def _format_guidelines(guidelines: tuple[tuple[str, str, str, str], ...]) -> str:
    if not guidelines:
        return "(no guidelines configured: judge only claims and depth, and return an empty guidelines list)"
    parts = []
    for gid, title, severity, body in guidelines:
        parts.append(
            f"## {gid}: {title}\n\nid: `{gid}` · highest severity: {severity}\n\n{body.strip()}"
        )
    return "\n\n".join(parts)


@lru_cache(maxsize=1)
def schema_text() -> str:
    from reviewer.checks.critique.schema import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, separators=(",", ":"))


def format_findings(findings: list[Finding], limit: int, redact_text) -> str:
    """One line per deterministic finding. Personal data is never quoted here: the line says
    what kind it was; other quotes pass through ``redact_text`` (placeholders for PII)."""
    if not findings or limit == 0:
        return "(none)"
    lines = []
    for finding in findings[:limit]:
        where = f" (line {finding.line})" if finding.line else ""
        if finding.check == "pii":
            lines.append(
                f"- [{finding.severity}] {finding.rule}{where}: personal data ({finding.category}), "
                "replaced by a placeholder or to be removed"
            )
            continue
        quote = " ".join(finding.text.split())
        quote = f' — "{redact_text(quote[:160])}"' if quote else ""
        lines.append(
            f"- [{finding.severity}] {finding.rule}{where}: {redact_text(finding.message)}{quote}"
        )
    if len(findings) > limit:
        lines.append(f"- … and {len(findings) - limit} more")
    return "\n".join(lines)


def prompt_values(
    doc: Document, draft: str, guidelines: list[Guideline], findings_text: str, redact_text
) -> dict[str, Any]:
    """The template variables. ``draft`` is the (possibly pseudonymized) body of the document."""
    brief = doc.brief
    words = "not given"
    if brief is not None and brief.words is not None:
        words = f"{brief.words.min or 0}–{brief.words.max or '∞'} words"

    def listed(values: list[str] | None) -> str:
        return ", ".join(redact_text(v) for v in values) if values else "not given"

    return {
        "boundary": boundary_for(draft),
        "draft": draft,
        "findings": findings_text,
        # guarded too: a guideline's example may name the very person the draft mentions
        "guidelines": redact_text(format_guidelines(guidelines)),
        "schema": schema_text(),
        "language_name": LANGUAGE_NAMES.get(doc.language, doc.language),
        "title": redact_text(brief.title) if brief and brief.title else "not given",
        "audience": redact_text(brief.audience) if brief and brief.audience else "not given",
        "words": words,
        "keywords": listed(brief.keywords if brief else None),
        "required_sections": listed(brief.required_sections if brief else None),
    }
