"""Helpers for the guideline tests: write guideline files, parse drafts, run the check."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from reviewer.checks import run_check
from reviewer.config import Config
from reviewer.document import parse_document
from reviewer.models import Finding

REPO = Path(__file__).resolve().parents[1]


def run_guidelines(doc, config):
    return run_check("guidelines", doc, config)


def draft(body: str, language: str = "de", source: str = "draft.md"):
    """A document with a brief that fixes the language, so detection never decides a test."""
    return parse_document(
        f"---\nlanguage: {language}\n---\n\n{textwrap.dedent(body).strip()}\n", source
    )


def findings(
    body: str, language: str = "de", config: Config | None = None, category: str | None = None
) -> list[Finding]:
    found = run_guidelines(draft(body, language), config or Config()).findings
    return [f for f in found if category is None or f.category == category]


def texts(
    body: str, language: str = "de", category: str | None = None, config: Config | None = None
) -> list[str]:

    return [f.text for f in findings(body, language, config, category)]


def write_guideline(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def only(folder: Path, **settings) -> Config:
    """A config that reads only ``folder`` (no default pack)."""
    config = Config()
    config.guidelines.paths = [str(folder)]
    config.guidelines.replace_defaults = True
    for key, value in settings.items():
        setattr(config.guidelines, key, value)
    return config


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


FAST_CONFIG = """\
[checks]
pii = false
readability = false
keywords = false
structure = false
critique = false
"""
