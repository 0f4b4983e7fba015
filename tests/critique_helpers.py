"""Fixtures and builders for the critique tests: a stub server, a guideline pack, drafts, configs.

The fixtures (``stub``, ``guideline_dir``) are registered in tests/conftest.py (critique block).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewer.config import Config
from reviewer.document import Document, parse_document
from reviewer.models import Finding
from tests.finding_helpers import make_finding
from tests.openai_stub_server import StubServer

GUIDELINES = {
    "claims-evidence": (
        "error",
        "Claims need evidence",
        "Every figure, superlative or promise needs a source the reader can check.",
    ),
    "tone": (
        "warning",
        "Address the reader",
        "Write to the reader's situation, not about ourselves.",
    ),
    "inclusive-language": (
        "info",
        "Inclusive language",
        "Prefer inclusive wording; suggest, do not block.",
    ),
}

DRAFT_EN = """---
title: "Predictive maintenance for mid-sized plants"
language: en
audience: "Plant managers in the process industry"
words: {min: 40, max: 400}
keywords: ["predictive maintenance"]
---

# Predictive maintenance for mid-sized plants

Our platform cuts unplanned downtime by 80% in every plant. It is the best solution on the market.

Jana Albrecht, head of maintenance at a customer site, can be reached at jana.albrecht@example-mail.de or +49 171 5550123. Ask Jana Albrecht about her results.

Contact sales@example.com for a demo.
"""

DRAFT_DE = """---
title: "Vorausschauende Wartung"
language: de
audience: "Werksleiter im Mittelstand"
---

# Vorausschauende Wartung für den Mittelstand

Unsere Plattform senkt ungeplante Stillstände garantiert um 80 %. Sie ist die „beste Lösung“ am Markt.

Fragen Sie uns nach einer Vorführung.
"""

PII = ["Jana Albrecht", "jana.albrecht@example-mail.de", "+49 171 5550123"]


@pytest.fixture
def stub():
    with StubServer() as server:
        yield server


@pytest.fixture
def guideline_dir(tmp_path: Path) -> Path:
    return write_guidelines(tmp_path / "guidelines", GUIDELINES)


def write_guidelines(folder: Path, guidelines: dict[str, tuple[str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for gid, (severity, title, body) in guidelines.items():
        (folder / f"{gid}.md").write_text(
            f"---\nid: {gid}\ntitle: {title}\nseverity: {severity}\nlanguages: [de, en]\n---\n\n{body}\n",
            encoding="utf-8",
        )
    return folder


def make_config(
    tmp_path: Path, guideline_dir: Path, *, stub: StubServer | None = None, **critique: Any
) -> Config:
    """Only the critique and structure run; the cache lives in tmp_path; no retries unless asked."""
    config = Config()
    for name in ("readability", "keywords", "guidelines"):
        setattr(config.checks, name, False)
    config.guidelines.paths = [str(guideline_dir)]
    config.guidelines.replace_defaults = True
    config.base_dir = tmp_path
    settings = {"cache_dir": str(tmp_path / "cache"), "retries": 0, "timeout": 10.0, **critique}
    if stub is not None:
        settings.setdefault("model", "stub-model")
        settings.setdefault("base_url", stub.url)
    for key, value in settings.items():
        setattr(config.critique, key, value)
    return config


def draft(text: str = DRAFT_EN, source: str = "draft.md") -> Document:
    return parse_document(text, source)


def pii_findings(doc: Document, strings: list[str] = PII, first_only: bool = True) -> list[Finding]:
    """pii findings as the pii check would report them (first occurrence of each string by default)."""
    categories = {"@": "EMAIL_ADDRESS", "+": "PHONE_NUMBER"}
    found = []
    for value in strings:
        start = doc.content.find(value, doc.body_start)
        while start != -1:
            category = next((c for mark, c in categories.items() if mark in value), "PERSON")
            found.append(
                make_finding(
                    doc,
                    check="pii",
                    rule=f"pii.{category.lower()}",
                    severity="error",
                    message=f"Personal data ({category}).",
                    category=category,
                    start=start,
                    end=start + len(value),
                )
            )
            if first_only:
                break
            start = doc.content.find(value, start + 1)
    return found


def violation(gid: str, quote: str, severity: str = "warning", **extra: Any) -> dict[str, Any]:
    return {
        "guideline_id": gid,
        "verdict": "violated",
        "findings": [
            {
                "quote": quote,
                "severity": severity,
                "explanation": extra.get("explanation", f"{quote[:20]} breaks {gid}."),
                "suggestion": extra.get("suggestion", "Rewrite it."),
            }
        ],
    }


def claim(quote: str, severity: str = "error", assessment: str = "unverifiable") -> dict[str, Any]:
    return {
        "quote": quote,
        "assessment": assessment,
        "severity": severity,
        "explanation": "No source.",
        "suggestion": "Name the study.",
    }


def reply(guidelines=None, claims=None, depth=None, **extra: Any) -> str:
    from tests.openai_stub_server import critique

    return critique(guidelines=guidelines, claims=claims, depth=depth, **extra)
